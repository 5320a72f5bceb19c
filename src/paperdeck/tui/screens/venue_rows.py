"""The Venues screen's rows, laid out in fixed columns measured in terminal cells.

A list row: a venue with its next deadline; a past venue with its last edition and, dimmed, the
next deadline it would have on its old rhythm. Every estimate says so: "~" before its countdown
and its date in the list (as in the month grid), "est." in the detail.

A row is never wrapped by the list: the columns are sized from what the view holds (names, the
longest countdown and kind name in the current language) and a row is built no wider than its
list. A name longer than its column is shown in full on a line of its own, its status under it.
A deadline row that cannot fit its readings on one line continues on the next at the value
column, between readings and never inside one, so a zone such as `America/Los_Angeles` is never
cut.
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
from ..widgets.panel import continue_at, literal

# An OptionList's border (2), padding (2) and its one-cell scrollbar gutter, kept even when no
# scrollbar shows (VenuesScreen.DEFAULT_CSS): the room a row never gets.
LIST_CHROME = 5
NAME_MIN = 7
NAME_MAX = 24   # a longer name gets a line of its own, in full
LABEL_MAX = 24
GAP = "  "
NO_DEADLINE = ("无截稿信息", "no deadline known")
PAST = ("已过", "past")
LAST = ("上届", "last")


def cells(text: str, width: int) -> str:
    """`text` on one line, cut (with …) or padded to exactly `width` terminal cells."""
    text = one_line(text)
    if cell_len(text) > width:
        return set_cell_size(text, max(0, width - 1)) + "…"
    return text + " " * (width - cell_len(text))


@dataclass(frozen=True)
class ListedVenue:
    """A venue as the list shows it: its next deadline, or (past) its last and the one it
    would have if it still runs; followed: through a paper of the user's."""

    venue: Venue
    next_one: Deadline | None = None
    last: Deadline | None = None
    if_running: Deadline | None = None
    followed: bool = False


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


def status_words(line: ListedVenue, now: datetime, zone: tzinfo, language: str) -> tuple[str, str, str] | None:
    """(countdown, kind, local time) after the name; None when nothing is known."""
    if line.next_one is not None:
        deadline = line.next_one
        when = list_when(deadline, zone)
        return (countdown(deadline, now, zone, language), deadline.kind.pick(language),
                f"~{when}" if deadline.is_estimate else when)
    if line.last is not None:
        guess = f"~{line.if_running.on_date}" if line.if_running is not None else ""
        return pick(PAST, language), pick(LAST, language), guess
    return None


def list_columns(rows: list[ListedVenue], now: datetime, zone: tzinfo, language: str,
                 room: int | None = None) -> ListColumns:
    """The columns for `rows`; `room`: the list's widest row (the screen less the list's chrome)."""
    statuses = [words for line in rows if (words := status_words(line, now, zone, language)) is not None]
    countdowns = [cell_len(words[0]) for words in statuses] or [0]
    kinds = [cell_len(words[1]) for words in statuses] or [0]
    whens = [cell_len(words[2]) for words in statuses] or [0]
    columns = ListColumns(0, max(countdowns), max(kinds), max(whens))
    # A venue without a deadline says so after its name: the row is at least that wide.
    rest = columns.width - 2 - len(GAP)
    missing = cell_len(pick(NO_DEADLINE, language))
    if any(status_words(line, now, zone, language) is None for line in rows) and rest < missing:
        columns = ListColumns(0, columns.countdown, columns.kind, columns.when + missing - rest)
    # The name column: the longest name that fits it (and the row); a longer one has its own line.
    most = NAME_MAX if room is None else max(NAME_MIN, min(NAME_MAX, room - columns.width))
    fitting = (n for line in rows if (n := cell_len(one_line(line.venue.name))) <= most)
    return ListColumns(max(NAME_MIN, max(fitting, default=0)), columns.countdown, columns.kind, columns.when)


def list_when(deadline: Deadline, zone: tzinfo) -> str:
    """Local time without the zone (the filters line names it); a date only stays a date."""
    return local_text(deadline, zone, "%m-%d %H:%M", "%m-%d", named=False)


def venue_row(line: ListedVenue, now: datetime, zone: tzinfo, language: str, columns: ListColumns) -> Text:
    """★ starred (▸ followed through a paper), the name, then its status in the columns."""
    venue = line.venue
    text = Text("★ " if venue.favourite else "▸ " if line.followed else "  ", style="yellow",
                no_wrap=True, overflow="ellipsis")
    name = one_line(venue.name)
    if cell_len(name) <= columns.name:
        text.append(cells(name, columns.name), style="bold")
    else:  # in full on its own line; the status under it, in its columns
        text.append(name, style="bold")
        text.append("\n" + " " * (2 + columns.name))
    text.append(GAP)
    words = status_words(line, now, zone, language)
    if words is None:
        text.append(pick(NO_DEADLINE, language), style="dim")
        return text
    left, kind, when = words
    if line.next_one is not None:
        deadline = line.next_one
        text.append(cells(left, columns.countdown), style=URGENCY_STYLE[urgency(deadline, now, zone)])
        text.append(GAP)
        text.append(cells(kind, columns.kind))
        text.append(f" {deadline.edition_year}{GAP}")
        text.append(when, style="italic dim" if deadline.is_estimate else "")
        return text
    assert line.last is not None  # status_words: past
    text.append(cells(left, columns.countdown), style=URGENCY_STYLE["past"])
    text.append(GAP)
    text.append(cells(kind, columns.kind) + f" {line.last.edition_year}", style="dim")
    if when:
        text.append(GAP + when, style="italic dim")
    return text


def past_note(last: Deadline, if_running: Deadline | None, zone: tzinfo, language: str) -> str:
    """The detail's line for a past venue: its last deadline, and the next on its old rhythm."""
    when = local_text(last, zone)
    kind = last.kind.pick(language)
    text = pick((f"最后一届 {last.edition_year}（{kind} {when}）", f"last edition {last.edition_year} ({kind} {when})"),
                language)
    if if_running is None:
        return text + pick(("；无法估计下一届", "; no estimate for a next one"), language)
    years = if_running.based_on
    basis = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
    year, kind = if_running.edition_year, if_running.kind.pick(language)
    return text + pick((f"；若仍举办，{year} 届{kind}估计 {if_running.on_date}（依据 {basis}）",
                        f"; if it still runs, {year} {kind} est. {if_running.on_date} (from {basis})"), language)


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
