"""Pipeline: the board of papers by stage, with keys and mouse to move them along."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Static

from ...domain.deadlines import countdown
from ...models.common import utcnow
from ...models.papers import STAGES, PaperFilter, Stage
from ...paths import package_resource
from ...store.errors import StoreError
from ...usecases.paper_targets import paper_targets
from ..widgets.board import BoardColumn, TileContext
from ..widgets.panel import literal
from .base import PaperdeckScreen
from .choice import confirm_dialog
from .pipeline_modals import FilterModal, QuickCaptureModal


def _binding(keys: str, action: str, description: str, id: str, tooltip: str, show: bool = True) -> Binding:
    return Binding(keys, action, description, show=show, id=f"pipeline.{id}", tooltip=tooltip)


class PipelineScreen(PaperdeckScreen):
    CSS_PATH = package_resource("styles") / "pipeline.tcss"
    BINDINGS = [
        _binding("left,h", "focus_column(-1)", "Left", "left", "Focus the column on the left", show=False),
        _binding("right,l", "focus_column(1)", "Right", "right", "Focus the column on the right", show=False),
        _binding("shift+left,less_than_sign", "move_paper(-1)", "◀ Stage", "move_back", "Move the paper to the previous stage"),
        _binding("shift+right,greater_than_sign", "move_paper(1)", "Stage ▶", "move_on", "Move the paper to the next stage"),
        _binding("shift+up", "reorder(-1)", "Up", "reorder_up", "Move the paper up in its column", show=False),
        _binding("shift+down", "reorder(1)", "Down", "reorder_down", "Move the paper down in its column", show=False),
        _binding("n", "capture", "New", "new", "Quick-capture a paper (title, Enter)"),
        _binding("enter,e", "edit", "Edit", "edit", "Open the paper form"),
        _binding("d", "delete", "Delete", "delete", "Delete the paper (asks first; u undoes)"),
        _binding("u", "undo", "Undo", "undo", "Undo the last change (move, edit, delete)"),
        _binding("U", "redo", "Redo", "redo", "Redo the change just undone"),
        _binding("slash", "filter", "Filter", "filter", "Filter by text, venue, topic or stage"),
        _binding("escape", "clear_filter", "Clear filter", "clear_filter", "Show every paper again", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.paper_filter = PaperFilter()
        self._drag_paper: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="board"):
            for stage in STAGES:
                yield BoardColumn(stage, id=f"col-{stage.value}")
        yield Static(id="pipeline-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()
        self.columns[0].focus()

    # -- data -------------------------------------------------------------------------------

    @property
    def columns(self) -> list[BoardColumn]:
        return list(self.query(BoardColumn))

    def column(self, stage: Stage) -> BoardColumn:
        return self.query_one(f"#col-{stage.value}", BoardColumn)

    @property
    def focused_column(self) -> BoardColumn:
        focused = self.focused
        return focused if isinstance(focused, BoardColumn) else self.columns[0]

    def _tile_context(self, tiles: list) -> TileContext:
        now = utcnow()
        topics = {item.key: item.pick(self.language) for item in self.store.guide.items("topic")}
        context = TileContext(now=now, language=self.language, topics=topics)
        zone = self.store.settings.zone()
        for paper_id, target in paper_targets(self.store, tiles, now, zone).items():
            if target.deadline is not None:
                context.countdowns[paper_id] = countdown(target.deadline, now, zone, self.language, compact=True)
            if target.at_risk:
                context.at_risk.add(paper_id)
        return context

    def refresh_data(self, keep: tuple[Stage, int] | None = None) -> None:
        """Re-read the board. `keep`: put the focus on that paper in that column."""
        tiles = self.store.papers.tiles(self.paper_filter)
        context = self._tile_context(tiles)
        limit = self.store.settings.load().wip_limit
        by_stage: dict[Stage, list] = {stage: [] for stage in STAGES}
        for tile in tiles:
            by_stage[tile.stage].append(tile)
        empty = self.pick("（空）", "(empty)") if self.paper_filter.is_empty else self.pick("（无匹配）", "(no match)")
        for stage in STAGES:
            column = self.column(stage)
            column.empty_text = empty
            keep_id = keep[1] if keep and keep[0] is stage else None
            column.set_tiles(by_stage[stage], context, keep_id)
            column.border_title = column.header(len(by_stage[stage]), limit)
        self.sub_title = self._filter_label()
        if keep:
            self.column(keep[0]).focus()
        self._show_detail()

    def show_item(self, item: str) -> None:
        """From the Dashboard: put the focus on paper `item` (its id) on the board."""
        if not item.isdigit():
            return
        for column in self.columns:
            index = column.index_of(int(item))
            if index is not None:
                column.cursor = index
                column.focus()
                return

    def reload_columns(self, stages: set[Stage], keep: tuple[Stage, int]) -> None:
        """Re-read only these columns (a move touches two): fast on a 10,000-paper board."""
        limit = self.store.settings.load().wip_limit
        for stage in stages:
            tiles = self.store.papers.tiles(replace(self.paper_filter, stage=stage) if not self.paper_filter.stage else self.paper_filter)
            tiles = [tile for tile in tiles if tile.stage is stage]
            column = self.column(stage)
            column.set_tiles(tiles, self._tile_context(tiles), keep[1] if keep[0] is stage else None)
            column.border_title = column.header(len(tiles), limit)
        self.column(keep[0]).focus()
        self._show_detail()

    def _filter_label(self) -> str:
        wanted = self.paper_filter
        if wanted.is_empty:
            return ""
        parts = [f'"{wanted.text}"'] if wanted.text else []
        parts += [p for p in (wanted.venue_key, wanted.topic_key, wanted.stage.label if wanted.stage else None) if p]
        return self.pick("筛选：", "Filter: ") + " · ".join(parts) + self.pick(f"（{self.key_hint('clear_filter')} 清除）", f" ({self.key_hint('clear_filter')} clears)")

    def _show_detail(self) -> None:
        detail = self.query_one("#pipeline-detail", Static)
        tile = self.focused_column.current_tile
        if tile is None:
            keys = ((self.key_hint("capture"), "新建", "new"), (self.key_hint("filter"), "筛选", "filter"),
                    (self.key_hint("app.help"), "全部按键", "all keys"))
            detail.update(Text(" · ".join(f"{key} {self.pick(zh, en)}" for key, zh, en in keys if key), style="dim"))
            return
        text = literal(tile.title, "bold")
        venue = tile.venue_label
        meta = [venue] if venue else []
        left = self.focused_column.context.countdowns.get(tile.id)
        if left:
            meta.append(self.pick(f"截止 {left}", f"deadline in {left}"))
        meta.append(self.pick(f"本阶段 {tile.days_in_stage(utcnow())} 天", f"{tile.days_in_stage(utcnow())} days in stage"))
        if tile.id in self.focused_column.context.at_risk:
            meta.append(self.pick("⚠ 落后于计划", "⚠ behind the plan"))
        text.append("\n" + " · ".join(meta), style="dim")
        detail.update(text)

    def on_board_column_highlighted(self, event: BoardColumn.Highlighted) -> None:
        if event.column is self.focused:
            self._show_detail()

    # -- keys -------------------------------------------------------------------------------

    def action_focus_column(self, delta: int) -> None:
        columns = self.columns
        current = self.focused_column
        index = columns.index(current) + delta
        if 0 <= index < len(columns):
            target = columns[index]
            target.cursor = min(current.cursor, max(0, len(target.tiles) - 1))
            target.focus()

    def _selected(self):
        tile = self.focused_column.current_tile
        if tile is None:
            self.app.bell()
        return tile

    def _report(self, error: StoreError) -> None:
        self.notify(str(error), severity="error", markup=False)

    def action_move_paper(self, delta: int) -> None:
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
            source = self.store.papers.get(paper_id).stage
            self.store.papers.move(paper_id, stage)
        except StoreError as error:
            self._report(error)
            self.refresh_data()
            return
        self.reload_columns({source, stage}, keep=(stage, paper_id))

    def action_reorder(self, delta: int) -> None:
        column = self.focused_column
        tile = self._selected()
        neighbour = column.cursor + delta
        if tile is None or not 0 <= neighbour < len(column.tiles):
            return
        try:
            self.store.papers.place(tile.id, column.tiles[neighbour].id, after=delta > 0)
        except StoreError as error:
            self._report(error)
            self.refresh_data()
            return
        self.reload_columns({tile.stage}, keep=(tile.stage, tile.id))

    def action_capture(self) -> None:
        stage = self.focused_column.stage

        def added(title: str | None) -> None:
            if title:
                try:
                    paper = self.store.papers.add(title, stage)
                except StoreError as error:
                    self._report(error)
                    # The title stays on screen, so the user can retry once writes work again.
                    self.app.push_screen(QuickCaptureModal(stage, title), added)
                    return
                self.refresh_data(keep=(stage, paper.id))

        self.app.push_screen(QuickCaptureModal(stage), added)

    def action_edit(self) -> None:
        tile = self._selected()
        if tile is None:
            return
        from .paper_form import PaperFormModal

        def closed(saved: bool | None) -> None:
            try:
                stage = self.store.papers.get(tile.id).stage
            except StoreError:
                self.refresh_data()
                return
            self.refresh_data(keep=(stage, tile.id))

        self.app.push_screen(PaperFormModal(tile.id), closed)

    def action_delete(self) -> None:
        tile = self._selected()
        if tile is None:
            return
        undo = self.key_hint("undo")
        question = self.pick(f"删除「{tile.title}」？（{undo} 可撤销）", f"Delete “{tile.title}”? ({undo} undoes)")

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    self.store.papers.delete(tile.id)
                except StoreError as error:
                    self._report(error)
                self.refresh_data()
                self.notify(self.pick(f"已删除，按 {undo} 撤销", f"Deleted. Press {undo} to undo."), markup=False)

        self.app.push_screen(confirm_dialog(literal(question, single_line=False), yes=("删除", "Delete"), yes_keys="y,d"), answered)

    def _step(self, redo: bool) -> None:
        try:
            label = self.store.papers.redo() if redo else self.store.papers.undo()
        except StoreError as error:
            self._report(error)
            return
        if label is None:
            self.notify(self.pick("没有可重做的操作" if redo else "没有可撤销的操作", "Nothing to redo" if redo else "Nothing to undo"), markup=False)
            return
        self.refresh_data()
        self.notify((self.pick("已重做：", "Redone: ") if redo else self.pick("已撤销：", "Undone: ")) + label, markup=False)

    def action_undo(self) -> None:
        self._step(redo=False)

    def action_redo(self) -> None:
        self._step(redo=True)

    def action_filter(self) -> None:
        venues = [(venue.name, venue.key) for venue in self.store.venues.all()]
        topics = [(item.pick(self.language), item.key) for item in self.store.guide.items("topic")]

        def chosen(wanted: PaperFilter | None) -> None:
            if wanted is not None:
                self.paper_filter = wanted
                self.refresh_data()

        self.app.push_screen(FilterModal(self.paper_filter, venues, topics), chosen)

    def action_clear_filter(self) -> None:
        if not self.paper_filter.is_empty:
            self.paper_filter = PaperFilter()
            self.refresh_data()

    # -- mouse ------------------------------------------------------------------------------

    def on_board_column_pressed(self, event: BoardColumn.Pressed) -> None:
        self._drag_paper = event.paper_id

    def on_board_column_released(self, event: BoardColumn.Released) -> None:
        paper_id, self._drag_paper = self._drag_paper, None
        if paper_id is not None and event.target is not None and event.target is not event.column:
            self._move(paper_id, event.target.stage)
