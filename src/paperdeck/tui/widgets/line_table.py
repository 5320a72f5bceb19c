"""A table with a row cursor, drawn with the line API: only the rows in view are ever rendered.

Textual's DataTable measures every cell of every row through Rich before its first frame
(1,000 decks x 7 columns: most of the Flashcards screen's first showing) and keeps a Row and
its cells per row. Here the columns have fixed widths, the rows are keys, and a row's cells
are asked for (`cells(index)`) only when the row is drawn.

The parts of DataTable's interface the screens and their tests use are kept: `row_count`,
`rows`, `columns` (with `.label`), `get_row`, `get_row_index`, `move_cursor`, `cursor_row`,
and a `RowSelected` message (Enter, or a click on the highlighted row).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

CELL_PADDING = 1  # a space either side of every cell, as DataTable draws them


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int                 # content cells, without the padding
    justify: str = "left"      # the cells' (the header is left-aligned, as in DataTable)


class LineTable(ScrollView, can_focus=True):
    """Fixed-width columns, a header line that stays put, zebra stripes and a row cursor."""

    COMPONENT_CLASSES = {"line-table--header", "line-table--cursor", "line-table--even-row"}
    DEFAULT_CSS = """
    LineTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        &:focus {
            background-tint: $foreground 5%;
            & > .line-table--header { background-tint: $foreground 5%; }
            & > .line-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        &:dark > .line-table--even-row { background: $surface-darken-1 40%; }
        & > .line-table--even-row { background: $surface-lighten-1 50%; }
        & > .line-table--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .line-table--header { background: ansi_bright_blue; color: ansi_default; }
        & > .line-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """
    BINDINGS = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,ctrl+home", "first", "First", show=False),
        Binding("end,ctrl+end", "last", "Last", show=False),
        Binding("left", "scroll_left", "Scroll left", show=False),
        Binding("right", "scroll_right", "Scroll right", show=False),
    ]

    class RowSelected(Message):
        """Enter, or a click on the highlighted row."""

        def __init__(self, table: "LineTable", row_key: str, cursor_row: int):
            super().__init__()
            self.table = table
            self.row_key = row_key
            self.cursor_row = cursor_row

        @property
        def control(self) -> "LineTable":
            return self.table

    cursor_row: reactive[int] = reactive(0, always_update=True, init=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._columns: list[Column] = []
        self._keys: list[str] = []
        self._index: dict[str, int] = {}
        self._cells: Callable[[int], Sequence[Text]] = lambda _index: ()
        self._lines: LRUCache[tuple, Strip] = LRUCache(1024)

    # -- DataTable's interface, as the screens use it -----------------------------------------

    def set_rows(self, columns: Sequence[Column], keys: Sequence[str], cells: Callable[[int], Sequence[Text]]) -> None:
        """Show these rows: `keys` in order, `cells(index)` the row's cells (one per column)."""
        self._columns = list(columns)
        self._keys = list(keys)
        self._index = {key: index for index, key in enumerate(self._keys)}
        self._cells = cells
        self._lines.clear()
        width = sum(column.width + 2 * CELL_PADDING for column in self._columns)
        self.virtual_size = Size(width, len(self._keys) + 1)  # + the header
        self.cursor_row = min(self.cursor_row, max(0, len(self._keys) - 1))
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self._keys)

    @property
    def rows(self) -> list[str]:
        return list(self._keys)

    @property
    def columns(self) -> dict[str, Column]:
        return {column.key: column for column in self._columns}

    def get_row(self, key: str) -> list[Text]:
        return list(self._cells(self.get_row_index(key)))

    def get_row_index(self, key: str) -> int:
        try:
            return self._index[key]
        except KeyError:
            raise KeyError(f"no row with the key {key!r}") from None

    @property
    def cursor_key(self) -> str | None:
        return self._keys[self.cursor_row] if 0 <= self.cursor_row < len(self._keys) else None

    def move_cursor(self, *, row: int) -> None:
        self.cursor_row = max(0, min(row, len(self._keys) - 1))

    # -- the cursor -------------------------------------------------------------------------

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._scroll_cursor_into_view()
        self.refresh()

    def _scroll_cursor_into_view(self) -> None:
        rows_shown = max(1, self.scrollable_content_region.height - 1)
        top = int(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + rows_shown:
            self.scroll_to(y=self.cursor_row - rows_shown + 1, animate=False, immediate=True)

    def on_resize(self) -> None:
        self._scroll_cursor_into_view()

    def action_cursor(self, step: int) -> None:
        self.move_cursor(row=self.cursor_row + step)

    def action_page(self, direction: int) -> None:
        self.move_cursor(row=self.cursor_row + direction * max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self.move_cursor(row=0)

    def action_last(self) -> None:
        self.move_cursor(row=len(self._keys) - 1)

    def action_select_cursor(self) -> None:
        key = self.cursor_key
        if key is not None:
            self.post_message(self.RowSelected(self, key, self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        if event.y == 0 or not self._keys:  # the header
            return
        row = int(self.scroll_y) + event.y - 1
        if not 0 <= row < len(self._keys):
            return
        if row == self.cursor_row:
            self.action_select_cursor()
        else:
            self.move_cursor(row=row)

    def _on_focus(self, event: events.Focus) -> None:
        self._lines.clear()  # the cursor's colour follows the focus
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self._lines.clear()
        self.refresh()

    # -- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_x = int(self.scroll_x)
        if y == 0:
            key: tuple = ("header", self.has_focus)
            index = -1
        else:
            index = int(self.scroll_y) + y - 1
            if index >= len(self._keys):
                return Strip.blank(width, self.rich_style)
            key = (index, index == self.cursor_row, self.has_focus)
        line = self._lines.get(key)
        if line is None:
            line = self._render_header() if index < 0 else self._render_row(index)
            self._lines[key] = line
        return line.crop_extend(scroll_x, scroll_x + width, self.rich_style)

    def _render_header(self) -> Strip:
        style = self.rich_style + self.get_component_rich_style("line-table--header")
        return self._strip([Text(column.label) for column in self._columns], style, header=True)

    def _render_row(self, index: int) -> Strip:
        style = self.rich_style
        if index % 2 == 0:  # DataTable's zebra: the first row is an "even" one
            style += self.get_component_rich_style("line-table--even-row")
        strip = self._strip(self._cells(index), style)
        if index == self.cursor_row:
            cursor = self.get_component_rich_style("line-table--cursor")
            strip = Strip(list(Segment.apply_style(strip, post_style=cursor)), strip.cell_length)
        return strip

    def _strip(self, cells: Sequence[Text], style: Style, *, header: bool = False) -> Strip:
        console = self.app.console
        pad = " " * CELL_PADDING
        segments: list[Segment] = []
        for column, cell in zip(self._columns, cells):
            text = cell.copy()
            text.no_wrap, text.end = True, ""
            text.truncate(column.width, overflow="ellipsis")
            text.align("left" if header else column.justify, column.width)  # type: ignore[arg-type]
            segments.append(Segment(pad, style))
            cell_style = style + console.get_style(text.style) if text.style else style  # Text.render leaves it out
            segments.extend(Segment(part.text, cell_style + part.style if part.style else cell_style)
                            for part in text.render(console))
            segments.append(Segment(pad, style))
        total = sum(column.width + 2 * CELL_PADDING for column in self._columns)
        return Strip(segments, total)
