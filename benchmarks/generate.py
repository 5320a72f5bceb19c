"""Realistic databases at fixed sizes, written through the store (open_store + BulkLoader).

Cached under benchmarks/data/ by size, schema version and generator version: a size is
generated once per generator version, and migrated (a copy opened by the store) when the
schema moves on. `python -m benchmarks.generate medium` builds one by hand.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from paperdeck.models.common import to_iso
from paperdeck.models.papers import STAGES, Stage
from paperdeck.store import open_store
from paperdeck.store.bulk import BulkLoader
from paperdeck.store.migrate import LATEST_VERSION
from paperdeck.store.speech_counts import fill_missing

from . import corpus

DATA_DIR = Path(__file__).resolve().parent / "data"
GENERATOR_VERSION = 3  # bump when the generated content changes


@dataclass(frozen=True)
class Size:
    name: str
    papers: int
    cards: int
    reviews: int


SIZES = {
    "tiny": Size("tiny", 5, 20, 60),  # the smoke test's size
    "small": Size("small", 50, 500, 5_000),
    "medium": Size("medium", 1_000, 10_000, 100_000),
    "large": Size("large", 10_000, 100_000, 1_000_000),
}
STAGE_WEIGHTS = [30, 15, 20, 15, 5, 10, 5]
PITCH_PARTS = ["pitch.background", "pitch.method", "pitch.results", "pitch.highlight", "pitch.extensions"]
QUESTION_CATEGORIES = ["qcat.theory", "qcat.comparison", "qcat.training", "qcat.tooling", "qcat.deployment"]


def cached_path(size: Size, data_dir: Path | None = None) -> Path:
    return (data_dir or DATA_DIR) / f"{size.name}-schema{LATEST_VERSION}-gen{GENERATOR_VERSION}.db"


def ensure_database(size: Size, *, log=print, data_dir: Path | None = None) -> Path:
    """The cached database for `size`, generating it first if needed."""
    path = cached_path(size, data_dir)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    older = _older_schema(size, path.parent)
    if older is not None:  # the same content at an older schema: migrate a copy (seconds, not minutes)
        log(f"migrating the cached {size.name} database {older.name} to schema {LATEST_VERSION}...")
        shutil.copyfile(older, partial)
        open_store(partial).close()
        partial.rename(path)
        log(f"  done in {time.perf_counter() - started:.1f} s: {path}")
        return path
    log(f"generating the {size.name} database ({size.papers} papers, {size.cards} cards, {size.reviews} reviews)...")
    generate(partial, size)
    partial.rename(path)
    log(f"  done in {time.perf_counter() - started:.1f} s: {path}")
    return path


def _older_schema(size: Size, folder: Path) -> Path | None:
    """The newest cached database of this size and generator at an older schema, if any."""
    found = []
    for candidate in folder.glob(f"{size.name}-schema*-gen{GENERATOR_VERSION}.db"):
        schema = candidate.name[len(f"{size.name}-schema"):].split("-", 1)[0]
        if schema.isdigit() and int(schema) < LATEST_VERSION:
            found.append((int(schema), candidate))
    return max(found)[1] if found else None


def generate(path: Path, size: Size, *, seed: int = 20261129) -> None:
    rng = random.Random(seed)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    store = open_store(path)
    try:
        store.conn.execute("PRAGMA cache_size = -200000")
        loader = BulkLoader(store)
        venue_keys = [venue.key for venue in store.venues.all()] or [None]
        with store.transaction():
            paper_ids = _papers(loader, rng, size, now, venue_keys)
            card_ids = _cards(loader, rng, size, now, paper_ids)
            loader.insert("reviews", _reviews(rng, size, now, card_ids))
            pitched = [row[0] for row in store.rows(
                "SELECT id FROM papers WHERE stage IN ('writing', 'submission', 'under_review', 'decision')")]
            loader.insert("pitch_sections", _pitch_sections(rng, now, pitched))
        fill_missing(store.conn)  # as a save stores them (a bulk load leaves them to the next open)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.conn.execute("ANALYZE")
    finally:
        store.close()


def _ago(now: datetime, rng: random.Random, max_days: float) -> str:
    return to_iso(now - timedelta(days=rng.uniform(0, max_days)))


def _papers(loader: BulkLoader, rng, size: Size, now, venue_keys) -> list[int]:
    first = loader.next_id("papers")
    ids = list(range(first, first + size.papers))
    positions = {stage: 0 for stage in STAGES}
    rows, history, checklist, submissions = [], [], [], []
    for paper_id in ids:
        stage = rng.choices(STAGES, STAGE_WEIGHTS)[0]
        positions[stage] += 1
        entered, created = _ago(now, rng, 60), _ago(now, rng, 400)
        authors = rng.sample(corpus.AUTHORS, rng.randint(2, 5))
        rows.append({
            "id": paper_id, "title": corpus.title(rng, paper_id), "stage": stage.value,
            "position": float(positions[stage]), "venue_key": rng.choice(venue_keys),
            "target_year": rng.choice([2026, 2027]), "authors": json.dumps(authors, ensure_ascii=False),
            "my_author_index": 0, "contribution": corpus.sentence(rng), "result": corpus.sentence(rng),
            "method": rng.choice(corpus.METHODS_EN), "baseline": rng.choice(corpus.METHODS_EN),
            "dataset": rng.choice(corpus.TASKS_EN), "notes": corpus.sentence(rng),
            "bullets": json.dumps([corpus.sentence(rng) for _ in range(2)], ensure_ascii=False),
            "stage_entered_at": entered, "created_at": created, "updated_at": entered,
        })
        history.append({"paper_id": paper_id, "from_stage": None, "to_stage": Stage.IDEATION.value, "at": created})
        if stage is not Stage.IDEATION:
            history.append({"paper_id": paper_id, "from_stage": Stage.IDEATION.value, "to_stage": stage.value, "at": entered})
        for position in range(3):
            checklist.append({
                "paper_id": paper_id, "stage": stage.value, "text": f"{corpus.sentence(rng)} ({position + 1})",
                "done": int(rng.random() < 0.5), "position": position,
            })
        if stage in (Stage.UNDER_REVIEW, Stage.DECISION):
            submissions.append({
                "paper_id": paper_id, "venue_key": rows[-1]["venue_key"], "venue_name": str(rows[-1]["venue_key"]).upper(),
                "year": rows[-1]["target_year"], "submitted_on": entered[:10], "scores": "6/5/7",
            })
    loader.insert("papers", rows)
    loader.insert("stage_history", history)
    loader.insert("checklist_items", checklist)
    if submissions:
        loader.insert("submissions", submissions)
    return ids


def _cards(loader: BulkLoader, rng, size: Size, now, paper_ids: list[int]) -> list[int]:
    first_deck = loader.next_id("decks")
    decks = [
        {"id": first_deck + n, "key": f"bench.paper.{paper_id}", "name": f"Paper {paper_id}",
         "name_zh": f"论文 {paper_id}", "paper_id": paper_id}
        for n, paper_id in enumerate(paper_ids)
    ]
    loader.insert("decks", decks)
    first = loader.next_id("cards")
    ids = list(range(first, first + size.cards))

    def rows():
        for n, card_id in enumerate(ids):
            front, front_zh = corpus.question(rng)
            state = rng.choices([0, 1, 2, 3], [20, 10, 65, 5])[0]
            reviewed = state != 0
            yield {
                "id": card_id, "deck_id": decks[n % len(decks)]["id"], "key": f"bench.{card_id}",
                "category_key": rng.choice(QUESTION_CATEGORIES), "front": front, "front_zh": front_zh,
                "back": corpus.sentence(rng), "state": state, "step": 0 if state in (1, 3) else None,
                "stability": rng.uniform(0.5, 90) if reviewed else None,
                "difficulty": rng.uniform(1, 10) if reviewed else None,
                "due": to_iso(now + timedelta(days=rng.uniform(-20, 60))),
                "last_review": _ago(now, rng, 60) if reviewed else None,
                "created_at": _ago(now, rng, 300), "updated_at": _ago(now, rng, 30),
            }

    loader.insert("cards", rows())
    return ids


def _reviews(rng, size: Size, now, card_ids: list[int]):
    for n in range(size.reviews):
        yield {
            "card_id": card_ids[n % len(card_ids)], "rating": rng.choices([1, 2, 3, 4], [10, 15, 60, 15])[0],
            "reviewed_at": _ago(now, rng, 365), "duration_ms": rng.randint(8_000, 150_000),
            "mode": "fsrs", "card_before": _state_before(rng),
        }


# The card's state before a review, as a user's history has them (new, learning, review,
# relearning): true retention and the weakest categories count the reviews of review cards.
_STATES_BEFORE = ['{"state": 0}', '{"state": 1}', '{"state": 2}', '{"state": 3}']


def _state_before(rng) -> str:
    return rng.choices(_STATES_BEFORE, [10, 10, 75, 5])[0]


def _pitch_sections(rng, now, paper_ids: list[int]):
    """Papers from writing on have a pitch, from one part written to all five."""
    for paper_id in paper_ids:
        for part in PITCH_PARTS[:rng.randint(1, len(PITCH_PARTS))]:
            yield {"paper_id": paper_id, "part_key": part, "body": corpus.pitch_body(rng, part), "updated_at": _ago(now, rng, 30)}


def main(argv: list[str]) -> int:
    for name in argv or ["small"]:
        if name not in SIZES:
            print(f"unknown size {name!r}; expected one of {', '.join(SIZES)}", file=sys.stderr)
            return 2
        ensure_database(SIZES[name])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
