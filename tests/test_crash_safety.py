"""Crash safety: a worker doing real store writes is killed with SIGKILL at random moments.

Every change the worker reported as committed must survive, and the database must always
open and pass `PRAGMA integrity_check`. One database is reused across runs, so each run also
recovers from the previous kill (hot WAL, half-written transaction).

The moment is random in work, not in time: the test reads a random number of the worker's
commit reports, then kills it while the worker is already on in its next operations. A fixed
number of runs bounds the test; what it checks does not depend on the machine's speed.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from paperdeck.store import open_store
from paperdeck.store.backup import check_backup_source

CHILD = Path(__file__).with_name("crash_child.py")
RUNS = 16
MOST_REPORTS_BEFORE_THE_KILL = 60


def run_and_kill(db: Path, seed: int, rng: random.Random) -> list[dict]:
    """Start the worker, read `wait_for` of its commit reports (0: kill it as it starts
    working), kill it, and return every report it completed, read or not."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(db), str(seed)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    ready = child.stdout.readline()
    assert ready.strip() == '{"op": "ready"}', (ready, child.stderr.read() if child.poll() is not None else "")
    wait_for = rng.randint(0, MOST_REPORTS_BEFORE_THE_KILL)
    lines = [child.stdout.readline() for _ in range(wait_for)]
    assert all(line.endswith("\n") for line in lines), "the worker stopped on its own"
    os.kill(child.pid, signal.SIGKILL)
    remaining, errors = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, errors
    records = []
    for line in [*lines, *remaining.splitlines()]:
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            break  # the kill may cut the last line: it was never a completed report
    return records


def verify(db: Path, records: list[dict]) -> None:
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        raw.close()
    store = open_store(db, seed=False)
    try:
        for record in records:
            op = record["op"]
            if op == "paper":
                assert store.papers.get(record["id"]).title == record["title"]
            elif op == "move":
                moves = store.scalar("SELECT count(*) FROM stage_history WHERE paper_id = ?", (record["id"],))
                assert moves >= record["moves"], record
            elif op == "edit":
                notes = store.scalar("SELECT notes FROM papers WHERE id = ?", (record["id"],))
                assert int(notes.split()[1]) >= record["counter"], (record, notes)
            elif op == "review":
                assert store.scalar("SELECT card_id FROM reviews WHERE id = ?", (record["id"],)) == record["card"]
            elif op == "pitch":
                body = store.scalar("SELECT body FROM pitch_sections WHERE paper_id = ? AND part_key = ?",
                                    (record["paper"], record["part"]))
                assert body is not None and int(body.split()[1]) >= record["counter"], record
            elif op == "pitch_version":
                assert store.pitches.version(record["id"]).paper_id == record["paper"]
            elif op == "setting":
                assert int(store.settings.load().my_name.split()[1]) >= record["counter"]
            elif op == "backup":
                check_backup_source(Path(record["path"]))
    finally:
        store.close()


def test_sigkill_at_random_moments_loses_no_committed_change(seeded_db):
    db_path = seeded_db
    seeded = open_store(db_path)
    if seeded.scalar("SELECT count(*) FROM cards") == 0:
        # Cards for the reviews to hit, when no seeder has made any yet.
        with seeded.transaction() as conn:
            deck = conn.execute("INSERT INTO decks(key, name) VALUES ('crash', 'crash')").lastrowid
            for number in range(20):
                conn.execute("INSERT INTO cards(deck_id, front, due, created_at, updated_at) "
                             "VALUES (?, ?, '2026-11-29T09:00:00Z', '2026-11-29T09:00:00Z', '2026-11-29T09:00:00Z')",
                             (deck, f"question {number}"))
    seeded.close()
    rng = random.Random(20261129)
    totals: dict[str, int] = {}
    for seed in range(1, RUNS + 1):
        records = run_and_kill(db_path, seed, rng)
        verify(db_path, records)
        for record in records:
            totals[record["op"]] = totals.get(record["op"], 0) + 1
    print(f"crash runs: {RUNS}, committed changes checked: {totals}")
    # Every run read its reports before the kill, so these hold on any machine: the checks
    # above were not vacuous.
    for op in ("paper", "move", "edit", "review", "pitch", "setting"):
        assert totals.get(op, 0) > 0, totals
    assert sum(totals.values()) > 30 * RUNS / 2, totals
