"""Days per stage: how long my papers stay in each pipeline stage (median bars, and a table of
papers, median, mean and longest), from the Pipeline's `t` key. Escape closes it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...domain.stage_days import StageDays
from ..widgets.plotting import PLOTS, plot_widget, sparkline
from ..widgets.stage_plots import median_days_plot
from .modal import PaperdeckModal


class StageDaysModal(PaperdeckModal[None]):
    DEFAULT_CSS = """
    StageDaysModal > .dialog { width: 90; }
    StageDaysModal #stage-days-plot { height: 11; }
    StageDaysModal #stage-days-table { height: auto; margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Close", id="stage_days.close", tooltip="Close the chart")]

    def __init__(self, rows: Sequence[StageDays]):
        super().__init__(id="stage-days")
        self.rows = list(rows)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog") as box:
            box.border_title = self.pick("各阶段用时（我的论文，天）", "Days per stage (my papers)")
            yield plot_widget("stage-days-plot")
            yield Static(id="stage-days-table")

    def on_mount(self) -> None:
        self.show_rows()

    def show_rows(self) -> None:
        plot = self.query_one("#stage-days-plot")
        if not self.rows:
            plot.display = False
            self.query_one("#stage-days-table", Static).update(Text(self.pick(
                "还没有自己的论文：添加一篇后，这里会显示它在各阶段停留的天数。",
                "No paper of your own yet: once you add one, the days it spends in each stage show here."),
                style="dim"))
            return
        if PLOTS:
            median_days_plot(plot, self.rows, self.language, self.pick)
        else:
            line = Text(self.pick("各阶段中位天数\n", "Median days per stage\n"), "bold")
            line.append(sparkline([row.median_days for row in self.rows]), "cyan")
            plot.update(line)
        table = Table(box=None, show_header=True, header_style="bold", expand=False)
        table.add_column(self.pick("阶段", "Stage"))
        table.add_column(self.pick("论文", "Papers"), justify="right")
        table.add_column(self.pick("中位", "Median"), justify="right")
        table.add_column(self.pick("平均", "Mean"), justify="right")
        table.add_column(self.pick("最长", "Longest"), justify="right")
        for index, row in enumerate(self.rows, start=1):
            name = f"{index} {row.stage.label_zh}" if self.language == "zh" else row.stage.label
            table.add_row(name, str(row.papers), f"{row.median_days:.1f}",
                          f"{row.mean_days:.1f}", f"{row.longest_days:.1f}")
        note = Text(self.pick("天数含当前所在阶段（算到现在）。Esc 关闭",
                              "Days include the stage a paper is in now (counted to today). Esc closes"), style="dim")
        self.query_one("#stage-days-table", Static).update(Group(table, note))

