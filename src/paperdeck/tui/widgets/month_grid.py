"""A month calendar grid with a day cursor: deadlines and paper milestones on their days.

Marks are plain data (day, text, style); their text is user data, shown literally. The grid is
drawn at its real size every time it renders (never from a width guessed before layout), and
gives each day as many lines as the height allows. The arrows move the day cursor (across
months too); `[` `]` and `t` are the screen's. `DayChosen` tells the screen which day the
cursor is on, for its agenda and for adding a deadline on that day.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from rich.cells import cell_len, set_cell_size
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget, _RenderCache  # Textual's own cache of a widget's lines

from ...i18n_words import WEEKDAYS_ZH
from ...textsafe import one_line

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
NO_MONTH = date(2000, 1, 1)  # not shown yet: the first marks set the month to today's


@dataclass(frozen=True, slots=True)
class Mark:
    day: date
    text: str
    style: str = ""


def shift_month(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def fit(text: str, width: int) -> str:
    text = one_line(text)
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(0, width - 1)) + "…"


def month_title(first: date, language: str) -> str:
    return f"{first.year}年{first.month}月" if language == "zh" else f"{calendar.month_name[first.month]} {first.year}"


class MonthGrid(Widget, can_focus=True):
    DEFAULT_CSS = """
    MonthGrid { height: 1fr; padding: 0 1; }
    """
    BINDINGS = [
        Binding("left", "move_day(-1)", "Previous day", show=False, id="month.left", tooltip="The day before"),
        Binding("right", "move_day(1)", "Next day", show=False, id="month.right", tooltip="The day after"),
        Binding("up", "move_day(-7)", "Week before", show=False, id="month.up", tooltip="The same day a week before"),
        Binding("down", "move_day(7)", "Week after", show=False, id="month.down", tooltip="The same day a week after"),
    ]

    month: reactive[date] = reactive(NO_MONTH, init=False)
    cursor: reactive[date] = reactive(NO_MONTH, init=False)

    class DayChosen(Message):
        def __init__(self, day: date):
            super().__init__()
            self.day = day

    def __init__(self, *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.today = date.today()
        self.marks: dict[date, list[Mark]] = {}
        self._given: list[Mark] | None = None  # the list the marks were last set from
        self._marks_version = 0
        self.language = "en"
        # The grid's lines as last drawn, per what they show (focused or not): the grid is
        # refreshed whenever it takes or loses the focus (each `m`), and rendering its table
        # took ~9 ms of that key at medium; the same state is drawn from these.
        self._drawn: dict[tuple, list] = {}

    def set_marks(self, marks: list[Mark], today: date, language: str = "en") -> None:
        if marks is self._given and (today, language) == (self.today, self.language) and self.month != NO_MONTH:
            return  # the same marks again (the grid shown again): nothing to redraw
        self._given = marks
        self._marks_version += 1
        self.today, self.language = today, language
        self.marks = {}
        for mark in marks:
            self.marks.setdefault(mark.day, []).append(mark)
        if self.month == NO_MONTH:
            self.set_reactive(MonthGrid.month, today.replace(day=1))
            self.set_reactive(MonthGrid.cursor, today)
            self.post_message(self.DayChosen(today))
        self.refresh()

    def day_marks(self, day: date) -> list[Mark]:
        return self.marks.get(day, [])

    # -- moving -------------------------------------------------------------------------------

    def previous_month(self) -> None:
        self.month = shift_month(self.month, -1)

    def next_month(self) -> None:
        self.month = shift_month(self.month, 1)

    def go_today(self) -> None:
        self.month = self.today.replace(day=1)

    def action_move_day(self, days: int) -> None:
        self.cursor = self.cursor + timedelta(days=days)

    def watch_month(self, month: date) -> None:
        # The cursor stays on its day of the month where it can ("[" from the 31st: the 30th).
        if (self.cursor.year, self.cursor.month) != (month.year, month.month):
            day = self.today.day if (self.today.year, self.today.month) == (month.year, month.month) else self.cursor.day
            last = calendar.monthrange(month.year, month.month)[1]
            self.cursor = month.replace(day=min(day, last))
        self.refresh()

    def watch_cursor(self, cursor: date) -> None:
        if (cursor.year, cursor.month) != (self.month.year, self.month.month):
            self.month = cursor.replace(day=1)
        self.post_message(self.DayChosen(cursor))
        self.refresh()

    # -- drawing ------------------------------------------------------------------------------

    def _drawn_key(self) -> tuple:
        """Everything the drawn lines depend on."""
        return (self.size, self.content_region.size, self.month, self.cursor, self.today, self.language,
                self._marks_version, self.has_focus, self.visual_style)

    def _render_content(self) -> None:
        # Textual's: render() into lines. The same state again is drawn from the lines kept.
        key = self._drawn_key()
        lines = self._drawn.get(key)
        if lines is None:
            super()._render_content()
            if len(self._drawn) >= 4:
                self._drawn.clear()
            self._drawn[key] = self._render_cache.lines
            return
        self._render_cache = _RenderCache(self.size, lines)
        self._dirty_regions.clear()

    def render(self) -> Table:
        first = self.month if self.month != NO_MONTH else self.today.replace(day=1)
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
        width = max(4, (self.content_region.width - 8) // 7)  # 8 = the table's 8 vertical rules
        # Rows: the title, the header, its rule and the two borders; then a rule between weeks
        # when there is room for it and two lines a day (else one line a day: the day and a count).
        free = self.content_region.height - 5
        ruled = (free - (len(weeks) - 1)) // len(weeks) >= 2
        lines = max(1, (free - (len(weeks) - 1 if ruled else 0)) // len(weeks))
        table = Table(title=month_title(first, self.language), expand=True, show_lines=ruled, padding=(0, 0))
        for name in WEEKDAYS_ZH if self.language == "zh" else WEEKDAYS:
            table.add_column(name, ratio=1, no_wrap=True, overflow="ellipsis")
        for week in weeks:
            table.add_row(*(self._cell(day, first.month, width, lines) for day in week))
        return table

    def _cell(self, day: date, month: int, width: int, lines: int) -> Text:
        outside = day.month != month
        if day == self.cursor:
            style = "reverse bold" if self.has_focus else "reverse"
        elif day == self.today:
            style = "bold underline"
        else:
            style = "dim" if outside else "bold"
        cell = Text(f"{day.day:>2}", style=style)
        if day == self.today:
            cell.append(" ●", style="bold")
        marks = [] if outside else self.marks.get(day, [])
        if lines == 1:  # no room for a mark's text: how many (the agenda lists them)
            if marks:
                cell.append(f" ·{len(marks)}", style=marks[0].style or "bold")
            return cell
        room = lines - 1
        shown = marks if len(marks) <= room else marks[: max(0, room - 1)]
        for mark in shown:
            cell.append("\n")
            cell.append(fit(mark.text, width), style=mark.style)
        if len(shown) < len(marks):
            cell.append(f"\n+{len(marks) - len(shown)}", style="dim")
        cell.append("\n" * max(0, lines - 1 - cell.plain.count("\n")))
        return cell

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
