"""The undo key of a screen whose deletes are journaled: one message for every screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...usecases.core import StoreError
from ...usecases.undo import undo_last

if TYPE_CHECKING:
    from .base import PaperdeckScreen


def undo_on(screen: "PaperdeckScreen", scope: str, then: Callable[[], None]) -> None:
    """Undo the latest change of `scope`, say which, then `then()` (re-read the view)."""
    try:
        label = undo_last(screen.store, scope)
    except StoreError as error:  # changed since, or the disk refused: nothing was undone
        screen.notify(str(error), title=screen.pick("无法撤销", "Not undone"), severity="error", markup=False)
        return
    if label is None:
        screen.notify(screen.pick("没有可撤销的操作", "Nothing to undo"), markup=False)
        return
    screen.notify(screen.pick(f"已撤销：{label}", f"Undone: {label}"), markup=False)
    then()


def deleted_message(screen: "PaperdeckScreen", name: str) -> str:
    """The toast after a delete: what went, and the key that brings it back."""
    key = screen.key_hint("undo")
    return screen.pick(f"已删除「{name}」，按 {key} 撤销", f"Deleted “{name}”. Press {key} to undo.")
