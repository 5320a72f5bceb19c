"""Papers' targets from the store: the deadline each paper works toward, its plan and whether it
is behind, for many papers at once (the venues' next deadlines are read once, not per paper).
Every screen and command that shows a paper's countdown, risk or milestones asks here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from ..domain.targets import MilestoneItem, PaperLike, PaperTarget, milestone_items, paper_target

if TYPE_CHECKING:
    from ..store import Store


def paper_targets(
    store: "Store", papers: Iterable[PaperLike], now: datetime, zone: tzinfo | None = None,
) -> dict[int, PaperTarget]:
    """paper id -> its target. `zone`: the user's (default: the setting, else the system's)."""
    papers = list(papers)
    if zone is None:
        zone = store.settings.zone()
    if not any(paper.venue_key for paper in papers):
        return {paper.id: paper_target(paper, (), now, zone) for paper in papers}
    nexts = {key.lower(): deadline for key, deadline in store.venues.next_deadlines(now).items()}
    result = {}
    for paper in papers:
        found = nexts.get((paper.venue_key or "").lower())
        result[paper.id] = paper_target(paper, [found] if found is not None else [], now, zone)
    return result


def paper_milestones(
    store: "Store", now: datetime, venue_keys: Sequence[str] | None = None, zone: tzinfo | None = None,
) -> list[MilestoneItem]:
    """Every working paper's plan milestones (only toward these venues, if given)."""
    papers = store.papers.outlines()
    targets = paper_targets(store, papers, now, zone).values()
    if venue_keys is not None:
        wanted = {key.lower() for key in venue_keys}
        targets = [t for t in targets if t.deadline is not None and t.deadline.venue_key.lower() in wanted]
    return milestone_items({paper.id: paper.title for paper in papers}, targets)
