"""Text typed into a dialog is kept as a draft while the dialog is open.

A dialog's fields live only in memory until the user saves: a crash, `kill -9` or a closed
terminal lost a card's talking points or a paper's bullets typed for minutes. A dialog with
this mixin writes what was typed into its fields as a draft (`paperdeck drafts`) a moment
after the typing pauses, and once more when the app closes under it (quit, hang-up); closing
the dialog (saved or cancelled) deletes the draft. A draft left behind is announced at the
next start (`announce_kept_typing`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.widgets import Input, Label, TextArea

from ...usecases.core import StoreError
from ...usecases.drafts import TYPED_KIND, delete_draft, keep_draft, replace_draft

if TYPE_CHECKING:
    from textual.timer import Timer
    from textual.widget import Widget

KEEP_AFTER_SECONDS = 1.0  # after the last keystroke (as the Pitch's autosave)


def field_label(field: "Widget") -> str:
    """The label the user sees for `field`: the Label just before it, else its placeholder."""
    siblings = list(field.parent.children) if field.parent is not None else []
    index = siblings.index(field) if field in siblings else 0
    if index > 0 and isinstance(siblings[index - 1], Label):
        return str(siblings[index - 1].render()).strip()
    placeholder = getattr(field, "placeholder", "")
    return str(placeholder or field.id or "")


class KeepsTyping:
    """Mixed into a PaperdeckModal before it (its `dismiss` runs first)."""

    _typing_draft: int | None = None
    _typing_timer: "Timer | None" = None
    _typed: dict[int, tuple[str, str]] | None = None  # per field typed into: (label, text); the app's quit has no DOM
    _typing_closed = False
    _typing_problem_told = False

    def on_input_changed(self, event: Input.Changed) -> None:
        self._typed_into(event.input)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._typed_into(event.text_area)

    def _typed_into(self, field: "Widget") -> None:
        if self._typing_closed or not self.typed_by_user(field):
            return  # filled by the dialog, not typed
        self.note_typed(field)
        if self._typing_timer is not None:
            self._typing_timer.stop()
        self._typing_timer = self.set_timer(KEEP_AFTER_SECONDS, self.keep_typing)  # type: ignore[attr-defined]

    def typed_by_user(self, field: "Widget") -> bool:
        return bool(getattr(field, "typed", False))

    def note_typed(self, field: "Widget") -> None:
        """The field's text, under its label (read now: when the app quits there is no DOM)."""
        if self._typed is None:
            self._typed = {}
        label = self._typed[id(field)][0] if id(field) in self._typed else field_label(field)
        text = field.value if isinstance(field, Input) else field.text if isinstance(field, TextArea) else ""
        self._typed[id(field)] = (label, text)

    def restart_typing(self) -> None:
        """A dialog shown again for something new (the paper form's next opening)."""
        if self._typing_timer is not None:
            self._typing_timer.stop()
        self._typing_timer = self._typed = self._typing_draft = None
        self._typing_closed = False

    def typing_about(self) -> str:
        """What the draft is about: the dialog's title."""
        for box in self.query(".dialog"):  # type: ignore[attr-defined]
            if box.border_title:
                return str(box.border_title)
        for title in self.query(".modal-title"):  # type: ignore[attr-defined]
            return str(title.render()).strip()
        return type(self).__name__

    def typed_text(self) -> str:
        """Every field typed into, under its label."""
        return "\n\n".join(f"## {label}\n{text}" for label, text in (self._typed or {}).values())

    def keep_typing(self) -> None:
        """Write what is typed now (a draft made, or brought up to date)."""
        if self._typing_timer is not None:
            self._typing_timer.stop()
            self._typing_timer = None
        body = self.typed_text()
        store = self.store  # type: ignore[attr-defined]
        if not body:  # nothing typed, or every edit undone: no draft
            if self._typing_draft is not None:
                self._drop_draft()
            return
        try:
            if self._typing_draft is not None:
                try:
                    replace_draft(store, self._typing_draft, body)
                    return
                except StoreError:  # deleted meanwhile (`paperdeck drafts --delete`): a new one
                    self._typing_draft = None
            self._typing_draft = keep_draft(store, TYPED_KIND, self.typing_about(), body).id
        except StoreError as error:  # a read-only or damaged file: say so once, keep typing
            if not self._typing_problem_told:
                self._typing_problem_told = True
                self.notify(self.pick(f"输入的文字无法暂存为草稿：{error}",  # type: ignore[attr-defined]
                                      f"The typed text could not be kept as a draft: {error}"),
                            severity="warning", markup=False)

    def forget_typing(self) -> None:
        """The dialog closed as the user chose (saved or cancelled): its draft goes."""
        self._typing_closed = True
        if self._typing_timer is not None:
            self._typing_timer.stop()
            self._typing_timer = None
        self._drop_draft()

    def _drop_draft(self) -> None:
        draft_id, self._typing_draft = self._typing_draft, None
        if draft_id is not None:
            try:
                delete_draft(self.store, draft_id)  # type: ignore[attr-defined]
            except StoreError:
                pass  # deleted already, or the file turned read-only: the draft stays, harmless

    def dismiss(self, result: Any = None) -> Any:
        self.forget_typing()
        return super().dismiss(result)  # type: ignore[misc]

    def save_pending(self) -> None:
        """The app is closing under the dialog (hang-up, SIGTERM): keep what is typed."""
        if not self._typing_closed:
            self.keep_typing()

    def on_unmount(self) -> None:
        if not self._typing_closed:  # the app quit with the dialog open
            self.keep_typing()


def announce_kept_typing(app: Any) -> None:
    """Say which drafts of dialog text outlived their app (read off the UI thread)."""
    from ...usecases.drafts import typed_left_behind
    from ...usecases.session import reading

    store = app.store

    def read() -> None:  # a worker thread
        try:
            with reading(store) as snapshot:
                left = typed_left_behind(snapshot)
        except StoreError:
            return
        if left:
            app.call_from_thread(_announce, app, [(draft.id, draft.about) for draft in left])

    app.run_worker(read, thread=True, group="kept-typing", exit_on_error=False)


def _announce(app: Any, drafts: list[tuple[int, str]]) -> None:
    zh = getattr(app, "language", "en") == "zh"
    shown = ", ".join(f"#{draft_id} ({about})" for draft_id, about in drafts[:3]) + (" …" if len(drafts) > 3 else "")
    first = drafts[0][0]
    app.notify(f"未关闭的对话框中输入的文字已存为草稿：{shown}。查看：paperdeck drafts --show {first}" if zh else
               f"Text typed in a dialog that was never closed is kept as a draft: {shown}. "
               f"See it with: paperdeck drafts --show {first}", timeout=20, markup=False)
