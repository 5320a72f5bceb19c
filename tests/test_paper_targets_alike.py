"""Papers alike share one computed target (`paper_targets`): each paper's target must equal
the one computed for it alone, whatever its venue, year, cycle, stage, track, decision and
submission."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import datetime, timezone

from paperdeck.domain.targets import paper_target
from paperdeck.models.papers import Stage
from paperdeck.usecases.paper_targets import _submitted_at, paper_targets, venue_editions

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


def test_each_paper_gets_the_target_computed_for_it_alone(store):
    venues = ["iclr", "NeurIPS", "acl", "nowhere", None]
    stages = [Stage.IDEATION, Stage.WRITING, Stage.SUBMISSION, Stage.UNDER_REVIEW, Stage.DECISION]
    kinds = itertools.product(venues, [None, 2026, 2027], [None, "workshop"], stages)
    for n, (venue, year, track, stage) in enumerate(kinds):
        for twin in range(2):  # two papers of each kind: the second gets the first's, copied
            paper = store.papers.add(f"P{n}.{twin}", stage, venue_key=venue, target_year=year, track=track)
            if stage is Stage.DECISION and n % 2:
                store.papers.update(paper.id, None, decision="rejected")
            if stage is Stage.UNDER_REVIEW and venue and twin:
                store.papers.submit(paper.id, venue, venue_key=venue.lower(), year=year)
    papers = store.papers.outlines()
    zone = timezone.utc
    found = paper_targets(store, papers, NOW, zone)
    editions = venue_editions(store)
    submitted = _submitted_at(store, {paper.id for paper in papers})
    alone = {paper.id: paper_target(paper, editions.get((paper.venue_key or "").lower()), NOW, zone,
                                    submitted.get(paper.id)) for paper in papers}
    assert found == alone
    assert len({target.state for target in found.values()}) >= 3  # the kinds reach different states
    assert all(target.paper_id == paper_id for paper_id, target in found.items())
    # Shared (the board's): the same targets but for whose they are, one object per kind.
    shared = paper_targets(store, papers, NOW, zone, shared=True)
    assert {paper_id: replace(target, paper_id=paper_id) for paper_id, target in shared.items()} == found
    assert len({id(target) for target in shared.values()}) < len(shared)


def test_the_submission_day_tells_papers_apart_only_toward_an_edition_of_several_cycles(store):
    """Papers under review submitted on different days share one target toward a one-cycle
    edition; toward KDD 2027's two cycles the day decides the cycle each waits in."""
    store.venues.add("KDD", key="kdd")
    for month, name in ((2, "First"), (6, "Second")):
        store.venues.add_deadline("kdd", 2027, "paper", at=datetime(2027, month, 1, 11, 59, tzinfo=timezone.utc),
                                  label=f"Paper submission ({name} Cycle)")
        store.venues.add_deadline("kdd", 2027, "notification",
                                  at=datetime(2027, month + 2, 1, 11, 59, tzinfo=timezone.utc),
                                  label=f"Notification ({name} Cycle)")
    days = {"early": "2027-01-10", "late": "2027-05-10"}
    ids = {}
    for venue in ("kdd", "iclr"):
        for name, day in days.items():
            paper = store.papers.add(f"{venue} {name}", Stage.UNDER_REVIEW, venue_key=venue, target_year=2027)
            store.papers.submit(paper.id, venue, venue_key=venue, year=2027, submitted_on=day)
            ids[venue, name] = paper.id
    papers = store.papers.outlines()
    zone = timezone.utc
    editions = venue_editions(store)
    submitted = _submitted_at(store, {paper.id for paper in papers})
    alone = {paper.id: paper_target(paper, editions.get((paper.venue_key or "").lower()), NOW, zone,
                                    submitted.get(paper.id)) for paper in papers}
    shared = paper_targets(store, papers, NOW, zone, shared=True)
    assert {paper_id: replace(target, paper_id=paper_id) for paper_id, target in shared.items()} == alone
    assert (alone[ids["kdd", "early"]].cycle, alone[ids["kdd", "late"]].cycle) == (1, 2)
    assert shared[ids["kdd", "early"]] is not shared[ids["kdd", "late"]]
    assert shared[ids["iclr", "early"]] is shared[ids["iclr", "late"]]
