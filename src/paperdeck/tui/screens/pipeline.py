"""Pipeline: the board of papers by stage, with keys and mouse to move them along.

Its data is one `BoardView` (usecases/board.py) loaded in a worker. This module is the screen's
shell: the view, the columns' layout and the detail line; its keys and mouse are in
pipeline_keys.py, its writes (and the re-read after each) in pipeline_writes.py."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

from ...models.common import utcnow
from ...models.papers import STAGES, PaperFilter, Stage
from ...usecases.board import BoardColumnView, BoardRequest, BoardView, board_view
from ...usecases.core import StoreError
from ..widgets.board import HEADER_FRAME, BoardColumn, BoardScroll, TileContext
from ..widgets.board_layout import fit_columns
from ..widgets.panel import literal
from .base import PaperdeckScreen
from .form_ahead import FormAhead
from .pipeline_keys import BoardKeys

if TYPE_CHECKING:
    from ...usecases.core import Store


def _binding(keys: str, action: str, description: str, id: str, tooltip: str, show: bool = True) -> Binding:
    return Binding(keys, action, description, show=show, id=f"pipeline.{id}", tooltip=tooltip)


class PipelineScreen(BoardKeys, FormAhead, PaperdeckScreen):
    # Not a CSS_PATH: a stylesheet file read at the first showing re-parses the app's CSS.
    DEFAULT_CSS = """
    #board { height: 1fr; scrollbar-size-horizontal: 1; }
    #board > BoardColumn { width: 1fr; height: 1fr; }
    #pipeline-detail { height: 3; padding: 0 1; border-top: solid $primary 30%; }
    """
    READS_BEFORE_COMPOSE = True  # view_request reads the screen's filter and columns, no widget
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
        _binding("t", "stage_days", "Days/stage", "stage_days", "How many days my papers spend in each stage (a chart)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.paper_filter = PaperFilter()
        self.board: BoardView | None = None      # what is shown; loaded when the screen is shown
        self._drag_paper: int | None = None
        self._keep: int | None = None            # the paper to put the focus on once the board is shown
        self._next_read: frozenset[Stage] | None = None  # the columns the next load reads (None: all)
        self._reading: frozenset[Stage] | None = None    # ... and those the load on its way reads
        self._next_papers: frozenset[int] = frozenset()    # the tiles the next load reads alone
        self._reading_papers: frozenset[int] = frozenset()  # ... and those the load on its way reads
        self._loading = False
        # Keys that act on tiles wait while the board is read for the first time, or again after
        # this screen's own write (not a move's columns: those are shown at once).
        self._settling = True
        # Such keys, run in order once it is shown (and, True: once the moves before are written).
        self._waiting: list[tuple[Callable[[], None], bool]] = []
        self._read_waiting = False  # a load asked for, to start once the next frame is drawn
        self._read_started = asyncio.Event()  # ... and started
        self._read_started.set()
        self._columns: list[BoardColumn] = []
        self._fitted_focus: BoardColumn | None = None  # the focused column the columns were last fitted for
        self._init_commits()

    def compose(self) -> ComposeResult:
        yield Header()
        board = BoardScroll(id="board")
        # Shown with the first view: empty columns laid out and drawn first cost a whole frame.
        board.display = False
        with board:
            for stage in STAGES:
                yield BoardColumn(stage, id=f"col-{stage.value}")
        yield Static(id="pipeline-detail")
        yield Footer()

    def on_mount(self) -> None:
        # The board is read when the screen is shown (PaperdeckScreen.on_screen_resume).
        self.columns[0].focus()

    # -- the view ---------------------------------------------------------------------------

    @property
    def columns(self) -> list[BoardColumn]:
        """The board's columns, in stage order (composed once: a query per use cost a move ~1 ms)."""
        if not self._columns:
            self._columns = list(self.query(BoardColumn))
        return self._columns

    def column(self, stage: Stage) -> BoardColumn:
        return self.columns[STAGES.index(stage)]

    @property
    def focused_column(self) -> BoardColumn:
        focused = self.focused
        return focused if isinstance(focused, BoardColumn) else self.columns[0]

    def view_request(self) -> BoardRequest:
        self._reading, self._next_read = self._next_read, None
        self._reading_papers, self._next_papers = (self._next_papers if self._reading is not None else frozenset()), frozenset()
        self._loading = True
        return BoardRequest(now=utcnow(), language=self.language, paper_filter=self.paper_filter,
                            stages=self._reading, papers=self._reading_papers)

    @staticmethod
    def load_view(store: "Store", request: BoardRequest) -> BoardView:
        return board_view(store, request)

    async def _build_form_ahead(self) -> None:
        """The paper form, built hidden once the board is drawn and the user pauses: its first
        opening then only fills it (paper_form_openings.py, built_ahead.py)."""
        from .built_ahead import input_pause

        await input_pause(self.app)
        from .paper_form import build_paper_form_ahead  # after the pause: ~20 ms when not preloaded yet

        await build_paper_form_ahead(self.app)

    def show_view(self, view: BoardView) -> None:
        self._loading = False
        whole = view.is_whole or self.board is None
        changed = set(view.columns)
        if not whole and view.request.papers:  # the columns those papers were in too
            changed |= {tile.stage for paper_id in view.request.papers if (tile := self.board.tile(paper_id))}
        self.board = view if view.is_whole else (self.board.updated(view) if self.board else view)
        keep, self._keep = self._keep, None
        board = self.query_one("#board", BoardScroll)
        if not board.display:  # the first view (its dialogs' modules: tui/preload.py)
            board.display = True
            self.call_after_refresh(self.run_worker, self._build_form_ahead(), name="build ahead", exit_on_error=False)
        for stage in (STAGES if whole else [stage for stage in STAGES if stage in changed]):
            shown = self.board.columns.get(stage)
            if shown is not None:
                self._show_column(shown, keep if keep in {tile.id for tile in shown.tiles} else None)
        self.sub_title = self._filter_label()
        if keep is not None:
            self.show_item(str(keep))
        self._fit_columns()
        self._show_detail()
        self._settled()

    def on_paperdeck_screen_view_failed(self, message: PaperdeckScreen.ViewFailed) -> None:
        # The base reports the error; keys held for the load run now on what is shown.
        if message.generation == self._view_generation:
            self._loading = False
            self._settled()

    def _show_column(self, shown: BoardColumnView, keep_id: int | None = None) -> None:
        board = self.board
        assert board is not None
        column = self.column(shown.stage)
        request = board.request
        column.empty_text = (self.pick("（空）", "(empty)") if request.paper_filter.is_empty
                             else self.pick("（无匹配）", "(no match)"))
        context = TileContext(now=request.now, language=request.language, countdowns=shown.countdowns,
                              targets=shown.targets, topics=board.topic_labels, at_risk=shown.at_risk)
        column.set_tiles(list(shown.tiles), context, keep_id)

    def show_item(self, item: str) -> None:
        """From the Dashboard: put the focus on paper `item` (its id) on the board; "new": capture one."""
        if item == "new":
            self.action_capture()
            return
        if not item.isdigit():
            return
        for column in self.columns:
            index = column.index_of(int(item))
            if index is not None:
                column.cursor = index
                self._focus(column)
                return
        if self.board is None or self._loading:
            self._keep = int(item)  # not shown yet: once the board is

    async def view_ready(self) -> None:
        await self._read_started.wait()  # a write's re-read starts once its frame is drawn
        await super().view_ready()

    def refresh_data(self) -> None:
        self._next_read = None  # shown again, the language, another window's write: the whole board
        if not self._read_waiting:  # else the load about to start reads it
            super().refresh_data()

    def _view_key_or_none(self) -> tuple | None:
        try:
            return self._view_key()
        except StoreError:
            return None

    # -- layout: columns across the width, the focused one whole -----------------------------

    def _focus(self, column: BoardColumn, fit: bool = True) -> None:
        """Focus `column` now: `Widget.focus()` waits a refresh, so keys sent in one burst would
        act on the column focused before (six quick `h` moved one column; `>` `>` moved two
        papers). Screen.set_focus changes `self.focused` at once. `fit`: False when the caller
        fits the columns itself."""
        if self.focused is not column:
            self.set_focus(column, scroll_visible=False)
            if fit:
                self._fit_columns()

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fit_columns)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # A click, or the focus set in _focus() (which fitted the columns for it already).
        if isinstance(event.widget, BoardColumn) and event.widget is not self._fitted_focus:
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Size the columns for the board's width (see widgets/board_layout.py), keep every
        header's count, and scroll the focused column whole into view."""
        board = self.query_one("#board", BoardScroll)
        # Before its first layout the board (the screen's width) has no size yet.
        available = board.size.width or (self.size.width if board.display else 0)
        columns = self.columns
        focused = self.focused_column
        limit = self.board.wip_limit if self.board is not None else None
        collapsed: list[int | None] = []
        for column in columns:
            column.collapsed = self.board is not None and not column.tiles and column is not focused
            width = cell_len(column.header(column.own_count, limit).plain) + HEADER_FRAME
            collapsed.append(width if column.collapsed else None)
        if available <= 0:
            return
        for column, width in zip(columns, fit_columns(available, collapsed)):
            if column.styles.width is None or column.styles.width.cells != width:
                column.styles.width = width
            column.show_header(column.own_count, limit, width)
        self._fitted_focus = focused
        self.call_after_refresh(self._scroll_to_focused)

    def _scroll_to_focused(self) -> None:
        column = self.focused_column
        if column.is_attached:
            self.query_one("#board", BoardScroll).scroll_to_widget(column, animate=False, top=False)

    # -- the detail line --------------------------------------------------------------------

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
        if tile is not None:
            self.read_form_ahead()  # the focus moved to it (or the board shows it anew)
        if tile is None:
            keys = ((self.key_hint("capture"), "新建", "new"), (self.key_hint("filter"), "筛选", "filter"),
                    (self.key_hint("app.help"), "全部按键", "all keys"))
            detail.update(Text(" · ".join(f"{key} {self.pick(zh, en)}" for key, zh, en in keys if key), style="dim"),
                          layout=False)
            return
        text = literal(tile.title, "bold")
        venue = tile.venue_label
        target = self.focused_column.context.targets.get(tile.id)
        meta = [target] if target else [venue] if venue else []
        meta.append(self.pick(f"本阶段 {tile.days_in_stage(utcnow())} 天", f"{tile.days_in_stage(utcnow())} days in stage"))
        if tile.id in self.focused_column.context.at_risk:
            meta.append(self.pick("⚠ 落后于计划", "⚠ behind the plan"))
        text.append("\n" + " · ".join(meta), style="dim")
        detail.update(text, layout=False)  # its size is fixed: no layout of the screen per key

    def on_board_column_highlighted(self, event: BoardColumn.Highlighted) -> None:
        if event.column is self.focused:
            self._show_detail()
