"""Crash safety: a worker doing real store writes is killed with SIGKILL at random moments.

Every change the worker reported as committed must survive, and the database must always
open and pass `PRAGMA integrity_check`. One database is reused across runs, so each run also
recovers from the previous kill (hot WAL, half-written transaction).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from paperdeck.store import open_store
from paperdeck.store.backup import check_backup_source

CHILD = Path(__file__).with_name("crash_child.py")
RUNS = 24
TIME_BUDGET_S = 35


def run_and_kill(db: Path, seed: int, rng: random.Random) -> list[dict]:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(db), str(seed)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    ready = child.stdout.readline()
    assert ready.strip() == '{"op": "ready"}', (ready, child.stderr.read() if child.poll() is not None else "")
    time.sleep(rng.uniform(0.0, 0.4))
    os.kill(child.pid, signal.SIGKILL)
    remaining, errors = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, errors
    records = []
    for line in remaining.splitlines():
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


def test_sigkill_at_random_moments_loses_no_committed_change(db_path):
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
    started = time.monotonic()
    totals: dict[str, int] = {}
    runs = 0
    for seed in range(1, RUNS + 1):
        records = run_and_kill(db_path, seed, rng)
        verify(db_path, records)
        for record in records:
            totals[record["op"]] = totals.get(record["op"], 0) + 1
        runs += 1
        if time.monotonic() - started > TIME_BUDGET_S:
            break
    print(f"crash runs: {runs}, committed changes checked: {totals}")
    # The work done fits a time budget, so a loaded CI machine does less of it: these floors
    # only make sure the checks above were not vacuous.
    assert runs >= 4
    for op in ("paper", "move", "edit", "review", "pitch", "setting"):
        assert totals.get(op, 0) > 0, totals
    assert sum(totals.values()) > 30, totals
