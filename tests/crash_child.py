"""A worker for test_crash_safety: runs random store operations until it is killed.

After each commit it prints one JSON line (flushed) saying what is now committed; the test
kills it with SIGKILL at a random moment and checks that every printed change survived.
Usage: python crash_child.py DB SEED
"""

from __future__ import annotations

import json
import random
import sys

from paperdeck.models.common import to_iso, utcnow
from paperdeck.models.papers import STAGES
from paperdeck.store import open_store


def report(**record: object) -> None:
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def add_paper(store, rng, counter):
    paper = store.papers.add(f"crash paper {counter} 論文 " + "x" * rng.randint(0, 3000))
    report(op="paper", id=paper.id, title=paper.title)


def move_paper(store, rng, counter):
    papers = store.papers.all()
    if not papers:
        return
    paper = rng.choice(papers)
    target = rng.choice([stage for stage in STAGES if stage is not paper.stage])
    now = to_iso(utcnow())
    with store.transaction() as conn:
        conn.execute("UPDATE papers SET stage = ?, stage_entered_at = ?, updated_at = ? WHERE id = ?",
                     (target.value, now, now, paper.id))
        conn.execute("INSERT INTO stage_history(paper_id, from_stage, to_stage, at) VALUES (?, ?, ?, ?)",
                     (paper.id, paper.stage.value, target.value, now))
        moves = conn.execute("SELECT count(*) FROM stage_history WHERE paper_id = ?", (paper.id,)).fetchone()[0]
    report(op="move", id=paper.id, moves=moves)


def edit_paper(store, rng, counter):
    papers = store.papers.all()
    if not papers:
        return
    paper = rng.choice(papers)
    with store.transaction() as conn:
        conn.execute("UPDATE papers SET notes = ?, updated_at = ? WHERE id = ?",
                     (f"edit {counter}", to_iso(utcnow()), paper.id))
    report(op="edit", id=paper.id, counter=counter)


def review_card(store, rng, counter):
    cards = store.rows("SELECT id FROM cards LIMIT 50")
    if not cards:
        return
    card_id = rng.choice(cards)["id"]
    now = to_iso(utcnow())
    with store.transaction() as conn:
        review_id = conn.execute(
            "INSERT INTO reviews(card_id, rating, reviewed_at, duration_ms) VALUES (?, ?, ?, ?)",
            (card_id, rng.randint(1, 4), now, rng.randint(1000, 90000)),
        ).lastrowid
        conn.execute("UPDATE cards SET state = 2, last_review = ?, version = version + 1 WHERE id = ?",
                     (now, card_id))
    report(op="review", id=review_id, card=card_id)


def pitch_autosave(store, rng, counter):
    """The pitch editor saves the whole section body on every pause in typing."""
    papers = store.papers.all()
    if not papers:
        return
    paper_id = papers[0].id
    part = rng.choice(["problem", "method", "results"])
    body = f"autosave {counter} " + "我们提出一种方法。" * rng.randint(1, 200)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO pitch_sections(paper_id, part_key, body, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(paper_id, part_key) DO UPDATE SET body = excluded.body, "
            "updated_at = excluded.updated_at, version = version + 1",
            (paper_id, part, body, to_iso(utcnow())),
        )
    report(op="pitch", paper=paper_id, part=part, counter=counter)


def set_setting(store, rng, counter):
    store.settings.set("crash_counter", counter)
    report(op="setting", counter=counter)


def backup(store, rng, counter):
    from paperdeck.store.backup import backup_store

    made = backup_store(store, reason="crash")
    report(op="backup", path=str(made))


OPERATIONS = [add_paper, add_paper, move_paper, edit_paper, review_card, review_card,
              pitch_autosave, pitch_autosave, pitch_autosave, set_setting]


def main() -> None:
    db, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    store = open_store(db, seed=False)
    counter = seed * 1_000_000  # grows across runs: later values win
    report(op="ready")
    while True:
        counter += 1
        operation = backup if rng.random() < 0.01 else rng.choice(OPERATIONS)
        operation(store, rng, counter)


if __name__ == "__main__":
    main()
