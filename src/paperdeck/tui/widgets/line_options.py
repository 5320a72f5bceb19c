"""An OptionList whose options are one line each, laid out without measuring them.

Textual's OptionList works out every option's height by wrapping its prompt when the options
are added (the Resume list at medium: 200 papers, ~100 ms; 2,000 at large). A list styled
`text-wrap: nowrap` with no dividers has one line per option: here that is taken as given,
and a prompt is turned into a visual only when its line is drawn.
"""

from __future__ import annotations

from textual.geometry import Size

from .drawn_options import DrawnOptionList


class LineOptionList(DrawnOptionList):
    """One line per option (its CSS must say `text-wrap: nowrap`; no separators)."""

    def _update_lines(self) -> None:
        # OptionList._update_lines (Textual 8), with each option's height known to be 1.
        if not self.scrollable_content_region:
            return
        cache = self._line_cache
        lines = cache.lines
        for index in range(lines[-1][0] + 1 if lines else 0, len(self.options)):
            cache.index_to_line[index] = len(lines)
            cache.heights[index] = 1
            lines.append((index, 0))
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        virtual_size = Size(width, len(lines))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.option_count
