"""The Pitch screen's two modes (editing: letters are text; keys: letters act) and its layout
at three widths; mixed into PitchScreen, whose state (parts, paper, editors) they use."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Sequence

from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Select, TextArea

from ...models.pitch import PitchPart
from ..widgets.rehearsal import RehearsalPanel

EXAMPLES_SHOWN = 120  # from this width the guide's examples show without F3
SIDE_BY_SIDE = 170    # from this width they sit beside the editors (which keep EDITOR_SHARE)
EDITOR_SHARE = 0.6    # an editor is at least this share of the screen's width
PROMPT_MIN = 28       # narrower than this, an example column is not worth having
# A part's rows without its prompt: its heading, its editor and the margin below it (PitchScreen's
# CSS: .part-head, .part-editor, .part-row); and the rows above the parts' pane: the header and the
# paper and gauge bar (the footer not counted: the pane is taken as one row taller than it is).
PART_ROWS = 1 + 6 + 1
PITCH_SHELL_ROWS = 1 + 3


def after_typed_keys(action: Callable[..., None]) -> Callable[..., None]:
    """For a Pitch key that reads the text (save, copy, export). Its bindings are priority ones:
    they run as the key arrives, ahead of letters typed just before it that the editor has not
    taken yet (a fast typist, a macro, a loaded machine). The action waits for them: it runs
    once the focused editor's queue has reached it."""

    @functools.wraps(action)
    def run(self, *args: object) -> None:
        focused = self.focused
        if isinstance(focused, TextArea):
            focused.call_later(action, self, *args)
        else:
            action(self, *args)

    return run


class PitchModes:
    # -- modes: editing and keys ------------------------------------------------------------

    def editing(self) -> bool:
        return isinstance(self.focused, TextArea)

    def _keys_mode(self) -> bool:
        """The screen's own widgets (not an editor, not an open paper list) have the focus."""
        return self.focused is None or isinstance(self.focused, (Select, VerticalScroll))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The mode bindings are priority ones (first in the footer); they apply only in their
        # mode, so Esc still closes the paper list and letters still type in an editor.
        if action == "leave_editor":
            return self.editing()
        if action == "edit_part":
            return self._keys_mode() and self.paper_id is not None
        if self._entered and action in self.LETTER_ACTIONS:
            return False  # the editors are not there yet: a letter typed now is text (on_key)
        return True

    LETTER_ACTIONS = frozenset({"rehearse", "history", "runs", "copy", "cycle_paper"})

    def on_key(self, event) -> None:
        if not self._entered:
            return
        if event.is_printable and event.character:
            self._typed_early.append(event.character)
        elif event.key == "enter":
            self._typed_early.append("\n")
        elif event.key == "backspace" and self._typed_early:
            self._typed_early.pop()
        else:
            return
        event.stop()
        event.prevent_default()

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        if isinstance(widget, TextArea) and (widget.id or "").startswith("editor-"):
            self.current_part = int(widget.id.split("-")[1])
        self.refresh_bindings()

    def on_descendant_blur(self, event) -> None:
        self.refresh_bindings()

    def _focus_editor(self, number: int) -> TextArea | None:
        """Into part `number`'s editor, at once (keys typed next land there); the editor."""
        editors = list(self.query(".part-editor").results(TextArea))
        if not editors or self.paper_id is None:
            return None
        index = max(0, min(number, len(editors)) - 1)
        editor = editors[index]
        # Scrolled once laid out (the examples may appear above it): the part's heading too.
        self.set_focus(editor, scroll_visible=False)
        self.call_after_refresh(self._show_part, index + 1)
        return editor

    def _show_part(self, number: int) -> None:
        """Part `number`'s editor in view, with its heading when both fit."""
        editors = list(self.query(".part-editor").results(TextArea))
        if number <= len(editors):
            editors[number - 1].scroll_visible(animate=False, immediate=True)
            for head in self.query(f"#head-{number}"):
                head.scroll_visible(animate=False, immediate=True)

    def action_leave_editor(self) -> None:
        self.set_focus(self.query_one("#pitch-paper", Select))

    def action_edit_part(self) -> None:
        self._focus_editor(self.current_part)

    def on_screen_resume(self, event) -> None:
        super().on_screen_resume(event)
        if self._covered:  # back from a dialog over Pitch: the focus (and the mode) as it was
            self._covered = False
            return
        if self.parts:
            self._focus_editor(self.current_part)
        else:
            self._entered = True

    # -- layout: three widths ---------------------------------------------------------------

    def on_resize(self, event) -> None:
        self._fit_layout()

    def action_toggle_examples(self) -> None:
        self.examples_wanted = not self._examples_shown()
        self._fit_layout()

    def _examples_shown(self, width: int | None = None) -> bool:
        width = self.size.width if width is None else width
        return self.examples_wanted if self.examples_wanted is not None else width >= EXAMPLES_SHOWN

    def _fit_layout(self) -> None:
        """Below EXAMPLES_SHOWN columns the examples wait behind F3 and the editors take the
        width; from SIDE_BY_SIDE they sit beside the editors, which keep EDITOR_SHARE of it."""
        width = self.size.width
        if width > 0:
            self._fit_widgets(width, self.query_one(RehearsalPanel), self.query(".part-prompt"))

    def _layout_at(self, width: int) -> tuple[int, int, bool, bool]:
        """At `width`: the rehearsal panel's width, the prompts' width beside the editors, and
        whether the examples show, and whether beside the editors."""
        panel_width = 24 if width < EXAMPLES_SHOWN else 30 if width < SIDE_BY_SIDE else 32
        parts_inner = width - panel_width - 2 - 1 - 1  # the parts' padding, scrollbar and panel border
        prompt = parts_inner - math.ceil(width * EDITOR_SHARE)
        examples = self._examples_shown(width)
        return panel_width, prompt, examples, examples and width >= SIDE_BY_SIDE and prompt >= PROMPT_MIN

    def _fit_widgets(self, width: int, panel: RehearsalPanel, prompts: Iterable[Widget]) -> None:
        """`_fit_layout` at `width` on these widgets (in the screen's compose: not mounted yet)."""
        panel_width, prompt, _, side = self._layout_at(width)
        panel.styles.width = panel_width
        self._fit_classes(width)
        for widget in prompts:
            widget.styles.width = prompt if side else "1fr"

    def _fit_classes(self, width: int, *, styled: bool = True) -> None:
        """The screen's classes for `width`; `styled=False`: before it is first styled (no restyle)."""
        _, _, examples, side = self._layout_at(width)
        self.set_class(examples, "-examples", update=styled)
        self.set_class(side, "-side", update=styled)

    def _parts_in_first_frame(self, parts: Sequence[PitchPart]) -> tuple[int, int]:
        """How many of `parts` the first frame can show, and the fewest rows the others take:
        those are mounted right after it (each part's editor is ~5 ms of the first showing's UI
        thread at medium). Counted with each part's fewest rows (a prompt above its editor wraps
        to one line or more, two or more with an example), so a part left out starts below the
        parts' pane, and the parts mounted overflow it (its scrollbar is there from the first
        frame, as with all of them). All of them when the focus goes to a part further down
        (scrolled to, its neighbours show)."""
        width, height = self.app.size
        _, _, examples, side = self._layout_at(width)
        above = examples and not side
        rows = [PART_ROWS + ((2 if part.example(self.language) else 1) if above else 0) for part in parts]
        pane_rows = height - PITCH_SHELL_ROWS
        top = 0
        for count, part_rows in enumerate(rows):
            if top >= pane_rows:
                return (count, sum(rows[count:])) if self.current_part <= count else (len(parts), 0)
            top += part_rows
        return len(parts), 0
