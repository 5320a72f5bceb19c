"""Pitch sections, versions (restore any), rehearsals, measured rates; autosave vs SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta

import pytest

from paperdeck.models.common import utcnow
from paperdeck.models.pitch import Lap
from paperdeck.domain.speaking import Rates, rates_from_laps
from paperdeck.store import NotFound, ValidationError

PARTS = ["pitch.background", "pitch.method", "pitch.results", "pitch.highlight", "pitch.extensions"]


@pytest.fixture
def paper(store):
    return store.papers.add("Reward-Aware Prompt Optimization")


def test_parts_come_from_the_guide(store):
    parts = store.pitches.parts()
    assert [p.key for p in parts] == PARTS
    assert parts[0].zh == "背景问题" and parts[0].example("en").startswith("Existing RLHF")
    assert store.pitches.target_minutes() == (5.0, 8.0)


def test_parts_survive_the_guide_items_being_deleted(store):
    for key in PARTS:
        store.guide.delete(key)
    assert [p.key for p in store.pitches.parts()] == PARTS


def test_save_and_read_back_literally(store, paper):
    text = "[red]not markup[/] 现有 RLHF 方法 😀 \x1b[2J"
    store.pitches.save_section(paper.id, "pitch.background", text)
    assert store.pitches.bodies(paper.id)["pitch.background"] == text
    assert set(store.pitches.bodies(paper.id)) == set(PARTS)
    store.pitches.save_section(paper.id, "pitch.background", text)  # unchanged: no new version
    assert store.pitches.sections(paper.id)["pitch.background"].version == 1


def test_refuses_huge_text_and_unknown_papers(store, paper):
    with pytest.raises(ValidationError):
        store.pitches.save_section(paper.id, "pitch.method", "x" * 200_001)
    with pytest.raises(NotFound):
        store.pitches.save_section(9999, "pitch.method", "text")


def test_versions_and_restore_any(store, paper, frozen_clock):
    pitches = store.pitches
    pitches.save_section(paper.id, "pitch.background", "first")
    v1 = pitches.snapshot(paper.id)
    assert pitches.snapshot(paper.id) is None  # unchanged
    pitches.save_section(paper.id, "pitch.background", "second")
    pitches.save_section(paper.id, "pitch.method", "method")
    v2 = pitches.snapshot(paper.id)
    pitches.save_section(paper.id, "pitch.background", "third")
    assert pitches.snapshot(paper.id, min_interval=timedelta(minutes=5)) is None  # too soon
    restored = pitches.restore(v1.id)
    assert restored["pitch.background"] == "first" and restored["pitch.method"] == ""
    # The text before the restore became a version: restoring it brings "third" back.
    latest = pitches.versions(paper.id)[0]
    assert latest.sections == {"pitch.background": "third", "pitch.method": "method"}
    assert pitches.restore(latest.id)["pitch.background"] == "third"
    assert pitches.restore(v2.id)["pitch.background"] == "second"
    with pytest.raises(NotFound):
        pitches.restore(123456)


def test_rehearsals_and_measured_rates(store, paper):
    assert rates_from_laps([], Rates()).measured is False
    laps = [Lap("pitch.background", 60_000, words=100), Lap("pitch.method", 60_000, cjk_chars=300)]
    run = store.pitches.add_rehearsal(paper.id, utcnow(), laps)
    assert run.total_ms == 120_000 and run.words == 100 and run.cjk_chars == 300
    assert store.pitches.rehearsals(paper.id)[0].laps == tuple(laps)
    rates = rates_from_laps([lap for r in store.pitches.rehearsals() for lap in r.laps])
    assert (round(rates.words_per_minute), round(rates.cjk_chars_per_minute), rates.measured) == (100, 300, True)
    with pytest.raises(ValidationError):
        store.pitches.add_rehearsal(paper.id, utcnow(), [Lap("x", -5)])


WRITER = textwrap.dedent("""
    import sys
    from paperdeck.store import open_store
    store = open_store(sys.argv[1])
    paper_id = int(sys.argv[2])
    n = 0
    while True:
        n += 1
        store.pitches.save_section(paper_id, "pitch.background", f"draft {n} 现有 RLHF")
        print(n, flush=True)
""")


def test_autosave_survives_sigkill(store, paper, db_path, tmp_path):
    """A process saving through the same code path is killed mid-stream: every save it
    acknowledged is on disk and the database is intact."""
    # A fresh file's header is still in the WAL; a second process reads the header first.
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    process = subprocess.Popen(
        [sys.executable, str(script), str(db_path), str(paper.id)], stdout=subprocess.PIPE, text=True,
    )
    acknowledged = 0
    for line in process.stdout:
        acknowledged = int(line)
        if acknowledged >= 50:
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL
    from paperdeck.store import open_store

    reopened = open_store(db_path)
    try:
        assert reopened.scalar("PRAGMA integrity_check") == "ok"
        body = reopened.pitches.bodies(paper.id)["pitch.background"]
        saved = int(body.split()[1])
        assert saved >= acknowledged and body.endswith("现有 RLHF")
    finally:
        reopened.close()
