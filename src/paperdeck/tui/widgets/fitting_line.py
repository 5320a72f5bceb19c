"""One line that shows the fullest of its texts that fits its width, in terminal cells.

A heading with its details ("1. Why this paper?   0:10 (1:00–1:36) · 9 words · 20 CJK") was
cut at the edge of a narrow pane, mid-detail ("· 9 words · 20"): its texts, fullest first, let
it drop whole details instead. When not even the last fits, it ends in an ellipsis.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class FittingLine(Widget):
    """Give it a height of 1 in the screen's CSS (no DEFAULT_CSS: each widget class's own CSS
    re-parses the app's stylesheet when it is first mounted)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self._texts: tuple[Text, ...] = (Text(),)

    def show(self, *texts: Text) -> bool:
        """Show the first of `texts` (fullest first) that fits; False when they are the texts
        shown already (nothing to repaint)."""
        if not texts or texts == self._texts:
            return False
        self._texts = texts
        self.refresh()
        return True

    def render(self) -> Text:
        width = self.size.width
        for text in self._texts:
            if text.cell_len <= width:
                return text
        shortest = self._texts[-1].copy()
        shortest.truncate(max(width, 1), overflow="ellipsis")
        return shortest
