"""The Pipeline board's keys and mouse: moves, reorders, capture, edit, delete, undo and redo,
filters (PipelineScreen's part). Each write goes through BoardWrites (pipeline_writes.py): shown
at once, committed in key order, the board read again after it."""

from __future__ import annotations

from dataclasses import replace

from ...models.common import utcnow
from ...models.papers import STAGES, PaperFilter, Stage
from ...usecases.board import (
    add_paper, change_label, delete_paper, layered, move_paper, place_paper, step_change,
)
from ...usecases.core import StoreError
from ..widgets.board import BoardColumn
from ..widgets.panel import literal
from .pipeline_writes import BoardWrites


class BoardKeys(BoardWrites):
    """Mixed into PipelineScreen: its keys and mouse."""

    # -- keys -------------------------------------------------------------------------------

    def action_focus_column(self, delta: int) -> None:
        if self._wait_if_settling(lambda: self.action_focus_column(delta), after_commits=False):
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
        if self._wait_if_settling(lambda: self.action_move_paper(delta), after_commits=False):
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
        board = self.board
        tile = board.tile(paper_id) if board is not None else None
        if board is None or tile is None:
            return  # not on the board (keys wait for it; a drag starts from a shown tile)
        # Shown at once: the tile leaves its column for the end of the new one (as stored);
        # its checklist and risk in the new stage come with the columns' re-read.
        shown_in = tile.stage
        columns = {shown_in: board.columns[shown_in].without(paper_id)}
        target = board.columns[stage]
        if board.request.paper_filter.stage in (None, stage):
            moved = replace(tile, stage=stage, stage_entered_at=utcnow(), checklist_done=0, checklist_total=0,
                            version=tile.version + 1)
            left = board.columns[shown_in]
            # Its countdown and target line go with it (the column's own are made when shown).
            countdowns = layered({paper_id: left.countdowns[paper_id]} if paper_id in left.countdowns else {},
                                 target.countdowns)
            targets = layered({paper_id: left.targets[paper_id]} if paper_id in left.targets else {}, target.targets)
            target = replace(target, tiles=(*target.without(paper_id).tiles, moved), countdowns=countdowns,
                             targets=targets)
        columns[stage] = target
        self._show_locally(columns, keep=paper_id, focus=stage)
        version = tile.version
        # Read again: only its tile (the tiles around it are as they were).
        self._commit(lambda store: move_paper(store, paper_id, stage, version), tile, set(), {paper_id})

    def action_reorder(self, delta: int) -> None:
        if self._wait_if_settling(lambda: self.action_reorder(delta), after_commits=False):
            return
        column = self.focused_column
        tile = self._selected()
        neighbour = column.cursor + delta
        if tile is None or not 0 <= neighbour < len(column.tiles) or self.board is None:
            return
        neighbour_id, version = column.tiles[neighbour].id, tile.version
        shown = self.board.columns[tile.stage]
        order = [t for t in shown.tiles if t.id != tile.id]
        order.insert(neighbour, replace(tile, version=version + 1))  # it and its neighbour swap places, as stored
        self._show_locally({tile.stage: replace(shown, tiles=tuple(order))}, keep=tile.id, focus=tile.stage)
        self._commit(lambda store: place_paper(store, tile.id, neighbour_id, after=delta > 0, expected_version=version),
                     tile, {tile.stage})

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

        # Kept between openings: this opening's outcome. Filled from the view read ahead, if current.
        form = paper_form_for(self.app, tile.id, self.form_view_ahead(tile.id))
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
