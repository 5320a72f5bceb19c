"""`paperdeck today` builds only the rows it prints (`gather(rows=N)`): the same first rows, in
the same order, as the whole summary, and the same counts of the rest."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from conftest import run_cli

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


def _many_papers(store) -> None:
    """Papers at risk (toward past or near deadlines), stalled ones with equal idle days (ties
    keep board order), pitches with parts written (ties in parts and time keep id order)."""
    from paperdeck.models.papers import Stage

    stages = [Stage.IDEATION, Stage.DESIGN, Stage.EXPERIMENTS, Stage.WRITING, Stage.SUBMISSION]
    for n in range(30):
        entered = f"2026-{1 + n % 9:02d}-01T00:00:00Z"  # many share a day: equal idle days
        venue = {"venue_key": "iclr", "target_year": 2026 + n % 2} if n % 3 else {}
        paper = store.papers.add(f"Paper {n:02d}", stages[n % 5], stage_entered_at=entered, **venue)
        if n % 4 == 0:
            store.pitches.save_section(paper.id, store.pitches.parts()[0].key, "word " * (n % 8))
        if n % 8 == 0:
            store.pitches.save_section(paper.id, store.pitches.parts()[1].key, "多模态 Agent 评估")


def test_the_first_rows_are_the_whole_lists_first_rows(store):
    from paperdeck.usecases.today import gather

    _many_papers(store)
    whole = gather(store, NOW, 30)
    for rows in (1, 3, 8):
        cut = gather(store, NOW, 30, rows=rows)
        for name, full, first in (("at_risk", whole.at_risk, cut.at_risk), ("stalled", whole.stalled, cut.stalled),
                                  ("pitch", whole.pitch, cut.pitch), ("working", whole.mine.working, cut.mine.working)):
            assert len(full) > rows, name  # else the cut would show nothing
            assert first == full[:rows], name
            assert cut.total(name) == whole.total(name) == len(full), name
        assert cut.mine.by_stage == whole.mine.by_stage
        assert cut.to_json() == whole.to_json() | {key: cut.to_json()[key] for key in ("at_risk", "stalled", "pitch", "mine")}


def test_the_text_counts_what_it_does_not_print(seeded_db):
    from paperdeck.store import open_store

    store = open_store(seeded_db)
    try:
        _many_papers(store)
    finally:
        store.close()
    text = run_cli("today", "--db", str(seeded_db), env={"NO_COLOR": "1"})
    data = run_cli("today", "--json", "--db", str(seeded_db))
    assert text.returncode == 0 and data.returncode == 0, text.stderr + data.stderr
    summary = json.loads(data.stdout)
    for key in ("stalled", "pitch"):
        assert len(summary[key]) > 8
        assert f"… and {len(summary[key]) - 8} more" in text.stdout, key
    assert f"… and {len(summary['mine']['working']) - 8} more" in text.stdout
    for item in summary["pitch"][:8]:
        assert f"#{item['paper_id']:<4} " in text.stdout
