"""Tracker files (ccfddl, Hugging Face ai-deadlines, paperswithcode) -> venues and deadlines.

A deadline is known by its uid (venue, edition, kind, ordinal). Against the database each of
its values (its moment, label and note) is decided on its own by `domain.provenance`: a value
from a more trusted source replaces the stored one, a less trusted one never does, the user's
edits always win (`force` overwrites them). So files are planned in order, as if imported one
after another, and any order of the same files leaves the same database. A deadline is then
added, updated (some value replaced: each change names its field, the old and the new value and
both sources), kept (the file's moment differs but the stored one wins, with why), or unchanged.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING

from ...domain.provenance import USER, Verdict, decide, outranks
from ...domain.trackers import ParseResult, same_moment
from ...models.common import from_iso, to_iso
from ...models.imports import Action, FieldChange, FileRead, ImportPlan, PlanItem, Source
from ...models.venues import Deadline, ParsedDeadline, deadline_uid
from .files import file_names

if TYPE_CHECKING:
    from ...store import Store
    from . import ImportOptions
    from .files import InputText
    from .split_load import Meanwhile

Parsed = list[tuple["InputText", ParseResult]]
# Each value a file gives, and the columns that hold it.
GROUPS = {"when": ("at_utc", "on_date", "tz_label"), "label": ("label",), "note": ("note",)}


def parse(inputs: list["InputText"], options: "ImportOptions", meanwhile: "Meanwhile | None" = None) -> Parsed:
    from .split_load import parse_tracker

    return [(given, parse_tracker(given.text, given.name, meanwhile)) for given in inputs]


def plan(store: "Store", parsed: Parsed, options: "ImportOptions") -> ImportPlan:
    from ...store.venue_import import stored_deadlines

    result = ImportPlan("deadlines")
    venues = _Venues(store, result)
    # Each uid's row as the import leaves it so far: files apply in order, as separate imports would.
    state = {uid: _row_state(row) for uid, row in stored_deadlines(store).items()}
    for given, read in parsed:
        result.files.append(FileRead(given.name, read.format, read.entries, given.encoding))
        result.problems.extend(read.problems)
        asked = None
        for deadline in read.deadlines:
            # An entry's deadlines come one after another: their venue is asked for once.
            if asked != (deadline.venue_name, deadline.source):
                asked = (deadline.venue_name, deadline.source)
                venue_key = venues.key_for(deadline.venue_name, read.full_names.get(deadline.venue_name, ""),
                                           given.name, deadline.source)
            result.items.append(_item(deadline, venue_key, given.name, state, options.force))
    return result


def _row_state(row: Deadline) -> dict[str, object]:
    # A row from before sources were kept per field (the seed's) has its one source for each value.
    given = {"when": True, "label": bool(row.label), "note": bool(row.note)}
    sources = {group: USER if row.user_edited else row.field_sources.get(group) or row.source
               for group in GROUPS if given[group]}
    return {"edition_year": row.edition_year, "kind": row.kind.value,
            "at_utc": to_iso(row.at) if row.at else None, "on_date": row.on_date.isoformat() if row.on_date else None,
            "tz_label": row.tz_label, "label": row.label, "note": row.note, "sources": sources,
            "user_edited": row.user_edited, "id": row.id}


def _values(deadline: ParsedDeadline, venue_key: str) -> dict[str, object]:
    kind = deadline.kind.value
    return {
        "venue_key": venue_key, "uid": deadline_uid(venue_key, deadline.edition_year, kind, deadline.ordinal),
        "edition_year": deadline.edition_year, "kind": kind, "label": deadline.label[:2000],
        "at_utc": _iso(deadline.at) if deadline.at is not None else None,
        "on_date": deadline.on_date.isoformat() if deadline.on_date is not None else None,
        "tz_label": deadline.tz_label[:100], "note": deadline.note[:2000], "source": deadline.source[:200],
    }


_ISO: dict[datetime, str] = {}


def _iso(moment: datetime) -> str:
    """`to_iso(moment)`: a tracker's rows share few moments (30,000 rows: ~700), each written once."""
    found = _ISO.get(moment)
    if found is None:
        if len(_ISO) > 10_000:
            _ISO.clear()
        found = _ISO[moment] = to_iso(moment)
    return found


# The groups a file may leave empty, by their first column ("when" it always gives).
_OPTIONAL = tuple((group, columns[0]) for group, columns in GROUPS.items() if group != "when")


def _sources_of(values: dict[str, object], source: str) -> dict[str, str]:
    """A new row's field sources: the file's, for each value it gives."""
    sources = {"when": source}
    for group, column in _OPTIONAL:
        if values[column]:
            sources[group] = source
    return sources


def _item(deadline: ParsedDeadline, venue_key: str, file: str, state: dict[str, dict[str, object]],
          force: bool) -> PlanItem:
    values = _values(deadline, venue_key)
    uid = str(values["uid"])
    subject = f"{deadline.venue_name} {deadline.edition_year}: {deadline.label or deadline.kind.label}"
    source = Source(file, deadline.entry)
    row = state.get(uid)
    new_source = str(values["source"])
    if row is None:
        sources = _sources_of(values, new_source)
        state[uid] = {**values, "sources": sources, "user_edited": False, "id": None}
        values["field_sources"] = _sources_json(sources)  # after the state's copy: the row's own
        return PlanItem(Action.ADD, "deadline", subject, source, values=values)
    target = row["id"] if isinstance(row["id"], int) else None
    sources = dict(row["sources"])  # type: ignore[arg-type]
    merged = {column: row[column] for columns in GROUPS.values() for column in columns}
    replaced: list[FieldChange] = []
    kept: list[tuple[FieldChange, str]] = []
    for group, columns in GROUPS.items():
        old = tuple(row[c] for c in columns)
        new = tuple(values[c] for c in columns)
        verdict = decide(group, old if group == "when" else old[0], sources.get(group, ""),
                         new if group == "when" else new[0], new_source, force=force,
                         same=group == "when" and _same_moment(old, new),
                         old_specific=int(group == "when" and old[0] is not None),
                         new_specific=int(group == "when" and new[0] is not None))
        changes = [FieldChange(c, row[c], values[c], sources.get(group, ""), new_source)
                   for c in columns if row[c] != values[c]]
        if verdict.verdict is Verdict.REPLACE:
            replaced.extend(changes)
            merged.update({c: values[c] for c in columns})
            sources[group] = new_source
        elif old == new and (group == "when" or new[0]) and outranks(new_source, sources.get(group, "")):
            # The same value from a more trusted source: it is now that source's (so the record
            # does not depend on the order the files came in).
            replaced.append(FieldChange(f"{group} source", sources.get(group, ""), new_source,
                                        sources.get(group, ""), new_source))
            sources[group] = new_source
        elif verdict.verdict is Verdict.KEEP and group == "when":
            kept.extend((change, verdict.why) for change in changes)
    if replaced:
        sources = {group: source for group, source in sources.items()
                   if group == "when" or merged[GROUPS[group][0]]}
        update = {**values, **merged, "source": sources["when"], "field_sources": json.dumps(sources, sort_keys=True)}
        state[uid] = {**row, **merged, "sources": sources, "user_edited": False}
        return PlanItem(Action.UPDATE, "deadline", subject, source, values=update, changes=tuple(replaced),
                        target_id=target)
    if kept:
        return PlanItem(Action.KEEP, "deadline", subject, source, values=values,
                        changes=tuple(change for change, _ in kept), target_id=target, why=kept[0][1])
    return PlanItem(Action.UNCHANGED, "deadline", subject, source, values=values, target_id=target)


_SOURCES_JSON: dict[tuple, str] = {}


def _sources_json(sources: dict[str, str]) -> str:
    """`sources` as stored (a few shapes repeat over every row of an import: encoded once)."""
    key = tuple(sources.items())
    found = _SOURCES_JSON.get(key)
    if found is None:
        if len(_SOURCES_JSON) > 1000:
            _SOURCES_JSON.clear()
        found = _SOURCES_JSON[key] = json.dumps(sources, sort_keys=True)
    return found


def _same_moment(old: tuple, new: tuple) -> bool:
    """Two readings of one moment (instants within a minute, or the same date)."""
    return same_moment(from_iso(old[0]), _date(old[1]), from_iso(new[0]), _date(new[1]))


def _date(text: object) -> date | None:
    return date.fromisoformat(str(text)) if text else None


class _Venues:
    """A tracker's venue name -> a venue key: an existing venue (key, name or alias), or a new
    one planned once per import (so "ECML/PKDD" and "ECML-PKDD" are one venue). A venue a
    tracker added keeps the full name of its most trusted tracker; a seeded or user-made venue
    keeps its own (a tracker only fills it in when empty)."""

    def __init__(self, store: "Store", plan: ImportPlan):
        self.store, self.plan = store, plan
        self.resolved: dict[str, str] = {}
        self.new_by_slug: dict[str, str] = {}
        self.items: dict[str, PlanItem] = {}      # key -> the plan's item for the venue (add or update)
        self.names: dict[str, tuple[str, str]] = {}  # key -> (full name, its source) as planned so far
        self.last_seen: dict[str, tuple[str, str, str, str]] = {}  # key -> the last full name given, as given

    def key_for(self, name: str, full_name: str, file: str, source: str = "") -> str:
        folded = name.casefold()
        key = self.resolved.get(folded) or self._resolve(name, full_name, file, source)
        self.resolved[folded] = key
        given = (name, full_name, file, source)
        if self.last_seen.get(key) != given:  # the same again (every row of an entry) changes nothing
            self.last_seen[key] = given
            self._full_name(key, name, full_name, file, source)
        return key

    def _resolve(self, name: str, full_name: str, file: str, source: str) -> str:
        from ...store.venue_import import free_venue_key
        from ...store.venues import slug

        found = self.store.venues.find(name)
        wanted = slug(name) or "venue"
        if found is not None:
            sources = found.field_sources
            owned = found.user_edited or (found.full_name and "full_name" not in sources)
            self.names[found.key] = (found.full_name, USER if owned else sources.get("full_name", ""))
            return found.key
        if wanted in self.new_by_slug:
            return self.new_by_slug[wanted]
        key = free_venue_key(self.store, wanted, self.new_by_slug.values())
        self.new_by_slug[wanted] = key
        item = PlanItem(Action.ADD, "venue", f"{name} (new venue)", Source(file, name),
                        values={"key": key, "name": name, "full_name": full_name,
                                "field_sources": json.dumps({"full_name": source} if full_name else {})})
        self.plan.items.append(item)
        self.items[key] = item
        self.names[key] = (full_name, source if full_name else "")
        return key

    def _full_name(self, key: str, name: str, full_name: str, file: str, source: str) -> None:
        old, old_source = self.names.get(key, ("", ""))
        verdict = decide("full_name", old, old_source, full_name, source, old_specific=0, new_specific=0)
        if verdict.verdict is not Verdict.REPLACE or old_source == USER and old:
            return
        self.names[key] = (full_name, source)
        values = {"key": key, "full_name": full_name[:2000], "field_sources": json.dumps({"full_name": source})}
        item = self.items.get(key)
        if item is not None:
            item.values.update(values)
            if item.action is Action.UPDATE:
                item.changes = (FieldChange("full_name", item.changes[0].old, full_name, item.changes[0].old_source,
                                            source),)
            return
        item = PlanItem(Action.UPDATE, "venue", f"{name}: full name", Source(file, name), values=values,
                        changes=(FieldChange("full_name", old, full_name, old_source, source),))
        self.plan.items.append(item)
        self.items[key] = item


def label(plan: ImportPlan) -> str:
    return f"deadlines from {file_names(plan)}"


def apply(store: "Store", plan: ImportPlan) -> None:
    from ...store.venue_import import apply_deadline_plan

    apply_deadline_plan(store, plan.items, plan.undo_label)


def summary(plan: ImportPlan, file: str | None = None, language: str = "en") -> str:
    def n(action: Action, kind: str = "deadline") -> int:
        return plan.count(action, kind, file)

    skipped = n(Action.SKIP) + len(plan.skipped_problems(file))
    keeps = [i for i in plan.items if i.action is Action.KEEP and i.kind == "deadline" and (file is None or i.source.file == file)]
    edits = sum(1 for i in keeps if i.why.startswith("you edited"))
    trusted = len(keeps) - edits
    venues = n(Action.ADD, "venue")
    if language == "zh":
        text = f"新增 {n(Action.ADD)}，更新 {n(Action.UPDATE)}，未变 {n(Action.UNCHANGED)}，跳过 {skipped}"
        if edits:
            text += f"，保留你的修改 {edits}（--force 可覆盖）"
        if trusted:
            text += f"，保留更可信来源的值 {trusted}"
        return text + (f"；新会议 {venues}" if venues else "")
    text = f"{n(Action.ADD)} added, {n(Action.UPDATE)} updated, {n(Action.UNCHANGED)} unchanged, {skipped} skipped"
    if edits:
        text += f", {edits} kept your edits (use --force to overwrite)"
    if trusted:
        text += f", {trusted} kept from a more trusted source"
    if venues:
        text += f"; {venues} new venue" + ("s" if venues != 1 else "")
    return text
