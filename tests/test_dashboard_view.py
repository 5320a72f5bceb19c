"""The Dashboard's view lists what the screen shows: each long list cut to its first rows,
counted in full, and the working papers without those already listed as at risk or stalled."""

from __future__ import annotations

import pickle
from datetime import datetime, timezone

from paperdeck.usecases.dashboard import SHOWN_ROWS, shown_lists
from paperdeck.usecases.my_papers import MyPaper, MyPapers
from paperdeck.usecases.pitch_readiness import PitchReadiness
from paperdeck.usecases.today import PaperAlert, TodaySummary

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


def _summary(working: int, stalled: int, pitch: int) -> TodaySummary:
    return TodaySummary(
        now=NOW, days=30,
        stalled=[PaperAlert(n, f"P{n}", "writing", 30, "no move in 30 days", "30 天未推进") for n in range(1, stalled + 1)],
        mine=MyPapers([("writing", working)], [MyPaper(n, f"P{n}", "writing") for n in range(1, working + 1)]),
        pitch=[PitchReadiness(n, f"P{n}", 0, 5, 0, "empty") for n in range(1, pitch + 1)],
    )


def test_working_papers_past_the_first_rows_that_are_flagged_are_not_the_ones_listed():
    # The first 55 working papers are stalled: the "next milestones" are the 5 after them,
    # not the first 50 working papers minus the flagged (none left).
    shown = shown_lists(_summary(working=60, stalled=55, pitch=0))
    assert [paper.paper_id for paper in shown.mine.working] == [56, 57, 58, 59, 60]
    assert len(shown.stalled) == SHOWN_ROWS and shown.total("stalled") == 55
    assert shown.total("working") == 5


def test_long_lists_are_cut_and_counted_and_the_view_stays_small():
    whole = _summary(working=5000, stalled=0, pitch=5000)
    shown = shown_lists(whole)
    assert len(shown.pitch) == SHOWN_ROWS and shown.total("pitch") == 5000
    assert len(shown.mine.working) == SHOWN_ROWS and shown.total("working") == 5000
    assert shown.mine.by_stage == whole.mine.by_stage  # the counts by stage are all papers'
    assert len(pickle.dumps(shown)) * 20 < len(pickle.dumps(whole))
