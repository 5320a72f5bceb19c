"""Flashcard plots in the terminal (textual-plotext): reviews per day and retention per week.

Each function draws one plot from plain data; the labels come in the content language. Days
are labelled as MM-DD so a plot stays readable at 80 columns. Without textual-plotext (an
environment installed before it became a dependency) the same data shows as sparklines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import Static

try:
    from textual_plotext import PlotextPlot
    PLOTS = True
except ImportError:  # not installed in this environment: sparklines instead
    PlotextPlot = Any  # type: ignore[misc,assignment]
    PLOTS = False

if TYPE_CHECKING:
    from ...models.cards import CardStats

LEVELS = " ▁▂▃▄▅▆▇█"
PickText = Callable[[str, str], str]
BAR_COLOR, LINE_COLOR, TARGET_COLOR = "green", "cyan", "red"


def _cells(text: str) -> str:
    """`text` for plotext, which gives each character one cell: a wide (CJK) character is
    followed by a zero-width space, so the two plotext cells it takes are the two it covers
    (otherwise a Chinese title or label pushes the plot's right edge onto the next line)."""
    from rich.cells import get_character_cell_size

    return "".join(char + "\u200b" * (get_character_cell_size(char) - 1) for char in text)


def _ticks(widget: PlotextPlot, days: Sequence[date]) -> tuple[list[int], list[str]]:
    """Date labels spaced so they never overlap (plotext would drop colliding ones, and which
    one it drops varies from run to run): one per ~10 columns of the plot."""
    room = max(2, ((widget.size.width or 40) - 8) // 10)
    every = max(1, -(-len(days) // room))
    positions = list(range(0, len(days), every))
    return positions, [days[i].strftime("%m-%d") for i in positions]


def reviews_per_day(widget: PlotextPlot, days: Sequence[tuple[date, int]], pick: PickText) -> None:
    """Bars: reviews on each of the days (oldest left)."""
    plt = widget.plt
    plt.clear_figure()
    plt.title(_cells(pick("每日复习次数", "Reviews per day")))
    counts = [count for _day, count in days]
    plt.bar(list(range(len(days))), counts, color=BAR_COLOR, width=0.6)
    positions, labels = _ticks(widget, [day for day, _count in days])
    plt.xticks(positions, labels)
    plt.xlim(-1, len(days))  # fixed: the first tick never falls on the edge
    top = max(1, max(counts, default=0))
    step = max(1, -(-top // 4))  # whole numbers of reviews on the axis
    plt.yticks(list(range(0, top + step, step)))
    plt.ylim(0, top)
    widget.refresh()


def retention_by_week(widget: PlotextPlot, weeks: Sequence[tuple[date, float | None, int]], target: float,
                      pick: PickText) -> None:
    """A line of true retention per week (weeks without mature reviews left out), with the
    target as a horizontal line."""
    plt = widget.plt
    plt.clear_figure()
    plt.title(_cells(pick(f"每周真实记忆率（目标 {target:.0%}）", f"True retention per week (target {target:.0%})")))
    known = [(index, share * 100) for index, (_week, share, _n) in enumerate(weeks) if share is not None]
    if known:
        plt.plot([i for i, _s in known], [s for _i, s in known], marker="braille", color=LINE_COLOR,
                 label=_cells(pick("记忆率 %", "retention %")))
    plt.hline(target * 100, TARGET_COLOR)
    lowest = min([target * 100, *(s for _i, s in known)])
    floor = max(0, int(lowest - 10) // 10 * 10)
    plt.yticks(list(range(floor, 101, 10 if 100 - floor <= 50 else 20)))
    plt.ylim(floor, 100)
    plt.xlim(0, max(1, len(weeks) - 1))
    positions, labels = _ticks(widget, [week for week, _share, _n in weeks])
    plt.xticks(positions, labels)
    if not known:
        plt.text(_cells(pick("还没有成熟卡片的复习", "no mature reviews yet")), max(1, len(weeks) - 1) / 2,
                 (floor + 100) / 2, alignment="center")
    widget.refresh()


def plot_widgets():
    """The two plot widgets (or sparkline panels), for a screen's compose."""
    if PLOTS:
        yield PlotextPlot(id="plot-reviews")
        yield PlotextPlot(id="plot-retention")
    else:
        yield Static(id="plot-reviews")
        yield Static(id="plot-retention")


def show_plots(screen, stats: "CardStats") -> None:
    """Draw the stats' plots on `screen` (its pick() gives the language)."""
    reviews, retention = screen.query_one("#plot-reviews"), screen.query_one("#plot-retention")
    if PLOTS:
        reviews_per_day(reviews, stats.reviews_per_day[-30:], screen.pick)
        retention_by_week(retention, stats.retention_weeks, stats.target_retention, screen.pick)
        return
    days = stats.reviews_per_day[-30:]
    peak = max((n for _d, n in days), default=0)
    line = Text(screen.pick("每日复习次数\n", "Reviews per day\n"), "bold")
    line.append("".join(LEVELS[round(n / peak * 8)] if peak else " " for _d, n in days), BAR_COLOR)
    line.append(screen.pick(f"\n最多 {peak}", f"\npeak {peak}"), "dim")
    reviews.update(line)
    shares = Text(screen.pick(f"每周真实记忆率（目标 {stats.target_retention:.0%}）\n",
                              f"True retention per week (target {stats.target_retention:.0%})\n"), "bold")
    shares.append("".join("·" if share is None else LEVELS[max(1, round(share * 8))]
                          for _w, share, _n in stats.retention_weeks), LINE_COLOR)
    retention.update(shares)
