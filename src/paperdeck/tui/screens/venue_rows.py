"""The Venues screen's rows, as text: a venue in the list (its next deadline; its last edition
and the next deadline it would have when it is past), and a deadline in the detail. Every
estimate says so: "~" before its countdown and its date in the list (as in the month grid),
"est." in the detail."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, tzinfo

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from ...domain.deadlines import URGENCY_STYLE, countdown, local_text, own_text, urgency
from ...models.venues import Deadline, Venue
from ...textsafe import one_line

# After the name (its column ends in a space): countdown, kind and edition, local date.
COUNTDOWN_CELLS, KIND_CELLS, LAST_CELLS, WHEN_CELLS = 10, 14, 10, 11
STATUS_CELLS = COUNTDOWN_CELLS + KIND_CELLS + WHEN_CELLS
NAME_MIN_CELLS = 7


def compact_estimate(deadline: Deadline) -> str:
    """"est. 2027-01-28  01-26…02-01  2023–2026": the date, its range and the editions used."""
    text = f"est. {deadline.on_date}"
    low, high = deadline.range_start, deadline.range_end
    if low and high and low != high:
        text += f"  {low:%m-%d}…{high:%m-%d}"
    years = deadline.based_on
    if years:
        text += f"  {years[0]}" + (f"–{years[-1]}" if len(years) > 1 else "")
    return text


def cells(text: str, width: int) -> str:
    """`text` cut or padded to exactly `width` terminal cells."""
    text = one_line(text)
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return text + " " * (width - cell_len(text))


def name_cells(names: Iterable[str], width: int) -> int:
    """The name column: as wide as the longest name listed that the row leaves room for
    (`width`: the list's inner width); a longer name gets a line of its own, in full."""
    room = width - 2 - 1 - STATUS_CELLS
    fitting = (cell_len(one_line(name)) for name in names)
    return max(NAME_MIN_CELLS, max((n for n in fitting if n <= room), default=0))


def _pick(language: str, zh: str, en: str) -> str:
    return zh if language == "zh" else en


def venue_row(venue: Venue, *, next_one: Deadline | None, last: Deadline | None, if_running: Deadline | None,
              followed: bool, now: datetime, zone: tzinfo, language: str, name_width: int) -> Text:
    """★ starred (▸ followed through a paper), the name in full, then the venue's next deadline;
    for a past venue its last one and, dimmed, the next it would have on its old rhythm."""
    text = Text()
    text.append("★ " if venue.favourite else "▸ " if followed else "  ", style="yellow")
    name = one_line(venue.name)
    if cell_len(name) <= name_width:
        text.append(cells(name, name_width) + " ", style="bold")
    else:  # in full on its own line (wrapped if need be); the status under it
        text.append(name, style="bold")
        text.append("\n" + " " * (2 + name_width + 1))
    if next_one is not None:
        left = countdown(next_one, now, zone, language)  # as every other screen says it
        text.append(cells(left, COUNTDOWN_CELLS), style=URGENCY_STYLE[urgency(next_one, now, zone)])
        text.append(cells(f"{next_one.kind.pick(language)} {next_one.edition_year}", KIND_CELLS))
        # Local time (the filters line names the zone); a date only stays a date.
        when = local_text(next_one, zone, "%m-%d %H:%M", "%m-%d", named=False)
        if next_one.is_estimate:
            text.append(f"~{when}", style="italic dim")
        else:
            text.append(when)
        return text
    if last is None:
        text.append(_pick(language, "无截稿信息", "no deadline known"), style="dim")
        return text
    # Past: its last edition, then (an estimate) the next deadline on its old rhythm.
    text.append(cells(_pick(language, "已过", "past"), COUNTDOWN_CELLS), style=URGENCY_STYLE["past"])
    text.append(cells(_pick(language, f"上届 {last.edition_year}", f"last {last.edition_year}"), LAST_CELLS),
                style="dim")
    if if_running is not None:
        text.append(f"~{if_running.on_date}", style="italic dim")
    return text


def past_note(last: Deadline, if_running: Deadline | None, zone: tzinfo, language: str) -> str:
    """The detail's line for a past venue: its last deadline, and the next on its old rhythm."""
    when = local_text(last, zone)
    text = _pick(language, f"最后一届 {last.edition_year}（{last.kind.pick(language)} {when}）",
                 f"last edition {last.edition_year} ({last.kind.pick(language)} {when})")
    if if_running is None:
        return text + _pick(language, "；无法估计下一届", "; no estimate for a next one")
    years = if_running.based_on
    basis = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
    return text + _pick(
        language,
        f"；若仍举办，{if_running.edition_year} 届{if_running.kind.pick(language)}估计 {if_running.on_date}（依据 {basis}）",
        f"; if it still runs, {if_running.edition_year} {if_running.kind.pick(language)} est. {if_running.on_date}"
        f" (from {basis})")


def deadline_row(deadline: Deadline, now: datetime, zone: tzinfo, language: str) -> Text:
    """A deadline in the detail: its local time, its own zone's, and its countdown; an estimate
    its date, range and the editions it comes from."""
    text = Text("✎ " if deadline.user_edited else "  ", style="dim")
    text.append(cells(deadline.label or deadline.kind.pick(language), 19), style="")
    if deadline.is_estimate:
        text.append(compact_estimate(deadline), style="italic dim")
        return text
    local, own = local_text(deadline, zone), own_text(deadline)
    if own == local:
        own = ""
    elif own[:5] == local[:5]:
        own = own[5:]  # the same year: "05-06 23:59 AoE"
    text.append(cells(local, 21))
    text.append(cells(own, 16), style="dim")
    state = urgency(deadline, now, zone)
    text.append(countdown(deadline, now, zone, language) if state != "past" else "", style=URGENCY_STYLE[state])
    return text
