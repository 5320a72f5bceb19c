"""How the Pipeline board writes and is read again after a write (PipelineScreen's part,
through BoardKeys).

A move or a reorder is shown at once in the view the screen holds; its write (with the version
the board showed) is committed in a worker once that frame is drawn, the writes in key order,
and then only the columns it touched are read again. A refused write (the paper changed or went
elsewhere) says so and reads the whole board again: what was shown for it goes back. The other
writes re-read the whole board, and keys that act on tiles wait until it is shown (and keys that
read or write the store, until the moves before them are committed), so that each key acts on
what the one before did."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

from ...models.papers import Stage
from ...usecases.board import BoardColumnView
from ...usecases.core import ConflictError, StoreError

if TYPE_CHECKING:
    from ...models.papers import PaperTile
    from ...usecases.core import Store


@dataclass(eq=False)
class _Commit:
    """One move's or reorder's write, waiting for its turn in a worker."""

    write: "Callable[[Store], object]"
    paper_id: int
    title: str  # the paper's, for a refusal's message
    was_in: Stage  # its column before: where a refusal puts the focus back
    stages: set[Stage] = field(default_factory=set)  # the columns to read again once committed
    papers: set[int] = field(default_factory=set)  # ... and the tiles, alone
    started: bool = False  # given to a worker
    done: bool = False  # run (by the worker, or by the flush at exit)


class BoardWrites:
    """Mixed into PipelineScreen (through BoardKeys): each write, and the re-read after it."""

    class Committed(Message):
        """A move's or reorder's write ended (from its worker): `error` None when it was saved."""

        def __init__(self, job: _Commit, error: StoreError | None):
            super().__init__()
            self.job = job
            self.error = error

    def _init_commits(self) -> None:
        self._commits: list[_Commit] = []  # written in this order, the first maybe in a worker now
        self._commit_lock = threading.Lock()  # held while one is written (worker or exit flush)
        self._draining = False  # running the keys kept for later (_run_waiting)

    # -- writes: the view after one ---------------------------------------------------------

    def _reread_board(self, keep: int | None = None, focus: Stage | None = None,
                      stages: set[Stage] | None = None) -> None:
        """After a write that may touch any column (or only `stages`'): read the board (those
        columns) again; keys wait for it."""
        self._keep = keep
        self._settling = True
        if focus is not None:
            self._focus(self.column(focus))
        self._read_next(stages)

    def _reread_columns(self, stages: set[Stage], papers: set[int] = frozenset()) -> None:
        """After a move or a reorder, already shown from the view: read those columns (or only
        those papers' tiles) again: the tiles' checklists, risk and order as stored."""
        self._read_next(stages, papers)

    def _read_next(self, stages: set[Stage] | None, papers: set[int] = frozenset()) -> None:
        """Load `stages`' columns (None: the whole board) and `papers`' tiles once the frame
        after this write is drawn: a worker reading meanwhile holds the GIL for most of that
        frame's time (a move's frame took 2-4 times its own CPU time). A load on its way, or
        waiting for that frame, is overtaken (and dropped): this one reads its columns too."""
        waiting = self._read_waiting
        if (stages is None or self.board is None or (self._loading and self._reading is None)
                or (waiting and self._next_read is None)):
            self._next_read, self._next_papers = None, frozenset()
        else:
            on_its_way = (self._reading or frozenset()) if self._loading else frozenset()
            asked = (self._next_read or frozenset()) if waiting else frozenset()
            self._next_read = frozenset(stages) | on_its_way | asked
            self._next_papers = (frozenset(papers) | (self._reading_papers if self._loading else frozenset())
                                 | (self._next_papers if waiting else frozenset()))
        if waiting:
            return
        self._read_waiting = True
        self._read_started.clear()
        if not self._in_view and self._hidden_view is not None:
            # Asked for under a dialog (the form's closing): once shown again, the board need
            # not read again what this load will read.
            self._hidden_view = self._view_key_or_none()
        self._after_frame(self._start_read)

    # A worker started as soon as a frame is drawn held the GIL (in 5 ms turns) while Textual's
    # output thread waited for it to write that frame: a move's frame reached the terminal
    # ~20 ms after it was drawn, behind its write. Background work starts once it is written.
    OUTPUT_WAIT = 0.03

    def _after_frame(self, callback: Callable[[], None]) -> None:
        """`callback` once the next frame is drawn and sent (it checks it has not run already)."""
        self.call_after_refresh(lambda: self.set_timer(self.OUTPUT_WAIT, callback))
        # Textual runs that callback after the refresh of whichever screen is current when it
        # is queued (a dialog closing or opening meanwhile): then it never runs, and the board
        # never read again (keys waiting for it for ever). So also after a short while.
        self.set_timer(0.1 + self.OUTPUT_WAIT, callback)

    def _start_read(self) -> None:
        if not self._read_waiting:
            return  # started already (after the frame, or by the timer)
        if self._commits:
            return  # it would read the board without them: asked again once they are written
        self._read_waiting = False
        self.reload_view()
        self._read_started.set()  # after reload_view: view_ready now waits for that load

    def _settled(self) -> None:
        self._settling = False
        self._run_waiting()

    def _run_waiting(self) -> None:
        """The keys kept for later, in order, as long as what each waits for is done."""
        if self._draining:
            return
        self._draining = True
        try:
            while self._waiting and not self._settling:
                action, after_commits = self._waiting[0]
                if after_commits and self._commits:
                    return  # run once they are written (on_board_keys_committed)
                self._waiting.pop(0)
                action()
        finally:
            self._draining = False

    def _wait_if_settling(self, action: Callable[[], None], *, after_commits: bool = True) -> bool:
        """True (and `action` kept for later) while the board re-reads after this screen's write,
        or (`after_commits`: a key that reads or writes the store) while moves wait to be written."""
        if self._settling or (self._waiting and not self._draining) or (after_commits and self._commits):
            self._waiting.append((action, after_commits))
            return True
        return False

    # -- moves and reorders: written in a worker, in order ------------------------------------

    def _commit(self, write: "Callable[[Store], object]", tile: "PaperTile", stages: set[Stage],
                papers: set[int] = frozenset()) -> None:
        """Write `write` (a use case with its version check) off the UI thread once the frame
        showing it is drawn (a worker meanwhile would hold the GIL during that frame), after the
        writes queued before it; then read `stages` again."""
        if self._loading:
            # A re-read on its way shows the board without this change: dropped, its columns
            # are read with this one's (_read_next).
            self._view_generation += 1
        self._commits.append(_Commit(write, tile.id, tile.title, tile.stage, set(stages), set(papers)))
        self._loads_pending += 1  # view_ready (tests) waits for it too
        self._loads_event().clear()
        if len(self._commits) == 1:
            self._next_commit_soon()

    def _next_commit_soon(self) -> None:
        self._after_frame(self._start_commit)

    def _start_commit(self) -> None:
        if not self._commits or self._commits[0].started or self._commits[0].done:
            return
        job = self._commits[0]
        job.started = True
        store, lock, post = self.store, self._commit_lock, self.post_message

        def work() -> None:  # the worker thread
            with lock:
                if job.done:
                    return  # written by the flush at exit
                job.done = True
                try:
                    job.write(store)
                except StoreError as error:
                    post(BoardWrites.Committed(job, error))
                    return
            post(BoardWrites.Committed(job, None))

        self.run_worker(work, thread=True, group="board-write", name="board write")

    def on_board_writes_committed(self, message: "BoardWrites.Committed") -> None:
        message.stop()
        job = message.job
        if not self._commits or self._commits[0] is not job:
            return
        self._commits.pop(0)
        self._load_finished()
        if message.error is not None:
            # The writes queued after it were shown on top of it: dropped with it; the board
            # read again shows what is stored.
            for _ in self._commits:
                self._load_finished()
            self._commits.clear()
            self._report_refused(job, message.error)
            self._reread_board(keep=job.paper_id, focus=job.was_in)
            self._run_waiting()
            return
        self._reread_columns(job.stages, job.papers)
        if self._commits:
            self._next_commit_soon()
            return
        if self._read_waiting:  # held back while the writes were pending (_start_read)
            self._after_frame(self._start_read)
        self._run_waiting()

    def _report_refused(self, job: _Commit, error: StoreError) -> None:
        if isinstance(error, ConflictError):
            title = job.title
            self.notify(self.pick(f"「{title}」已在别处修改：未移动", f"“{title}” was changed elsewhere: not moved"),
                        severity="warning", markup=False)
        else:
            self._report(error)

    def _flush_commits(self) -> None:
        """The app is closing: write what is still queued (waiting for one being written)."""
        for job in list(getattr(self, "_commits", ())):
            with self._commit_lock:
                if job.done:
                    continue
                job.done = True
                try:
                    job.write(self.store)
                except StoreError:
                    pass  # refused (changed elsewhere): nothing of it to keep

    def save_pending(self) -> None:
        """The app is closing (hang-up, SIGTERM): the moves not yet written are written now."""
        self._flush_commits()

    def on_unmount(self) -> None:
        self._flush_commits()

    def _show_locally(self, columns: dict[Stage, BoardColumnView], keep: int, focus: Stage) -> None:
        assert self.board is not None
        self.board = self.board.with_columns(columns)
        for column in columns.values():
            self._show_column(column, keep if any(tile.id == keep for tile in column.tiles) else None)
        self._focus(self.column(focus), fit=False)
        self._fit_columns()
        self._show_detail()

    def _report(self, error: StoreError) -> None:
        self.notify(str(error), severity="error", markup=False)
