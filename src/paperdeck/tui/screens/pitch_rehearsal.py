"""Pitch's rehearsal stopwatch (PitchScreen's part): F5 starts it and takes a lap per part,
F6 stops it; a finished run is saved with its laps against the parts' target shares; F4 lists
the runs."""

from __future__ import annotations

from textual.timer import Timer

from ...domain.rehearsal import Stopwatch, spoken_laps
from ...domain.speaking import count_speech, format_duration
from ...models.common import utcnow
from ...usecases.core import StoreError
from ...usecases.pitch import record_rehearsal, rehearsal_list
from ..widgets.rehearsal import RehearsalPanel


class RehearsalControls:
    """Mixed into PitchScreen: uses its paper, parts, rates, texts and view."""

    stopwatch: Stopwatch | None
    tick_timer: Timer | None

    def action_rehearse(self) -> None:
        if self.paper_id is None:
            self.notify(self.pick("没有论文可排练", "No paper to rehearse"), severity="warning")
            return
        if self.stopwatch is None or not self.stopwatch.running:
            self.stopwatch = Stopwatch([part.key for part in self.parts])
            self.stopwatch.start()
            self.tick_timer = self.set_interval(0.25, self._render_rehearsal)
        elif self.stopwatch.lap():
            self._finish_rehearsal()
            return
        self._focus_current_part()
        self._render_rehearsal()

    def action_stop_rehearsal(self) -> None:
        if self.stopwatch is not None and self.stopwatch.running:
            self._finish_rehearsal()

    def _finish_rehearsal(self) -> None:
        assert self.stopwatch is not None and self.paper_id is not None
        started = self.stopwatch.started_at or utcnow()
        total = self.stopwatch.elapsed_ms()
        counts = {key: count_speech(text) for key, text in self._texts().items()}
        timed = self.stopwatch.stop()
        laps = spoken_laps(timed, counts, self.rates, last_partial=self.stopwatch.stopped_partway)
        self._stop_ticking()
        if laps:
            try:
                record_rehearsal(self.store, self.paper_id, started, laps, total)
            except StoreError as error:
                self.notify(str(error), title=self.pick("排练未保存", "Rehearsal not saved"), severity="error", markup=False)
            else:
                self.notify(self.pick(f"排练已保存：{format_duration(total / 1000)}", f"Rehearsal saved: {format_duration(total / 1000)}"))
                self.reload_view()  # the measured rates and the run count changed
        self._update_counts()
        self._render_rehearsal()

    def _cancel_rehearsal(self) -> None:
        if self.stopwatch is not None:
            self.stopwatch.stop()
        self._stop_ticking()

    def _stop_ticking(self) -> None:
        if self.tick_timer is not None:
            self.tick_timer.stop()
            self.tick_timer = None

    def _focus_current_part(self) -> None:
        if self.stopwatch is not None and self.stopwatch.current_key is not None:
            number = self.stopwatch.current_index + 1
            for head in self.query(f"#head-{number}"):  # none before the first frame's parts are followed by the others
                head.scroll_visible()

    def _render_rehearsal(self) -> None:
        """Four times a second while rehearsing: from memory and the view, no store."""
        view = self.view
        shown = view is not None and view.paper_id == self.paper_id
        self.query_one(RehearsalPanel).show(
            self.stopwatch, self.parts, self.target_minutes,
            runs=view.runs if shown and view else 0, last_run_ms=view.last_run_ms if shown and view else None,
            language=self.language, key=self.key_hint("rehearse"))

    def action_runs(self) -> None:
        paper_id = self.paper_id
        if paper_id is None:
            return
        from .rehearsal_list import RehearsalList

        def changed(deleted: bool | None) -> None:
            if deleted:
                self.reload_view()  # the rates and the run count

        self.load_then(lambda store: rehearsal_list(store, paper_id),
                       lambda runs: self.app.push_screen(RehearsalList(paper_id, runs, self.parts, self.target_minutes), changed),
                       name="pitch rehearsals")
