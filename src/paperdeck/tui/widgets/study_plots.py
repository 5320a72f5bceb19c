"""Flashcard plots in the terminal (textual-plotext): reviews per day, retention per week and
the review forecast.

Each function draws one plot from plain data; the labels come in the content language. Days
are labelled as MM-DD so a plot stays readable at 80 columns. Without textual-plotext (an
environment installed before it became a dependency) the same data shows as sparklines.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text

from .plotting import LEVELS, PLOTS, PickText, PlotextPlot, date_ticks, plot_text, plot_widget, sparkline, whole_ticks

if TYPE_CHECKING:
    from ...models.cards import CardStats

BAR_COLOR, LINE_COLOR, TARGET_COLOR, FORECAST_COLOR = "green", "cyan", "red", "blue"
_ticks = date_ticks


def reviews_per_day(widget: PlotextPlot, days: Sequence[tuple[date, int]], pick: PickText) -> None:
    """Bars: reviews on each of the days (oldest left)."""
    plt = widget.plt
    plt.clear_figure()
    plt.title(plot_text(pick("每日复习次数", "Reviews per day")))
    counts = [count for _day, count in days]
    plt.bar(list(range(len(days))), counts, color=BAR_COLOR, width=0.6)
    positions, labels = _ticks(widget, [day for day, _count in days])
    plt.xticks(positions, labels)
    plt.xlim(-1, len(days))  # fixed: the first tick never falls on the edge
    whole_ticks(plt, max(counts, default=0))  # whole numbers of reviews on the axis
    widget.refresh()


def forecast(widget: PlotextPlot, days: Sequence[tuple[date, int]], pick: PickText) -> None:
    """Bars: cards falling due on each coming day (today first, overdue ones in it). The
    panel's border says what it is."""
    plt = widget.plt
    plt.clear_figure()
    counts = [count for _day, count in days]
    plt.bar(list(range(len(days))), counts, color=FORECAST_COLOR, width=0.6)
    positions, labels = _ticks(widget, [day for day, _count in days])
    if positions and positions[0] == 0:
        labels[0] = plot_text(pick("今天", "today"))
    plt.xticks(positions, labels)
    plt.xlim(-1, len(days))
    whole_ticks(plt, max(counts, default=0))
    widget.refresh()


def retention_by_week(widget: PlotextPlot, weeks: Sequence[tuple[date, float | None, int]], target: float,
                      pick: PickText) -> None:
    """A line of true retention per week (weeks without mature reviews left out), with the
    target as a horizontal line."""
    plt = widget.plt
    plt.clear_figure()
    plt.title(plot_text(pick(f"每周真实记忆率（目标 {target:.0%}）", f"True retention per week (target {target:.0%})")))
    known = [(index, share * 100) for index, (_week, share, _n) in enumerate(weeks) if share is not None]
    if known:
        plt.plot([i for i, _s in known], [s for _i, s in known], marker="braille", color=LINE_COLOR,
                 label=plot_text(pick("记忆率 %", "retention %")))
    plt.hline(target * 100, TARGET_COLOR)
    lowest = min([target * 100, *(s for _i, s in known)])
    floor = max(0, int(lowest - 10) // 10 * 10)
    plt.yticks(list(range(floor, 101, 10 if 100 - floor <= 50 else 20)))
    plt.ylim(floor, 100)
    plt.xlim(0, max(1, len(weeks) - 1))
    positions, labels = _ticks(widget, [week for week, _share, _n in weeks])
    plt.xticks(positions, labels)
    if not known:
        plt.text(plot_text(pick("还没有成熟卡片的复习", "no mature reviews yet")), max(1, len(weeks) - 1) / 2,
                 (floor + 100) / 2, alignment="center")
    widget.refresh()


def plot_widgets():
    """The two plot widgets (or sparkline panels), for a screen's compose."""
    yield plot_widget("plot-reviews")
    yield plot_widget("plot-retention")


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
    line.append(sparkline([n for _d, n in days]), BAR_COLOR)
    line.append(screen.pick(f"\n最多 {peak}", f"\npeak {peak}"), "dim")
    reviews.update(line)
    shares = Text(screen.pick(f"每周真实记忆率（目标 {stats.target_retention:.0%}）\n",
                              f"True retention per week (target {stats.target_retention:.0%})\n"), "bold")
    shares.append("".join("·" if share is None else LEVELS[max(1, round(share * 8))]
                          for _w, share, _n in stats.retention_weeks), LINE_COLOR)
    retention.update(shares)
