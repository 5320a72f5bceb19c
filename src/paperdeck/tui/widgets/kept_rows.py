"""A widget's styled lines kept by the content line they wrap, across repaints.

Textual's StylesCache styles each content line of a widget (its borders, padding, tint and
opacity) anew at every repaint of the widget, as a new Strip: the compositor then filters it
and cuts it into chops again (those are cached per Strip). A board column repaints whole when
it scrolls (a card moved into it, the cursor moved past its end), though its tiles' lines are
drawn once and kept (board.py): styling them was a third of a move's frame. Here a content row's
styled line is kept by the content line's identity and the styles it was drawn with; border rows
(the top one carries the header) and padding rows are Textual's, every time.
"""

from __future__ import annotations

from textual._styles_cache import StylesCache
from textual.cache import LRUCache
from textual.strip import Strip


class KeptRows(StylesCache):
    """Textual's StylesCache; its content rows' lines are kept (see the module's docstring)."""

    def __init__(self, rows: int = 256) -> None:
        super().__init__()
        self._kept: LRUCache[tuple, tuple[Strip, Strip]] = LRUCache(rows)
        self._drawing: tuple | None = None  # what styles a row, read once per render

    def render(self, styles, size, base_background, background, render_content_line, filters, border_title,
               border_subtitle, content_size=None, padding=None, crop=None, opacity=1.0, **options):
        self._drawing = (size, content_size, padding if padding is not None else styles.padding, base_background,
                         background, opacity, styles.border, styles.outline, styles.tint, styles.text_opacity,
                         styles.hatch if styles.has_rule("hatch") else None, tuple(sorted(options.items())))
        try:
            return super().render(styles, size, base_background, background, render_content_line, filters,
                                  border_title, border_subtitle, content_size=content_size, padding=padding,
                                  crop=crop, opacity=opacity, **options)
        finally:
            self._drawing = None

    def render_line(self, styles, y, size, content_size, padding, base_background, background, render_content_line,
                    *rest) -> Strip:
        drawing = self._drawing
        gutter = styles.gutter
        row = y - gutter.top
        if drawing is None or not (gutter.top <= y < size.height - gutter.bottom) or not 0 <= row < content_size.height:
            return super().render_line(styles, y, size, content_size, padding, base_background, background,
                                       render_content_line, *rest)
        content = render_content_line(row)
        key = (id(content), drawing)
        kept = self._kept.get(key)
        if kept is not None and kept[0] is content:
            return kept[1]
        line = super().render_line(styles, y, size, content_size, padding, base_background, background,
                                   lambda _row: content, *rest)
        self._kept[key] = (content, line)
        return line
