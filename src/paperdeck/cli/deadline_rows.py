"""Deadline rows for the CLI: plain text (cell-width aligned) and JSON. Imports no Textual."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from ..models.common import to_iso
from ..textsafe import one_line

if TYPE_CHECKING:
    from ..models.venues import Deadline


def json_row(deadline: "Deadline", now: datetime, zone: tzinfo) -> dict[str, Any]:
    """One deadline as JSON: when it is (UTC, or its date), its own and local day, and the
    countdown and urgency every screen shows (domain.deadlines)."""
    from ..domain.deadlines import countdown, local_day, own_day, urgency

    when = to_iso(deadline.at) if deadline.at is not None else deadline.on_date.isoformat()  # type: ignore[union-attr]
    return {
        "venue": deadline.venue_key,
        "venue_name": deadline.venue_name,
        "edition_year": deadline.edition_year,
        "kind": deadline.kind.value,
        "label": deadline.label,
        "when": when,
        "date_only": deadline.at is None,
        "timezone": deadline.tz_label,
        "is_estimate": deadline.is_estimate,
        "estimate_range": (
            [deadline.range_start.isoformat(), deadline.range_end.isoformat()]
            if deadline.is_estimate and deadline.range_start and deadline.range_end else None
        ),
        "estimated_from": list(deadline.based_on) if deadline.is_estimate else None,
        "own_day": own_day(deadline).isoformat(),
        "local_day": local_day(deadline, zone).isoformat(),
        "countdown": countdown(deadline, now, zone),
        "urgency": urgency(deadline, now, zone).value,
        "uid": deadline.uid,
        "source": deadline.source,
    }


def invalid_row(deadline: "Deadline") -> dict[str, Any]:
    """A stored row no reader can use, as JSON: what it is, why, and how to remove it."""
    return {"id": deadline.id, "venue": deadline.venue_key, "venue_name": deadline.venue_name,
            "edition_year": deadline.edition_year, "kind": deadline.kind.value, "uid": deadline.uid,
            "invalid": deadline.invalid}


def pad(text: str, width: int) -> str:
    """`text` cut or padded to `width` terminal cells (CJK and emoji count double)."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return text + " " * (width - cell_len(text))


def text_rows(deadlines: list["Deadline"], now: datetime, zone: tzinfo) -> list[str]:
    """A table whose columns are as wide as their longest value: a kind such as "Conference
    starts" or a tracker's "Abstract submission deadline" is never cut."""
    from rich.cells import cell_len

    from ..domain.deadlines import countdown, local_text, own_text
    from ..domain.estimates import describe
    from ..domain.timezones import zone_name

    header = ("LEFT", "VENUE", "KIND", "LOCAL (" + zone_name(zone, now) + ")", "OWN TIMEZONE")
    rows = [header]
    for deadline in deadlines:
        local, own = local_text(deadline, zone), own_text(deadline)
        if deadline.is_estimate:
            local = f"est. {deadline.on_date}"
            own = describe(deadline).removeprefix(local).strip(" ()") + f" ({deadline.tz_label}, not announced)"
        venue = one_line(f"{deadline.venue_name or deadline.venue_key} {deadline.edition_year}")
        kind = one_line(deadline.label or deadline.kind.label)
        rows.append((countdown(deadline, now, zone), venue, kind, local, own))
    widths = [max(cell_len(row[column]) for row in rows) for column in range(4)]
    return ["  ".join(pad(row[column], widths[column]) for column in range(4)) + "  " + row[4] for row in rows]
