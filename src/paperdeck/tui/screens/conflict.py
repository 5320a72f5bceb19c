"""When a save would overwrite a newer version (another window, the CLI): reload or keep mine.

Use `guarded_save` around any save that may raise `ConflictError`:

    guarded_save(
        self.app, lambda: store.papers.update(paper.id, fields, expected_version=paper.version),
        overwrite=lambda: store.papers.update(paper.id, fields, expected_version=None),
        reload=self.load_from_store, what=f"paper “{paper.title}”", on_saved=self.saved,
    )

Nothing is ever overwritten silently: the user picks "Reload theirs" (drop my edit, show
the stored one), "Keep mine" (save over theirs), or Escape (back to my edit, unsaved).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ...store.errors import ConflictError, StoreError
from ..widgets.panel import literal

if TYPE_CHECKING:
    from textual.app import App

T = TypeVar("T")

RELOAD = "reload"
KEEP = "keep"


class ConflictScreen(ModalScreen[str | None]):
    """Returns RELOAD, KEEP, or None (Escape: keep editing, nothing saved)."""

    DEFAULT_CSS = """
    ConflictScreen { align: center middle; }
    ConflictScreen > Vertical {
        width: 72; height: auto; max-height: 80%;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    ConflictScreen #conflict-message { margin-bottom: 1; }
    ConflictScreen Horizontal { height: auto; align-horizontal: right; }
    ConflictScreen Button { margin-left: 1; }
    """
    BINDINGS = [
        Binding("r", "choose('reload')", "Reload theirs", id="conflict.reload",
                tooltip="Drop my edit and show the version saved elsewhere"),
        Binding("k", "choose('keep')", "Keep mine", id="conflict.keep",
                tooltip="Save my edit over the version saved elsewhere"),
        Binding("escape", "choose('')", "Back", id="conflict.back",
                tooltip="Back to my edit, nothing saved"),
    ]

    def __init__(self, what: str, error: ConflictError | None = None):
        super().__init__()
        self.what = what
        self.error = error

    def compose(self) -> ComposeResult:
        message = Text()
        message.append_text(literal(self.what, "bold"))
        message.append(" was changed elsewhere (another window or the command line) since you opened it.")
        if self.error is not None and self.error.current_version is not None:
            message.append(f" It is now at version {self.error.current_version}.", style="dim")
        message.append("\n\nReload theirs (your edit is dropped), or keep yours (theirs is overwritten)?")
        with Vertical() as box:
            box.border_title = "Changed elsewhere"
            yield Static(message, id="conflict-message")
            with Horizontal():
                yield Button("Reload theirs (r)", id="conflict-reload", variant="primary")
                yield Button("Keep mine (k)", id="conflict-keep", variant="warning")
                yield Button("Back (Esc)", id="conflict-back")

    def on_mount(self) -> None:
        self.query_one("#conflict-reload", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        choice = {"conflict-reload": RELOAD, "conflict-keep": KEEP}.get(event.button.id or "", "")
        self.action_choose(choice)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)


def guarded_save(
    app: "App[Any]",
    save: Callable[[], T],
    *,
    overwrite: Callable[[], T],
    reload: Callable[[], None],
    what: str,
    on_saved: Callable[[T], None] | None = None,
) -> bool:
    """Run `save`; on a conflict ask the user. Returns True when saved at once.

    `overwrite` saves over the newer version; `reload` shows the stored version. Either
    runs after the user's choice; `on_saved` runs after any successful save.
    """
    try:
        result = save()
    except ConflictError as error:
        def decide(choice: str | None) -> None:
            if choice == RELOAD:
                reload()
                app.notify("Reloaded the version saved elsewhere.")
            elif choice == KEEP:
                try:
                    saved = overwrite()
                except ConflictError:
                    # Changed yet again while the dialog was open: ask again.
                    guarded_save(app, overwrite, overwrite=overwrite, reload=reload, what=what, on_saved=on_saved)
                    return
                except StoreError as error:  # deleted meanwhile, disk refused: say so, keep the edit
                    app.notify(str(error), title="Not saved", severity="error", markup=False)
                    return
                app.notify("Saved: your version replaced the other one.")
                if on_saved is not None:
                    on_saved(saved)

        app.push_screen(ConflictScreen(what, error), decide)
        return False
    if on_saved is not None:
        on_saved(result)
    return True
