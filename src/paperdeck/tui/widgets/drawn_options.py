"""An OptionList whose rows that fit its width are drawn straight from their Content.

Textual draws every option through `Visual.to_strips`: the row is word-wrapped (`divide_line`),
each line formatted, and each segment's style made anew with its cell offset in its meta (for
text selection, which an OptionList does not allow). For a row whose lines fit the list, as the
Venues and Resume rows are laid out to, that was most of the cost of drawing a list: ~6 ms of
~15 for 36 rows at medium, on a screen's first frame and on every scroll. Here such a row's lines
are rendered from the same Content with the same styles (`Content.render`, as Textual's own
`_FormattedLine.to_strip` does), without the wrapping pass and the offsets. A row that would
wrap, a tab, a divider, padded options, aligned or selectable text: Textual draws it as before.
Likewise a new option's height is its number of lines when they fit, not measured by wrapping it
(the venue detail's ~28 options: 4.3 -> 2.1 ms CPU per venue shown).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class DrawnOptionList(OptionList):
    """An OptionList; options whose lines fit are drawn without Textual's wrapping pass, and a
    move of the highlight repaints the row it left and the row it reached, not every row."""

    _drawing: tuple[bool, bool] | None = None  # this frame's (drawn here at all, cut with …)

    # Textual repaints the whole list when the highlight moves (~37 lines at each ↓ on Venues:
    # most of that key's frame); a scroll to keep it in view repaints all of it, as before.
    highlighted: reactive[int | None] = reactive(None, repaint=False)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        super().watch_highlighted(new)  # scrolled into view, and announced
        cache = self._line_cache
        for index in {old, new} - {None}:
            line = cache.index_to_line.get(index)
            if line is not None:
                self.refresh_lines(line, cache.heights.get(index, 1))

    def render_lines(self, crop: Region) -> list[Strip]:
        self._drawing = self._rules_now()  # read once per frame, not per row
        try:
            return super().render_lines(crop)
        finally:
            self._drawing = None

    def _update_lines(self) -> None:
        # OptionList._update_lines (Textual 8), each new option's height from `_option_height`.
        if not self.scrollable_content_region:
            return
        cache = self._line_cache
        lines = cache.lines
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        next_index = lines[-1][0] + 1 if lines else 0
        if next_index < len(self.options):
            room = width - self.get_component_styles("option-list--option").padding.width
            for index, option in enumerate(self.options[next_index:], next_index):
                cache.index_to_line[index] = len(lines)
                count = self._option_height(option, room) + option._divider
                cache.heights[index] = count
                lines.extend([(index, line) for line in range(count)])
        last_divider = self.options and self.options[-1]._divider
        virtual_size = Size(width, len(lines) - (1 if last_divider else 0))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def _option_height(self, option: Option, width: int) -> int:
        """Its lines, when each fits `width` (no wrapping to measure); else as Textual wraps it."""
        prompt = option.prompt
        if isinstance(prompt, Text) and "\t" not in prompt.plain:
            lines = prompt.plain.split("\n")
            if all(cell_len(line) <= width for line in lines):
                return len(lines)
        return self._get_visual(option).get_height(self.styles, width)

    def _rules_now(self) -> tuple[bool, bool]:
        """(rows drawn here at all: left-aligned, unpadded, unselected lines; cut with …)."""
        rules = self.styles
        simple = (rules.text_align in ("left", "start") and not rules.line_pad
                  and rules.content_align == ("left", "top") and self.text_selection is None)
        return simple, rules.text_wrap == "nowrap" and rules.text_overflow == "ellipsis"

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        padding = self.get_component_styles("option-list--option").padding
        cache_key = (option, style, padding)  # OptionList's own cache and key
        strips = self._option_render_cache.get(cache_key)
        if strips is None and not padding and not option._divider:
            width = self.scrollable_content_region.width - self._get_left_gutter_width()
            lines = self._fitting_lines(self._get_visual(option), width, style)
            if lines is not None:
                meta = {"option": self._option_to_index[option]}
                strips = [strip.extend_cell_length(width, style.rich_style).apply_meta(meta) for strip in lines]
                self._option_render_cache[cache_key] = strips
        return strips if strips is not None else super()._get_option_render(option, style)

    def _fitting_lines(self, visual: object, width: int, style: Style) -> list[Strip] | None:
        """The option's lines as Textual would draw them, or None when they need Textual's
        wrapping, alignment or tab expansion (a line wider than `width`, unless the list cuts
        its lines with an ellipsis)."""
        simple, cut = self._drawing or self._rules_now()
        if not simple or not isinstance(visual, Content) or width <= 0:
            return None
        get_style = self._get_style
        strips = []
        for line in visual.split(allow_blank=True):
            if "\t" in line.plain:
                return None
            if line.cell_length > width:
                if not cut:
                    return None
                line = line.truncate(width, ellipsis=True)  # as Textual's no-wrap pass does
            segments = [Segment(text, (style + text_style).rich_style)
                        for text, text_style in line.render(style, end="", parse_style=get_style)]
            strips.append(Strip(segments, line.cell_length))
        if self.auto_links and not self.is_container and not self.screen._selecting:  # as Visual.to_strips
            strips = [strip._apply_link_style(self.link_style) for strip in strips]
        return strips
