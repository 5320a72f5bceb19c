"""Resume: the papers that belong on a resume, in the guide's formats, copied with one key.

The list is grouped as the copied list is (Selected first, then Other, by year or by type);
space marks papers so `x` (off the resume) and `s` (Selected) act on all of them at once; `h`
shows the papers kept off the resume, where `x` puts them back. The data comes as one view
object loaded in a worker (the view protocol in base.py); writes go through usecases/resume.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from ...domain.snippets import FORMATS, ResumeEntry, grouped, render, render_list
from ...i18n_words import FORMAT_NAMES, RESUME_GROUP_NAMES, word
from ...usecases.resume import ResumeView, resume_view
from ..widgets.document import DocumentPanel
from ..widgets.line_options import LineOptionList
from ..widgets.panel import Panel, literal
from .base import PaperdeckScreen
from .resume_actions import ResumeActions
from .resume_text import group_heading, row_text

if TYPE_CHECKING:
    from ...usecases.core import Store


def whole_list(view: ResumeView | None, fmt: str | None, group: str) -> str:
    """The whole list as copied (the preview's lower panel)."""
    shown = list(view.entries) if view is not None else []
    return render_list(shown, fmt, group) if shown and fmt else ""


def lacks_cite_keys(view: ResumeView | None, fmt: str | None) -> bool:
    """BibTeX is asked for but the view was read without the database's cite keys: each key
    depends on every paper's, so it is read with a view (`resume_view`), never made up here."""
    return fmt == "bib" and view is not None and view.cite_keys is None


@dataclass(frozen=True)
class ReadResume:
    """The view, with what its first showing draws made in the worker too (at large, 2,000
    rows and the whole list as text: ~40 ms and more on the UI thread): each row unmarked,
    and the whole list in the stored format and grouping."""

    view: ResumeView
    rows: Mapping[int, Text]
    whole: str | None  # None: the stored format is BibTeX and the view has no cite keys

    @classmethod
    def of(cls, view: ResumeView) -> "ReadResume":
        rows = {entry.paper_id: row_text(entry, False) for entry in (*view.entries, *view.hidden)}
        whole = None if lacks_cite_keys(view, view.format) else whole_list(view, view.format, view.group)
        return cls(view, rows, whole)


class ResumeScreen(ResumeActions, PaperdeckScreen):
    # Not a CSS_PATH: a stylesheet file read at the first showing re-parses the app's CSS and
    # restyles every screen's widgets (as Pipeline and Pitch).
    DEFAULT_CSS = """
    #resume-body { height: 1fr; }
    #resume-left { width: 1fr; max-width: 72; min-width: 30; }
    #resume-list { height: 1fr; border: round $primary 50%; border-title-color: $text-accent; text-wrap: nowrap; text-overflow: ellipsis; }
    #resume-list:focus { border: round $accent; }
    #resume-right { width: 1fr; padding: 0 0 0 1; }
    #resume-format { height: auto; }
    #resume-preview-scroll { height: 1fr; }
    /* narrower than STACK_BELOW: the list above the preview, each the whole width */
    ResumeScreen.-stacked #resume-body { layout: vertical; }
    ResumeScreen.-stacked #resume-left { width: 100%; max-width: 100%; height: 2fr; }
    ResumeScreen.-stacked #resume-right { width: 100%; height: 3fr; padding: 0; }
    """
    BINDINGS = [
        Binding("y", "copy_one", "Copy", id="resume.copy", tooltip="Copy the selected paper's snippet"),
        Binding("Y", "copy_all", "Copy list", id="resume.copy-all", tooltip="Copy the whole list (Selected first)"),
        Binding("l", "copy_line", "Copy line", id="resume.copy-line",
                tooltip="Copy the selected paper as one plain line (for a form field)", show=False),
        Binding("f", "cycle_format", "Format", id="resume.format", tooltip="Switch format: txt, md, tex, bib"),
        Binding("g", "cycle_group", "Group", id="resume.group", tooltip="Group the list: Selected + Other, by year, by type"),
        Binding("e,enter", "edit_bullets", "Bullets", id="resume.bullets", tooltip="Edit the selected paper's bullets"),
        Binding("space", "toggle_mark", "Mark", id="resume.mark", tooltip="Mark the paper, to act on several at once"),
        Binding("a", "toggle_all", "Mark all", id="resume.mark-all", tooltip="Mark every paper in the list, or clear the marks", show=False),
        Binding("s", "toggle_selected", "Selected", id="resume.selected",
                tooltip="Mark or unmark the paper (or the marked papers) as Selected Publications"),
        Binding("x", "hide", "Off / on", id="resume.hide",
                tooltip="Take the paper (or the marked papers) off the resume; among hidden papers, put them back"),
        Binding("h", "toggle_hidden", "Hidden", id="resume.hidden", tooltip="Show the papers kept off the resume"),
        Binding("u", "undo", "Undo", id="resume.undo", tooltip="Undo the last change (shared with the Pipeline)", show=False),
        Binding("i", "import_bib", "Import .bib", id="resume.import", tooltip="Import papers from a BibTeX file"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: ResumeView | None = None
        self.entries: list[ResumeEntry] = []       # the list in view, in its shown order
        self.fmt: str | None = None  # the stored format, once the first view lands; then `f` cycles it
        self.group: str = "selected"
        self.showing_hidden = False
        self.marked: set[int] = set()
        self.pending_item: str | None = None  # show_item before the first view landed
        self.versions: dict[int, int] = {}  # paper id -> version shown: bullets save against it
        self._whole: tuple | None = None  # (view, format, group, the whole list's text)
        self._rows: Mapping[int, Text] = {}  # paper id -> its unmarked row, made with the view
        # BibTeX's cite keys are read with a view only while BibTeX is shown (or a copy waits for
        # them): ~40 ms at 10,000 papers, for a format the first showing rarely needs.
        self._keys_asked = False  # the newest load was asked for them
        self._after_keys: list[Callable[[], None]] = []  # BibTeX copies waiting for them

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="resume-body"):
            with Vertical(id="resume-left"):
                yield LineOptionList(id="resume-list")
            with Vertical(id="resume-right"):
                yield Static(id="resume-format")
                with VerticalScroll(id="resume-preview-scroll"):
                    yield Panel(id="resume-preview")
                    yield DocumentPanel(id="resume-whole")
        yield Footer()

    # Below this many columns the list and the preview are stacked, each the whole width: side
    # by side at 80 columns each would get ~38, titles cut and the snippet wrapped every few words.
    STACK_BELOW = 100

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < self.STACK_BELOW, "-stacked")

    def on_resize(self) -> None:
        self.set_class(self.size.width < self.STACK_BELOW, "-stacked")

    # -- the view ---------------------------------------------------------------------------

    def view_request(self) -> tuple[str, bool | None]:
        """The language, and whether to read the cite keys (None before the first view: when
        the stored format is BibTeX)."""
        self._keys_asked = self.fmt == "bib" or bool(self._after_keys)
        return self.language, (None if self.fmt is None and not self._after_keys else self._keys_asked)

    @staticmethod
    def load_view(store: "Store", request: tuple[str, bool | None]) -> "ReadResume":
        return ReadResume.of(resume_view(store, cite_keys=request[1]))

    def show_view(self, read: "ReadResume") -> None:
        view = read.view
        first = self.view is None
        self.view = view
        self._rows = read.rows
        # _whole_list's, made in the worker
        self._whole = (view, view.format, view.group, read.whole) if read.whole is not None else None
        self.versions = dict(view.versions)
        if first:
            self.fmt, self.group = view.format, view.group
        known = {e.paper_id for e in (*view.entries, *view.hidden)}
        self.marked &= known
        self._fill_list()
        if self.pending_item is not None:
            item, self.pending_item = self.pending_item, None
            self.show_item(item)
        if self._after_keys:
            if view.cite_keys is None:
                self.reload_view()  # read before they were asked for: again, with them
            else:
                waiting, self._after_keys = self._after_keys, []
                for then in waiting:
                    then()

    def _with_cite_keys(self, fmt: str | None, then: Callable[[], None]) -> None:
        """Run `then` now, or, when `fmt` is BibTeX and the view has no cite keys, once a view
        read with them is shown."""
        if not lacks_cite_keys(self.view, fmt):
            then()
            return
        self._after_keys.append(then)
        self._ask_cite_keys()

    def _ask_cite_keys(self) -> None:
        """Read the view again with the cite keys, unless a read asked for them is under way."""
        if not (self.view_pending and self._keys_asked):
            self.reload_view()

    def _fill_list(self) -> None:
        """The list in view, grouped like the copied list; the cursor stays on its paper (or,
        when that paper left the list, at its place)."""
        view = self.view
        if view is None:
            return
        listing = self.query_one("#resume-list", OptionList)
        previous, position = self.current, listing.highlighted or 0
        source = view.hidden if self.showing_hidden else view.entries
        groups = [("", list(source))] if self.showing_hidden else grouped(source, self.group)
        options: list[Option | None] = []
        self.entries = []
        for heading, members in groups:
            if heading:
                options.append(Option(group_heading(heading, len(members), self.language), id=f"group:{heading}",
                                      disabled=True))
            for entry in members:
                marked = entry.paper_id in self.marked
                row = None if marked else self._rows.get(entry.paper_id)
                options.append(Option(row or row_text(entry, marked), id=str(entry.paper_id)))
                self.entries.append(entry)
        listing.clear_options()
        listing.add_options(options)
        listing.border_title = self._list_title()
        if self.entries:
            wanted = previous.paper_id if previous else None
            index = next((i for i, o in enumerate(options) if o and o.id == str(wanted)), None)
            if index is None:
                selectable = [i for i, o in enumerate(options) if o and not o.disabled]
                index = min(selectable, key=lambda i: abs(i - position))
            listing.highlighted = index
        self._render_preview()

    def _list_title(self) -> str:
        count = len(self.entries)
        if self.showing_hidden:
            text = self.pick(f"不在简历上的论文（{count}）", f"Off the resume ({count})")
        else:
            text = self.pick(f"简历上的论文（{count}）", f"On the resume ({count})")
        if self.marked:
            text += self.pick(f" · 已标记 {len(self.marked)}", f" · {len(self.marked)} marked")
        return text

    @property
    def current(self) -> ResumeEntry | None:
        listing = self.query_one("#resume-list", OptionList)
        index = listing.highlighted
        if index is None or not 0 <= index < listing.option_count:
            return None
        option_id = listing.get_option_at_index(index).id or ""
        return next((e for e in self.entries if str(e.paper_id) == option_id), None)

    def show_item(self, item: str) -> None:
        if self.view is None:  # the first view has not landed yet
            self.pending_item = item
            return
        listing = self.query_one("#resume-list", OptionList)
        try:
            listing.highlighted = listing.get_option_index(item)
        except OptionDoesNotExist:  # a paper not in the list in view
            return

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._render_preview()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit_bullets()

    def _render_preview(self) -> None:
        if self.fmt is None or self.view is None:
            return
        bar = Text(self.pick("格式：", "Format: "), style="bold")
        for fmt in FORMATS:
            bar.append(f" {fmt} ", style="reverse bold" if fmt == self.fmt else "dim")
        bar.append(f"  {word(FORMAT_NAMES, self.fmt, self.language)}", style="italic")
        bar.append(self.pick("  分组：", "  Group: "), style="bold")
        bar.append(word(RESUME_GROUP_NAMES, self.group, self.language))
        self.query_one("#resume-format", Static).update(bar)
        preview = self.query_one("#resume-preview", Panel)
        whole = self.query_one("#resume-whole", DocumentPanel)
        one, every = self.key_hint("copy_one"), self.key_hint("copy_all")
        preview.border_title = self.pick(f"当前论文（{one} 复制）", f"This paper ({one} copies)")
        whole.border_title = self.pick(f"完整列表（{every} 复制）", f"Whole list ({every} copies)")
        entry = self.current
        if lacks_cite_keys(self.view, self.fmt):
            self._ask_cite_keys()
            preview.update(Text(self.pick("正在生成 BibTeX 引用键…", "Making the BibTeX cite keys…"), style="dim italic"))
        elif entry is None:
            key = self.key_hint("import_bib")
            preview.update(Text(self.pick(
                f"还没有可上简历的论文：被接收、审稿中或已上 arXiv 的论文会出现在这里。按 {key} 导入 BibTeX。",
                f"No paper belongs on the resume yet: accepted, under review or on arXiv. Press {key} to import a BibTeX file.",
            ) if not self.showing_hidden else self.pick("没有不在简历上的论文。", "No paper is kept off the resume.")))
        else:
            preview.update(literal(render(entry, self.fmt), single_line=False))
        whole.show_text(self._whole_list())  # laid out again only when changed

    def _whole_list(self) -> str:
        """The whole list as copied, made once per view, format and grouping: not on every
        cursor move (2,000 papers as BibTeX take ~120 ms to write out)."""
        view, made = self.view, self._whole
        if lacks_cite_keys(view, self.fmt):
            return ""  # shown once the view with the cite keys is (the preview says so)
        if made is None or made[0] is not view or made[1:3] != (self.fmt, self.group):
            made = self._whole = (view, self.fmt, self.group, whole_list(view, self.fmt, self.group))
        return made[3]
