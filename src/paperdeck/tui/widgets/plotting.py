"""What every terminal plot shares: textual-plotext when it is installed (a dependency; an
environment made before it became one lacks it), sparklines otherwise, and date ticks that
never collide. Each plot module (study_plots, stage_plots, rehearsal_plots) draws from plain
data with labels in the content language."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from textual.widget import Widget
from textual.widgets import Static

try:
    from textual_plotext import PlotextPlot as _PlotextPlot
    PLOTS = True
except ImportError:  # not installed in this environment: sparklines instead
    _PlotextPlot = Any  # type: ignore[misc,assignment]
    PLOTS = False

if PLOTS:
    class PlotextPlot(_PlotextPlot):  # type: ignore[misc,valid-type]
        """textual-plotext's plot; `blank` draws nothing (plotext builds a whole plot, even an
        empty one, on every render): a plot drawn after its screen's first frame."""

        blank = False

        def render(self):  # type: ignore[override]
            return "" if self.blank else super().render()
else:
    PlotextPlot = Any  # type: ignore[misc,assignment]

LEVELS = " ▁▂▃▄▅▆▇█"
PickText = Callable[[str, str], str]


def plot_widget(widget_id: str, classes: str = "") -> Widget:
    """A plot, or a Static for its sparkline when plots are not available."""
    return PlotextPlot(id=widget_id, classes=classes) if PLOTS else Static(id=widget_id, classes=classes)


def sparkline(values: Sequence[float | None]) -> str:
    """One cell per value, scaled to the largest; None is a gap ("·")."""
    peak = max((v for v in values if v is not None), default=0)
    return "".join("·" if v is None else LEVELS[round(v / peak * 8)] if peak else " " for v in values)


def plot_text(text: str) -> str:
    """`text` for plotext, which gives each character one cell: a wide (CJK) character is
    followed by a zero-width space, so the two plotext cells it takes are the two it covers
    (otherwise a Chinese title or label pushes the plot's right edge onto the next line)."""
    from rich.cells import get_character_cell_size

    return "".join(char + "\u200b" * (get_character_cell_size(char) - 1) for char in text)


def date_ticks(widget: PlotextPlot, days: Sequence[date]) -> tuple[list[int], list[str]]:
    """Date labels spaced so they never overlap (plotext would drop colliding ones, and which
    one it drops varies from run to run): one per ~10 columns of the plot."""
    room = max(2, ((widget.size.width or 40) - 8) // 10)
    every = max(1, -(-len(days) // room))
    positions = list(range(0, len(days), every))
    return positions, [days[i].strftime("%m-%d") for i in positions]


def whole_ticks(plt: Any, top: float) -> None:
    """A y axis from 0 to `top` in whole steps (counts, days)."""
    top = max(1, int(-(-top // 1)))
    step = max(1, -(-top // 4))
    plt.yticks(list(range(0, top + step, step)))
    plt.ylim(0, top)
