"""Dashboard: the first screen of the day.

Five lists (deadlines, my papers, this week's agenda, flashcards, pitch readiness) and the guide's
line of the day: one `DashboardView` (usecases/dashboard.py, around `today.gather`) loaded in a
worker. Each list is an OptionList (line-rendered, fast at any size); Enter on a row opens its
screen at that item through `app.show_item`. The minute's tick shows the countdowns at the new
clock from the view it holds, and asks for a new view only once that view has expired.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

import asyncio
import sys
from datetime import datetime
from typing import TYPE_CHECKING

from ...domain.deadlines import URGENCY_STYLE, countdown, urgency, when_text
from ...i18n_words import ESTIMATE, pick
from ...models.common import utcnow
from ...models.stages import Stage
from ...paths import package_resource
from ...usecases.dashboard import SHOWN_ROWS, DashboardView, dashboard_view
from ...usecases.my_papers import MyPaper
from ...usecases.session import change_stamp
from ...usecases.today import (
    DeadlineItem,
    PaperAlert,
    TodaySummary,
    minutes_seconds,
    target_text,
)
from ..widgets.drawn_options import DrawnOptionList
from ..widgets.panel import UNBROKEN, continue_at, hanging, literal
from .base import PaperdeckScreen
from .dashboard_agenda import agenda_options

if TYPE_CHECKING:
    from ...usecases.core import Store
    from ...usecases.view_ahead import ViewAhead

MIN_NAME_CELLS = 8  # a deadline's name cut shorter than this says nothing: the countdown moves down instead
VERDICT_STYLE = {"empty": "dim", "short": "yellow", "ok": "green", "long": "yellow"}
# Where a row's Enter goes: option id prefix -> screen.
TARGET_SCREENS = {"venue": "venues", "paper": "pipeline", "cards": "flashcards", "pitch": "pitch",
                  "pipeline": "pipeline"}


def _hanging_option(option: Option, width: int) -> Option:
    prompt = option.prompt
    hung = hanging(prompt, width) if isinstance(prompt, Text) else prompt
    return option if hung is prompt else Option(hung, id=option.id, disabled=option.disabled)


class DashboardList(DrawnOptionList):
    """One dashboard panel: rows whose ids say which screen and item Enter opens. Its rows are
    laid out to the panel's width, so most are drawn without Textual's wrapping pass."""

    pending_rest: list[Option] = []  # rows `show_rows` left for after the frame (none: [])
    given: list[Option] = []         # the rows as shown last, before `hung`: a resize hangs them anew
    laid_width = 0                   # the row width they were laid out for

    DEFAULT_CSS = """
    DashboardList {
        border: round $primary 50%;
        border-title-color: $text-accent;
        padding: 0 1;
        height: 1fr;
    }
    DashboardList:focus { border: round $accent; }
    """

    def on_resize(self) -> None:
        # Rows are laid out to the panel's width: lay them out again at a new width (not at a
        # new height: the grid's rows settle once the view is in, before the first frame, and
        # showing every row then, not only those the panel has room for, cost that frame).
        screen = self.screen
        if not isinstance(screen, DashboardScreen) or screen.dashboard is None or self.row_width() == self.laid_width:
            return
        if self.id == "dash-deadlines":  # their times break by the width too
            screen.show_deadlines(screen.dashboard.summary, screen.shown_at)
            return
        rows = [Option(screen.stage_counts(screen.dashboard.summary, self), id=option.id, disabled=True)
                if option.id == "head-stages" else option for option in self.given]
        if rows:
            self.show_rows(rows)

    def row_width(self) -> int:
        """The cells a row has, a scrollbar's counted in where one may appear once the rows are
        in (not in a panel as tall as its rows)."""
        width = self.scrollable_content_region.width
        height = self.styles.height
        if not self.show_vertical_scrollbar and not (height is not None and height.is_auto):
            width -= self.styles.scrollbar_size_vertical
        return width

    def hung(self, rows: list[Option]) -> list[Option]:
        """`rows` with their long lines broken under their own indentation (`hanging`): a row's
        second line goes on under itself, not at the panel's edge."""
        width = self.laid_width = self.row_width()
        return [_hanging_option(option, width) for option in rows]

    def show_rows(self, rows: list[Option], *, rest_later: bool = False) -> list[Option]:
        """Replace the rows, keeping the highlighted one (by id) across a live refresh.

        `rest_later`: show only the rows the panel has room for and return the others, for
        the caller to add (`add_options`) once that frame is drawn: laying out every row
        (~200 two-line rows over the panels) was a tenth of a second before the first frame."""
        current = self.highlighted_option
        keep = current.id if current is not None else None
        self.pending_rest, self.given = [], list(rows)
        first = next((i for i, option in enumerate(rows) if not option.disabled), None)
        kept = next((i for i, option in enumerate(rows) if keep is not None and option.id == keep), None)
        room = self.scrollable_content_region.height
        rest: list[Option] = []
        if rest_later and room > 0:
            # One line per row at least: `room` rows fill the panel; the highlighted one is shown.
            shown = max(room, (kept or 0) + 1, (first or 0) + 1)
            rows, rest = rows[:shown], rows[shown:]
        self.set_options(self.hung(rows))  # the rest are hung when they are added
        self.pending_rest = rest
        self.highlighted = first if kept is None else kept
        if self.highlighted == first:
            # Highlighting scrolls the row into view, past the headings above it ("None in the
            # next 30 days", "Later ..."): a short panel at 80x24 showed rows without them.
            self.call_after_refresh(self.scroll_home, animate=False)
        return rest


class DashboardScreen(PaperdeckScreen):
    # styles/dashboard.tcss is read with the app's CSS (app.py): it is the first screen shown.
    BINDINGS = [
        Binding("r", "review", "Review cards", id="dashboard.review",
                tooltip="Start a flashcard session with the cards due today"),
        Binding("f5", "reload", "Refresh", id="dashboard.refresh",
                tooltip="Re-read everything (it also refreshes by itself)"),
        Binding("h", "horizon", "Horizon", id="dashboard.horizon",
                tooltip="How many days ahead deadlines are listed (the today_days setting)"),
    ]

    dashboard: DashboardView | None = None  # what is shown; loaded when the screen is shown
    shown_at: datetime | None = None         # the clock the countdowns were last shown at
    _rows_first = False                      # while a view is shown: each panel's first rows only
    _rest_shown: asyncio.Event | None = None  # clear while rows wait for after the frame

    def compose(self) -> ComposeResult:
        yield Header()
        with Grid(id="dashboard-grid"):
            yield DashboardList(id="dash-deadlines")
            yield DashboardList(id="dash-attention")
            yield DashboardList(id="dash-agenda")
            yield DashboardList(id="dash-cards")
            yield DashboardList(id="dash-pitch")
            yield Static(id="dash-line")
        yield Footer()

    def on_mount(self) -> None:
        # The data is read when the screen is shown (PaperdeckScreen.on_screen_resume).
        # Countdowns move on; refresh each minute while this screen is in view.
        self.set_interval(60, self._tick)

    def _tick(self) -> None:
        """The countdowns move on: show them at the new clock; a new view once this one expired."""
        if not self.is_current or self.dashboard is None:
            return
        now = utcnow()
        if self.dashboard.expired(now):
            self.reload_view()
        else:
            self.show_deadlines(self.dashboard.summary, now)

    def action_reload(self) -> None:
        self.refresh_data()

    def action_horizon(self) -> None:
        from ...usecases.settings import setting_row
        from .setting_editor import SettingEditor

        def saved(row: object) -> None:
            if row is not None:
                self.paperdeck.apply_settings()  # re-reads this screen

        self.app.push_screen(SettingEditor(setting_row(self.store, "today_days")), saved)

    def action_review(self) -> None:
        self.paperdeck.show_item("flashcards", "review")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        kind, _, item = option_id.partition(":")
        item = item.partition("#")[0]  # a suffix keeps ids unique; it is not part of the item
        screen = TARGET_SCREENS.get(kind)
        if screen and item:
            self.paperdeck.show_item(screen, item)

    # -- rendering ------------------------------------------------------------------------

    def view_request(self) -> tuple[datetime, "ViewAhead | None", object]:
        ahead = self.paperdeck.take_view_ahead()
        return utcnow(), ahead, change_stamp(self.store) if ahead is not None else None

    @staticmethod
    def load_view(store: "Store", request: tuple[datetime, "ViewAhead | None", object]) -> DashboardView:
        now, ahead, stamp = request
        if ahead is not None:  # the app's first load: the view a child process read meanwhile
            view = ahead.take(stamp)
            if view is not None:
                return view
        return dashboard_view(store, now)

    def show_view(self, view: DashboardView) -> None:
        """Each panel's first rows, as many as it has room for; the rest once that frame is
        drawn (`_show_rest`)."""
        self.dashboard = view
        summary = view.summary
        self._rows_first = True
        try:
            self.show_deadlines(summary)
            self._show_attention(summary)
            self._fill(self._panel("#dash-agenda", self.pick("本周", "This week")),
                       agenda_options(summary, self.language, self.pick))
            self._show_cards(summary, view.desired_retention)
            self._show_pitch(summary)
            self._show_line(summary)
        finally:
            self._rows_first = False
        if any(panel.pending_rest for panel in self.query(DashboardList)):
            self._rest_event().clear()
            # After the frame: the screen asks for its layout first, so that its idle handler
            # waits for that frame before running the callback (with nothing marked yet, the
            # rows were added before the frame, which then laid out every one of them).
            self.refresh(layout=True)
            self.call_after_refresh(self._show_rest)

    def _show_rest(self) -> None:
        """The rows each panel left for after the first frame (none when a panel was shown
        again since: a resize, the minute's tick, a newer view)."""
        try:
            for panel in self.query(DashboardList):
                rest, panel.pending_rest = panel.pending_rest, []
                if rest:
                    panel.add_options(panel.hung(rest))
        finally:
            self._rest_event().set()

    def _rest_event(self) -> asyncio.Event:
        if self._rest_shown is None:
            self._rest_shown = asyncio.Event()
            self._rest_shown.set()
        return self._rest_shown

    async def view_ready(self) -> None:
        """The view is shown with every row (for tests)."""
        await super().view_ready()
        await self._rest_event().wait()

    def _fill(self, panel: DashboardList, rows: list[Option]) -> None:
        panel.show_rows(rows, rest_later=self._rows_first)

    def _panel(self, panel_id: str, title: str) -> DashboardList:
        panel = self.query_one(panel_id, DashboardList)
        panel.border_title = title
        return panel

    def _note(self, text: str, note_id: str) -> Option:
        return Option(Text(text, style="dim"), id=note_id, disabled=True)

    def show_deadlines(self, summary: TodaySummary, now: datetime | None = None) -> None:
        """The deadlines as of `now` (default: when they were read): countdowns and urgency are
        the deadlines core's, at that clock."""
        now = now or summary.now
        self.shown_at = now
        panel = self._panel("#dash-deadlines", self.pick(
            f"截止日期（{summary.days} 天内）", f"Deadlines (next {summary.days} days)"))
        rows: list[Option] = []
        width = panel.row_width()
        within, later = summary.within, summary.later
        if not within:
            rows.append(self._note(self.pick(f"{summary.days} 天内没有截止日期", f"None in the next {summary.days} days"),
                                   "none"))
        for index, item in enumerate(within[:SHOWN_ROWS]):
            rows.append(self._deadline_row(item, index, summary, now, width))
        if len(within) > SHOWN_ROWS:
            rows.append(self._note(f"… {len(within) - SHOWN_ROWS} more", "more"))
        if later:
            rows.append(Option(Text(self.pick(f"之后（{summary.days} 天以后最近的）",
                                              f"Later (the nearest past {summary.days} days)"), style="bold"),
                               id="head-later", disabled=True))
        for index, item in enumerate(later[:SHOWN_ROWS], start=len(within)):
            rows.append(self._deadline_row(item, index, summary, now, width))
        self._fill(panel, rows)

    def stage_counts(self, summary: TodaySummary, panel: DashboardList) -> Text:
        """"297 Ideation · 145 Design · …", a count never apart from its stage at a line's end."""
        counts = [Text(f"{count} {Stage(stage).pick(self.language)}") for stage, count in summary.mine.by_stage]
        if not counts:
            return Text()
        return continue_at(counts[0], counts[1:], panel.row_width() or sys.maxsize, 0, gap=" · ")

    def _deadline_row(self, item: DeadlineItem, index: int, summary: TodaySummary, now: datetime, width: int) -> Option:
        line = Text()
        line.append("★ " if item.is_target else "  ", style="yellow")
        line.append_text(literal(f"{item.venue_name} {item.edition_year}", "bold"))
        line.append(" ")
        name = literal(item.display_name(self.language))
        left = Text(countdown(item, now, summary.zone, self.language), style=URGENCY_STYLE[urgency(item, now, summary.zone)])
        # The venue and its countdown on the first line, the deadline's name cut to fit between
        # them (the Venues screen has it whole); where even a cut name has no room, the
        # countdown starts the next line, whole.
        room = width - line.cell_len - 2 - left.cell_len
        if width and name.cell_len > room >= MIN_NAME_CELLS:
            name.truncate(room, overflow="ellipsis")
        line.append_text(name)
        continue_at(line, [left], width or sys.maxsize, 2)
        last_line = cell_len(line.plain.rpartition("\n")[2])
        when = when_text(item, summary.zone, self.language)
        mark = " " + pick(ESTIMATE, self.language) if item.is_estimate else ""
        if width and cell_len(when + mark) + 2 > width:  # too narrow: the local reading on its own line
            when = when_text(item, summary.zone, self.language, sep="\n")
        lines = when.split("\n")
        if width and cell_len(lines[-1] + mark) + 2 > width:  # the date line is full (date-only)
            if width >= last_line + cell_len(mark):
                line.append(mark, style="magenta")  # after the countdown
            mark = ""  # else only the countdown's "~" says so, as in the Venues list
        for part in lines:
            line.append("\n  ")
            line.append_text(literal(part, "dim"))
        line.append(mark, style="magenta")
        return Option(line, id=f"venue:{item.venue_key}#{index}")

    def _alert_row(self, alert: PaperAlert, style: str, section: str) -> Option:
        line = Text()
        line.append_text(literal(alert.title, "bold"))
        line.append(f"\n  {Stage(alert.stage).pick(self.language)} · ", style="dim")
        line.append_text(literal(alert.reason_zh if self.language == "zh" and alert.reason_zh else alert.reason, style))
        return Option(line, id=f"paper:{alert.paper_id}#{section}")

    def _show_attention(self, summary: TodaySummary) -> None:
        """The user's own papers (never the guide's examples): by stage, those behind their plan
        or stalled, then each one's next milestone; what to do first while there is none."""
        panel = self._panel("#dash-attention", self.pick("我的论文", "My papers"))
        if summary.first_run is not None:
            add = self.pick("论文流程 2，再按 n", "Pipeline 2, then n")
            lines = summary.first_run.lines(self.language, add=add)
            rows = [Option(Text(lines[0], style="bold"), id="hint:0", disabled=True)]
            rows += [Option(literal(line), id=f"pipeline:new#{n}") for n, line in enumerate(lines[1:], start=1)]
            self._fill(panel, rows)
            return
        mine = summary.mine
        rows: list[Option] = [Option(self.stage_counts(summary, panel), id="head-stages", disabled=True),
                              Option(Text(self.pick("进度落后", "At risk (behind the backward plan)"), style="bold"),
                                     id="head-risk", disabled=True)]
        rows += [self._alert_row(alert, "red", "risk") for alert in summary.at_risk]
        if not summary.at_risk:
            rows.append(self._note(self.pick("  没有", "  none"), "none-risk"))
        rows.append(Option(Text(self.pick(f"停滞（{summary.stalled_days} 天以上未推进）",
                                          f"Stalled (no move in {summary.stalled_days}+ days)"), style="bold"),
                           id="head-stalled", disabled=True))
        rows += [self._alert_row(alert, "yellow", "stalled") for alert in summary.stalled]
        if not summary.stalled:
            rows.append(self._note(self.pick("  没有", "  none"), "none-stalled"))
        rest = mine.working  # neither at risk nor stalled (dashboard_view: gather(working_apart=True))
        if rest:
            rows.append(Option(Text(self.pick("下一步", "Next milestones"), style="bold"), id="head-next", disabled=True))
        rows += [self._paper_row(paper) for paper in rest]
        hidden = sum(summary.total(name) - len(shown) for name, shown in
                     (("at_risk", summary.at_risk), ("stalled", summary.stalled), ("working", rest)))
        if hidden:
            rows.append(self._note(f"… {hidden} more", "more"))
        self._fill(panel, rows)

    def _paper_row(self, paper: MyPaper) -> Option:
        line = Text()
        line.append_text(literal(paper.title, "bold"))
        line.append(f"\n  {Stage(paper.stage).pick(self.language)}", style="dim")
        if paper.venue:
            line.append(" · ", style="dim")
            line.append_text(literal(f"{paper.venue} {paper.countdown_in(self.language)}"))
        if paper.next_on is not None:
            day = f"{paper.next_on.month}月{paper.next_on.day}日" if self.language == "zh" else f"{paper.next_on:%d %b}"
            line.append(f" · {paper.next_label(self.language)} {day}", style="cyan")
        elif not paper.venue:
            line.append(self.pick(" · 未设目标会议", " · no target venue"), style="dim")
        return Option(line, id=f"paper:{paper.paper_id}#next")

    def _show_cards(self, summary: TodaySummary, target: float) -> None:
        cards, _ = summary.cards, UNBROKEN
        panel = self._panel("#dash-cards", self.pick("闪卡", "Flashcards"))
        due = Text()
        due.append(self.pick(f"今日待学 {cards.to_study}", f"{cards.to_study} to study today"),
                   style="bold yellow" if cards.to_study else "bold green")
        key = self.key_hint("review")  # Enter is the list's own key: it opens the row
        due.append(self.pick(f"  （{key} 或回车开始）", f"  ({key} or Enter to start)"), style="dim")
        due.append(self.pick(f"\n  到期{_}{cards.due} · 学习中{_}{cards.learning} · 新卡{_}{cards.new}",
                             f"\n  {cards.due}{_}due · {cards.learning}{_}learning · {cards.new}{_}new"))
        streak = Text(self.pick(f"连续复习 {cards.streak} 天", f"Review streak: {cards.streak} "
                                f"{'day' if cards.streak == 1 else 'days'}"))
        retention = "—" if cards.retention is None else f"{cards.retention:.0%}"
        kept = Text(self.pick(f"真实记忆率 {retention}（近{_}{cards.retention_days}{_}天）",
                              f"True retention: {retention} (last{_}{cards.retention_days}{_}days)"))
        kept.append(self.pick(f"，目标{_}{target:.0%}", f", target{_}{target:.0%}"), style="dim")
        self._fill(panel, [
            Option(due, id="cards:review"),
            Option(streak, id="cards:stats#streak"),
            Option(kept, id="cards:stats#retention"),
        ])

    def _show_pitch(self, summary: TodaySummary) -> None:
        target = target_text(summary.pitch_target_minutes)
        panel = self._panel("#dash-pitch", self.pick(f"讲稿准备（目标 {target.replace('min', '分钟')}）",
                                                     f"Pitch readiness (target {target})"))
        rows: list[Option] = []
        for item in summary.pitch:
            line = Text()
            line.append_text(literal(item.title, "bold"))
            line.append(self.pick(f"\n  {item.parts_filled}/{item.parts_total} 部分 · 约 ",
                                  f"\n  {item.parts_filled}/{item.parts_total} parts · about "), style="dim")
            line.append(minutes_seconds(item.seconds))
            verdict = self.pick(
                {"empty": "未开始", "short": "偏短", "ok": "合适", "long": "偏长"}[item.verdict], item.verdict)
            line.append(f"  {verdict}", style=VERDICT_STYLE[item.verdict])
            rows.append(Option(line, id=f"pitch:{item.paper_id}"))
        if not rows:
            rows.append(self._note(self.pick("还没有可以讲的论文", "No paper far enough along to pitch"), "none"))
        elif summary.total("pitch") > len(summary.pitch):
            rows.append(self._note(f"… {summary.total('pitch') - len(summary.pitch)} more", "more"))
        self._fill(panel, rows)

    def _show_line(self, summary: TodaySummary) -> None:
        line = self.query_one("#dash-line", Static)
        line.border_title = self.pick("今日一句（指南）", "Line of the day (from the guide)")
        if summary.line is None:
            line.update(Text(self.pick("指南条目已全部删除", "The guide's reasons and platforms were all deleted"),
                             style="dim"))
            return
        text = Text()
        title = summary.line.title(self.language)
        if title:
            text.append_text(literal(title, "bold"))
            text.append(" — ")
        text.append_text(literal(summary.line.text(self.language)))
        line.update(text)
