"""A pipeline column drawn with the line API: only the visible lines are ever rendered.

A widget per tile costs seconds at 10,000 papers; here a tile is TILE_HEIGHT lines computed
on demand (and cached), so start-up and moves stay fast at any board size. The focused tile
of the focused column grows to show its whole title (up to MAX_TITLE_LINES lines); the tiles
below it shift down by that many lines.
"""

from __future__ import annotations

import operator
from datetime import datetime

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.containers import HorizontalScroll
from textual.errors import NoWidget
from textual.events import MouseDown, MouseUp
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import Widget

from ...models.papers import PaperTile, Stage
from ...textsafe import one_line
from .kept_rows import KeptRows
from .tile_text import TileContext, TileText, ellipsize, title_lines, wrap_cells
from ...i18n_words import DECISION_NAMES, word
from .line_scrollbar import line_vertical_scrollbar

TILE_LINES = 5
TILE_HEIGHT = TILE_LINES + 1  # a blank line between tiles
TITLE_LINES = 2  # a tile's title lines, unless it is the focused one
MAX_TITLE_LINES = 8  # the focused tile's title, whole up to this many lines


class BoardColumn(ScrollView, can_focus=True, inherit_bindings=False):
    """One stage of the board: a scrollable list of fixed-height tiles with a cursor."""

    COMPONENT_CLASSES = {
        "board-column--focused", "board-column--tile", "board-column--cursor", "board-column--title",
        "board-column--meta", "board-column--risk", "board-column--empty", "board-column--over-limit",
    }
    # No `:focus` rules: Textual restyles a widget (and its scrollbar) whenever its focus changes,
    # ~5 ms a column and two columns a move. The focused column's border and header take the
    # `board-column--focused` style, set by the column itself (_show_focus); its cursor is drawn
    # only while it has the focus. Nor a `.-over-limit` rule: the class is set without a restyle,
    # and the header takes the `board-column--over-limit` colour the same way (a restyle of each
    # column when the first view set it: ~2 ms a column, 7 of them at the Pipeline's first showing).
    DEFAULT_CSS = """
    BoardColumn {
        border: round $primary 40%;
        border-title-color: $text-muted;
        scrollbar-size-vertical: 1;
        padding: 0 0;
    }
    BoardColumn > .board-column--over-limit { color: $warning; }
    BoardColumn > .board-column--focused { border: round $accent; color: $text-accent; }
    BoardColumn > .board-column--tile { background: $boost; }
    BoardColumn > .board-column--cursor { background: $accent 40%; }
    BoardColumn > .board-column--title { text-style: bold; }
    BoardColumn > .board-column--meta { color: $text-muted; }
    BoardColumn > .board-column--risk { color: $error; text-style: bold; }
    BoardColumn > .board-column--empty { color: $text-disabled; }
    """
    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="board.up", tooltip="Previous paper"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="board.down", tooltip="Next paper"),
        Binding("home,g", "cursor_to(0)", "First", show=False, id="board.first", tooltip="First paper of the column"),
        Binding("end,G", "cursor_to(-1)", "Last", show=False, id="board.last", tooltip="Last paper of the column"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="board.page_up", tooltip="One page up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="board.page_down", tooltip="One page down"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Pressed(Message):
        """A tile was pressed with the mouse (a drag may follow)."""

        def __init__(self, column: "BoardColumn", paper_id: int):
            super().__init__()
            self.column = column
            self.paper_id = paper_id

    class Released(Message):
        """The mouse was released over `target` (a column, or None outside the board)."""

        def __init__(self, column: "BoardColumn", target: "BoardColumn | None"):
            super().__init__()
            self.column = column
            self.target = target

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        return line_vertical_scrollbar(self)  # drawn without Rich's console: see line_scrollbar.py

    def __init__(self, stage: Stage, *, id: str | None = None):
        super().__init__(id=id, classes="column")
        self.stage = stage
        self.tiles: list[PaperTile] = []
        self.context = TileContext(now=datetime.now())
        self.empty_text = ""
        self.collapsed = False  # an empty column not in focus: only its header shows
        self._lines: LRUCache[tuple, list[Strip]] = LRUCache(512)  # a tile's lines by what they show
        self._texts: dict[int, TileText] = {}  # each tile's text, by paper id (until set_tiles)
        self._styles_seen: tuple | None = None  # the styles the cached lines were drawn with
        self._extra = 0  # lines the focused tile adds to its TILE_LINES (its title's extra lines)
        self._render_width: int | None = None  # while render_lines runs
        self._header_shown: str | None = None  # the border title's text (show_header)
        self._own_count: int | None = None
        self._focus_look: object = None  # the `board-column--focused` styles the look was set from
        self._restyled: tuple = ()  # the component styles the lines' styles were read from
        self._styles_cache = KeptRows()  # a repaint (a scroll) styles only the lines not drawn before

    # -- the focused look: no restyle per focus change ---------------------------------------

    _BORDER_EDGES = ("border_top", "border_right", "border_bottom", "border_left")

    def watch_has_focus(self, focused: bool) -> None:
        # Replaces Textual's, which restyles the column and its scrollbar (see DEFAULT_CSS).
        if self._show_focus():
            self.refresh()

    def _show_focus(self) -> bool:
        """The focused column's border and header in the `board-column--focused` style, or the
        column's own; an over-limit header in the `board-column--over-limit` colour, focused or
        not. True if it changed."""
        look = self._component_styles.get("board-column--focused")
        self._focus_look = look
        inline = self.styles.inline
        changed = False
        focused = self.has_focus and look is not None
        for rule in self._BORDER_EDGES:
            changed |= inline.set_rule(rule, look.border_top) if focused else inline.clear_rule(rule)
        over = self._component_styles.get("board-column--over-limit") if self.has_class("-over-limit") else None
        header_look = over if over is not None else look if focused else None
        if header_look is not None:  # `auto` too: the column's own header colour is ($text-muted) an auto colour
            changed |= inline.set_rule("border_title_color", header_look.color)
            changed |= inline.set_rule("auto_border_title_color", header_look.auto_color)
        else:
            changed |= inline.clear_rule("border_title_color") | inline.clear_rule("auto_border_title_color")
        return changed

    # -- data -------------------------------------------------------------------------------

    def set_tiles(self, tiles: list[PaperTile], context: TileContext, keep_id: int | None = None) -> None:
        """Replace the tiles; the cursor stays on `keep_id` (or its index) when it can."""
        current = self.current_tile
        wanted = keep_id if keep_id is not None else (current.id if current else None)
        self.tiles = tiles
        self._own_count = None
        self.context = context
        self._texts.clear()  # the tiles' lines stay cached by what they show: most tiles show the same
        index = next((i for i, tile in enumerate(tiles) if tile.id == wanted), None)
        self.cursor = min(self.cursor, max(0, len(tiles) - 1)) if index is None else index
        self.refresh()

    @property
    def own_count(self) -> int:
        """The user's own papers in the column: the guide's examples are not counted."""
        if self._own_count is None:  # counted once per set_tiles (the board fits its columns often)
            self._own_count = sum(not tile.is_example for tile in self.tiles)
        return self._own_count

    # -- geometry: the focused tile is taller -----------------------------------------------

    def _update_extra(self, focused: bool | None = None) -> None:
        """The focused tile's extra title lines, and the column's virtual height with them.
        `focused`: given by the focus handlers, which run before Textual sets `has_focus`."""
        tile = self.current_tile
        extra = 0
        width = self.scrollable_content_region.width - 2  # <= 0: not laid out yet (on_resize comes)
        if tile is not None and width > 0 and (self.has_focus if focused is None else focused):
            # Past MAX_TITLE_LINES lines of text the count is MAX_TITLE_LINES: wrap no more of it.
            text = one_line(tile.title).strip()[: (MAX_TITLE_LINES + 1) * width]
            extra = max(0, min(len(wrap_cells(text, width)), MAX_TITLE_LINES) - TITLE_LINES)
        self._extra = extra
        self._set_virtual_size(Size(1, len(self.tiles) * TILE_HEIGHT + extra))

    def _set_virtual_size(self, size: Size) -> None:
        """A column's own size is set by the board (1fr), never by its tiles: a new virtual size
        moves only its scrollbar, so it needs no layout of the whole screen (a layout per card
        moved or focus change). Textual still lays out when the scrollbar appears or goes."""
        if size == self.virtual_size:
            return
        if not self.container_size:  # not laid out yet: the first layout takes it
            self.virtual_size = size
            return
        self.set_reactive(Widget.virtual_size, size)
        self._scroll_update(size)  # the scrollbar's thumb, and a layout if it shows or hides
        self.refresh()

    def tile_top(self, index: int) -> int:
        """The virtual line a tile starts on."""
        return index * TILE_HEIGHT + (self._extra if index > self.cursor else 0)

    def tile_lines(self, index: int) -> int:
        return TILE_LINES + (self._extra if index == self.cursor else 0)

    def _locate(self, line: int) -> tuple[int, int]:
        """(tile index, row within the tile) of a virtual line; a row past the tile's lines is
        the blank line below it."""
        top = self.cursor * TILE_HEIGHT
        if line < top:
            return divmod(line, TILE_HEIGHT)
        if line < top + TILE_HEIGHT + self._extra:
            return self.cursor, line - top
        return divmod(line - self._extra, TILE_HEIGHT)

    @property
    def current_tile(self) -> PaperTile | None:
        if 0 <= self.cursor < len(self.tiles):
            return self.tiles[self.cursor]
        return None

    def index_of(self, paper_id: int) -> int | None:
        return next((i for i, tile in enumerate(self.tiles) if tile.id == paper_id), None)

    # -- cursor -----------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.tiles) - 1)) if self.tiles else 0

    class Highlighted(Message):
        """The cursor moved to another tile (or the column emptied)."""

        def __init__(self, column: "BoardColumn", tile: PaperTile | None):
            super().__init__()
            self.column = column
            self.tile = tile

    def watch_cursor(self, old: int, new: int) -> None:
        self._update_extra()
        self.scroll_to_region_of(new)
        self.refresh()
        self.post_message(self.Highlighted(self, self.current_tile))

    def scroll_to_region_of(self, index: int) -> None:
        if self.tiles:
            self.scroll_to_region(Region(0, self.tile_top(index), 1, self.tile_lines(index)), animate=False, force=True)

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta

    def action_cursor_to(self, index: int) -> None:
        self.cursor = index if index >= 0 else len(self.tiles) - 1

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(1, self.scrollable_content_region.height // TILE_HEIGHT)

    # -- mouse ------------------------------------------------------------------------------

    def _index_at(self, y: int) -> int | None:
        index, row = self._locate(int(self.scroll_offset.y) + y)
        return index if row < self.tile_lines(index) and 0 <= index < len(self.tiles) else None

    def on_mouse_down(self, event: MouseDown) -> None:
        self.focus()
        index = self._index_at(event.y)
        if index is None:
            return
        self.cursor = index
        self.capture_mouse()
        self.post_message(self.Pressed(self, self.tiles[index].id))

    def on_mouse_up(self, event: MouseUp) -> None:
        self.capture_mouse(False)
        target = None
        try:
            widget, _ = self.screen.get_widget_at(event.screen_x, event.screen_y)
        except NoWidget:  # released outside the screen
            widget = None
        while widget is not None and not isinstance(widget, BoardColumn):
            widget = widget.parent if hasattr(widget, "parent") else None
        if isinstance(widget, BoardColumn):
            target = widget
        self.post_message(self.Released(self, target))

    # -- rendering --------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._component_styles.get("board-column--focused") is not self._focus_look and self._show_focus():
            self.refresh()  # restyled (a theme): the focused look in its new colours, whole
        # The width, read once per render rather than per line.
        self._render_width = self.scrollable_content_region.width
        self._forget_lines_if_restyled()
        try:
            return super().render_lines(crop)
        finally:
            self._render_width = None

    _LINE_STYLES = ("board-column--cursor", "board-column--tile", "board-column--title", "board-column--meta",
                    "board-column--risk")

    def _forget_lines_if_restyled(self) -> None:
        """The cached lines go when the styles they were drawn with changed (a theme, the CSS),
        not at every restyle (one that changed none of them leaves the lines right). Checked as
        the column draws: when Textual tells a widget it was restyled (notify_style_update), its
        component styles are still the old ones. A restyle makes new
        component styles: until one, the styles (~1 ms to read) are not read again."""
        restyled = tuple(self._component_styles.values())
        if len(restyled) == len(self._restyled) and all(map(operator.is_, restyled, self._restyled)):
            return
        self._restyled = restyled
        styles = (self.rich_style, *(self.get_component_rich_style(name) for name in self._LINE_STYLES))
        if self._styles_seen is not None and self._styles_seen != styles:
            self._lines.clear()
        self._styles_seen = styles

    def _blank(self, width: int) -> Strip:
        """A blank line, made once per width and style (`rich_style` walks the ancestors)."""
        key = ("blank", width)
        blank = self._lines.get(key)
        if blank is None:
            blank = [Strip.blank(width, self.rich_style)]
            self._lines[key] = blank
        return blank[0]

    def render_line(self, y: int) -> Strip:
        width = self._render_width if self._render_width is not None else self.scrollable_content_region.width
        index, row = self._locate(int(self.scroll_offset.y) + y)
        if not self.tiles and y == 0 and not self.collapsed:
            style = self.rich_style + self.get_component_rich_style("board-column--empty", partial=True)
            return Strip([Segment(ellipsize(" " + self.empty_text, width), style)]).adjust_cell_length(width, self.rich_style)
        if index >= len(self.tiles) or row >= self.tile_lines(index):
            return self._blank(width)
        tile = self.tiles[index]
        selected = index == self.cursor and self.has_focus
        title_lines_shown = TITLE_LINES + (self._extra if selected else 0)
        text = self._tile_text(tile)
        key = (text, width, selected, title_lines_shown)
        lines = self._lines.get(key)
        if lines is None:
            lines = self._draw_tile(text, width, selected, title_lines_shown)
            self._lines[key] = lines
        return lines[row] if row < len(lines) else self._blank(width)

    def _tile_text(self, tile: PaperTile) -> "TileText":
        """What `tile` shows, before it is fitted to a width and styled (once per `set_tiles`)."""
        text = self._texts.get(tile.id)
        if text is not None:
            return text
        context = self.context
        zh = context.language == "zh"
        days = tile.days_in_stage(context.now)
        progress = (f"{days}天" if zh else f"{days}d") + (
            f" · ☑{tile.checklist_done}/{tile.checklist_total}" if tile.checklist_total else "")
        if tile.decision:
            progress += f" · {word(DECISION_NAMES, tile.decision, context.language)}"
        if tile.is_example:  # the guide's example: not the user's paper, not counted
            progress = ("示例 · " if zh else "example · ") + progress
        text = self._texts[tile.id] = TileText(
            title=tile.title,
            venue=tile.venue_label or ("未定会议" if zh else "no venue"),
            venue_name=tile.venue_name or tile.venue_key or "",
            countdown=context.countdowns.get(tile.id, ""),
            topic=context.topics.get(tile.topic_key or "", ""),
            progress=progress,
            flagged=tile.id in context.at_risk,
        )
        return text

    def _render_tile(self, tile: PaperTile, width: int, selected: bool, title_count: int = TITLE_LINES) -> list[Strip]:
        """`tile`'s lines at `width`, as the column draws them."""
        return self._draw_tile(self._tile_text(tile), width, selected, title_count)

    def _draw_tile(self, text: "TileText", width: int, selected: bool, title_count: int = TITLE_LINES) -> list[Strip]:
        base = self.get_component_rich_style("board-column--cursor" if selected else "board-column--tile")
        title = base + self.get_component_rich_style("board-column--title", partial=True)
        meta = base + self.get_component_rich_style("board-column--meta", partial=True)
        risk = base + self.get_component_rich_style("board-column--risk", partial=True)
        inner = max(1, width - 2)
        countdown = text.countdown
        venue_line = f"{text.venue} {countdown}" if countdown else text.venue
        if countdown and cell_len(venue_line) > inner:  # keep the countdown, drop the year
            venue_line = f"{text.venue_name} {countdown}"
        flagged = text.flagged
        lines: list[list[Segment]] = [[Segment(line, title)] for line in title_lines(text.title, inner, title_count)]
        lines.append([Segment(ellipsize(one_line(venue_line), inner), meta)])
        lines.append([Segment(ellipsize(one_line(text.topic), inner), meta)])
        lines.append([Segment(ellipsize(("⚠ " if flagged else "") + text.progress, inner), risk if flagged else meta)])
        return [
            Strip([Segment(" ", base), *segments]).adjust_cell_length(width, base)
            for segments in lines
        ]

    def header(self, count: int, limit: int | None, width: int | None = None) -> Text:
        """The stage's name and `count`, the user's own papers in the column (the guide's
        examples are not counted); in `width` cells (the column's), the name gives way first:
        the count always shows."""
        label = self.stage.pick(self.context.language)
        over = limit is not None and limit > 0 and count > limit
        if over != self.has_class("-over-limit"):
            self.set_class(over, "-over-limit", update=False)  # no restyle: see DEFAULT_CSS
            if self._show_focus():  # the warning colour wins over the focused header's
                self.refresh()
        count_text = f"{count}/{limit}⚠" if over else str(count)
        if width is not None:
            room = header_room(width) - cell_len(count_text) - 1
            label = ellipsize(label, max(1, room))
        return Text(f"{label} {count_text}")

    def show_header(self, count: int, limit: int | None, width: int) -> None:
        """The border title (`header`), set only when it changed: setting one repaints the
        whole column, and the board fits its columns several times per key."""
        header = self.header(count, limit, width)
        if header.plain != self._header_shown:
            self._header_shown = header.plain
            self.border_title = header

    def on_resize(self) -> None:
        self._lines.clear()
        self._update_extra()

    def on_focus(self) -> None:
        self._update_extra(focused=True)
        self.scroll_to_region_of(self.cursor)
        self.refresh()
        self.post_message(self.Highlighted(self, self.current_tile))

    def on_blur(self) -> None:
        self._update_extra(focused=False)
        self.refresh()


class BoardScroll(HorizontalScroll, can_focus=False, inherit_bindings=False):
    """The columns side by side, scrolled sideways by the screen (never by its own keys: the
    arrows move the focus between columns)."""


def header_room(width: int) -> int:
    """Cells a border title gets in a column `width` cells wide: `╭─ ` and ` ─╮` take six."""
    return max(1, width - HEADER_FRAME)


HEADER_FRAME = 6
