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

from ...usecases.core import ConflictError, StoreError
from ..widgets.panel import literal
from .choice import Choice, ChoiceDialog

if TYPE_CHECKING:
    from textual.app import App

T = TypeVar("T")

RELOAD = "reload"
KEEP = "keep"


def conflict_dialog(what: str, error: ConflictError | None = None, language: str = "en") -> ChoiceDialog:
    """Returns RELOAD, KEEP, or None (Escape: keep editing, nothing saved)."""
    zh = language == "zh"
    message = literal(what, "bold")
    message.append("在你打开之后已在别处（另一个窗口或命令行）被修改。" if zh else
                   " was changed elsewhere (another window or the command line) since you opened it.")
    if error is not None and error.current_version is not None:
        message.append(f"现在是第 {error.current_version} 版。" if zh else f" It is now at version {error.current_version}.",
                       style="dim")
    message.append("\n\n重新载入他们的版本（丢弃你的修改），还是保留你的（覆盖他们的）？" if zh else
                   "\n\nReload theirs (your edit is dropped), or keep yours (theirs is overwritten)?")
    return ChoiceDialog("在别处被修改" if zh else "Changed elsewhere", message, [
        Choice(RELOAD, "载入他们的", "Reload theirs", "r", id="conflict.reload", variant="primary",
               tooltip="Drop my edit and show the version saved elsewhere"),
        Choice(KEEP, "保留我的", "Keep mine", "k", id="conflict.keep", variant="warning",
               tooltip="Save my edit over the version saved elsewhere"),
        Choice(None, "返回", "Back", "escape", id="conflict.back", tooltip="Back to my edit, nothing saved"),
    ], focus="conflict.reload", tone="warning", id="conflict")


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

        app.push_screen(conflict_dialog(what, error, getattr(app, "language", "en")), decide)
        return False
    if on_saved is not None:
        on_saved(result)
    return True
