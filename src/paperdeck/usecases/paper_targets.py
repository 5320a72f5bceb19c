"""Papers' targets from the store: the edition each paper works toward, what it waits for next,
its plan and whether it is behind, for many papers at once (each venue's deadlines are read and
its editions built once, not per paper). Every screen and command that shows a paper's
countdown, risk or milestones asks here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, time, timezone, tzinfo
from typing import TYPE_CHECKING

from ..domain.deadlines import local_today
from ..domain.editions import VenueEditions
from ..domain.targets import (
    MilestoneItem, PaperLike, PaperTarget, milestone_items, paper_target, reads_submitted, target_for, target_key,
)

if TYPE_CHECKING:
    from ..store import Store
    from .deadline_book import DeadlineBook


def venue_editions(store: "Store", keys: Iterable[str] | None = None,
                   book: "DeadlineBook | None" = None) -> dict[str, VenueEditions]:
    """venue key (lower case) -> its editions, for these venues (default: every venue).
    `book`: the venues and their stored deadlines when the caller has read them."""
    wanted = {key.lower() for key in keys} if keys is not None else None
    venues, stored = (book.venues, book.stored) if book is not None else (store.venues.all(), store.venues.deadlines())
    names = {venue.key.lower(): venue.name for venue in venues}
    built = book.editions if book is not None else {}
    by_venue: dict[str, list] = {}
    for deadline in stored:
        key = deadline.venue_key.lower()
        if (wanted is None or key in wanted) and key not in built:
            by_venue.setdefault(key, []).append(deadline)
    found = {}
    for key, name in names.items():
        if wanted is None or key in wanted:
            if key not in built:
                built[key] = VenueEditions(key, by_venue.get(key, []), name)
            found[key] = built[key]
    return found


def _submitted_at(store: "Store", paper_ids: set[int]) -> dict[int, datetime]:
    """paper id -> when its latest submission was made (the day's start, UTC)."""
    from ..store.paper_reads import latest_submitted_on

    found = {}
    for paper_id, submitted_on in latest_submitted_on(store).items():
        if paper_id not in paper_ids or not submitted_on:
            continue
        try:
            day = datetime.fromisoformat(str(submitted_on)).date()
        except ValueError:
            continue
        found[paper_id] = datetime.combine(day, time(0, 0), tzinfo=timezone.utc)
    return found


def paper_targets(
    store: "Store", papers: Iterable[PaperLike], now: datetime, zone: tzinfo | None = None,
    book: "DeadlineBook | None" = None, *, shared: bool = False,
) -> dict[int, PaperTarget]:
    """paper id -> its target. `zone`: the user's (default: the setting, else the system's);
    `book`: the venues and deadlines when the caller has read them. `shared`: papers alike get
    the very same PaperTarget, its paper_id one of theirs (no copy per paper: 10,000 at the
    large size), for a caller that reads only what a target says, never whose it is."""
    papers = list(papers)
    if zone is None:
        zone = store.settings.zone()
    keys = {paper.venue_key.lower() for paper in papers if paper.venue_key}
    venues = venue_editions(store, keys, book) if keys else {}
    submitted = _submitted_at(store, {p.id for p in papers if p.venue_key and p.stage.value in ("under_review", "decision")})
    # Papers alike (same venue, year, stage, ...: 170 kinds among 10,000 papers) share one
    # computed target, copied with each paper's id. The day a paper was submitted tells papers
    # apart only where the target reads it (`reads_submitted`: an edition of several cycles).
    alike: dict[tuple, PaperTarget] = {}
    reads_day: dict[tuple, bool] = {}
    targets = {}
    for paper in papers:
        key = target_key(paper)
        day = submitted.get(paper.id)
        venue = venues.get((paper.venue_key or "").lower())
        if day is not None:
            reads = reads_day.get(key)
            if reads is None:
                reads = reads_day[key] = reads_submitted(paper, venue, now)
            if reads:
                key = target_key(paper, day)
        found = alike.get(key)
        if found is None:
            found = alike[key] = paper_target(paper, venue, now, zone, day)
        targets[paper.id] = found if shared or found.paper_id == paper.id else target_for(found, paper.id)
    return targets


def paper_milestones(
    store: "Store", now: datetime, venue_keys: Sequence[str] | None = None, zone: tzinfo | None = None,
) -> list[MilestoneItem]:
    """Every working paper's plan milestones still to do, from today on (only toward these
    venues, if given)."""
    if zone is None:
        zone = store.settings.zone()
    papers = store.papers.aims()
    targets = paper_targets(store, papers, now, zone).values()
    if venue_keys is not None:
        wanted = {key.lower() for key in venue_keys}
        targets = [t for t in targets if t.deadline is not None and t.deadline.venue_key.lower() in wanted]
    return milestone_items({paper.id: paper.title for paper in papers}, targets, local_today(now, zone))
