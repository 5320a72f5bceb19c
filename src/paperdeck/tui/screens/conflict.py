"""When a save would overwrite a newer version (another window, the CLI): keep mine, take
theirs, or keep both. One dialog and one flow for every screen that saves user text:

    guarded_save(
        self.app, lambda: save_paper(store, paper.id, paper.version, fields),
        overwrite=lambda: save_paper(store, paper.id, None, fields),
        reload=self.load_from_store, what=f"paper “{paper.title}”", on_saved=self.saved,
        differences=lambda error: [("Notes", error.theirs["notes"], fields["notes"])],
        both=lambda error: save_paper(store, paper.id, error.current_version, merged(error)),
    )

The version check itself is the store's (store/versions.py); the dialog shows the other
side's text beside mine. Nothing is overwritten silently: "Take theirs" (drop my edit, show
the stored one), "Keep mine" (save over theirs), "Keep both" (where the screen can: both
texts in one), or Escape (back to my edit, unsaved). A row deleted meanwhile is reported,
never saved elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from rich.text import Text

from ...usecases.core import ConflictError, StoreError
from ..widgets.panel import literal
from .choice import Choice, ChoiceDialog

if TYPE_CHECKING:
    from textual.app import App

T = TypeVar("T")

RELOAD = "reload"   # take theirs
KEEP = "keep"       # keep mine
BOTH = "both"       # keep both
SHOWN_LINES = 6     # of each side's text, per field
# (field label, their text, my text): what the dialog shows of a conflict.
Difference = tuple[str, str, str]


class _AskedAgain(Exception):
    """Changed yet again while the dialog was open: a new dialog asks."""


def _excerpt(text: str) -> str:
    lines = text.splitlines() or [""]
    shown = "\n".join(line[:200] for line in lines[:SHOWN_LINES])
    return shown + (f"\n… (+{len(lines) - SHOWN_LINES})" if len(lines) > SHOWN_LINES else "")


def conflict_dialog(what: str, error: ConflictError | None = None, language: str = "en", *,
                    differences: Sequence[Difference] = (), can_keep_both: bool = False) -> ChoiceDialog:
    """Returns RELOAD, KEEP, BOTH, or None (Escape: keep editing, nothing saved)."""
    zh = language == "zh"
    message = literal(what, "bold")
    message.append("在你打开之后已在别处（另一个窗口或命令行）被修改。" if zh else
                   " was changed elsewhere (another window or the command line) since you opened it.")
    if error is not None and error.current_version is not None:
        message.append(f"现在是第 {error.current_version} 版。" if zh else f" It is now at version {error.current_version}.",
                       style="dim")
    for label, theirs, mine in differences[:4]:
        message.append("\n\n")
        message.append_text(literal(label, "bold underline"))
        message.append("\n" + ("他们的：" if zh else "Theirs: "), style="bold yellow")
        message.append_text(literal(_excerpt(theirs) or ("（空）" if zh else "(empty)"), single_line=False))
        message.append("\n" + ("你的：" if zh else "Yours:  "), style="bold green")
        message.append_text(literal(_excerpt(mine) or ("（空）" if zh else "(empty)"), single_line=False))
    message.append_text(Text(
        ("\n\n保留你的（覆盖他们的）、采用他们的（丢弃你的修改）" + ("，或两者都保留（合为一段）？" if can_keep_both else "？")) if zh else
        ("\n\nKeep yours (theirs is overwritten), take theirs (your edit is dropped)"
         + (", or keep both (one text holding both)?" if can_keep_both else "?"))))
    choices = [
        Choice(KEEP, "保留我的", "Keep mine", "k", id="conflict.keep", variant="warning",
               tooltip="Save my edit over the version saved elsewhere"),
        Choice(RELOAD, "采用他们的", "Take theirs", "r,t", id="conflict.reload", variant="primary",
               tooltip="Drop my edit and show the version saved elsewhere"),
    ]
    if can_keep_both:
        choices.append(Choice(BOTH, "两者都保留", "Keep both", "b", id="conflict.both", variant="success",
                              tooltip="Save one text holding theirs, then mine"))
    choices.append(Choice(None, "返回", "Back", "escape", id="conflict.back", tooltip="Back to my edit, nothing saved"))
    return ChoiceDialog("在别处被修改" if zh else "Changed elsewhere", message, choices,
                        focus="conflict.reload", tone="warning", id="conflict", wide=bool(differences))


def guarded_save(
    app: "App[Any]",
    save: Callable[[], T],
    *,
    overwrite: Callable[[], T],
    reload: Callable[[], None],
    what: str,
    on_saved: Callable[[T], None] | None = None,
    differences: Callable[[ConflictError], Sequence[Difference]] | None = None,
    both: Callable[[ConflictError], T] | None = None,
    after: Callable[[], None] | None = None,
) -> bool:
    """Run `save`; on a conflict ask the user. Returns True when saved at once.

    `overwrite` saves over the newer version; `reload` shows the stored version; `both`
    (given the conflict: the stored row and its version) saves one text holding both;
    `differences` says what to show of each side. `on_saved` runs after any successful save;
    `after` once the dialog is closed, whatever was chosen (not when saved at once).
    """
    zh = getattr(app, "language", "en") == "zh"
    try:
        result = save()
    except ConflictError as raised:
        error = raised  # `raised` is unbound once the except block ends; the dialog answers later

        def saved_by(attempt: Callable[[], T], done: str) -> None:
            try:
                saved = attempt()
            except ConflictError:
                # Changed yet again while the dialog was open: ask again.
                guarded_save(app, attempt, overwrite=overwrite, reload=reload, what=what, on_saved=on_saved,
                             differences=differences, both=both, after=after)
                raise _AskedAgain from None
            except StoreError as failure:  # deleted meanwhile, disk refused: say so, keep the edit
                app.notify(str(failure), title="未保存" if zh else "Not saved", severity="error", markup=False)
                return
            app.notify(done)
            if on_saved is not None:
                on_saved(saved)

        def decide(choice: str | None) -> None:
            try:
                if choice == RELOAD:
                    reload()
                    app.notify("已采用别处保存的版本。" if zh else "Took the version saved elsewhere.")
                elif choice == KEEP:
                    saved_by(overwrite, "已保存：你的版本替换了另一个。" if zh else "Saved: your version replaced the other one.")
                elif choice == BOTH and both is not None:
                    saved_by(lambda: both(error), "已保存：两个版本合在一段文字中。" if zh
                             else "Saved: both versions are kept in one text.")
            except _AskedAgain:
                return  # the new dialog runs `after` when it closes
            if after is not None:
                after()

        shown = differences(error) if differences is not None and error.theirs else ()
        app.push_screen(conflict_dialog(what, error, getattr(app, "language", "en"), differences=shown,
                                        can_keep_both=both is not None and bool(error.theirs)), decide)
        return False
    if on_saved is not None:
        on_saved(result)
    return True
