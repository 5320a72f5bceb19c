"""Venues and deadlines: CRUD, favourites, the next deadline and the upcoming ones.

Estimates are never stored: they are computed from the stored past editions each time, so an
announced date replaces its estimate the moment it is saved or imported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..models.common import from_iso, to_iso, utcnow
from ..models.venues import Deadline, DeadlineKind, Venue, deadline_uid
from . import undo, versions
from .errors import NotFound, ValidationError
from .tables import DEADLINES, VENUES

if TYPE_CHECKING:
    import sqlite3

    from .store import Store

SCOPE = "venues"  # the undo journal of venues and deadlines (imports' too: store/venue_import.py)
KIND_ORDER = {kind: position for position, kind in enumerate(DeadlineKind)}
VENUE_FIELDS = (
    "name", "full_name", "field_zh", "field_en", "paper_types_zh", "paper_types_en",
    "guide_note_zh", "guide_note_en", "url", "rhythm_zh", "rhythm_en",
)
MAX_TEXT = 2000
_DEADLINE_SELECT = (
    "SELECT d.*, v.key AS venue_key, v.name AS venue_name FROM deadlines d "
    "JOIN venues v ON v.id = d.venue_id"
)


def deadline_from_row(row: "sqlite3.Row | dict[str, Any]") -> Deadline:
    """A stored deadline. A row no reader can use (a date out of 1970-2100, text that is no
    date) comes back `invalid`, with why, for the lists to show and offer to delete; it never
    raises."""
    invalid = _unreadable(row)
    if not invalid:
        return DEADLINES.from_row(row)
    values = dict(row)
    values.update(at_utc=None, on_date="2000-01-01")  # a placeholder no list shows: the row is invalid
    deadline = DEADLINES.from_row(values)
    deadline.invalid = invalid
    return deadline


def _unreadable(row: "sqlite3.Row | dict[str, Any]") -> str:
    """Why a stored deadline cannot be read, or ""."""
    from ..models.bounds import OutOfBounds, check_day, check_year

    try:
        check_year(int(row["edition_year"]), "edition year")
        at = from_iso(row["at_utc"])
        on_date = date.fromisoformat(row["on_date"]) if row["on_date"] else None
        for value in (at, on_date):
            if value is not None:
                check_day(value)
        if (at is None) == (on_date is None):
            return "neither a time nor a date"
    except (OutOfBounds, ValueError, TypeError) as error:
        return str(error) or "unreadable"
    return ""


def slug(name: str) -> str:
    """A venue key from its name: lower case ASCII letters, digits and dashes ("" if none)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60]


class VenueRepo:
    def __init__(self, store: "Store"):
        self.store = store

    # -- venues -----------------------------------------------------------------------------

    def all(self) -> list[Venue]:
        return VENUES.from_rows(self.store.rows("SELECT * FROM venues ORDER BY id"))

    def get(self, key: str) -> Venue:
        found = self.find(key)
        if found is None:
            raise NotFound(f"no venue {key!r}")
        return found

    def find(self, name: str) -> Venue | None:
        """A venue by key, name or alias (any case), or None."""
        text = (name or "").strip()
        if not text:
            return None
        row = self.store.row(
            "SELECT * FROM venues WHERE key = ? COLLATE NOCASE OR name = ? COLLATE NOCASE OR key = ? "
            "ORDER BY key = ? COLLATE NOCASE DESC, name = ? COLLATE NOCASE DESC LIMIT 1",
            (text, text, slug(text), text, text),
        )
        if row is not None:
            return VENUES.from_row(row)
        lowered = text.lower()
        for venue in map(VENUES.from_row, self.store.rows("SELECT * FROM venues WHERE aliases != '[]'")):
            if lowered in (alias.lower() for alias in venue.aliases):
                return venue
        return None

    def add(self, name: str, *, key: str | None = None, **fields: str) -> Venue:
        name = _clean(name, "name")
        key = slug(key or name) or "venue-" + _random_hex()[:8]
        if self.store.scalar("SELECT 1 FROM venues WHERE key = ?", (key,)) or self.find(name):
            raise ValidationError(f"a venue named {name!r} already exists", field="name")
        values = {column: _clean(str(fields.get(column, "")), column, required=False)
                  for column in VENUE_FIELDS if column != "name"}
        with self.store.transaction() as conn:
            conn.execute(
                f"INSERT INTO venues (key, name, {', '.join(values)}, user_edited, updated_at) "
                f"VALUES (?, ?, {', '.join('?' for _ in values)}, 1, ?)",
                (key, name, *values.values(), to_iso(utcnow())),
            )
        return self.get(key)

    def update(self, key: str, expected_version: int | None = None, **fields: str) -> Venue:
        """Save edited fields; ConflictError if the venue changed since `expected_version`."""
        venue = self.get(key)
        unknown = set(fields) - set(VENUE_FIELDS)
        if unknown:
            raise ValidationError(f"unknown venue field(s): {', '.join(sorted(unknown))}")
        values = {column: _clean(str(value), column, required=column == "name") for column, value in fields.items()}
        if "name" in values:
            other = self.find(values["name"])
            if other is not None and other.id != venue.id:
                raise ValidationError(f"a venue named {values['name']!r} already exists", field="name")
        if not values:
            return venue
        assignments = ", ".join(f"{column} = ?" for column in values)
        with self.store.transaction() as conn:
            versions.require(conn, "venues", venue.id, expected_version, f"venue {venue.name!r}")
            conn.execute(
                f"UPDATE venues SET {assignments}, user_edited = 1, version = version + 1, updated_at = ? WHERE id = ?",
                (*values.values(), to_iso(utcnow()), venue.id),
            )
        return self.get(venue.key)

    def delete(self, key: str) -> None:
        """Delete a venue with its deadlines (papers keep their target's name): one undo entry of
        the Venues journal."""
        venue = self.get(key)
        with self.store.transaction() as conn:
            undo.journal_delete(conn, SCOPE, f"delete venue {venue.name!r}", "venues", [venue.id])

    def set_hidden(self, key: str, hidden: bool) -> Venue:
        """Hide the venue from every list (its deadlines too), or show it again; undoable."""
        venue = self.get(key)
        if venue.hidden == hidden:
            return venue
        with self.store.transaction() as conn:
            journal = undo.RowJournal(conn, SCOPE, f"{'hide' if hidden else 'show'} venue {venue.name}", ["venues"])
            journal.changing("venues", venue.id)
            conn.execute("UPDATE venues SET hidden = ?, version = version + 1, updated_at = ? WHERE id = ?",
                         (int(hidden), to_iso(utcnow()), venue.id))
            journal.record()
        return self.get(venue.key)

    def undo(self, *, redo: bool = False) -> str | None:
        """Undo (or redo) the latest change to venues: a hide, a delete, an import. Its label,
        or None; ConflictError when the rows were changed since."""
        with self.store.transaction() as conn:
            return undo.step(conn, SCOPE, None, redo=redo)

    def hidden_keys(self) -> set[str]:
        return {row["key"] for row in self.store.rows("SELECT key FROM venues WHERE hidden = 1")}

    def set_favourite(self, key: str, favourite: bool) -> Venue:
        venue = self.get(key)
        with self.store.transaction() as conn:
            conn.execute("UPDATE venues SET favourite = ? WHERE id = ?", (int(favourite), venue.id))
        return self.get(venue.key)

    def toggle_favourite(self, key: str) -> Venue:
        return self.set_favourite(key, not self.get(key).favourite)

    def favourites(self) -> list[Venue]:
        return [venue for venue in self.all() if venue.favourite]

    # -- deadlines --------------------------------------------------------------------------

    def deadlines(self, venue_key: str | None = None, edition_year: int | None = None) -> list[Deadline]:
        """Stored deadlines (no estimates), in time order."""
        sql, params = _DEADLINE_SELECT, []
        clauses = []
        if venue_key is not None:
            clauses.append("v.id = ?")
            params.append(self.get(venue_key).id)
        if edition_year is not None:
            clauses.append("d.edition_year = ?")
            params.append(edition_year)
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        from ..domain.deadlines import opens_at

        # The readable rows in one batch (`from_rows`); an unreadable one is left out here.
        found = DEADLINES.from_rows([row for row in self.store.rows(sql, params) if not _unreadable(row)])
        found.sort(key=lambda d: (opens_at(d), d.edition_year, KIND_ORDER[d.kind], d.uid))
        return found

    def invalid_deadlines(self, venue_key: str | None = None) -> list[Deadline]:
        """Stored rows no list can show (a date out of 1970-2100...), each with why: to delete."""
        sql, params = _DEADLINE_SELECT, []
        if venue_key is not None:
            sql += " WHERE v.id = ?"
            params.append(self.get(venue_key).id)
        return [d for d in map(deadline_from_row, self.store.rows(sql + " ORDER BY d.id", params)) if d.invalid]

    def get_deadline(self, deadline_id: int) -> Deadline:
        row = self.store.row(_DEADLINE_SELECT + " WHERE d.id = ?", (deadline_id,))
        if row is None:
            raise NotFound(f"no deadline #{deadline_id}")
        return deadline_from_row(row)

    def add_deadline(
        self, venue_key: str, edition_year: int, kind: DeadlineKind | str, *,
        at: datetime | None = None, on_date: date | None = None, tz_label: str = "AoE",
        label: str = "", note: str = "", source: str = "user",
    ) -> Deadline:
        """A deadline the user typed (so it is marked edited: imports will not overwrite it)."""
        venue = self.get(venue_key)
        kind = DeadlineKind(kind) if not isinstance(kind, DeadlineKind) else kind
        values = _deadline_values(edition_year, kind, at, on_date, tz_label, label, note)
        with self.store.transaction() as conn:
            uid = self._free_uid(conn, venue.key, edition_year, kind)
            cursor = conn.execute(
                "INSERT INTO deadlines (venue_id, edition_year, kind, label, at_utc, on_date, tz_label, "
                "note, source, uid, user_edited, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
                (venue.id, *values, _clean(source, "source", required=False), uid, to_iso(utcnow())),
            )
        return self.get_deadline(cursor.lastrowid)

    def update_deadline(self, deadline_id: int, expected_version: int | None = None, **fields: Any) -> Deadline:
        """Change a deadline; it becomes the user's (imports keep it unless forced).
        ConflictError if it changed since `expected_version`."""
        current = self.get_deadline(deadline_id)
        merged = {
            "edition_year": current.edition_year, "kind": current.kind, "at": current.at,
            "on_date": current.on_date, "tz_label": current.tz_label, "label": current.label,
            "note": current.note,
        }
        unknown = set(fields) - set(merged)
        if unknown:
            raise ValidationError(f"unknown deadline field(s): {', '.join(sorted(unknown))}")
        merged.update(fields)
        if "at" in fields and fields["at"] is not None and "on_date" not in fields:
            merged["on_date"] = None
        if "on_date" in fields and fields["on_date"] is not None and "at" not in fields:
            merged["at"] = None
        kind = merged["kind"] if isinstance(merged["kind"], DeadlineKind) else DeadlineKind(merged["kind"])
        values = _deadline_values(merged["edition_year"], kind, merged["at"], merged["on_date"],
                                  merged["tz_label"], merged["label"], merged["note"])
        with self.store.transaction() as conn:
            versions.require(conn, "deadlines", deadline_id, expected_version, f"deadline #{deadline_id}")
            conn.execute(
                "UPDATE deadlines SET edition_year = ?, kind = ?, label = ?, at_utc = ?, on_date = ?, "
                "tz_label = ?, note = ?, user_edited = 1, version = version + 1, updated_at = ? WHERE id = ?",
                (*values, to_iso(utcnow()), deadline_id),
            )
        return self.get_deadline(deadline_id)

    def delete_deadline(self, deadline_id: int) -> None:
        """Delete one deadline: one undo entry of the Venues journal."""
        deadline = self.get_deadline(deadline_id)
        label = f"delete the {deadline.venue_name} {deadline.edition_year} {deadline.label or deadline.kind.value} deadline"
        with self.store.transaction() as conn:
            undo.journal_delete(conn, SCOPE, label, "deadlines", [deadline_id])

    @staticmethod
    def _free_uid(conn: "sqlite3.Connection", venue_key: str, year: int, kind: DeadlineKind) -> str:
        for ordinal in range(1, 100):
            uid = deadline_uid(venue_key, year, kind, ordinal)
            if conn.execute("SELECT 1 FROM deadlines WHERE uid = ?", (uid,)).fetchone() is None:
                return uid
        return f"{venue_key}-{year}-{kind.value}-{_random_hex()}@paperdeck"

    # -- what is coming ---------------------------------------------------------------------

    def edition_years(self) -> dict[str, list[int]]:
        """Every venue's stored editions (years), newest first, by venue key."""
        years: dict[str, list[int]] = {}
        rows = self.store.rows("SELECT DISTINCT v.key, d.edition_year FROM deadlines d JOIN venues v ON v.id = d.venue_id "
                               "ORDER BY v.key, d.edition_year DESC")
        for row in rows:
            years.setdefault(row[0], []).append(row[1])
        return years

    def estimates(self, now: datetime, venue_keys: Iterable[str] | None = None,
                  stored: list[Deadline] | None = None) -> list[Deadline]:
        """Estimated deadlines of each venue's next unannounced edition (is_estimate=True).
        `stored`: `deadlines()` when the caller has just read them."""
        from ..domain.estimates import estimate_next_edition

        if stored is None:
            stored = self.deadlines()
        wanted = {key.lower() for key in venue_keys} if venue_keys is not None else None
        by_venue: dict[str, list[Deadline]] = {}
        for deadline in stored:
            by_venue.setdefault(deadline.venue_key, []).append(deadline)
        found: list[Deadline] = []
        for key, deadlines in by_venue.items():
            if wanted is not None and key.lower() not in wanted:
                continue
            found.extend(estimate_next_edition(deadlines, now))
        return found

    def next_deadline(self, venue_key: str, now: datetime) -> Deadline | None:
        """The venue's next open abstract or paper deadline: an announced one, or else an
        estimate (is_estimate=True). None for an unknown venue or one with no history."""
        venue = self.find(venue_key)
        if venue is None:
            return None
        from ..domain.targets import next_submission

        return next_submission(self.deadlines(venue.key), now) or next_submission(self.estimates(now, [venue.key]), now)

    def next_deadlines(self, now: datetime) -> dict[str, Deadline]:
        """`next_deadline` for every venue at once (venue key -> deadline), in one pass."""
        from ..domain.targets import next_submission

        by_venue: dict[str, list[Deadline]] = {}
        stored = self.deadlines()
        for deadline in [*stored, *self.estimates(now, stored=stored)]:
            by_venue.setdefault(deadline.venue_key, []).append(deadline)
        found = {key: next_submission(deadlines, now) for key, deadlines in by_venue.items()}
        return {key: deadline for key, deadline in found.items() if deadline is not None}

    def upcoming(self, now: datetime, days: int | None = None, venue_keys: Iterable[str] | None = None, *,
                 stored: list[Deadline] | None = None, estimated: list[Deadline] | None = None) -> list[Deadline]:
        """Deadlines still open at `now` (starting within `days` if given), announced and
        estimated, in time order. A date-only deadline stays open through its day. Hidden
        venues' deadlines are left out unless `venue_keys` names them. `stored` and
        `estimated`: `deadlines()` and `estimates(now, stored=...)` when the caller has them."""
        from ..domain.deadlines import is_open, opens_at

        keys = [key.lower() for key in venue_keys] if venue_keys is not None else None
        hidden = self.hidden_keys() if keys is None else set()
        end = now + timedelta(days=days) if days is not None else None
        found = []
        if stored is None:
            stored = self.deadlines()
        if estimated is None:
            estimated = self.estimates(now, keys, stored)
        for deadline in [*stored, *estimated]:
            if (keys is not None and deadline.venue_key.lower() not in keys) or deadline.venue_key in hidden:
                continue
            if not is_open(deadline, now) or (end is not None and opens_at(deadline) > end):
                continue
            found.append(deadline)
        found.sort(key=lambda d: (opens_at(d), d.venue_key, KIND_ORDER[d.kind]))
        return found

    def editions(self, venue_key: str, now: datetime | None = None) -> dict[int, list[Deadline]]:
        """Every edition of a venue, newest first, with its deadlines (estimates included)."""
        from ..domain.deadlines import by_edition

        deadlines = self.deadlines(venue_key)
        if now is not None:
            deadlines += self.estimates(now, [self.get(venue_key).key])
        return by_edition(deadlines)


def _clean(value: str, field: str, *, required: bool = True) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(f"{field} must not be empty", field=field)
    if len(text) > MAX_TEXT:
        raise ValidationError(f"{field} is too long ({len(text)} characters; at most {MAX_TEXT})", field=field)
    return text


def _deadline_values(
    edition_year: Any, kind: DeadlineKind, at: datetime | None, on_date: date | None,
    tz_label: str, label: str, note: str,
) -> tuple[Any, ...]:
    from ..domain.timezones import UnknownTimezone, resolve

    from ..models.bounds import OutOfBounds, check_day, check_year

    try:
        year = int(edition_year)
    except (TypeError, ValueError) as error:
        raise ValidationError(f"edition year must be a number, not {edition_year!r}", field="edition_year") from error
    if (at is None) == (on_date is None):
        raise ValidationError("give either a time or a date, not both or neither", field="at")
    if at is not None and at.tzinfo is None:
        raise ValidationError("a deadline time needs its timezone", field="at")
    try:
        check_year(year, "edition year")
        check_day(at if at is not None else on_date)  # type: ignore[arg-type]
    except OutOfBounds as error:
        raise ValidationError(str(error), field="edition_year" if "edition" in str(error) else "at") from error
    tz_text = (tz_label or "").strip() or "AoE"
    try:
        resolve(tz_text)
    except UnknownTimezone as error:
        raise ValidationError(str(error), field="tz_label") from error
    return (
        year, kind.value, _clean(label, "label", required=False),
        to_iso(at) if at is not None else None,
        on_date.isoformat() if on_date is not None else None,
        tz_text, _clean(note, "note", required=False),
    )


def _random_hex() -> str:
    """A random uuid4 as hex. uuid is imported here, not at start-up: it imports `platform`."""
    import uuid

    return uuid.uuid4().hex
