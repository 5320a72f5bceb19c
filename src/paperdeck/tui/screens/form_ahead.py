"""The paper form's view of the focused tile, read ahead while the user rests on the board.

`e` (or Enter) on a tile read the paper (its checklist, history, submissions, the venues and
topics offered) in a worker, then filled the form: the read was a third of the key's time at
medium. The board reads it ahead, in a worker, once the focus rests on a tile and the user
pauses (built_ahead.input_pause); the key then fills the form from it, while nothing was
written since it was read (the store's change stamp, the language) and it is recent. Else the
form reads as before. Nothing is read on the UI thread but the change stamp at the key."""

from __future__ import annotations

import time

from ...usecases.paper_form import PaperFormView, paper_form

MAX_AGE_SECONDS = 60.0  # a view older than this is read again (its "today", another day's)


class FormAhead:
    """Mixed into PipelineScreen (a PaperdeckScreen): `form_view_ahead` for its key."""

    _form_ahead: tuple[int, tuple, float, PaperFormView] | None = None  # (paper id, view key, when, view)
    _form_ahead_asked: tuple[int, tuple] | None = None  # the read on its way

    _form_ahead_waiting = False  # a wait for the user's pause is on its way

    def read_form_ahead(self) -> None:
        """Read the focused tile's form view once the user pauses (the tile focused then: one
        wait, however many keys move the focus meanwhile)."""
        if not self._form_ahead_waiting:
            self._form_ahead_waiting = True
            self.run_worker(self._read_form_ahead, group="form ahead", exit_on_error=False)

    async def _read_form_ahead(self) -> None:
        from .built_ahead import input_pause

        try:
            await input_pause(self.app)
        finally:
            self._form_ahead_waiting = False
        if not self.is_current or self._settling or self._commits:
            return  # read again once shown (or once the board shows what was written)
        tile = self.focused_column.current_tile
        # The data stamp the board shows was read under (no query here): a view read now is of
        # that data while the stamp has not moved, which the key checks (form_view_ahead).
        key = self._view_requested_key
        if tile is None or key is None or self.form_view_ahead(tile.id) is not None:
            return
        paper_id, asked = tile.id, (tile.id, key)
        if self._form_ahead_asked == asked:
            return
        self._form_ahead_asked = asked
        started = time.monotonic()

        def keep(view: PaperFormView) -> None:
            if self._form_ahead_asked == asked:
                self._form_ahead_asked = None
            self._form_ahead = (paper_id, key, started, view)

        def failed(_error) -> None:  # the paper went meanwhile: the key's own read says so
            self._form_ahead_asked = None

        self.load_then(lambda store: paper_form(store, paper_id), keep, name="paper form ahead", failed=failed)

    def form_view_ahead(self, paper_id: int) -> PaperFormView | None:
        """The view read ahead for `paper_id`, if nothing was written since and it is recent."""
        ahead = self._form_ahead
        if ahead is None or ahead[0] != paper_id or time.monotonic() - ahead[2] > MAX_AGE_SECONDS:
            return None
        return ahead[3] if ahead[1] == self._view_key_or_none() else None
