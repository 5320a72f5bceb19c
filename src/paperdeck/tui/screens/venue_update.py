"""The Venues screen's `deadlines update`: the trackers' current files for the venues the user
follows, read in a worker thread (the network may be slow or down), imported like the CLI's
(usecases/tracker_update.py), then told in a notification and shown in the list."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from ...models.common import utcnow
from ...usecases.core import StoreError
from ...textsafe import one_line

if TYPE_CHECKING:
    from textual.worker import Worker

    from ...usecases.tracker_update import UpdateReport


class VenueUpdateMixin:
    """Mixed into VenuesScreen (which provides app, store, pick, notify, reload_view)."""

    update_worker: "Worker | None" = None   # the running or last update (tests wait on it)

    def action_update_deadlines(self) -> None:
        from ...domain.tracker_sources import SourceError
        from ...usecases.tracker_update import environment_sources

        if self.update_worker is not None and not self.update_worker.is_finished:
            self.notify(self.pick("正在更新…", "Already updating…"), severity="warning")
            return
        try:
            sources = environment_sources()
        except SourceError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(self.pick("正在从追踪源更新关注的会议…", "Updating the venues you follow from the trackers…"))
        # The app's worker: the import ends whole even if the screen is left meanwhile.
        self.update_worker = self.app.run_worker(partial(self._run_update, self.app, sources), thread=True,
                                                 group="tracker-update", exit_on_error=False)

    def _run_update(self, app, sources: dict[str, str]) -> None:
        """In a thread: read the trackers and import what changed."""
        from ...usecases.imports import ImportRefused
        from ...usecases.tracker_update import NothingToUpdate, update

        try:
            report = update(app.store, utcnow(), sources=sources)
        except (NothingToUpdate, ImportRefused, StoreError, ValueError) as error:
            app.call_from_thread(self._update_failed, str(error))
            return
        app.call_from_thread(self._update_done, report)

    def _update_failed(self, message: str) -> None:
        self.notify(one_line(message), severity="error", markup=False, timeout=10)

    def _update_done(self, report: "UpdateReport") -> None:
        from ...usecases.tracker_update import report_lines

        title = self.pick("截稿更新", "Deadlines update")
        if report.offline:
            self.notify(self.pick("无法连接追踪源：未做任何更改", "Cannot reach the trackers: nothing changed"),
                        title=title, severity="error", timeout=10)
            return
        lines = report_lines(report, self.language)
        self.notify("\n".join(one_line(line) for line in lines), title=title, markup=False,
                    severity="information" if report.ok else "warning", timeout=15)
        self.reload_view()
