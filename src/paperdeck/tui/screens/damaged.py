"""The background integrity check found damage: say so, and offer the latest good backup.

Nothing more is written (every save raises `DatabaseCorrupt`). "Quit and restore" leaves the
app with the damage as its result: `paperdeck run` then asks, in the terminal, whether to
restore the backup (cli/recovery.py), keeping the damaged file aside, as at start.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ...store.errors import DatabaseCorrupt
from ..widgets.panel import literal

QUIT = "quit"


class DamagedScreen(ModalScreen[str | None]):
    """Returns QUIT (quit, then the restore offer) or None (keep reading, nothing is saved)."""

    DEFAULT_CSS = """
    DamagedScreen { align: center middle; }
    DamagedScreen > Vertical {
        width: 80; height: auto; max-height: 80%;
        border: thick $error; background: $surface; padding: 1 2;
    }
    DamagedScreen #damaged-message { margin-bottom: 1; }
    DamagedScreen Horizontal { height: auto; align-horizontal: right; }
    DamagedScreen Button { margin-left: 1; }
    """
    BINDINGS = [
        Binding("q", "choose('quit')", "Quit and restore", id="damaged.quit",
                tooltip="Quit; the terminal then offers the latest good backup"),
        Binding("escape", "choose('')", "Keep reading", id="damaged.back",
                tooltip="Keep reading; nothing can be saved"),
    ]

    def __init__(self, damage: DatabaseCorrupt):
        super().__init__()
        self.damage = damage

    def compose(self) -> ComposeResult:
        message = Text()
        message.append_text(literal(str(self.damage), single_line=False))
        message.append("\n\nNothing more will be saved to it. ")
        if self.damage.backup is not None:
            message.append("Quit to be offered the backup (the damaged file is kept aside).")
        else:
            message.append("Quit, and copy the file somewhere safe before trying to repair it.")
        with Vertical() as box:
            box.border_title = "The database is damaged"
            yield Static(message, id="damaged-message")
            with Horizontal():
                label = "Quit and restore (q)" if self.damage.backup is not None else "Quit (q)"
                yield Button(label, id="damaged-quit", variant="error")
                yield Button("Keep reading (Esc)", id="damaged-back")

    def on_mount(self) -> None:
        self.query_one("#damaged-quit", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose(QUIT if event.button.id == "damaged-quit" else "")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)
