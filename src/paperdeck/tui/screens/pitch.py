"""Pitch: the guide's five-part, 5-8 minute paper pitch, per paper.

Each part has its editor with the guide's prompt and example (beside it from SIDE_BY_SIDE
columns, above it below; below EXAMPLES_SHOWN columns they wait behind F3); counts and speaking
time update as you type; a rehearsal stopwatch takes a lap per part. Text is saved within a
second of the last keystroke, when you leave the screen or switch paper, and on quit.

Two modes, shown in the footer: editing (an editor has the focus: letters are text) and
commands (Esc: letters are keys). Entering the screen puts the focus in the current part's editor.
The rehearsal stopwatch is in pitch_rehearsal.py; history, export and copy in pitch_outputs.py;
saving what is typed in pitch_saving.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import TYPE_CHECKING

from rich.text import Text
from textual._context import NoActiveAppError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Header, Select, Static, TextArea

from ...domain.pitch_shares import part_targets
from ...domain.rehearsal import Stopwatch
from ...domain.speaking import Rates, estimate_pitch, prepare_counting
from ...models.pitch import PitchPart
from ...usecases.pitch import PitchView, pitch_view
from .pitch_guard import PitchGuard
from .pitch_modes import EDITOR_SHARE, PitchModes  # noqa: F401  (EDITOR_SHARE: the layout tests read it here)
from .pitch_outputs import PitchOutputs
from .pitch_rehearsal import RehearsalControls
from .pitch_saving import PitchSaving
from ..widgets.fitting_line import FittingLine
from ..widgets.gauge import SpeakingGauge, part_time_text, speech_count_text
from ..widgets.rehearsal import RehearsalPanel
from ..widgets.panel import literal
from ..widgets.safe_text import SafeTextArea
from .base import PaperdeckScreen

# ~11 ms of regex compiling: done as the preloader imports this module (tui/preload.py), not in
# the first showing's frame, where the first count would.
prepare_counting()

if TYPE_CHECKING:
    from ...usecases.core import Store



class PitchScreen(PitchSaving, PitchModes, RehearsalControls, PitchOutputs, PaperdeckScreen):
    # The three widths: _fit_layout. Not a CSS_PATH: a stylesheet file read at the first
    # showing re-parses the app's CSS.
    DEFAULT_CSS = """
    #pitch-top { height: 3; padding: 0 1; }
    #pitch-paper { width: 2fr; max-width: 48; }
    #pitch-gauge { width: 3fr; height: 3; margin: 0 0 0 2; }
    #pitch-body { height: 1fr; }
    #pitch-parts { width: 1fr; padding: 0 1; }
    .part-head { height: 1; }
    .part-row { height: auto; layout: vertical; margin: 0 0 1 0; }
    .part-prompt { width: 1fr; height: auto; color: $text-muted; display: none; }
    PitchScreen.-examples .part-prompt { display: block; }
    PitchScreen.-side .part-row { layout: horizontal; }
    PitchScreen.-side .part-prompt { padding: 0 1 0 0; }
    .part-editor { width: 1fr; height: 6; }
    #pitch-rehearsal { width: 30; border-left: vkey $primary 40%; padding: 0 1; }
    #pitch-rehearsal-title { height: auto; text-wrap: nowrap; text-overflow: ellipsis; }
    #pitch-timer { width: 100%; text-align: center; color: $text; }
    #pitch-timer.in-range { color: $success; }
    #pitch-timer.near-end { color: $warning; }
    #pitch-timer.over { color: $error; }
    #pitch-laps { height: auto; text-wrap: nowrap; text-overflow: ellipsis; }
    """
    # No focus until the first view: it goes into an editor then (the paper chooser, focused
    # first and left at once, was restyled twice: ~5 ms of the first showing), or to the chooser
    # when there is no paper.
    AUTO_FOCUS = ""
    READS_BEFORE_COMPOSE = True  # view_request reads the paper asked for, no widget
    BINDINGS = [
        # The mode, first in the footer: "Esc ✎ Editing" in an editor, "i ⌘ Keys: edit" outside.
        Binding("escape", "leave_editor", "✎ Editing", id="pitch.leave", priority=True,
                tooltip="Editing: letters are text. Esc leaves the editor: letters then act as keys"),
        Binding("i,e", "edit_part", "⌘ Keys: edit", id="pitch.edit", priority=True,
                tooltip="Keys mode: letters act as keys. i or e goes back into the current part's editor"),
        Binding("f5,ctrl+r", "rehearse", "Rehearse/lap", id="pitch.rehearse", priority=True,
                tooltip="Start a rehearsal; again to end the current part's lap"),
        Binding("f6", "stop_rehearsal", "Stop", id="pitch.stop", priority=True,
                tooltip="Stop the rehearsal and save the run"),
        Binding("f4", "runs", "Runs", id="pitch.runs", priority=True,
                tooltip="This paper's rehearsals against the target: d deletes one, u brings it back"),
        Binding("f7", "history", "History", id="pitch.history", priority=True,
                tooltip="Version history: restore any earlier version"),
        Binding("f8", "export", "Export .md", id="pitch.export", priority=True,
                tooltip="Write the pitch as Markdown to a file (asks where: pitch-<id>.md here by default)"),
        Binding("f9", "copy", "Copy", id="pitch.copy", priority=True,
                tooltip="Copy the pitch as Markdown to the clipboard"),
        Binding("f3", "toggle_examples", "Examples", id="pitch.examples", priority=True,
                tooltip="Show or hide the guide's prompt and example above each part"),
        Binding("ctrl+s", "save_now", "Save", id="pitch.save", show=False, priority=True,
                tooltip="Save now; a part changed elsewhere asks: keep mine, take theirs or keep both"),

        Binding("r", "rehearse", "Rehearse", id="pitch.rehearse-letter", show=False,
                tooltip="Outside an editor: start a rehearsal / next lap"),
        Binding("h", "history", "History", id="pitch.history-letter", show=False,
                tooltip="Outside an editor: version history"),
        Binding("l", "runs", "Runs", id="pitch.runs-letter", show=False,
                tooltip="Outside an editor: the paper's rehearsals"),
        Binding("y", "copy", "Copy", id="pitch.copy-letter", show=False,
                tooltip="Outside an editor: copy the pitch as Markdown"),
        Binding("left_square_bracket", "cycle_paper(-1)", "Previous paper", id="pitch.prev", show=False,
                tooltip="Outside an editor: the previous paper"),
        Binding("right_square_bracket", "cycle_paper(1)", "Next paper", id="pitch.next", show=False,
                tooltip="Outside an editor: the next paper"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: PitchView | None = None  # what is shown; loaded when the screen is shown
        self.paper_id: int | None = None  # the paper whose text the editors hold
        self.wanted_paper_id: int | None = None  # the paper asked for (shown once its view lands)
        self.parts: tuple[PitchPart, ...] = ()
        self.parts_mounted = 0  # the first this many parts have their widgets (the others come after the first frame)
        self._other_parts_mounted = asyncio.Event()  # for tests (view_ready): clear while some wait
        self._other_parts_mounted.set()
        self.dirty: set[str] = set()
        self.save_timer: Timer | None = None
        self.stopwatch: Stopwatch | None = None
        self.tick_timer: Timer | None = None
        self.rates = Rates()
        self.target_minutes: tuple[float, float] = (5.0, 8.0)
        self.texts: dict[str, str] = {}  # mirrors the editors: saving on quit needs no DOM
        self.versions: dict[str, int] = {}  # each part's stored version the editors started from
        self.guard = PitchGuard(self)  # conflicts, a paper deleted elsewhere, a rehearsal cut short
        # Local changes to the text (edits, restores): a load asked for before one of them
        # carries older text and must not replace the editors'.
        self.edits = 0
        self._edits_at_request = 0
        self._paper_options: tuple = ()  # the view's papers (title, id) for the chooser
        self._papers_listed: tuple = ()  # those the chooser lists (at first the chosen one only)
        self.current_part = 1  # the part whose editor had the focus last
        self.examples_wanted: bool | None = None  # F3's choice; None: by the width
        self._entered = True  # the focus goes into an editor once the parts are shown
        self._typed_early: list[str] = []  # text typed before the editors were there
        self._covered = False  # suspended under a dialog (not left for another screen)
        # Its classes for the terminal's width before it is first styled: set in compose, they
        # restyled the screen once more before its first frame (~1 ms at medium).
        try:
            self._fit_classes(self.app.size.width, styled=False)
        except NoActiveAppError:  # built outside a running app: compose sets them
            pass

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="pitch-top"):
            yield Select[int]([], prompt="Paper", id="pitch-paper", allow_blank=True)
            yield SpeakingGauge(id="pitch-gauge")
        body = Horizontal(id="pitch-body")
        body.display = False  # shown with the first view: an empty body drawn first costs a frame
        with body:
            yield VerticalScroll(id="pitch-parts")  # the guide's parts, mounted with the first view
            panel = RehearsalPanel(id="pitch-rehearsal")
            # The screen's classes and the panel's width for the terminal's width before anything
            # is styled: set at the first resize, they restyled the whole screen (~8 ms at medium).
            self._fit_widgets(self.app.size.width, panel, ())
            yield panel
        yield Footer()

    def _part_widgets(self, parts: tuple[PitchPart, ...], texts: Mapping[str, str], first: int = 1) -> list[Widget]:
        """Each part's heading, then its row (the prompt, beside or above the editor), from part
        number `first`. No box around the two: 5 containers fewer to mount, style and lay out at
        the first showing."""
        widgets: list[Widget] = []
        for number, part in enumerate(parts[first - 1:], start=first):
            editor = SafeTextArea(texts.get(part.key, ""), id=f"editor-{number}", classes="part-editor", soft_wrap=True)
            editor.disabled = self.paper_id is None
            widgets.append(FittingLine(id=f"head-{number}", classes="part-head"))
            widgets.append(Horizontal(Static(id=f"prompt-{number}", classes="part-prompt"), editor, classes="part-row"))
        return widgets

    # -- the view ---------------------------------------------------------------------------

    def view_request(self) -> int | None:
        self._edits_at_request = self.edits
        return self.wanted_paper_id

    @staticmethod
    def load_view(store: "Store", paper_id: int | None) -> PitchView:
        return pitch_view(store, paper_id)

    @property
    def shown_title(self) -> str:
        """The title of the paper whose text the editors hold (from the view it came with)."""
        return self.view.title(self.paper_id) if self.view is not None and self.paper_id is not None else ""

    async def show_view(self, view: PitchView) -> None:
        self._hear_unheard_typing()
        if self.paper_id is not None and not any(paper.id == self.paper_id for paper in view.papers):
            self.guard.paper_gone()  # deleted elsewhere: its text becomes a draft, editing stops
        self.view = view
        self.rates, self.target_minutes = view.rates, view.target_minutes
        self.query_one("#pitch-body").display = True
        if self.guard.stopped:  # until the user picks a paper: never edit another one instead
            self._show_papers(view, select=False)
            self._render_rehearsal()
            return
        self.wanted_paper_id = view.paper_id
        self._show_papers(view)
        switching = view.paper_id != self.paper_id
        if switching:
            self.flush(snapshot=True)  # what was typed into the previous paper while this loaded
            if self.guard.stopped:
                return
            self.guard.leave_held()  # never asked about under another paper's editors
            self._cancel_rehearsal()
            self.paper_id = view.paper_id
            self.dirty.clear()
        # The editors hold the truth once typed in: stored text replaces theirs only for another
        # paper, or when nothing was typed since this load was asked for (another window's edit).
        take_stored = switching or (not self.dirty and self.edits == self._edits_at_request)
        if take_stored:
            self.versions = dict(view.versions)
        else:  # parts saved meanwhile by this screen keep the versions it got back
            self.versions = {**view.versions, **{key: self.versions[key] for key in self.dirty if key in self.versions}}
        if view.parts != self.parts:
            texts = view.bodies if take_stored else {**view.bodies, **self.texts}
            self.parts = view.parts
            self.texts = {part.key: texts.get(part.key, "") for part in view.parts}
            container = self.query_one("#pitch-parts", VerticalScroll)
            self.parts_mounted = 0
            await container.remove_children()
            # The first showing: the parts below the first frame come right after it.
            shown, later_rows = (self._parts_in_first_frame(view.parts) if not self._first_view_shown and self.is_current
                                 else (len(view.parts), 0))
            widgets = self._part_widgets(view.parts[:shown], self.texts)
            if later_rows:  # their rows meanwhile: the scrollbar's thumb is (about) its size from the first frame
                widgets.append(Widget(id="pitch-parts-later"))
                widgets[-1].styles.height = later_rows
            await container.mount_all(widgets)
            self.parts_mounted = shown
            if shown < len(view.parts):
                self._other_parts_mounted.clear()
                self.call_after_refresh(self._mount_other_parts, view.parts)
            else:
                self._other_parts_mounted.set()
        elif take_stored:
            self._load_texts(view.bodies)
        self._render_prompts()
        self._update_counts()
        self._render_rehearsal()
        self._fit_layout()
        if self._entered:
            self._entered = False
            self.refresh_bindings()  # the letter keys are keys again (check_action)
            editor = self._focus_editor(self.current_part)
            early, self._typed_early = "".join(self._typed_early), []
            if early and editor is not None:  # typed while the first view loaded: it was text
                editor.move_cursor(editor.insert(early).end_location)
            if editor is not None and self.focused is not editor:
                # Just mounted, it may not take the focus yet: once it is laid out.
                self.call_after_refresh(self._focus_editor, self.current_part)
            elif editor is None and self.focused is None:
                self.set_focus(self.query_one("#pitch-paper", Select))

    def _show_papers(self, view: PitchView, *, select: bool = True) -> None:
        chooser = self.query_one("#pitch-paper", Select)
        example = self.pick("示例 · ", "example · ")
        options = tuple(((example if paper.is_example else "") + (paper.title[:80] or f"#{paper.id}"), paper.id)
                        for paper in view.papers)
        with self.prevent(Select.Changed):
            if options != self._paper_options:
                self._paper_options = options
                if self._first_view_shown or view.paper_id is None:
                    self._list_papers(chooser, options)
                else:
                    # The first frame shows the paper chosen; the list of them all (a thousand
                    # papers at medium: ~6 ms) is made once that frame is drawn.
                    self._list_papers(chooser, tuple(option for option in options if option[1] == view.paper_id))
                    self.call_after_refresh(self._list_all_papers)
            if not select:
                chooser.clear()
            elif view.paper_id is not None and chooser.value != view.paper_id:
                chooser.value = view.paper_id

    async def _mount_other_parts(self, parts: tuple[PitchPart, ...]) -> None:
        """The parts the first frame left out, with the text they hold now."""
        if parts != self.parts or self.parts_mounted >= len(parts) or self.widgets_going():
            return  # other parts were mounted meanwhile, all of them; or quitting
        first, self.parts_mounted = self.parts_mounted + 1, len(parts)
        container = self.query_one("#pitch-parts", VerticalScroll)
        await container.mount_all(self._part_widgets(parts, self.texts, first))
        if self.widgets_going():  # quit while they mounted: their widgets are gone already
            return
        await container.query("#pitch-parts-later").remove()
        self._render_prompts(first)
        self._update_counts()
        self._fit_layout()
        self._other_parts_mounted.set()

    async def view_ready(self) -> None:
        await super().view_ready()
        await self._other_parts_mounted.wait()

    def _list_papers(self, chooser: Select, options: tuple) -> None:
        chooser.set_options([(literal(title), paper_id) for title, paper_id in options])
        self._papers_listed = options

    def _list_all_papers(self) -> None:
        if self._papers_listed == self._paper_options:  # a view since listed them all
            return
        chooser = self.query_one("#pitch-paper", Select)
        with self.prevent(Select.Changed):
            chosen = chooser.value
            self._list_papers(chooser, self._paper_options)
            if any(paper_id == chosen for _, paper_id in self._paper_options):
                chooser.value = chosen

    def show_item(self, item: str) -> None:
        if item.isdigit():
            self._switch_paper(int(item))

    def _load_texts(self, bodies: Mapping[str, str]) -> None:
        for number, part in enumerate(self.parts, start=1):
            text = bodies.get(part.key, "")
            self.texts[part.key] = text
            if number > self.parts_mounted:
                continue  # its editor, mounted soon, starts with self.texts
            editor = self.query_one(f"#editor-{number}", TextArea)
            if editor.text != text:
                editor.load_text(text)
            editor.disabled = self.paper_id is None

    def _render_prompts(self, first: int = 1) -> None:
        for number, part in enumerate(self.parts[first - 1:self.parts_mounted], start=first):
            prompt = Text()
            other = part.en if self.language == "zh" else part.zh
            prompt.append_text(literal(other, "bold"))
            example = part.example(self.language)
            if example:
                prompt.append("\n")
                prompt.append("例：" if self.language == "zh" else "e.g. ", style="dim")
                prompt.append_text(literal(example, "italic"))
            self.query_one(f"#prompt-{number}", Static).update(prompt)

    def _texts(self) -> dict[str, str]:
        return {part.key: self.texts.get(part.key, "") for part in self.parts}

    def _update_counts(self) -> None:
        if self.view is None:
            return
        estimate = estimate_pitch(self._texts(), self.rates, self.target_minutes)
        targets = part_targets([part.key for part in self.parts], self.target_minutes)
        for number, (part, part_estimate) in enumerate(zip(self.parts[:self.parts_mounted], estimate.parts), start=1):
            head = Text(f"{number}. ", style="bold")
            head.append_text(literal(part.title(self.language), "bold"))
            if part.key in self.guard.held:
                head.append(self.pick("  ⚠ 已在别处修改 · Ctrl+S", "  ⚠ changed elsewhere · Ctrl+S"),
                            style="bold yellow")
            head.append("   ")
            head.append_text(part_time_text(part_estimate.seconds, targets.get(part.key)))
            # A narrow pane drops the counts whole (a zero one first) rather than cut them; most
            # keystrokes change no count: then nothing is repainted.
            counts = (speech_count_text(part_estimate.count, self.language, zeros=zeros) for zeros in (True, False))
            fuller = [head + Text(f" · {text}", style="dim") for text in dict.fromkeys(counts) if text]
            self.query_one(f"#head-{number}", FittingLine).show(*fuller, head)
        self.query_one("#pitch-gauge", SpeakingGauge).show(estimate, self.language)
        if self.guard.stopped:
            self.query_one("#pitch-gauge", SpeakingGauge).show_message(Text(self.guard.message()))
        elif self.paper_id is None:
            self.query_one("#pitch-gauge", SpeakingGauge).show_message(Text(self.pick(
                "还没有论文：先在论文流程（2）中添加一篇。", "No papers yet: add one on the Pipeline screen (2) first.")))
