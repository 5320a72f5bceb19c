"""The Dashboard's "This week" panel: the agenda (usecases/agenda.py) as list rows, one per
day's item under its day's heading. Enter on a row opens what it is about (a venue, a paper,
the review)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from rich.text import Text
from textual.widgets.option_list import Option

from ...domain.deadlines import local_today
from ...usecases.agenda import agenda_by_day, agenda_pieces, day_heading
from ...usecases.today import TodaySummary
from ..widgets.panel import literal

ROLE_STYLE = {"mark": "yellow", "subject": "bold", "label": "", "time": "dim", "estimate": "magenta"}
MAX_PER_DAY = 20  # the rest of a day is counted, not listed


def agenda_options(summary: TodaySummary, language: str, pick: Callable[[str, str], str]) -> list[Option]:
    zone: tzinfo = summary.zone
    today = local_today(summary.now, zone)
    rows: list[Option] = []
    if not summary.agenda:
        rows.append(Option(Text(pick("本周没有安排", "Nothing this week"), style="dim"), id="agenda-none",
                           disabled=True))
    for day, items in agenda_by_day(summary.agenda):
        rows.append(Option(Text(day_heading(day, today, language), style="bold cyan"), id=f"agenda-day:{day}",
                           disabled=True))
        for index, item in enumerate(items[:MAX_PER_DAY]):
            line = Text()
            for piece, role in agenda_pieces(item, language, zone):
                line.append_text(literal(piece, ROLE_STYLE[role]) if role == "subject" else Text(piece, ROLE_STYLE[role]))
            rows.append(Option(line, id=f"{item.ref}#agenda-{day}-{index}"))
        if len(items) > MAX_PER_DAY:
            more = len(items) - MAX_PER_DAY
            rows.append(Option(Text(pick(f"  … 还有 {more} 项", f"  … {more} more"), style="dim"),
                               id=f"agenda-more:{day}", disabled=True))
    return rows
