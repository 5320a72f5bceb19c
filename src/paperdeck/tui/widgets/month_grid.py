"""A month calendar grid: deadlines and paper milestones on their days.

Marks are given as plain data (day, text, style); text is user data and shown literally.
Move by month with `previous_month`/`next_month`, back to today with `go_today`.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len, set_cell_size
from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from ...textsafe import one_line

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAYS_ZH = ("一", "二", "三", "四", "五", "六", "日")
MARKS_PER_DAY = 3


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


class MonthGrid(Static):
    DEFAULT_CSS = """
    MonthGrid { height: auto; padding: 0 1; }
    """

    month: reactive[date] = reactive(date(2000, 1, 1), init=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None):
        super().__init__("", id=id, classes=classes)
        self.today = date.today()
        self.marks: dict[date, list[Mark]] = {}
        self.language = "en"

    def set_marks(self, marks: list[Mark], today: date, language: str = "en") -> None:
        self.today, self.language = today, language
        self.marks = {}
        for mark in marks:
            self.marks.setdefault(mark.day, []).append(mark)
        if self.month == date(2000, 1, 1):
            self.set_reactive(MonthGrid.month, today.replace(day=1))
        self.refresh_grid()

    def previous_month(self) -> None:
        self.month = shift_month(self.month, -1)

    def next_month(self) -> None:
        self.month = shift_month(self.month, 1)

    def go_today(self) -> None:
        self.month = self.today.replace(day=1)

    def watch_month(self) -> None:
        self.refresh_grid()

    def refresh_grid(self) -> None:
        self.update(self.render_month())

    def render_month(self) -> Table:
        width = max(8, (self.size.width or 84) // 7 - 2)
        first = self.month if self.month != date(2000, 1, 1) else self.today.replace(day=1)
        title = f"{first.year}年{first.month}月" if self.language == "zh" else f"{calendar.month_name[first.month]} {first.year}"
        table = Table(title=title, expand=True, show_lines=True, padding=(0, 0))
        names = WEEKDAYS_ZH if self.language == "zh" else WEEKDAYS
        for name in names:
            table.add_column(name, ratio=1, no_wrap=True, overflow="ellipsis")
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
            table.add_row(*(self._cell(day, first.month, width) for day in week))
        return table

    def _cell(self, day: date, month: int, width: int) -> Text:
        style = "dim" if day.month != month else ""
        number = f"{day.day:>2}"
        cell = Text(number, style="reverse bold" if day == self.today else style or "bold")
        marks = self.marks.get(day, []) if day.month == month else []
        for mark in marks[:MARKS_PER_DAY]:
            cell.append("\n")
            cell.append(fit(mark.text, width), style=mark.style)
        if len(marks) > MARKS_PER_DAY:
            cell.append(f"\n+{len(marks) - MARKS_PER_DAY}", style="dim")
        rows = MARKS_PER_DAY + 1 - cell.plain.count("\n") - 1
        if rows > 0 and day.month == month:
            cell.append("\n" * rows)
        return cell
