"""The pipeline's plot: median days per stage, one bar per stage. English labels are short
enough for 80 columns; in Chinese the bars are numbered as the table's rows are (plotext counts
a Chinese character as one cell, so Chinese tick labels would drift off their bars)."""

from __future__ import annotations

from collections.abc import Sequence

from ...domain.stage_days import StageDays
from .plotting import PickText, PlotextPlot, plot_text, whole_ticks

BAR_COLOR = "cyan"
SHORT_EN = {"ideation": "Idea", "design": "Design", "experiments": "Exper.", "writing": "Writing",
            "submission": "Submit", "under_review": "Review", "decision": "Decision"}


def median_days_plot(widget: PlotextPlot, rows: Sequence[StageDays], language: str, pick: PickText) -> None:
    plt = widget.plt
    plt.clear_figure()
    plt.title(plot_text(pick("各阶段中位天数", "Median days per stage")))
    values = [round(row.median_days, 1) for row in rows]
    plt.bar(list(range(len(rows))), values, color=BAR_COLOR, width=0.6)
    plt.xticks(list(range(len(rows))), [plot_text(bar_label(row, index, language)) for index, row in enumerate(rows)])
    plt.xlim(-1, len(rows))
    whole_ticks(plt, max(values, default=0))
    widget.refresh()


def bar_label(row: StageDays, index: int, language: str) -> str:
    """"Exper." in English; "3" in Chinese (the table's row 3)."""
    return str(index + 1) if language == "zh" else SHORT_EN.get(row.stage.value, row.stage.value)
