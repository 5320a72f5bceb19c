"""A worker for test_crash_safety: runs random store operations until it is killed.

After each commit it prints one JSON line (flushed) saying what is now committed; the test
kills it with SIGKILL at a random moment and checks that every printed change survived.
Usage: python crash_child.py DB SEED
"""

from __future__ import annotations

import json
import random
import sys

from paperdeck.models.common import utcnow
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
    store.papers.move(paper.id, target)
    moves = len(store.papers.history(paper.id))
    report(op="move", id=paper.id, moves=moves)


def edit_paper(store, rng, counter):
    papers = store.papers.all()
    if not papers:
        return
    paper = rng.choice(papers)
    store.papers.update(paper.id, None, notes=f"edit {counter}")
    report(op="edit", id=paper.id, counter=counter)


def review_card(store, rng, counter):
    now = utcnow()
    card = store.cards.next_card(now)
    if card is None:
        return
    outcome = store.cards.preview(card, now)[rng.randint(1, 4)]
    review_id = store.cards.record_review(card, outcome, reviewed_at=now, duration_ms=rng.randint(1000, 90000))
    report(op="review", id=review_id, card=card.id)


def pitch_autosave(store, rng, counter):
    """The pitch editor saves a part on every pause in typing, and snapshots versions."""
    papers = store.papers.all()
    if not papers:
        return
    paper_id = papers[0].id
    part = rng.choice([part.key for part in store.pitches.parts()])
    store.pitches.save_section(paper_id, part, f"autosave {counter} " + "我们提出一种方法。" * rng.randint(1, 200))
    report(op="pitch", paper=paper_id, part=part, counter=counter)
    if rng.random() < 0.2:
        version = store.pitches.snapshot(paper_id)
        if version is not None:
            report(op="pitch_version", id=version.id, paper=paper_id)


def set_setting(store, rng, counter):
    store.settings.update(my_name=f"crash {counter}")
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
