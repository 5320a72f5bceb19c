"""The one base of paperdeck's dialogs: a centred box, the store and language, Escape cancels.

A dialog yields one container (Vertical, VerticalScroll, ...) with the class `dialog`; its
border title is the dialog's title. `.error` labels, `.buttons` rows and the tones
`-warning` / `-error` (a border colour) are styled here for every dialog.
"""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen

from ..keys import with_hint
from .view_loads import PaperdeckView

ResultType = TypeVar("ResultType")
LARGE_DIALOG = 50  # widgets: closing one leaves enough garbage for a full collection (idle_gc.py)


class PaperdeckModal(PaperdeckView, ModalScreen[ResultType]):
    """Dismisses with a result, or None when cancelled (Escape, unless a dialog rebinds it)."""

    DEFAULT_CSS = """
    PaperdeckModal { align: center middle; }
    PaperdeckModal > .dialog {
        width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    PaperdeckModal.-warning > .dialog { border: thick $warning; }
    PaperdeckModal.-error > .dialog { border: thick $error; }
    PaperdeckModal .error { color: $error; height: auto; }
    PaperdeckModal .buttons { height: auto; margin-top: 1; }
    PaperdeckModal .buttons Button { margin-right: 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close without changing anything")]
    _widgets_when_hidden = 0

    def on_screen_suspend(self) -> None:
        # Counted here: by its unmount the widgets are gone. (Also when a dialog opens on top.)
        self._widgets_when_hidden = sum(1 for _ in self.walk_children())

    def on_unmount(self) -> None:
        collector = getattr(self.app, "idle_collector", None)
        if collector is not None and self._widgets_when_hidden >= LARGE_DIALOG:
            self.app.call_after_refresh(collector.collect)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def button_label(self, zh: str, en: str, action: str) -> str:
        """A button's label in the content language, with the key of `action`: "Save (F10)"."""
        return with_hint(self.pick(zh, en), self.key_hint(action))
