"""What protects the Pitch screen's text: a part saved elsewhere meanwhile (held, its text kept
as a draft, until the user's Ctrl+S asks keep mine / take theirs / keep both), the paper
deleted elsewhere (editing stops, unsaved text becomes a draft, never another paper's pitch),
and a rehearsal a paper switch would end (asks)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import TextArea

from ...domain.merge import both_texts
from ...usecases.core import ConflictError, NotFound, StoreError
from ...usecases.drafts import delete_draft, keep_draft, replace_draft
from ...usecases.pitch import save_pitch_part

if TYPE_CHECKING:
    from .pitch import PitchScreen


class PitchGuard:
    def __init__(self, screen: "PitchScreen"):
        self.screen = screen
        self.stopped: str | None = None   # the title of the paper deleted under the editors
        self.draft_id: int | None = None  # where its unsaved text went
        self.asking = False               # a conflict dialog is open: autosave waits for it
        # Parts an autosave found saved elsewhere since loaded, not asked about yet: a dialog
        # popping up under the typing would take the next letter as its answer ("t": take
        # theirs). They wait for Ctrl+S; meanwhile their text is kept in one draft.
        self.held: set[str] = set()
        self.held_draft_id: int | None = None

    # -- a part saved elsewhere --------------------------------------------------------------

    def conflict(self, error: ConflictError) -> None:
        from .conflict import guarded_save  # its dialogs: imported when first needed

        screen = self.screen
        key = str((error.theirs or {}).get("part_key", ""))
        part = next((part for part in screen.parts if part.key == key), None)
        if part is None or screen.paper_id is None:
            screen.notify(str(error), severity="error", markup=False)
            return
        store, paper_id, mine = screen.store, screen.paper_id, screen.texts.get(key, "")
        their_text, their_version = str(error.theirs.get("body", "")), int(error.current_version or 0)
        self.asking = True
        self.held.add(key)  # until answered
        screen.app.clear_notifications()  # the held part's toast would cover the dialog's buttons

        def take_theirs() -> None:
            self._apply(key, their_text, their_version)

        def saved(result: tuple[str, int]) -> None:
            self._apply(key, *result)

        def closed() -> None:
            self.asking = False
            if screen.dirty and screen.is_mounted:
                # Answered: on to the next part saved elsewhere; Back: this part stays held.
                screen.flush(ask=key not in self.held)

        title = screen.view.title(paper_id) if screen.view is not None else ""
        guarded_save(
            screen.app, lambda: save_pitch_part(store, paper_id, key, mine, screen.versions.get(key, 0)),
            overwrite=lambda: save_pitch_part(store, paper_id, key, mine, None),
            reload=take_theirs,
            what=screen.pick(f"“{title}”的讲稿：{part.zh}", f"The pitch of “{title}”: {part.en}"),
            on_saved=saved,
            differences=lambda conflict: [(part.title(screen.language), str(conflict.theirs["body"]), mine)],
            both=lambda conflict: save_pitch_part(store, paper_id, key, both_texts(str(conflict.theirs["body"]), mine),
                                                  conflict.current_version),
            after=closed,
        )

    def _apply(self, key: str, text: str, version: int) -> None:
        """The part now holds `text` at `version` (stored): the editor shows it, unedited."""
        screen = self.screen
        screen.versions[key] = version
        screen.texts[key] = text
        screen.dirty.discard(key)
        screen.edits += 1  # a load asked for before this carries older text
        self.release(key)
        number = next(n for n, part in enumerate(screen.parts, start=1) if part.key == key)
        for editor in screen.query(f"#editor-{number}").results(TextArea):  # none yet: it starts with screen.texts
            if editor.text != text:
                editor.load_text(text)
        screen._update_counts()

    def hold(self, error: ConflictError) -> bool:
        """An autosave met a part saved elsewhere: hold it (said once, shown in its heading);
        False when the conflict names no part of this pitch."""
        screen = self.screen
        key = str((error.theirs or {}).get("part_key", ""))
        part = next((part for part in screen.parts if part.key == key), None)
        if part is None or screen.paper_id is None:
            screen.notify(str(error), severity="error", markup=False)
            return False
        if key not in self.held:
            self.held.add(key)
            screen.notify(screen.pick(
                f"“{part.zh}”已在别处（另一个窗口或命令行）被修改。你的文字留在这里，尚未保存（另存为草稿）；按 Ctrl+S 选择：保留我的、采用他们的或两者都保留。",
                f"“{part.en}” was changed elsewhere (another window or the command line). Your text stays here, "
                "not saved over it (kept as a draft meanwhile); Ctrl+S asks: keep mine, take theirs or keep both."),
                title=screen.pick("在别处被修改", "Changed elsewhere"), severity="warning", timeout=12, markup=False)
        return True

    def keep_held(self) -> None:
        """The held parts' text in one draft, kept current: a crash loses none of it."""
        screen = self.screen
        if not self.held:
            return
        body = self._body(self.held)
        try:
            if self.held_draft_id is not None:
                try:
                    replace_draft(screen.store, self.held_draft_id, body)
                    return
                except NotFound:  # deleted meanwhile (`paperdeck drafts --delete`): a new one
                    pass
            title = screen.shown_title or f"#{screen.paper_id}"
            self.held_draft_id = keep_draft(screen.store, "pitch", f"pitch of “{title}” (changed elsewhere)", body).id
        except StoreError as error:  # the text stays in the editors
            screen.notify(str(error), title=screen.pick("草稿未保存", "Draft not saved"), severity="error", markup=False)

    def release(self, key: str) -> None:
        """`key` was answered (saved or theirs taken): once none is held, its draft goes."""
        self.held.discard(key)
        if not self.held and self.held_draft_id is not None:
            try:
                delete_draft(self.screen.store, self.held_draft_id)
            except StoreError:  # already deleted elsewhere, or the disk refused: the draft stays listed
                pass
            self.held_draft_id = None

    def leave_held(self) -> None:
        """Editing moves on (another paper, the paper deleted): held text stays in its draft."""
        if self.held:
            self.keep_held()
            if self.held_draft_id is not None:
                screen = self.screen
                screen.notify(screen.pick(f"在别处被修改的部分：你的文字已存为草稿 #{self.held_draft_id}（paperdeck drafts --show {self.held_draft_id}）。",
                                          f"The parts changed elsewhere: your text is kept as draft #{self.held_draft_id} "
                                          f"(paperdeck drafts --show {self.held_draft_id})."),
                              severity="warning", timeout=15, markup=False)
        self.held.clear()
        self.held_draft_id = None

    def _body(self, keys) -> str:
        screen = self.screen
        texts = screen._texts()
        return "\n\n".join(f"## {part.title(screen.language)}\n{texts[part.key]}"
                            for part in screen.parts if part.key in keys and texts[part.key])

    # -- the paper deleted elsewhere ------------------------------------------------------------

    def paper_gone(self) -> None:
        """Stop editing: keep unsaved text as a draft, say so, and wait for the user to pick a
        paper (the text is never saved into another paper's pitch)."""
        screen = self.screen
        title = screen.shown_title or f"#{screen.paper_id}"
        self.keep_draft()
        if self.draft_id is not None:  # it holds the held parts' text too: one draft, not two
            for key in list(self.held):
                self.release(key)
        self.held.clear()
        self.held_draft_id = None
        screen._cancel_rehearsal()
        screen.paper_id = screen.wanted_paper_id = None
        screen.dirty.clear()
        self.stopped = title
        for editor in screen.query(".part-editor"):
            editor.disabled = True
        screen.notify(self.message(), title=screen.pick("论文已在别处删除", "Paper deleted elsewhere"),
                      severity="warning", timeout=15, markup=False)
        screen._update_counts()

    def keep_draft(self) -> None:
        """Unsaved text becomes a draft (its id in `draft_id`), when there is any."""
        screen = self.screen
        title = screen.shown_title or f"#{screen.paper_id}"
        texts = screen._texts()
        self.draft_id = None
        if screen.dirty and any(texts.values()):
            body = self._body(texts)
            try:
                self.draft_id = keep_draft(screen.store, "pitch", f"pitch of “{title}”", body).id
            except StoreError as error:  # the text stays in the (stopped) editors to copy
                screen.notify(str(error), title=screen.pick("草稿未保存", "Draft not saved"), severity="error", markup=False)

    def message(self) -> str:
        pick, title = self.screen.pick, self.stopped or ""
        if self.draft_id is not None:
            kept = pick(f"未保存的文字已存为草稿 #{self.draft_id}（paperdeck drafts --show {self.draft_id}）。",
                        f"Your unsaved text is kept as draft #{self.draft_id} (paperdeck drafts --show {self.draft_id}).")
        else:
            kept = pick("已保存的讲稿随论文一起删除（在论文流程中撤销可一并恢复）。",
                        "Its saved pitch went with it (undo on the Pipeline brings both back).")
        return pick(f"“{title}”已在别处被删除，编辑已停止。{kept}请在上方选择一篇论文。",
                    f"“{title}” was deleted elsewhere: editing stopped. {kept} Pick a paper above.")

    def resume(self) -> None:
        self.stopped = self.draft_id = None

    # -- a rehearsal a switch would end ----------------------------------------------------------

    def ask_to_end_rehearsal(self, then: Callable[[], None]) -> None:
        from .choice import Choice, ChoiceDialog

        screen = self.screen
        question = Text(screen.pick("正在排练。换论文会结束这次排练：保存已排练的部分，还是丢弃？",
                                    "A rehearsal is running. Switching paper ends it: save the run so far, or discard it?"))

        def answered(choice: str | None) -> None:
            if screen.stopwatch is None or not screen.stopwatch.running:
                then()
            elif choice == "save":
                screen._finish_rehearsal()
                then()
            elif choice == "discard":
                screen._cancel_rehearsal()
                screen._render_rehearsal()
                then()

        screen.app.push_screen(ChoiceDialog(screen.pick("结束排练？", "End the rehearsal?"), question, [
            Choice("save", "保存并切换", "Save the run and switch", "s", id="rehearsal.save", variant="primary",
                   tooltip="Save the laps so far as a rehearsal, then switch paper"),
            Choice("discard", "丢弃并切换", "Discard it and switch", "d", id="rehearsal.discard", variant="error",
                   tooltip="Throw the running rehearsal away, then switch paper"),
            Choice(None, "继续排练", "Keep rehearsing", "escape", id="rehearsal.back", tooltip="Stay on this paper"),
        ], focus="rehearsal.save", id="end-rehearsal"), answered)

