"""Pitch's history, Markdown export and copy (PitchScreen's part)."""

from __future__ import annotations

from ...domain.speaking import estimate_pitch, pitch_markdown
from ...usecases.core import StoreError
from ...usecases.pitch import pitch_versions, restore_pitch_version
from ...usecases.session import database_path
from .pitch_modes import after_typed_keys


class PitchOutputs:
    """Mixed into PitchScreen: the pitch's versions, and its text as Markdown to a file or the
    clipboard."""

    def action_history(self) -> None:
        paper_id = self.paper_id
        if paper_id is None:
            return
        from .pitch_history import history_dialog

        self.flush(snapshot=True)
        self.load_then(lambda store: pitch_versions(store, paper_id),
                       lambda versions: self.app.push_screen(history_dialog(versions, self.language), self._restore),
                       name="pitch history")

    def _restore(self, version_id: int | None) -> None:
        if version_id is None:
            return
        try:
            bodies, versions = restore_pitch_version(self.store, version_id)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.versions = versions
        self.dirty.clear()
        self.edits += 1  # a load asked for before the restore carries the older text
        self._load_texts(bodies)
        self._update_counts()
        self.notify(self.pick("已恢复所选版本", "Version restored (the previous text is in the history)"))

    def markdown(self) -> str:
        title = (self.view.title(self.paper_id) if self.view is not None else "") or "Pitch"
        texts = self._texts()
        estimate = estimate_pitch(texts, self.rates, self.target_minutes)
        parts = [(part.zh, part.en, texts[part.key]) for part in self.parts]
        return pitch_markdown(title, parts, estimate)

    @after_typed_keys
    def action_export(self) -> None:
        if self.paper_id is None:
            return
        from pathlib import Path

        from .save_dialog import SaveFileDialog

        self.flush()
        dialog = SaveFileDialog(("导出讲稿（Markdown）", "Export the pitch (Markdown)"),
                                Path.cwd() / f"pitch-{self.paper_id}.md", self.markdown(), database_path(self.store))

        def exported(path: Path | None) -> None:
            if path is not None:
                self.notify(self.pick(f"已导出到 {path}", f"Exported to {path}"), markup=False)

        self.app.push_screen(dialog, exported)

    @after_typed_keys
    def action_copy(self) -> None:
        if self.paper_id is None:
            return
        from ..clipboard import copy_text

        self.flush()
        copy_text(self.app, self.markdown())
