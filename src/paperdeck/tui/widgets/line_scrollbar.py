"""A vertical scrollbar whose lines are made straight from its bar's segments.

Textual draws a scrollbar through Rich's console (a renderable cropped and padded line by
line): on the Pipeline board the columns' scrollbars cost more per frame than the columns
they scroll (a move repaints two of them, then all seven after the layout). This one draws
the same bar (`ScrollBarRender.render_bar`, the same colours) as strips, made once per state.
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widget import Widget

_BACK, _BAR = Color.parse("#555555"), Color.parse("bright_magenta")  # Textual's defaults


class LineScrollBar(ScrollBar):
    """Drawn like Textual's vertical ScrollBar, without Rich's console."""

    _strips: list[Strip] | None = None  # the bar's lines, for `_strips_key`
    _strips_key: tuple | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        renderable = self.render()  # the bar's state and colours, once per repaint
        if isinstance(renderable, ScrollBarRender) and self.vertical:
            width, height = self.size
            style = renderable.style if isinstance(renderable.style, Style) else Style.parse(str(renderable.style))
            base = self.visual_style.rich_style  # under the bar, as Textual's render applies it
            key = (width, height, renderable.virtual_size, renderable.window_size, renderable.position, style, base)
            if self._strips is None or key != self._strips_key:
                bar = ScrollBarRender.render_bar(
                    size=height, window_size=renderable.window_size, virtual_size=renderable.virtual_size,
                    position=renderable.position, vertical=True, thickness=width,
                    back_color=style.bgcolor or _BACK, bar_color=style.color or _BAR)
                self._strips = [Strip([Segment(segment.text, base + segment.style)], width) for segment in bar.segments]
                self._strips_key = key
        else:
            self._strips_key = self._strips = None  # not a plain bar: Textual's way
        if self._strips is not None and self._unstyled():
            return self._lines(crop)
        return super().render_lines(crop)

    def _unstyled(self) -> bool:
        """Nothing Textual's styles cache would add to the bar's lines: no border, padding,
        outline, hatch, tint or opacity (Textual's scrollbars have none)."""
        styles = self.styles
        return (not any(styles.gutter) and not any(edge for edge, _ in styles.outline) and not styles.has_rule("hatch")
                and not styles.tint.a and styles.text_opacity == 1.0 and self.opacity == 1.0)

    def _lines(self, crop: Region) -> list[Strip]:
        """The bar's lines in `crop`, through the app's line filters, as Textual's styles cache
        gives them for an unstyled widget, without its work per line (two columns' bars, 64 lines,
        at every card moved)."""
        filters = self.get_line_filters()
        background = self.background_colors[1]
        lines = []
        for y in crop.line_range:
            strip = self.render_line(y)
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, background)
            lines.append(strip)
        if crop.column_span != (0, self.size.width):
            lines = [strip.crop(*crop.column_span) for strip in lines]
        return lines

    def render_line(self, y: int) -> Strip:
        strips = self._strips
        if strips is None:
            return super().render_line(y)
        return strips[y] if 0 <= y < len(strips) else Strip.blank(self.size.width, self.visual_style.rich_style)


def line_vertical_scrollbar(widget: Widget) -> ScrollBar:
    """`widget.vertical_scrollbar`, made a LineScrollBar (as Textual makes its own: hidden, started
    as the widget's child)."""
    if widget._vertical_scrollbar is None:
        bar = LineScrollBar(vertical=True, name="vertical", thickness=widget.scrollbar_size_vertical)
        bar.display = False
        widget._vertical_scrollbar = bar
        widget.app._start_widget(widget, bar)
    return widget._vertical_scrollbar
