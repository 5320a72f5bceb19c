"""Tracker files (ccfddl, Hugging Face ai-deadlines, paperswithcode) -> venues and deadlines.

A deadline is known by its uid (venue, edition, kind, ordinal). Against the database it is
added, unchanged (the same moment), updated (another moment), or kept (the user edited it;
`force` overwrites). Files are planned in order, as if imported one after another: a later
file's other moment for the same deadline is an update of the earlier one.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ...domain.trackers import ParseResult, parse_text, same_moment
from ...models.common import from_iso, to_iso
from ...models.imports import Action, FieldChange, FileRead, ImportPlan, PlanItem, Source
from ...models.venues import Deadline, ParsedDeadline, deadline_uid
from .files import file_names

if TYPE_CHECKING:
    from ...store import Store
    from . import ImportOptions
    from .files import InputText

Parsed = list[tuple["InputText", ParseResult]]
# The fields a file can change, as (plan value, Deadline attribute) names.
COMPARED = (("at_utc", "at"), ("on_date", "on_date"), ("tz_label", "tz_label"), ("label", "label"), ("note", "note"))


def parse(inputs: list["InputText"], options: "ImportOptions") -> Parsed:
    return [(given, parse_text(given.text, given.name)) for given in inputs]


def plan(store: "Store", parsed: Parsed, options: "ImportOptions") -> ImportPlan:
    from ...store.venue_import import stored_deadlines

    result = ImportPlan("deadlines")
    venues = _Venues(store, result)
    # Each uid's row as the import leaves it so far: files apply in order, as separate imports would.
    state = {uid: _row_state(row) for uid, row in stored_deadlines(store).items()}
    for given, read in parsed:
        result.files.append(FileRead(given.name, read.format, read.entries, given.encoding))
        result.problems.extend(read.problems)
        for deadline in read.deadlines:
            venue_key = venues.key_for(deadline.venue_name, read.full_names.get(deadline.venue_name, ""), given.name)
            result.items.append(_item(deadline, venue_key, given.name, state, options.force))
    return result


def _row_state(row: Deadline) -> dict[str, object]:
    return {"at_utc": to_iso(row.at) if row.at else None, "on_date": row.on_date.isoformat() if row.on_date else None,
            "tz_label": row.tz_label, "label": row.label, "note": row.note,
            "user_edited": row.user_edited, "id": row.id}


def _values(deadline: ParsedDeadline, venue_key: str) -> dict[str, object]:
    return {
        "venue_key": venue_key, "uid": deadline_uid(venue_key, deadline.edition_year, deadline.kind, deadline.ordinal),
        "edition_year": deadline.edition_year, "kind": deadline.kind.value, "label": deadline.label[:2000],
        "at_utc": to_iso(deadline.at) if deadline.at is not None else None,
        "on_date": deadline.on_date.isoformat() if deadline.on_date is not None else None,
        "tz_label": deadline.tz_label[:100], "note": deadline.note[:2000], "source": deadline.source[:200],
    }


def _item(deadline: ParsedDeadline, venue_key: str, file: str, state: dict[str, dict[str, object]],
          force: bool) -> PlanItem:
    values = _values(deadline, venue_key)
    uid = str(values["uid"])
    subject = f"{deadline.venue_name} {deadline.edition_year}: {deadline.label or deadline.kind.label}"
    source = Source(file, deadline.entry)
    row = state.get(uid)
    if row is None:
        state[uid] = {**values, "user_edited": False, "id": None}
        return PlanItem(Action.ADD, "deadline", subject, source, values=values)
    target = row["id"] if isinstance(row["id"], int) else None
    changes = _changes(row, values)
    if not _moves(changes):
        return PlanItem(Action.UNCHANGED, "deadline", subject, source, values=values, target_id=target)
    if row["user_edited"] and not force:
        return PlanItem(Action.KEEP, "deadline", subject, source, values=values, changes=changes, target_id=target,
                        why="you edited it; --force overwrites")
    state[uid] = {**values, "user_edited": False, "id": row["id"]}
    return PlanItem(Action.UPDATE, "deadline", subject, source, values=values, changes=changes, target_id=target)


def _changes(old: dict[str, object], new: dict[str, object]) -> tuple[FieldChange, ...]:
    return tuple(FieldChange(name, old.get(name), new.get(name)) for name, _ in COMPARED if old.get(name) != new.get(name))


def _moves(changes: tuple[FieldChange, ...]) -> bool:
    """True when the deadline's moment changes (another wording of the same moment does not)."""
    def moment(side: str) -> tuple:
        values = {c.field: getattr(c, side) for c in changes}
        return values.get("at_utc"), values.get("on_date")

    if not any(c.field in ("at_utc", "on_date") for c in changes):
        return False
    old_at, old_on = moment("old")
    new_at, new_on = moment("new")
    return not same_moment(from_iso(old_at), _date(old_on), from_iso(new_at), _date(new_on))


def _date(text: object) -> date | None:
    return date.fromisoformat(str(text)) if text else None


class _Venues:
    """A tracker's venue name -> a venue key: an existing venue (key, name or alias), or a new
    one planned once per import (so "ECML/PKDD" and "ECML-PKDD" are one venue)."""

    def __init__(self, store: "Store", plan: ImportPlan):
        self.store, self.plan = store, plan
        self.resolved: dict[str, str] = {}
        self.new_by_slug: dict[str, str] = {}

    def key_for(self, name: str, full_name: str, file: str) -> str:
        from ...store.venue_import import free_venue_key
        from ...store.venues import slug

        folded = name.casefold()
        if folded in self.resolved:
            return self.resolved[folded]
        found = self.store.venues.find(name)
        wanted = slug(name) or "venue"
        if found is not None:
            key = found.key
        elif wanted in self.new_by_slug:
            key = self.new_by_slug[wanted]
        else:
            key = free_venue_key(self.store, wanted, self.new_by_slug.values())
            self.new_by_slug[wanted] = key
            self.plan.items.append(PlanItem(Action.ADD, "venue", f"{name} (new venue)", Source(file, name),
                                            values={"key": key, "name": name, "full_name": full_name}))
        self.resolved[folded] = key
        return key


def label(plan: ImportPlan) -> str:
    return f"deadlines from {file_names(plan)}"


def apply(store: "Store", plan: ImportPlan) -> None:
    from ...store.venue_import import apply_deadline_plan

    apply_deadline_plan(store, plan.items, plan.undo_label)


def summary(plan: ImportPlan, file: str | None = None, language: str = "en") -> str:
    def n(action: Action, kind: str = "deadline") -> int:
        return plan.count(action, kind, file)

    skipped = n(Action.SKIP) + len(plan.skipped_problems(file))
    kept, venues = n(Action.KEEP), n(Action.ADD, "venue")
    if language == "zh":
        text = f"新增 {n(Action.ADD)}，更新 {n(Action.UPDATE)}，未变 {n(Action.UNCHANGED)}，跳过 {skipped}"
        if kept:
            text += f"，保留你的修改 {kept}（--force 可覆盖）"
        return text + (f"；新会议 {venues}" if venues else "")
    text = f"{n(Action.ADD)} added, {n(Action.UPDATE)} updated, {n(Action.UNCHANGED)} unchanged, {skipped} skipped"
    if kept:
        text += f", {kept} kept your edits (use --force to overwrite)"
    if venues:
        text += f"; {venues} new venue" + ("s" if venues != 1 else "")
    return text
