"""A titled panel for a long plain-text document, drawn with the line API.

A Static lays its whole text out (wrapped through Rich, every line a Strip) on each update and
again for its height: the Resume screen's whole list (a line per paper: 200 at medium, 2,000
at large) cost ~100 ms per update at medium, and it was updated on every cursor move. Here the
text is wrapped once per width (as Rich wraps: `divide_line`, folding long words) and only the
lines in view are drawn; an unchanged text is not laid out again.
"""

from __future__ import annotations

from rich._wrap import divide_line  # Rich's own word wrap, so lines break where a Static broke them
from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.geometry import Size
from textual.strip import Strip

from ...textsafe import printable
from .panel import Panel


def wrap_plain(text: str, width: int) -> list[str]:
    """`text`'s lines word-wrapped to `width` cells; a word wider than a line is folded."""
    width = max(1, width)
    lines: list[str] = []
    for line in text.split("\n"):
        line = line.expandtabs(8)
        if cell_len(line) <= width:
            lines.append(line)
            continue
        offsets = divide_line(line, width, fold=True)
        for start, end in zip([0, *offsets], [*offsets, len(line)]):
            part = line[start:end]
            if cell_len(part) > width:  # trailing spaces past the edge (Rich's rstrip_end)
                part = part.rstrip() if cell_len(part.rstrip()) <= width else set_cell_size(part, width)
            lines.append(part)
    return lines


class DocumentPanel(Panel):
    """A Panel whose text is plain (shown literally, controls made visible), laid out lazily."""

    _document = ""
    _wrapped: tuple[int, list[str]] | None = None

    def show_text(self, text: str) -> None:
        text = printable(text)
        if text == self._document:
            return
        self._document = text
        self._wrapped = None
        self.refresh(layout=True)

    @property
    def document(self) -> str:
        return self._document

    def _lines(self, width: int) -> list[str]:
        if self._wrapped is None or self._wrapped[0] != width:
            self._wrapped = (width, wrap_plain(self._document, width))
        return self._wrapped[1]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((cell_len(line) for line in self._document.split("\n")), default=0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        lines = self._lines(width)
        style = self.visual_style.rich_style
        if y >= len(lines):
            return Strip.blank(width, style)
        return Strip([Segment(lines[y], style)]).adjust_cell_length(width, style)
