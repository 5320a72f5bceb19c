"""The Venues screen's rows, laid out in fixed columns measured in terminal cells.

A row is never wrapped by the list: the columns are sized from what the view holds (full venue
names, the longest countdown and kind name in the current language) and a row is built no wider
than its list. A deadline row that cannot fit its readings on one line continues on the next at
the value column, between readings and never inside one, so a zone such as
`America/Los_Angeles` is never cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from ...domain.deadlines import URGENCY_STYLE, countdown, local_text, own_text, urgency
from ...i18n_words import ESTIMATE, pick
from ...models.venues import Deadline, Venue
from ...textsafe import one_line
from ..widgets.panel import literal

# An OptionList's border (2), padding (2) and its one-cell scrollbar gutter, kept even when no
# scrollbar shows (styles/venues.tcss): the room a row never gets.
LIST_CHROME = 5
NAME_MAX = 24   # a longer name of the user's own is cut; every seeded or tracker name fits
LABEL_MAX = 24
GAP = "  "
NO_DEADLINE = ("无截稿信息", "no deadline known")


def cells(text: str, width: int) -> str:
    """`text` on one line, cut (with …) or padded to exactly `width` terminal cells."""
    text = one_line(text)
    if cell_len(text) > width:
        return set_cell_size(text, max(0, width - 1)) + "…"
    return text + " " * (width - cell_len(text))


@dataclass(frozen=True)
class ListColumns:
    """Widths of the list's columns: ★ name  countdown  kind year  local time."""

    name: int
    countdown: int
    kind: int
    when: int

    @property
    def width(self) -> int:
        return 2 + self.name + len(GAP) + self.countdown + len(GAP) + self.kind + 1 + 4 + len(GAP) + self.when

    def spans(self) -> dict[str, slice]:
        """Where each column is in a row's cells (for reading a row back: tests)."""
        name = 2
        left = name + self.name + len(GAP)
        kind = left + self.countdown + len(GAP)
        when = kind + self.kind + 1 + 4 + len(GAP)
        return {"name": slice(name, name + self.name), "countdown": slice(left, left + self.countdown),
                "kind_year": slice(kind, kind + self.kind + 5), "when": slice(when, None)}


def list_columns(rows: list[tuple[Venue, Deadline | None]], now: datetime, zone: tzinfo, language: str) -> ListColumns:
    names = [cell_len(one_line(venue.name)) for venue, _ in rows] or [4]
    timed = [d for _, d in rows if d is not None]
    countdowns = [cell_len(countdown(d, now, zone, language)) for d in timed] or [0]
    kinds = [cell_len(d.kind.pick(language)) for d in timed] or [0]
    whens = [cell_len(list_when(d, zone)) for d in timed] or [0]
    columns = ListColumns(min(max(names), NAME_MAX), max(countdowns), max(kinds), max(whens))
    # A venue without a deadline says so after its name: the row is at least that wide.
    rest = columns.width - 2 - columns.name - len(GAP)
    missing = cell_len(pick(NO_DEADLINE, language))
    if any(d is None for _, d in rows) and rest < missing:
        columns = ListColumns(columns.name, columns.countdown, columns.kind, columns.when + missing - rest)
    return columns


def list_when(deadline: Deadline, zone: tzinfo) -> str:
    """Local time without the zone (the filters line names it); a date only stays a date."""
    return local_text(deadline, zone, "%m-%d %H:%M", "%m-%d", named=False)


def venue_row(venue: Venue, deadline: Deadline | None, now: datetime, zone: tzinfo, language: str,
              columns: ListColumns) -> Text:
    text = Text("★ " if venue.favourite else "  ", style="yellow", no_wrap=True, overflow="ellipsis")
    text.append(cells(venue.name, columns.name), style="bold")
    text.append(GAP)
    if deadline is None:
        text.append(pick(NO_DEADLINE, language), style="dim")
        return text
    text.append(cells(countdown(deadline, now, zone, language), columns.countdown),
                style=URGENCY_STYLE[urgency(deadline, now, zone)])
    text.append(GAP)
    text.append(cells(deadline.kind.pick(language), columns.kind))
    text.append(f" {deadline.edition_year}{GAP}")
    text.append(list_when(deadline, zone), style="italic dim" if deadline.is_estimate else "")
    return text


def label_width(deadlines: list[Deadline], language: str) -> int:
    return min(LABEL_MAX, max((cell_len(one_line(d.display_name(language))) for d in deadlines), default=8))


def readings(deadline: Deadline, now: datetime, zone: tzinfo, language: str) -> list[Text]:
    """The deadline's values, each whole: local time, own time, countdown (or the estimate's
    date, range and the editions it was estimated from)."""
    if deadline.is_estimate:
        parts = [Text(f"{pick(ESTIMATE, language)} {deadline.on_date}", style="italic dim")]
        low, high = deadline.range_start, deadline.range_end
        if low and high and low != high:
            parts.append(Text(f"{low:%m-%d}…{high:%m-%d}", style="italic dim"))
        years = deadline.based_on
        if years:
            parts.append(Text(f"{years[0]}" + (f"–{years[-1]}" if len(years) > 1 else ""), style="italic dim"))
        return parts
    local, own = local_text(deadline, zone), own_text(deadline)
    if own == local:
        own = ""
    elif own[:5] == local[:5]:
        own = own[5:]  # the same year: "05-06 23:59 AoE"
    parts = [literal(local)]
    if own:
        parts.append(literal(own, "dim"))
    state = urgency(deadline, now, zone)
    if state != "past":
        parts.append(Text(countdown(deadline, now, zone, language), style=URGENCY_STYLE[state]))
    return parts


def deadline_row(deadline: Deadline, now: datetime, zone: tzinfo, language: str, label: int, width: int) -> Text:
    """"✎ Label   value  value  value", continued at the value column when `width` is short."""
    text = Text("✎ " if deadline.user_edited else "  ", style="dim")
    name = one_line(deadline.display_name(language))
    if cell_len(name) > label:  # longer than the column: whole, its values on the next line
        text.append_text(literal(name))
        text.append("\n" + " " * (2 + label))
        return continue_at(text, readings(deadline, now, zone, language), width, 2 + label, first=True)
    text.append_text(literal(cells(name, label)))
    return continue_at(text, readings(deadline, now, zone, language), width, 2 + label)


def continue_at(head: Text, parts: list[Text], width: int, indent: int, *, first: bool = False) -> Text:
    """`head` then `parts` two cells apart; a part that would pass `width` starts a new line at
    `indent` (a part is never split). `first`: `head` already ends at `indent` on a new line."""
    line = indent if first else head.cell_len
    for index, part in enumerate(parts):
        if first and index == 0:
            pass
        elif line + len(GAP) + part.cell_len > width and line > indent:
            head.append("\n" + " " * indent)
            line = indent
        else:
            head.append(GAP)
            line += len(GAP)
        head.append_text(part)
        line += part.cell_len
    return head
