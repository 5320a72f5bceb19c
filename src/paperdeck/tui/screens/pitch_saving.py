"""The Pitch screen's typing, saved (PitchScreen's part): each keystroke heard, the edited parts
written within AUTOSAVE_SECONDS of the last one, on leaving the screen, on switching paper and
when the app closes; each part against the version it was loaded at (pitch_guard.py)."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Select, TextArea

from ...usecases.core import ConflictError, NotFound, StoreError
from ...usecases.pitch import remember_pitch_paper, save_pitch
from .pitch_modes import after_typed_keys

AUTOSAVE_SECONDS = 0.6
SNAPSHOT_EVERY = timedelta(minutes=5)


class PitchSaving:
    """Mixed into PitchScreen: what is typed, heard and saved; switching paper saves first."""

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.paper_id is None or not (event.text_area.id or "").startswith("editor-"):
            return
        number = int((event.text_area.id or "editor-0").split("-")[1])
        self._heard(self.parts[number - 1].key, event.text_area.text)

    def _heard(self, key: str, text: str) -> None:
        if self.texts.get(key) == text:
            return  # a load, not an edit (or an edit already heard)
        self.texts[key] = text
        self.dirty.add(key)
        self.edits += 1
        self._update_counts()
        if self.save_timer is not None:
            self.save_timer.stop()
        self.save_timer = self.set_timer(AUTOSAVE_SECONDS, self.flush)

    def _hear_unheard_typing(self) -> None:
        """A key's text is in its editor at once, its TextArea.Changed a message later: a load
        or a save landing in between takes the editors' text first, so no keystroke is lost."""
        if self.paper_id is None or self.view is None:
            return
        for number, part in enumerate(self.parts, start=1):
            for editor in self.query(f"#editor-{number}").results(TextArea):
                self._heard(part.key, editor.text)

    def flush(self, *, snapshot: bool = False, ask: bool = False) -> None:
        """Write the edited parts now (and take a version when asked or when one is due).
        Each part is saved against the version it was loaded at (see PitchGuard): a part
        saved elsewhere meanwhile is held, and asked about only when `ask` (the user's Ctrl+S)."""
        self._hear_unheard_typing()
        if self.save_timer is not None:
            self.save_timer.stop()
            self.save_timer = None
        if self.paper_id is None or self.guard.asking:
            return
        texts = self._texts()
        edited = {key: texts[key] for key in self.dirty if key in texts and (ask or key not in self.guard.held)}
        try:
            saved = save_pitch(self.store, self.paper_id, edited, snapshot_every=None if snapshot else SNAPSHOT_EVERY,
                               expected={key: self.versions.get(key, 0) for key in edited})
        except ConflictError as error:
            if ask:
                self.guard.conflict(error)
            elif self.guard.hold(error):
                self._update_counts()  # the part's heading says so
                self.flush(snapshot=snapshot)  # the other parts (nothing of this save was written)
            return
        except NotFound:
            self.guard.paper_gone()
            return
        except StoreError as error:
            # The text stays in the editor and stays dirty: the next autosave retries.
            self.notify(str(error), title=self.pick("未保存", "Not saved"), severity="error", markup=False)
            if self.save_timer is None and self.dirty and self.is_mounted:
                self.save_timer = self.set_timer(5, self.flush)
            return
        self.versions.update(saved)
        self.dirty.difference_update(edited)
        self.guard.keep_held()

    @after_typed_keys
    def action_save_now(self) -> None:
        if self.paper_id is not None and not self.guard.stopped:
            self.flush(snapshot=True, ask=True)

    def on_select_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, int):
            self._switch_paper(event.value)

    def _switch_paper(self, paper_id: int) -> None:
        """Save this paper's text and load `paper_id`'s; the editors keep this paper's text
        (and take its edits) until the other's view lands."""
        if paper_id == self.wanted_paper_id and not self.guard.stopped:
            return
        if self.stopwatch is not None and self.stopwatch.running:
            self.guard.ask_to_end_rehearsal(lambda: self._switch_paper(paper_id))
            return
        self.flush(snapshot=True)
        if self.guard.stopped:
            self.guard.resume()
        self._cancel_rehearsal()
        self._render_rehearsal()
        self.wanted_paper_id = paper_id
        try:
            remember_pitch_paper(self.store, paper_id)
        except StoreError as error:  # only the memory of the choice is lost
            self.notify(str(error), severity="warning", markup=False)
        if self.view is not None and any(paper.id == paper_id for paper in self.view.papers):
            self._list_all_papers()  # (in the first frame's moment it lists the shown paper only)
            with self.prevent(Select.Changed):
                self.query_one("#pitch-paper", Select).value = paper_id
        self.reload_view()

    def action_cycle_paper(self, step: int) -> None:
        ids = [paper.id for paper in self.view.papers] if self.view is not None else []
        if not ids:
            return
        index = ids.index(self.wanted_paper_id) if self.wanted_paper_id in ids else -step
        self._switch_paper(ids[(index + step) % len(ids)])

    def on_screen_suspend(self) -> None:
        # A dialog opened over Pitch (history, runs, palette) rather than another screen shown.
        self._covered = self.app.screen is not self and self.app.screen.is_modal
        self.flush(snapshot=True)

    def save_pending(self) -> None:
        """The app is closing (SIGHUP, SIGTERM): write what is typed now (while a conflict
        is being asked about, the unsaved text becomes a draft: nothing is overwritten)."""
        if self.guard.asking:
            self.guard.keep_draft()
            return
        self.flush(snapshot=True)

    def on_unmount(self) -> None:
        self.flush(snapshot=True)
