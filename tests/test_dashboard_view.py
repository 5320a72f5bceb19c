"""The Dashboard's view lists what the screen shows: each long list cut to its first rows,
counted in full, and the working papers without those already listed as at risk or stalled.
It is read with `gather(rows=..., working_apart=True)`, which builds only those rows: here
each list is checked against the whole summary, cut by hand."""

from __future__ import annotations

import pickle
from datetime import datetime, timezone

import pytest

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
ROWS = 5


def _many_papers(store) -> None:
    """Papers at risk, stalled ones (the stalled come first in board order, so the first
    working papers are flagged), working ones with plans, pitches with parts written."""
    from paperdeck.models.papers import Stage

    for n in range(12):  # idle since January: stalled
        store.papers.add(f"Stalled {n:02d}", Stage.WRITING, stage_entered_at="2026-01-01T00:00:00Z")
    stages = [Stage.IDEATION, Stage.DESIGN, Stage.EXPERIMENTS, Stage.WRITING, Stage.SUBMISSION]
    for n in range(30):
        venue = {"venue_key": "iclr", "target_year": 2026 + n % 2} if n % 3 else {}
        paper = store.papers.add(f"Paper {n:02d}", stages[n % 5], stage_entered_at="2026-11-25T00:00:00Z", **venue)
        if n % 4 == 0:
            store.pitches.save_section(paper.id, store.pitches.parts()[0].key, "word " * (n % 8))


@pytest.fixture
def shown_rows(monkeypatch):
    import paperdeck.usecases.dashboard as dashboard

    monkeypatch.setattr(dashboard, "SHOWN_ROWS", ROWS)


def test_each_list_is_the_whole_lists_first_rows_and_counts_the_rest(store, shown_rows):
    from paperdeck.usecases.dashboard import dashboard_view
    from paperdeck.usecases.today import gather

    _many_papers(store)
    whole = gather(store, NOW)
    view = dashboard_view(store, NOW).summary
    flagged = {alert.paper_id for alert in whole.at_risk + whole.stalled}
    rest = [paper for paper in whole.mine.working if paper.paper_id not in flagged]
    for name, full, shown in (("at_risk", whole.at_risk, view.at_risk), ("stalled", whole.stalled, view.stalled),
                              ("pitch", whole.pitch, view.pitch), ("working", rest, view.mine.working)):
        assert len(full) > ROWS, name  # else the cut would show everything
        assert shown == full[:ROWS], name
        assert view.total(name) == len(full), name
    assert view.mine.by_stage == whole.mine.by_stage  # the counts by stage are all papers'
    assert view.deadlines == whole.deadlines and view.agenda == whole.agenda
    assert len(pickle.dumps(view)) < len(pickle.dumps(whole))


def test_working_papers_past_the_first_rows_that_are_flagged_are_not_the_ones_listed(store, shown_rows):
    # Some of the first working papers in the whole list are flagged: the "next milestones" are
    # the first rows after leaving those out, not the first rows minus the flagged (fewer).
    from paperdeck.usecases.dashboard import dashboard_view
    from paperdeck.usecases.today import gather

    _many_papers(store)
    whole = gather(store, NOW)
    flagged = {alert.paper_id for alert in whole.at_risk + whole.stalled}
    first_ids = [paper.paper_id for paper in whole.mine.working[:ROWS]]
    assert set(first_ids) & flagged  # the case this test is about
    shown = [paper.paper_id for paper in dashboard_view(store, NOW).summary.mine.working]
    assert len(shown) == ROWS and not set(shown) & flagged
