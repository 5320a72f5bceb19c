"""The Pipeline board's keys and mouse: moves, reorders, capture, edit, delete, undo and redo,
filters; and how the board is read again after a write (PipelineScreen's part).

A move or a reorder writes once (usecases/board.py), shows its result at once in the view the
screen holds, then re-reads only the columns it touched (in a worker, like any load); the other
writes re-read the whole board, and keys that act on tiles wait until it is shown, so that each
key acts on what the one before did."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Callable
from dataclasses import replace

from ...models.common import utcnow
from ...models.papers import STAGES, PaperFilter, Stage
from ...usecases.board import (
    BoardColumnView, add_paper, change_label, delete_paper, move_paper, place_paper, step_change,
)
from ...usecases.core import StoreError
from ..widgets.board import BoardColumn
from ..widgets.panel import literal


class BoardKeys:
    """Mixed into PipelineScreen: its keys and mouse, each write and the re-read after it."""

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

    def _reread_columns(self, stages: set[Stage]) -> None:
        """After a move or a reorder, already shown from the view: read those columns again (the
        tiles' checklists, risk and order as stored)."""
        self._read_next(stages)

    def _read_next(self, stages: set[Stage] | None) -> None:
        """Load `stages`' columns (None: the whole board) once the frame after this write is
        drawn: a worker reading meanwhile holds the GIL for most of that frame's time (a move's
        frame took 2-4 times its own CPU time). A load on its way, or waiting for that frame,
        is overtaken (and dropped): this one reads its columns too."""
        waiting = self._read_waiting
        if (stages is None or self.board is None or (self._loading and self._reading is None)
                or (waiting and self._next_read is None)):
            self._next_read = None
        else:
            on_its_way = (self._reading or frozenset()) if self._loading else frozenset()
            asked = (self._next_read or frozenset()) if waiting else frozenset()
            self._next_read = frozenset(stages) | on_its_way | asked
        if waiting:
            return
        self._read_waiting = True
        self._read_started.clear()
        if not self._in_view and self._hidden_view is not None:
            # Asked for under a dialog (the form's closing): once shown again, the board need
            # not read again what this load will read.
            self._hidden_view = self._view_key_or_none()
        self.call_after_refresh(self._start_read)
        # Textual runs that callback after the refresh of whichever screen is current when it
        # is queued (a dialog closing or opening meanwhile): then it never runs, and the board
        # never read again (keys waiting for it for ever). So also after a short while.
        self.set_timer(0.1, self._start_read)

    def _start_read(self) -> None:
        if not self._read_waiting:
            return  # started already (after the frame, or by the timer)
        self._read_waiting = False
        self.reload_view()
        self._read_started.set()  # after reload_view: view_ready now waits for that load

    def _settled(self) -> None:
        self._settling = False
        while self._waiting and not self._settling:
            self._waiting.pop(0)()

    def _wait_if_settling(self, action: Callable[[], None]) -> bool:
        """True (and `action` kept for later) while the board re-reads after this screen's write."""
        if self._settling:
            self._waiting.append(action)
            return True
        return False

    def _show_locally(self, columns: dict[Stage, BoardColumnView], keep: int, focus: Stage) -> None:
        assert self.board is not None
        self.board = self.board.with_columns(columns)
        for column in columns.values():
            self._show_column(column, keep if any(tile.id == keep for tile in column.tiles) else None)
        self._focus(self.column(focus))
        self._fit_columns()
        self._show_detail()

    def _report(self, error: StoreError) -> None:
        self.notify(str(error), severity="error", markup=False)

    # -- keys -------------------------------------------------------------------------------

    def action_focus_column(self, delta: int) -> None:
        if self._wait_if_settling(lambda: self.action_focus_column(delta)):
            return
        columns = self.columns
        current = self.focused_column
        index = columns.index(current) + delta
        if 0 <= index < len(columns):
            target = columns[index]
            target.cursor = min(current.cursor, max(0, len(target.tiles) - 1))
            self._focus(target)

    def _selected(self):
        tile = self.focused_column.current_tile
        if tile is None:
            self.app.bell()
        return tile

    def action_move_paper(self, delta: int) -> None:
        if self._wait_if_settling(lambda: self.action_move_paper(delta)):
            return
        tile = self._selected()
        if tile is None:
            return
        index = STAGES.index(tile.stage) + delta
        if not 0 <= index < len(STAGES):
            self.app.bell()
            return
        self._move(tile.id, STAGES[index])

    def _move(self, paper_id: int, stage: Stage) -> None:
        try:
            source = move_paper(self.store, paper_id, stage)
        except StoreError as error:
            self._report(error)
            self._reread_board()
            return
        board = self.board
        tile = board.tile(paper_id) if board is not None else None
        if board is None or tile is None:
            self._reread_board(keep=paper_id, focus=stage)
            return
        # Shown at once: the tile leaves its column for the end of the new one (as stored);
        # its checklist and risk in the new stage come with the columns' re-read.
        shown_in = tile.stage
        columns = {shown_in: board.columns[shown_in].without(paper_id)}
        target = board.columns[stage]
        if board.request.paper_filter.stage in (None, stage):
            moved = replace(tile, stage=stage, stage_entered_at=utcnow(), checklist_done=0, checklist_total=0)
            left = board.columns[shown_in]
            # Its countdown and target line go with it (the column's own are made when shown).
            countdowns = ChainMap({paper_id: left.countdowns[paper_id]} if paper_id in left.countdowns else {},
                                  target.countdowns)
            targets = ChainMap({paper_id: left.targets[paper_id]} if paper_id in left.targets else {}, target.targets)
            target = replace(target, tiles=(*target.without(paper_id).tiles, moved), countdowns=countdowns,
                             targets=targets)
        columns[stage] = target
        self._show_locally(columns, keep=paper_id, focus=stage)
        self._reread_columns({source, shown_in, stage})

    def action_reorder(self, delta: int) -> None:
        if self._wait_if_settling(lambda: self.action_reorder(delta)):
            return
        column = self.focused_column
        tile = self._selected()
        neighbour = column.cursor + delta
        if tile is None or not 0 <= neighbour < len(column.tiles):
            return
        try:
            place_paper(self.store, tile.id, column.tiles[neighbour].id, after=delta > 0)
        except StoreError as error:
            self._report(error)
            self._reread_board()
            return
        if self.board is None:
            self._reread_board(keep=tile.id)
            return
        shown = self.board.columns[tile.stage]
        order = [t for t in shown.tiles if t.id != tile.id]
        order.insert(neighbour, tile)  # it and its neighbour swap places, as stored
        self._show_locally({tile.stage: replace(shown, tiles=tuple(order))}, keep=tile.id, focus=tile.stage)
        self._reread_columns({tile.stage})

    def action_capture(self) -> None:
        if self._wait_if_settling(self.action_capture):
            return
        from .pipeline_modals import QuickCaptureModal

        stage = self.focused_column.stage

        def added(title: str | None) -> None:
            if title:
                try:
                    paper = add_paper(self.store, title, stage)
                except StoreError as error:
                    self._report(error)
                    # The title stays on screen, so the user can retry once writes work again.
                    self.app.push_screen(QuickCaptureModal(stage, title), added)
                    return
                self._reread_board(keep=paper.id, focus=stage)

        self.app.push_screen(QuickCaptureModal(stage), added)

    def action_edit(self) -> None:
        if self._wait_if_settling(self.action_edit):
            return
        tile = self._selected()
        if tile is None:
            return
        from .paper_form import paper_form_for

        form = paper_form_for(self.app, tile.id)  # kept between openings: this opening's outcome
        opening = form.opening

        def closed(saved: bool | None) -> None:
            # The form writes only its paper (a submission or a decision moves it): its columns,
            # before and after. Another window's writes meanwhile re-read the board already.
            if not opening.wrote:
                return  # closed unchanged: nothing to read again, no key need wait
            now_in = opening.paper.stage if opening.paper is not None else tile.stage
            self._reread_board(keep=tile.id, stages={tile.stage, now_in})

        self.app.push_screen(form, closed)

    def action_delete(self) -> None:
        if self._wait_if_settling(self.action_delete):
            return
        tile = self._selected()
        if tile is None:
            return
        from .choice import confirm_dialog

        undo = self.key_hint("undo")
        question = self.pick(f"删除「{tile.title}」？（{undo} 可撤销）", f"Delete “{tile.title}”? ({undo} undoes)")

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    delete_paper(self.store, tile.id)
                except StoreError as error:
                    self._report(error)
                self._reread_board()
                self.notify(self.pick(f"已删除，按 {undo} 撤销", f"Deleted. Press {undo} to undo."), markup=False)

        self.app.push_screen(confirm_dialog(literal(question, single_line=False), yes=("删除", "Delete"), yes_keys="y,d"), answered)

    def _step(self, redo: bool) -> None:
        if self._wait_if_settling(lambda: self._step(redo)):
            return
        try:
            stepped = step_change(self.store, redo=redo)
        except StoreError as error:
            self._report(error)
            return
        if stepped is None:
            self.notify(self.pick("没有可重做的操作" if redo else "没有可撤销的操作", "Nothing to redo" if redo else "Nothing to undo"), markup=False)
            return
        label, paper_ids = stepped
        # The focus follows the paper the step moved, restored or edited (a removed one: stays).
        self._reread_board(keep=paper_ids[0] if paper_ids else None)
        self.notify((self.pick("已重做：", "Redone: ") if redo else self.pick("已撤销：", "Undone: "))
                    + change_label(label, self.language), markup=False)

    def action_undo(self) -> None:
        self._step(redo=False)

    def action_redo(self) -> None:
        self._step(redo=True)

    def action_stage_days(self) -> None:
        from ...usecases.stage_days import stage_days
        from .stage_days import StageDaysModal

        now = utcnow()
        self.load_then(lambda store: stage_days(store, now), lambda rows: self.app.push_screen(StageDaysModal(rows)),
                       name="stage days")

    def action_filter(self) -> None:
        if self._wait_if_settling(self.action_filter):
            return
        board = self.board
        if board is None:
            self.app.bell()
            return
        from .pipeline_modals import FilterModal

        topics = [(label, key) for key, label in board.topics]

        def chosen(wanted: PaperFilter | None) -> None:
            if wanted is not None:
                self.paper_filter = wanted
                self._reread_board()

        self.app.push_screen(FilterModal(self.paper_filter, list(board.venues), topics), chosen)

    def action_clear_filter(self) -> None:
        if self._wait_if_settling(self.action_clear_filter):
            return
        if not self.paper_filter.is_empty:
            self.paper_filter = PaperFilter()
            self._reread_board()

    # -- mouse ------------------------------------------------------------------------------

    def on_board_column_pressed(self, event: BoardColumn.Pressed) -> None:
        self._drag_paper = event.paper_id

    def on_board_column_released(self, event: BoardColumn.Released) -> None:
        paper_id, self._drag_paper = self._drag_paper, None
        if paper_id is not None and event.target is not None and event.target is not event.column:
            if not self._wait_if_settling(lambda: self._move(paper_id, event.target.stage)):
                self._move(paper_id, event.target.stage)
