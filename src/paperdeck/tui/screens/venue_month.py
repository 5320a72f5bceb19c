"""The Venues screen's month: the grid with its day cursor, the chosen day's agenda and a legend.

Rendered from the screen's view like the list (no read); `d` on the grid adds a deadline on the
chosen day (venue_actions.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text

from ...domain.deadlines import URGENCY_STYLE, Urgency, local_day, local_today, urgency
from ...i18n_words import day_text
from ...textsafe import one_line
from ..widgets.month_grid import Mark, MonthGrid
from ..widgets.panel import literal

if TYPE_CHECKING:
    from ...usecases.venues import VenuesView

# Below this width the agenda goes under the grid instead of beside it (VenuesScreen.DEFAULT_CSS).
AGENDA_BESIDE_MIN = 150
AGENDA_BOX_WIDTH = 46

LEGEND = (
    (URGENCY_STYLE[Urgency.URGENT], "■", ("一天内", "within a day")),
    (URGENCY_STYLE[Urgency.SOON], "■", ("一周内", "within a week")),
    (URGENCY_STYLE[Urgency.NEAR], "■", ("30 天内", "within 30 days")),
    ("", "■", ("更晚", "later")),
    (URGENCY_STYLE[Urgency.PAST], "■", ("已过", "passed")),
    ("italic dim", "~", ("估计", "estimate")),
    ("magenta", "▸", ("我的论文节点", "my paper's milestone")),
    ("bold", "●", ("今天", "today")),
)


def month_marks(view: "VenuesView", now: datetime, field_filter: str | None, show: str, search: str,
                language: str) -> list[Mark]:
    """The grid's marks: the listed venues' deadlines and estimates, the papers' milestones
    (made from the view alone: on a worker too)."""
    zone = view.zone
    keys = {v.key for v in view.listed(field_filter, show, search)}
    marks = []
    for deadline in view.month_deadlines(keys):
        name = deadline.venue_name or deadline.venue_key
        style = "italic dim" if deadline.is_estimate else URGENCY_STYLE[urgency(deadline, now, zone)]
        prefix = "~" if deadline.is_estimate else ""
        # The edition too, as the list says it: CVPR 2027's passed estimate is not CVPR 2028's.
        text = f"{prefix}{name} {deadline.edition_year} {deadline.kind.pick(language)}"
        marks.append(Mark(local_day(deadline, zone), text, style))
    # Papers' milestones: all of them, or those of the venues listed once the list is narrowed.
    narrowed = bool(search.strip() or field_filter or show != "all")
    lowered = {key.lower() for key in keys}
    for item in view.milestones or ():
        if not narrowed or item.venue_key.lower() in lowered:
            marks.append(Mark(item.on_date, f"▸ {item.label(language)}: {item.paper_title}", "magenta"))
    return marks


class VenueMonthMixin:
    """Mixed into VenuesScreen (which provides venues_view, shown_at, field_filter, show, search, pick,
    language, query_one, set_class, size)."""

    # (the view, the clock, filters and language they were made at, the marks): `m` again on
    # the same view draws the same marks.
    _month_marks: tuple[object, tuple, list[Mark]] | None = None

    def show_month(self) -> None:
        view = self.venues_view
        if view is None:
            return
        now = self.shown_at or view.now
        made_at = self.marks_made_at(now)
        cached = self._month_marks
        if cached is not None and cached[0] is view and cached[1] == made_at:
            marks = cached[2]
        else:
            marks = month_marks(view, *made_at)
            self._month_marks = (view, made_at, marks)
        self.fit_month()
        grid = self.query_one(MonthGrid)
        grid.set_marks(marks, local_today(now, view.zone), self.language)
        self.show_agenda(grid.cursor)
        self.query_one("#venue-legend").update(self.legend())

    def marks_made_at(self, now: datetime) -> tuple:
        """What the grid's marks are made from besides the view: `month_marks(view, *these)`."""
        return (now, self.field_filter, self.show, self.search, self.language)

    def fit_month(self) -> None:
        """The agenda under the grid when the screen is narrow (on the month view's box, not the
        screen: a screen's class restyles every widget of it, the venue list's too). Set when the
        screen is resized too: the first `m` then restyles nothing."""
        self.query_one("#venue-month").set_class(self.size.width < AGENDA_BESIDE_MIN, "-agenda-below")

    def on_month_grid_day_chosen(self, message: MonthGrid.DayChosen) -> None:
        message.stop()
        self.show_agenda(message.day)

    def show_agenda(self, day: date) -> None:
        grid = self.query_one(MonthGrid)
        text = Text(day_text(day, self.language), style="bold")
        text.append(f"  {day.year}", style="dim")
        marks = grid.day_marks(day)
        if not marks:
            text.append("\n" + self.pick("这天没有截稿或节点", "Nothing on this day"), style="dim")
        for mark in marks:
            text.append("\n")
            text.append_text(literal(mark.text, mark.style))
        key, venue = self.key_hint("add_deadline"), self.selected_venue()
        if key and venue is not None:  # the venue highlighted in the list (`m` shows the list again)
            name = one_line(venue.name)
            text.append("\n\n" + self.pick(f"{key}：在这天为 {name} 添加截稿", f"{key}: add a deadline for {name} on this day"),
                        style="dim")
        self.query_one("#venue-agenda").update(text)

    def legend(self) -> Text:
        """The legend's entries, a line broken only between two entries."""
        below = self.query_one("#venue-month").has_class("-agenda-below")
        width = (self.size.width if below else AGENDA_BOX_WIDTH) - 4  # the box's border and padding
        text, line = Text(), 0
        for style, symbol, names in LEGEND:
            name = self.pick(*names)
            entry = 2 + cell_len(name)
            if line and line + 3 + entry > width:
                text.append("\n")
                line = 0
            elif line:
                text.append("   ")
                line += 3
            text.append(symbol, style=style or "bold")
            text.append(f" {name}", style="dim")
            line += entry
        return text

    def chosen_day(self) -> date | None:
        """The grid's day when the grid is shown (a deadline added now goes on it)."""
        return self.query_one(MonthGrid).cursor if self.month_shown() else None
