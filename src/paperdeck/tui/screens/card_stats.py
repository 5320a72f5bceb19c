"""Flashcard stats: plots of reviews per day (30 days) and true retention per week against the
target, the 12-week review calendar, weakest categories, the 14-day due forecast (a plot), the streak."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header

from ...i18n import counted
from ...i18n_words import short_weekday
from ...models.cards import CardStats
from ...models.common import utcnow
from ...usecases.cards import card_stats
from ..widgets.plotting import PLOTS, plot_widget
from ..widgets.study_plots import forecast as forecast_plot, plot_widgets, show_plots
from ..widgets.panel import Panel
from .base import PaperdeckScreen

if TYPE_CHECKING:
    from ...usecases.core import Store

LEVELS = " ▁▂▃▄▅▆▇█"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAYS_ZH = ("一", "二", "三", "四", "五", "六", "日")


def heat(count: int, peak: int) -> str:
    if count <= 0 or peak <= 0:
        return "·"
    return LEVELS[max(1, round(count / peak * (len(LEVELS) - 1)))]


class CardStatsScreen(PaperdeckScreen):
    # Not a CSS_PATH: a stylesheet file read at the first showing re-parses the app's CSS and
    # restyles every screen's widgets (as Flashcards).
    # The two plots side by side, the forecast under them.
    DEFAULT_CSS = """
    #stats-body { height: 1fr; }
    #stats-plots { height: 14; }
    #stats-plots PlotextPlot { width: 1fr; height: 100%; }
    #stats-forecast { height: 14; border: round $primary 50%; border-title-color: $text-accent; }
    """
    BINDINGS = [Binding("escape", "close", "Back", id="stats.close", tooltip="Back to the decks")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats-body"):
            yield Panel(id="stats-summary")
            with Horizontal(id="stats-plots"):
                yield from plot_widgets()
            yield Panel(id="stats-days")
            yield Panel(id="stats-weakest")
            yield plot_widget("stats-forecast") if PLOTS else Panel(id="stats-forecast")
        yield Footer()

    def action_close(self) -> None:
        self.app.pop_screen()

    def view_request(self) -> datetime:
        return utcnow()

    @staticmethod
    def load_view(store: "Store", now: datetime) -> CardStats:
        return card_stats(store, now)

    # Drawing the three plots took most of the first opening's frame (plotext builds each one
    # when it renders): the numbers come first, the plots in the frame after (or, read while
    # hidden, once shown). Drawn before, they are redrawn at once with a new view.
    _plots_pending: CardStats | None = None
    _plots_drawn = False
    _plots_scheduled = False

    def show_view(self, stats: CardStats) -> None:
        self._summary(stats)
        self._days(stats.reviews_per_day)
        self._weakest(stats)
        self.query_one("#stats-forecast").border_title = self._forecast_title()
        self._plots_pending = stats
        if self.is_current and self._plots_drawn and not self._paint_held:
            self._draw_plots()
            return
        if not self._plots_drawn:  # drawn, the plots keep the last view's data until redrawn
            for plot in self._plot_widgets():
                plot.blank = True  # its place kept (laid out: the ticks follow its width), blank
        self._draw_plots_after_frame()

    def on_screen_resume(self) -> None:
        self._draw_plots_after_frame()

    async def draw_ahead(self) -> None:
        """Built and read ahead, still hidden, the user pausing (Flashcards' _build_ahead): every
        widget drawn once now, off the terminal, then its plots, so that the first `s` only puts
        their lines together (medium, in-process: that frame's UI-thread CPU ~65 -> ~15 ms, as a
        later `s`; plotext built the plots in the frame after it, ~30 ms more). In steps, a key
        going first (built_ahead.draw_hidden): `s` pressed meanwhile shows the screen, its frame
        draws what is left, its plots come after."""
        from .built_ahead import draw_hidden, input_pause

        if self.is_current or self._plots_pending is None:
            return
        if not await draw_hidden(self):  # the numbers, the calendar, the table, the footer; the plots blank
            return
        await input_pause(self.app)
        if self.is_current or self._plots_pending is None:
            return
        self._draw_plots()
        await draw_hidden(self)  # the plots; the other widgets' lines are kept from the step before

    def _plot_widgets(self) -> list:
        return [self.query_one(selector) for selector in ("#plot-reviews", "#plot-retention", "#stats-forecast")]

    def _draw_plots_after_frame(self) -> None:
        if self._plots_pending is None or self._plots_scheduled or not self.is_current:
            return
        self._plots_scheduled = True
        self._loads_pending += 1  # view_ready() waits for the plots too
        self._loads_event().clear()
        self.call_after_refresh(self._plots_after_frame)

    def _plots_after_frame(self) -> None:
        try:
            self._draw_plots()
        finally:
            self._plots_scheduled = False
            self._load_finished()

    def _draw_plots(self) -> None:
        stats, self._plots_pending = self._plots_pending, None
        if stats is None:
            return
        show_plots(self, stats)
        self._forecast(stats.forecast)
        self._plots_drawn = True
        for plot in self._plot_widgets():
            plot.blank = False
            plot.refresh()

    def _forecast_title(self) -> str:
        return self.pick("未来 14 天到期（今天含逾期）", "Due in the next 14 days (today includes overdue)")

    def _summary(self, stats: CardStats) -> None:
        panel = self.query_one("#stats-summary", Panel)
        panel.border_title = self.pick("概览", "Summary")
        text = Text()
        text.append(self.pick("真实记忆率（30 天）  ", "True retention (30 days)  "), "bold")
        if stats.retention is None:
            text.append(self.pick("— 还没有复习过的成熟卡片", "— no mature cards reviewed yet"), "dim")
        else:
            good = stats.retention >= stats.target_retention
            text.append(f"{stats.retention:.1%}", "bold green" if good else "bold red")
            text.append(self.pick(f"  目标 {stats.target_retention:.0%}，共 {stats.retention_reviews} 次",
                                  f"  target {stats.target_retention:.0%}, {stats.retention_reviews} reviews"), "dim")
        text.append(self.pick(f"\n连续复习  {stats.streak} 天", f"\nStreak  {counted(stats.streak, 'day')}"), "bold")
        text.append(self.pick(f"\n复习总数  {stats.total_reviews}", f"\nReviews in total  {stats.total_reviews}"))
        panel.update(text)

    def _days(self, days: list[tuple[date, int]]) -> None:
        panel = self.query_one("#stats-days", Panel)
        total = sum(n for _d, n in days)
        panel.border_title = self.pick(f"最近 12 周每日复习（{total} 次）", f"Reviews per day, last 12 weeks ({total})")
        peak = max((n for _d, n in days), default=0)
        # A grid: one row per weekday, one column per week, oldest on the left.
        first = days[0][0] if days else date.today()
        offset = first.weekday()
        grid = [[" "] * ((len(days) + offset + 6) // 7) for _ in range(7)]
        for index, (day, count) in enumerate(days):
            column = (index + offset) // 7
            grid[day.weekday()][column] = heat(count, peak)
        text = Text()
        names = WEEKDAYS_ZH if self.language == "zh" else WEEKDAYS
        for weekday, row in enumerate(grid):
            text.append(f"{names[weekday]:>3} ", "dim")
            text.append(" ".join(row), "green")
            text.append("\n")
        text.append(self.pick(f"    最多一天 {peak} 次", f"    busiest day {peak}"), "dim")
        panel.update(text)

    def _weakest(self, stats: CardStats) -> None:
        panel = self.query_one("#stats-weakest", Panel)
        panel.border_title = self.pick("最薄弱的分类（遗忘次数）", "Weakest categories (lapses)")
        if not stats.weakest:
            panel.update(Text(self.pick("还没有遗忘记录", "No lapses yet"), style="dim"))
            return
        table = Table(box=None, show_header=True, header_style="bold", expand=False)
        table.add_column(self.pick("分类", "Category"))
        table.add_column(self.pick("遗忘", "Lapses"), justify="right")
        table.add_column(self.pick("卡片", "Cards"), justify="right")
        for entry in stats.weakest:
            table.add_row(Text(self.pick(entry.zh, entry.en)), str(entry.lapses), str(entry.cards))
        panel.update(table)

    def _forecast(self, forecast: list[tuple[date, int]]) -> None:
        title = self._forecast_title()
        if PLOTS:
            plot = self.query_one("#stats-forecast")
            plot.border_title = title
            forecast_plot(plot, forecast, self.pick)
            return
        panel = self.query_one("#stats-forecast", Panel)
        panel.border_title = title
        peak = max((n for _d, n in forecast), default=0)
        text = Text()
        for index, (day, count) in enumerate(forecast):
            label = self.pick("今天", "today") if index == 0 else f"{day:%m-%d} {short_weekday(day, self.language)}"
            bar = "█" * (round(count / peak * 40) if peak else 0)
            text.append(" " * max(0, 10 - cell_len(label)) + label + " ", "dim")
            text.append(bar, "cyan")
            text.append(f" {count}\n")
        text.rstrip()
        panel.update(text)
