"""`paperdeck deadlines update` (and the Venues screen's key): read the public trackers' current
files for the venues the user follows and import them like any deadline file.

Which venues: the ones named, or all (`every`), or by default the followed ones (starred, or
targeted by a paper). Each tracker file is read conditionally (ETag / Last-Modified of the last
applied read), with a timeout and one retry; a file the tracker does not have is a venue it does
not list. What was read goes through the deadline import (usecases/imports/deadlines.py: one
plan, one transaction, one undo entry, the trackers' precedence), then the news says what
changed. Offline, nothing is read and nothing changes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from ..domain.tracker_news import News, news
from ..domain.tracker_sources import (
    CCF_TYPES, CCFDDL, DEFAULT_BASES, HF, NAMES, OFF, candidate_paths, ccf_subs, parse_source,
)
from ..models.imports import ImportPlan
from .tracker_fetch import DEFAULT_TIMEOUT, Fetched, Outcome, fetch

if TYPE_CHECKING:
    from ..store import Store

Fetcher = Callable[[str, str, str, float], Fetched]
# The trackers' addresses when not the public ones (a mirror, a local server): "ccfddl=URL hf=URL".
SOURCES_VARIABLE = "PAPERDECK_TRACKERS"
SHOWN_NEWS = 5


class NothingToUpdate(ValueError):
    """No venue to update (none followed, or none of the names known)."""


@dataclass(frozen=True, slots=True)
class Read:
    tracker: str
    venue_key: str
    path: str
    fetched: Fetched


@dataclass(slots=True)
class UpdateReport:
    venues: list[str]                               # the keys asked for
    reads: list[Read] = field(default_factory=list)  # every file found (or not modified)
    missing: list[tuple[str, str]] = field(default_factory=list)   # (tracker, venue key) not listed
    failures: list[Read] = field(default_factory=list)             # a file that could not be read
    down: dict[str, str] = field(default_factory=dict)             # tracker -> why it could not be reached
    plan: ImportPlan | None = None
    news: list[News] = field(default_factory=list)
    dry_run: bool = False

    @property
    def offline(self) -> bool:
        """Nothing could be reached: nothing was read, nothing changed."""
        return bool(self.down) and not self.reads and not self.missing

    @property
    def ok(self) -> bool:
        return not (self.down or self.failures or (self.plan is not None and self.plan.skipped_problems()))


def environment_sources(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The trackers' addresses named in PAPERDECK_TRACKERS (space or comma separated
    "TRACKER=URL"); SourceError for a bad one. `--source` overrides them."""
    text = (os.environ if environ is None else environ).get(SOURCES_VARIABLE, "")
    return dict(parse_source(part) for part in text.replace(",", " ").split())


def followed(store: "Store") -> list[str]:
    """The venues the user follows: starred, or targeted by one of their papers."""
    from .venues import followed_keys

    return sorted(followed_keys(store.venues.all(), store.papers.venue_keys()))


def venue_keys(store: "Store", names: Sequence[str], every: bool) -> list[str]:
    if names:
        from .submissions import find_venue

        return list(dict.fromkeys(find_venue(store, name).key for name in names))
    if every:
        return [venue.key for venue in store.venues.all() if not venue.hidden]
    keys = followed(store)
    if not keys:
        raise NothingToUpdate("you follow no venue yet: star one on Venues (s), target one with a paper, "
                              "or name one with --venue")
    return keys


def update(store: "Store", now: datetime, *, sources: dict[str, str] | None = None, names: Sequence[str] = (),
           every: bool = False, dry_run: bool = False, timeout: float = DEFAULT_TIMEOUT,
           fetcher: Fetcher = fetch, cancelled: Callable[[], bool] = lambda: False) -> UpdateReport:
    """Read the trackers for the venues and import what they hold (`dry_run`: plan only)."""
    from ..store import trackers as cache

    bases = {**DEFAULT_BASES, **(sources or {})}
    report = UpdateReport(venue_keys(store, names, every), dry_run=dry_run)
    venues = {venue.key: venue for venue in store.venues.all()}
    for tracker in (CCFDDL, HF):
        base = bases.get(tracker, OFF)
        if base == OFF:
            continue
        subs = _ccf_subs(base, timeout, fetcher, report) if tracker == CCFDDL else ()
        if tracker in report.down:
            continue
        for key in report.venues:
            if cancelled():
                return report
            venue = venues[key]
            paths = candidate_paths(tracker, venue.key, venue.name, venue.aliases, venue.tracker_paths.get(tracker),
                                    subs or ccf_subs(None))
            known = cache.validators(store, [base + path for path in paths])
            if not _read_venue(tracker, base, key, paths, known, timeout, fetcher, report):
                break  # the tracker went down: the other venues would only wait for it too
    if report.offline or cancelled():
        return report
    _import(store, now, report)
    return report


def _ccf_subs(base: str, timeout: float, fetcher: Fetcher, report: UpdateReport) -> tuple[str, ...]:
    """ccfddl's categories from its types.yml (the defaults when it has none)."""
    from ..domain.safe_yaml import YamlRefused, load

    got = fetcher(base + CCF_TYPES, "", "", timeout)
    if got.outcome is Outcome.UNREACHABLE:
        report.down[CCFDDL] = f"{base}: {got.error}"
        return ()
    if got.outcome is not Outcome.OK:
        return ()
    import yaml

    try:
        return ccf_subs(load(got.text))
    except (yaml.YAMLError, YamlRefused):
        return ()


def _read_venue(tracker: str, base: str, key: str, paths: Sequence[str], known: dict[str, tuple[str, str]],
                timeout: float, fetcher: Fetcher, report: UpdateReport) -> bool:
    """Try the venue's candidate paths in order; False when the tracker could not be reached."""
    for path in paths:
        url = base + path
        etag, modified = known.get(url, ("", ""))
        got = fetcher(url, etag, modified, timeout)
        if got.outcome is Outcome.MISSING:
            continue
        if got.outcome is Outcome.UNREACHABLE:
            report.down[tracker] = f"{base}: {got.error}"
            return False
        read = Read(tracker, key, path, got)
        (report.failures if got.outcome is Outcome.FAILED else report.reads).append(read)
        return True
    report.missing.append((tracker, key))
    return True


def _import(store: "Store", now: datetime, report: UpdateReport) -> None:
    from ..domain.trackers import parse_text
    from ..store import trackers as cache
    from .imports import ImportOptions, Prepared, execute
    from .imports.files import InputText

    bodies = [read for read in report.reads if read.fetched.outcome is Outcome.OK]
    parsed = [(InputText(read.fetched.url, read.fetched.text, "utf-8"), parse_text(read.fetched.text, read.fetched.url))
              for read in bodies]
    keys = [read.venue_key for read in bodies]
    before = {d.uid: d for d in store.venues.estimates(now, keys)} if keys else {}
    if parsed:
        report.plan = execute(store, Prepared("deadlines", ImportOptions(), parsed), dry_run=report.dry_run)
        names = {venue.key: venue.name for venue in store.venues.all()}
        report.news = news(report.plan.items, before, names, now)
    if report.dry_run:
        return
    # A file not read at all (not YAML, not a tracker's) is read in full again next time, so its
    # problem is told again; one with a skipped entry ("TBD") is kept like any other.
    troubled = {p.file for p in report.plan.problems if p.skipped and p.entry == "(file)"} if report.plan else set()
    keep = [(r.fetched.url, r.fetched.etag, r.fetched.last_modified) for r in report.reads
            if r.fetched.url not in troubled and (r.fetched.etag or r.fetched.last_modified)]
    paths: dict[str, dict[str, str]] = {}
    for read in report.reads:
        paths.setdefault(read.venue_key, {})[read.tracker] = read.path
    cache.remember(store, keep, paths)
    if troubled:
        cache.forget(store, troubled)


def tracker_name(tracker: str) -> str:
    return NAMES.get(tracker, tracker)


def report_lines(report: UpdateReport, language: str = "en") -> list[str]:
    """A short account of an update (the Venues screen's notification): what the import did,
    the first deadlines still ahead that were announced or moved, what could not be read."""
    from .imports.report import summary

    zh = language == "zh"
    if report.plan is not None:
        lines = [summary(report.plan, language=language)]
    elif report.reads:
        lines = ["与上次更新相比没有变化" if zh else "nothing new since the last update"]
    else:
        lines = ["追踪源中没有找到这些会议" if zh else "no tracker file found for these venues"]
    ahead = [item for item in report.news if item.ahead]
    lines += [item.pick(language) for item in ahead[:SHOWN_NEWS]]
    if len(ahead) > SHOWN_NEWS:
        more = len(ahead) - SHOWN_NEWS
        lines.append(f"…另有 {more} 条（paperdeck deadlines update --json）" if zh
                     else f"… and {more} more (paperdeck deadlines update --json)")
    for tracker, why in report.down.items():
        lines.append(f"{tracker_name(tracker)}: {'无法连接' if zh else 'not reachable'} ({why})")
    if report.failures:
        count = len(report.failures)
        lines.append(f"{count} 个文件无法读取" if zh else f"{count} file{'s' if count != 1 else ''} could not be read")
    return lines


__all__ = ["HF", "CCFDDL", "NothingToUpdate", "Read", "UpdateReport", "environment_sources", "followed",
           "report_lines", "tracker_name", "update"]
