"""The paper form's tabs after Details (Checklist, Submissions, Links): each is built the first
time it is shown, not with the form (they are a third of its widgets; most openings never
show them).

Why no `await` of a mount here: a form closed (Escape, a save) while a tab's widgets mount
would leave its handler waiting for widgets that never mount, and the app waiting to remove
the form (round 5's Details-first attempt froze that way). Instead the tab's body tells the
form once its children are mounted (a widget's Mount comes after its children's); a form
removed meanwhile is not told, or ignores it. Until a tab is built its fields take no part in
a save, a draft or the question on close: nothing can have been typed in them.

A built tab stays built while the form is kept (paper_form.py): each opening fills it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import ScrollableContainer, VerticalScroll
from textual.scroll_view import ScrollView
from textual.widgets import TabbedContent, Tabs, TabPane

LATER_TABS = ("tab-checklist", "tab-submissions", "tab-links")


class TabBody(VerticalScroll):
    """A tab's contents, composed when its tab is first shown; calls `built(self)` once its
    children are mounted."""

    def __init__(self, build: Callable[[], ComposeResult], built: Callable[["TabBody"], None], classes: str = ""):
        super().__init__(classes=classes)
        self._build = build
        self._built = built

    def compose(self) -> ComposeResult:
        yield from self._build()

    def on_mount(self) -> None:
        self._built(self)


class LaterTabs:
    """Mixed into PaperFormModal: builds a later tab when it is first activated."""

    def _reset_tabs(self) -> None:
        """The form is new: no later tab is built or being built."""
        self._tab_generation = getattr(self, "_tab_generation", 0) + 1
        self.tabs_built: set[str] = set()
        self._tabs_building: set[str] = set()
        self._tabs_idle().set()

    def _tabs_idle(self) -> asyncio.Event:
        if getattr(self, "_tabs_idle_event", None) is None:
            self._tabs_idle_event = asyncio.Event()
            self._tabs_idle_event.set()
        return self._tabs_idle_event

    def _follow_tabs(self) -> None:
        """Once composed: each tab shown is built (if not yet) and keeps the focus out of the
        tab being hidden. Watched, not a TabActivated handler: this runs as `active` changes,
        before the hidden tab's widgets get their Hide."""
        tabs = self.query_one(TabbedContent)
        self.watch(tabs, "active", lambda active: self._tab_shown(tabs, active), init=False)

    def _tab_shown(self, tabs: TabbedContent, active: str) -> None:
        pane = tabs.get_pane(active) if active else None
        focused = self.focused
        if pane is not None and focused is not None and pane not in focused.ancestors and any(
                isinstance(node, TabPane) for node in focused.ancestors):
            # A hidden focused field gives the focus to a sibling that can take it (Textual's
            # Screen._reset_focus): in a tab's grid, another field of the hidden tab, whose
            # TabPane.Focused then shows that tab again. The tab bar takes it instead.
            tabs.query_one(Tabs).focus()
        self._build_tab(pane)
        if active == "tab-submissions" and active in self.tabs_built and not self.reading:
            self._read_editions()

    def _build_tab(self, pane: TabPane | None) -> None:
        """Start building `pane`'s contents, unless built, being built or not a later tab."""
        if pane is None or pane.id not in LATER_TABS or self.reading or not self.is_attached:
            return
        name = pane.id
        if name in self.tabs_built or name in self._tabs_building:
            return
        builders = {"tab-checklist": self._checklist_tab, "tab-submissions": self._submissions, "tab-links": self._links}
        generation = self._tab_generation
        self._tabs_building.add(name)
        self._tabs_idle().clear()
        grid = "fields" if name == "tab-links" else ""  # a tab of fields (paper_form_rows.py)
        pane.mount(TabBody(builders[name], lambda body: self._tab_built(name, body, generation), classes=grid))

    def _tab_built(self, name: str, body: TabBody, generation: int) -> None:
        """`name`'s widgets are mounted: filled from the paper the form shows, its fields join
        the form as filled (an edit in another tab meanwhile stays an edit)."""
        if generation != self._tab_generation or not self.is_attached or not body.is_attached:
            return  # the form was closed meanwhile
        known = set(self.fields)
        self._register(body)
        self.tabs_built.add(name)
        self._tabs_building.discard(name)
        if not self.reading:  # else the opening's paper, when it lands, fills every built tab
            self._fill_fields(name)
            raw = self._raw()
            self.loaded.update({field: raw[field] for field in self.fields if field not in known})
            if name == "tab-submissions":
                self._read_editions()
        if not self._tabs_building:
            self._tabs_idle().set()
        if name == self.tab_to_enter:
            self.call_after_refresh(self._enter_tab, name)

    tab_to_enter = ""  # the tab a key switched to: the focus goes into it once it is shown

    def _enter_tab(self, name: str) -> None:
        """The focus into tab `name`'s first field or list (the tab bar had it: Space, meant
        for the checklist, went to the tab bar)."""
        tabs = self.query_one(TabbedContent)
        if tabs.active != name or self.tab_to_enter != name:
            return  # switched again meanwhile
        self.tab_to_enter = ""
        for widget in tabs.get_pane(name).query("*"):
            scroll_only = isinstance(widget, ScrollableContainer) and not isinstance(widget, ScrollView)
            if widget.focusable and not scroll_only:  # a field or a list, not the tab's scroll
                widget.focus()
                return

    def _fill_fields(self, name: str) -> None:
        """A built tab wholly from the paper the form shows (an opening, a reload), lists too."""
        if name not in self.tabs_built:
            return
        if name == "tab-links":
            self._fill_links(self.paper)
        elif name == "tab-submissions":
            self._fill_submissions(self.view, self.paper)
        elif name == "tab-checklist":
            self.query_one("#form-checklist").highlighted = None  # the first item, as for a new list
            self._fill_lists(name)

    def _fill_lists(self, name: str) -> None:
        """A built tab's lists from `self.view` (also after a submission or a decision, which
        leave its fields as typed)."""
        if name not in self.tabs_built:
            return
        if name == "tab-checklist":
            self._load_checklist()
            self._load_stage_days()
        elif name == "tab-submissions":
            self._load_submissions()

    async def show_tab(self, name: str) -> None:
        """Show tab `name` and wait until its fields are built (tests use it before typing)."""
        tabs = self.query_one(TabbedContent)
        tabs.active = name
        self._build_tab(tabs.get_pane(name))
        await self._tabs_idle().wait()
