"""Reading public deadline trackers' YAML: ccfddl's per-series files, Hugging Face
ai-deadlines' per-series files, and paperswithcode ai-deadlines' flat `conferences.yml`.

Pure parsing: every malformed entry becomes an `ImportProblem` naming its file and entry, and
is skipped; the rest is returned as `ParsedDeadline`s for the store to apply.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..models.bounds import OutOfBounds, check_day, check_year
from ..models.imports import ImportProblem
from ..models.venues import DeadlineKind, ParsedDeadline
from .timezones import BadDate, UnknownTimezone, parse_wall, resolve, wall_to_utc

PLACEHOLDERS = {"tbd", "tba", "n/a", "na", "none", "unknown", "?", ""}
HF_TYPES = {
    "abstract": DeadlineKind.ABSTRACT, "paper": DeadlineKind.PAPER, "submission": DeadlineKind.PAPER,
    "full_paper": DeadlineKind.PAPER, "supplementary": DeadlineKind.SUPPLEMENTARY,
    "review_release": DeadlineKind.REVIEWS, "rebuttal_start": DeadlineKind.REBUTTAL,
    "rebuttal_end": DeadlineKind.REBUTTAL, "author_response": DeadlineKind.REBUTTAL,
    "rebuttal": DeadlineKind.REBUTTAL, "commitment_deadline": DeadlineKind.COMMITMENT,
    "commitment": DeadlineKind.COMMITMENT, "notification": DeadlineKind.NOTIFICATION,
    "camera_ready": DeadlineKind.CAMERA_READY,
}
# Top-level fields of flat entries, in the order their deadlines are read.
FLAT_FIELDS = (
    ("abstract_deadline", DeadlineKind.ABSTRACT, "Abstract deadline"),
    ("deadline", DeadlineKind.PAPER, "Paper deadline"),
    ("review_release_date", DeadlineKind.REVIEWS, "Reviews released"),
    ("rebuttal_period_end", DeadlineKind.REBUTTAL, "Rebuttal period ends"),
    ("final_decision_date", DeadlineKind.NOTIFICATION, "Final decisions"),
)
KNOWN_ENTRY_KEYS = {
    "title", "year", "id", "full_name", "link", "deadline", "abstract_deadline", "timezone",
    "place", "date", "start", "end", "sub", "hindex", "note", "paperslink", "pwclink",
    "deadlines", "city", "country", "venue", "era_rating", "tags", "rankings",
    "review_release_date", "rebuttal_period_end", "final_decision_date",
}
# Keys whose absence a near-miss spelling gives away ("data:" for "date:").
TYPO_TARGETS = ("date", "deadline", "abstract_deadline", "timezone", "start", "end", "year", "title", "deadlines")
_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_RANGE = re.compile(
    r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:\s*[-\u2013]\s*(?:([A-Za-z]+)\.?\s+)?(\d{1,2}))?\s*,?\s*(\d{4})$"
)
_OPENED = re.compile(r"submissions?\s+open\w*\b.*?([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})", re.IGNORECASE)


# Two trackers write one moment differently ("2026-05-07 11:59:00 UTC+0" and
# "2026-05-06 23:59:59 AoE"): instants this close are the same deadline, not an update.
SAME_MOMENT = timedelta(seconds=60)


def same_moment(at: datetime | None, on_date: date | None, other_at: datetime | None, other_on: date | None) -> bool:
    """True when two deadlines fall at the same moment: equal dates, or instants within a minute."""
    if on_date is not None or other_on is not None:
        return on_date == other_on and at is None and other_at is None
    return at is not None and other_at is not None and abs(at - other_at) <= SAME_MOMENT


class EntryError(ValueError):
    """One entry (or one deadline of it) cannot be read."""


@dataclass(slots=True)
class ParseResult:
    file: str
    format: str = ""
    entries: int = 0
    deadlines: list[ParsedDeadline] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    full_names: dict[str, str] = field(default_factory=dict)

    def problem(self, entry: str, message: str, *, skipped: bool = True) -> None:
        self.problems.append(ImportProblem(self.file, entry, message, skipped))


def parse_text(text: str, file: str) -> ParseResult:
    """Parse one tracker file's text. Bad YAML is a single problem, never an exception; so is
    an alias or deep nesting (safe_yaml), refused before any value is built. (A large file is
    read in two parts on two cores: usecases/imports/split_load.py.)"""
    import yaml

    from . import safe_yaml
    from .safe_yaml import YamlRefused

    result = ParseResult(file=file)
    try:
        data = safe_yaml.load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        result.problem("(file)", f"not valid YAML{where}")
        return result
    except YamlRefused as error:
        result.problem("(file)", f"not imported: {error}")
        return result
    return parse_data(data, Path(file).name, result)


def parse_data(data: Any, file: str, result: ParseResult | None = None) -> ParseResult:
    result = result or ParseResult(file=file)
    shape = _read_items(data, result)
    if shape is not None:
        _name_source(result, shape, file)
    return result


@dataclass(frozen=True, slots=True)
class Shape:
    """What tells a deadline list's format: the reading its items got (ccfddl series, or
    entries), and for entries their titles and whether any has a 'deadlines' list."""

    reading: str  # "ccf" or "entries"
    titles: frozenset[str] = frozenset()
    has_list: bool = False

    @property
    def format(self) -> str:
        if self.reading == "ccf":
            return "ccf-deadlines"
        return "huggingface" if self.has_list or len(self.titles) == 1 else "ai-deadlines"


def _read_items(data: Any, result: ParseResult) -> Shape | None:
    """Every item read into `result`; its shape, or None (a problem said so) when `data` is no
    deadline list."""
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data) or not data:
        result.problem("(file)", "not a deadline list (expected ccfddl, Hugging Face or ai-deadlines YAML)")
        return None
    if all("confs" in item for item in data):
        for series in data:
            _parse_ccf_series(series, result)
        return Shape("ccf")
    if all("year" in item or "title" in item for item in data):
        shape = Shape("entries", frozenset(str(item.get("title", "")) for item in data),
                      any("deadlines" in item for item in data))
        for item in data:
            _parse_entry(item, result)
        return shape
    result.problem("(file)", "not a deadline list (expected ccfddl, Hugging Face or ai-deadlines YAML)")
    return None


def _name_source(result: ParseResult, shape: Shape, file: str) -> None:
    result.format = shape.format
    source = f"{result.format}:{Path(file).name}"
    for deadline in result.deadlines:
        deadline.source = source


# -- a large file read in two parts (usecases/imports/split_load.py) --------------------------------

Part = tuple[ParseResult, Shape]


def parse_part(data: Any, file: str) -> Part | None:
    """One part of a file's top-level list (its first or its second half), read as `parse_text`
    reads the whole but not yet named by format (that needs both parts); None when the part
    alone is no deadline list (the caller then reads the whole file)."""
    result = ParseResult(file=file)
    shape = _read_items(data, result)
    return None if shape is None else (result, shape)


def joined(first: Part, second: Part) -> ParseResult | None:
    """The two parts as `parse_text` reads the whole they make (items are read one by one, in
    order; the format is told by all of them); None when the parts were read differently."""
    (one, one_shape), (two, two_shape) = first, second
    if one_shape.reading != two_shape.reading:
        return None
    full_names = dict(one.full_names)
    for title, full_name in two.full_names.items():
        full_names.setdefault(title, full_name)
    result = ParseResult(one.file, "", one.entries + two.entries, one.deadlines + two.deadlines,
                         one.problems + two.problems, full_names)
    shape = Shape(one_shape.reading, one_shape.titles | two_shape.titles, one_shape.has_list or two_shape.has_list)
    _name_source(result, shape, one.file)
    return result


# -- Hugging Face and paperswithcode entries ------------------------------------------------------

def _entry_name(item: dict[str, Any]) -> str:
    name = f"{item.get('title', '?')} {item.get('year', '?')}"
    return f"{name} ({item['id']})" if item.get("id") else name


def _parse_entry(item: dict[str, Any], result: ParseResult) -> None:
    result.entries += 1
    entry = _entry_name(item)
    try:
        title, year = _title_year(item)
        _check_typos(item)
        conference = _conference_dates(item.get("start"), item.get("end"))
        parsed = []
        counts: dict[DeadlineKind, int] = {}
        listed = item.get("deadlines")
        if listed is not None and not isinstance(listed, list):
            raise EntryError("'deadlines' is not a list")
        if listed:
            for position, raw in enumerate(listed, start=1):
                if not isinstance(raw, dict):
                    raise EntryError(f"deadline #{position} is not a mapping")
                kind_text = str(raw.get("type", "")).strip().lower()
                kind = HF_TYPES.get(kind_text, DeadlineKind.OTHER)
                label = str(raw.get("label") or kind_text.replace("_", " ").capitalize())
                tz = raw.get("timezone") or item.get("timezone")
                parsed.append(_deadline(title, year, kind, counts, raw.get("date"), tz, label, f"{label}"))
        else:
            for key, kind, label in FLAT_FIELDS:
                if key in item and item[key] is not None:
                    parsed.append(_deadline(title, year, kind, counts, item[key], item.get("timezone"), label, key))
    except EntryError as error:
        result.problem(entry, str(error))
        return
    _warn_abstract_after_paper(parsed, entry, result)
    result.full_names.setdefault(title, str(item.get("full_name") or ""))
    result.deadlines.extend(_from(entry, [*parsed, *_conference_deadlines(title, year, conference)]))


def _title_year(item: dict[str, Any]) -> tuple[str, int]:
    title = str(item.get("title") or "").strip()
    if not title:
        raise EntryError("no title")
    year = item.get("year")
    if isinstance(year, bool) or not isinstance(year, (int, str)) or not str(year).strip().isdigit():
        raise EntryError(f"bad year {year!r}")
    try:
        return title, check_year(int(year))
    except OutOfBounds as error:
        raise EntryError(str(error)) from error


def _check_typos(item: dict[str, Any]) -> None:
    for key in item:
        if key in KNOWN_ENTRY_KEYS:
            continue
        close = [t for t in difflib.get_close_matches(str(key), TYPO_TARGETS, n=1, cutoff=0.75) if t not in item]
        if close:
            raise EntryError(f"unknown key {key!r} (a typo for {close[0]!r}?)")


def _deadline(
    title: str, year: int, kind: DeadlineKind, counts: dict[DeadlineKind, int],
    value: Any, tz: Any, label: str, what: str, note: str = "",
) -> ParsedDeadline:
    if value is None or (isinstance(value, str) and value.strip().lower() in PLACEHOLDERS):
        raise EntryError(f"{what}: {value!r} is not a date")
    tz_label = str(tz).strip() if tz is not None else ""
    if not tz_label:
        raise EntryError(f"{what}: no timezone")
    try:
        zone = resolve(tz_label)
        wall = check_day(parse_wall(value))
        aware = None
        if isinstance(wall, datetime):
            aware = check_day(wall.replace(tzinfo=zone) if wall.tzinfo is None else wall)
    except (UnknownTimezone, BadDate, OutOfBounds) as error:
        raise EntryError(f"{what}: {error}") from error
    ordinal = counts[kind] = counts.get(kind, 0) + 1
    if aware is not None:  # the wall time in the label's zone, already placed there
        return ParsedDeadline(title, year, kind, ordinal, wall_to_utc(aware, tz_label), None, tz_label, label, note)
    return ParsedDeadline(title, year, kind, ordinal, None, wall, tz_label, label, note)


def _conference_dates(start: Any, end: Any) -> tuple[date, date | None] | None:
    if start is None or end is None:
        return None
    try:
        first, last = check_day(parse_wall(start)), check_day(parse_wall(end))
    except OutOfBounds as error:
        raise EntryError(f"conference dates: {error}") from error
    except BadDate as error:
        if any(str(v).strip().lower() in PLACEHOLDERS for v in (start, end)):
            return None
        raise EntryError(f"conference dates: {error}") from error
    first = first.date() if isinstance(first, datetime) else first
    last = last.date() if isinstance(last, datetime) else last
    if last < first:
        raise EntryError(f"ends ({last}) before it starts ({first})")
    return first, last


def _conference_deadlines(title: str, year: int, dates: tuple[date, date | None] | None) -> list[ParsedDeadline]:
    """The conference's first and last day; a single date given ("December 6, 2026") is its
    start only: its end is not known, and a one-day conference would be invented."""
    if dates is None:
        return []
    found = [ParsedDeadline(title, year, DeadlineKind.CONFERENCE_START, 1, None, dates[0], "AoE", "Conference starts")]
    if dates[1] is not None:
        found.append(ParsedDeadline(title, year, DeadlineKind.CONFERENCE_END, 1, None, dates[1], "AoE", "Conference ends"))
    return found


def _warn_abstract_after_paper(parsed: list[ParsedDeadline], entry: str, result: ParseResult) -> None:
    def first(kind: DeadlineKind) -> ParsedDeadline | None:
        return next((d for d in parsed if d.kind is kind and d.at is not None), None)

    abstract, paper = first(DeadlineKind.ABSTRACT), first(DeadlineKind.PAPER)
    if abstract and paper and abstract.at > paper.at:  # type: ignore[operator]
        result.problem(entry, "the abstract deadline falls after the paper deadline; kept as given", skipped=False)


# -- ccfddl -------------------------------------------------------------------------------------

def _parse_ccf_series(series: dict[str, Any], result: ParseResult) -> None:
    title = str(series.get("title") or "").strip()
    confs = series.get("confs")
    if not title or not isinstance(confs, list):
        result.entries += 1
        result.problem(str(title or "(series)"), "no title or no confs list")
        return
    result.full_names.setdefault(title, str(series.get("description") or ""))
    for conf in confs:
        result.entries += 1
        if not isinstance(conf, dict):
            result.problem(title, "an edition is not a mapping")
            continue
        _parse_ccf_edition(title, conf, result)


def _parse_ccf_edition(title: str, conf: dict[str, Any], result: ParseResult) -> None:
    entry = f"{title} {conf.get('year', '?')}" + (f" ({conf['id']})" if conf.get("id") else "")
    try:
        _, year = _title_year({"title": title, "year": conf.get("year")})
        timeline = conf.get("timeline") or []
        if not isinstance(timeline, list):
            raise EntryError("'timeline' is not a list")
    except EntryError as error:
        result.problem(entry, str(error))
        return
    tz = conf.get("timezone")
    counts: dict[DeadlineKind, int] = {}
    parsed: list[ParsedDeadline] = []
    for position, item in enumerate(timeline, start=1):
        where = f"{entry}, timeline #{position}"
        if not isinstance(item, dict):
            result.problem(where, "not a mapping")
            continue
        comment = str(item.get("comment") or "")
        try:
            fields = []
            abstract = item.get("abstract_deadline")
            if abstract is not None:
                if _is_opening_date(abstract, comment):
                    result.problem(where, "abstract_deadline is when submissions opened (per its comment); "
                                   "not imported as an abstract deadline", skipped=False)
                else:
                    fields.append(("abstract_deadline", DeadlineKind.ABSTRACT, "Abstract deadline", abstract))
            fields.append(("deadline", DeadlineKind.PAPER, "Paper deadline", item.get("deadline")))
            trial = dict(counts)
            found = [_deadline(title, year, kind, trial, value, tz, label, key, comment)
                     for key, kind, label, value in fields]
        except EntryError as error:
            result.problem(where, str(error))
            continue
        counts = trial
        parsed.extend(_from(where, found))
    _warn_abstract_after_paper(parsed, entry, result)
    result.deadlines.extend(parsed)
    try:
        dates = parse_date_range(conf.get("date"), year)
    except EntryError as error:
        result.problem(entry, f"conference dates not imported: {error}", skipped=False)
        dates = None
    result.deadlines.extend(_from(entry, _conference_deadlines(title, year, dates)))


def _from(entry: str, deadlines: list[ParsedDeadline]) -> list[ParsedDeadline]:
    """Each deadline remembers the entry it was read from (its provenance in a plan)."""
    for deadline in deadlines:
        deadline.entry = entry
    return deadlines


def _is_opening_date(value: Any, comment: str) -> bool:
    match = _OPENED.search(comment)
    if not match:
        return False
    month = _MONTHS.get(match.group(1)[:3].lower())
    try:
        wall = parse_wall(value)
        opened = date(int(match.group(3)), month or 0, int(match.group(2)))
    except (BadDate, ValueError):
        return False
    day = wall.date() if isinstance(wall, datetime) else wall
    return abs((day - opened).days) <= 1


def parse_date_range(text: Any, year: int | None = None) -> tuple[date, date | None] | None:
    """"November 28-December 9, 2022" -> (2022-11-28, 2022-12-09); "December 6, 2026" ->
    (2026-12-06, None): one date is a start, not a one-day conference; None for "TBD"."""
    if text is None or str(text).strip().lower() in PLACEHOLDERS:
        return None
    match = _RANGE.match(str(text).strip())
    if not match:
        raise EntryError(f"cannot read the dates {str(text)!r}")
    month1, day1, month2, day2, year_text = match.groups()
    first_month = _MONTHS.get(month1[:3].lower())
    last_month = _MONTHS.get(month2[:3].lower()) if month2 else first_month
    if first_month is None or last_month is None:
        raise EntryError(f"cannot read the dates {str(text)!r}")
    when = int(year_text)
    try:
        first = check_day(date(when, first_month, int(day1)))
        if day2 is None:
            return first, None
        last = check_day(date(when, last_month, int(day2)))
    except (ValueError, OutOfBounds) as error:
        raise EntryError(f"bad dates {str(text)!r}: {error}") from error
    if last < first:
        raise EntryError(f"ends ({last}) before it starts ({first})")
    return first, last
