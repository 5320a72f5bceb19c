"""The speaking counts stored with each pitch section (migration 0010) stay equal to counting
the saved text: after saves, edits, undo, an older journal's undo, a bulk load, and the
upgrade of an existing database; and the Dashboard times pitches exactly as before."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from paperdeck.domain.speaking import Rates, count_speech, estimate_pitch
from paperdeck.models.papers import Stage
from paperdeck.store import open_store
from paperdeck.store.bulk import BulkLoader
from paperdeck.usecases.today import gather_pitch

DATA = Path(__file__).parent / "data"
MIXED = "MT-Bench don't 3.5 — 长上下文推理很难。 [red]markup[/] 😀 ünïcode"


def stored(store, paper_id: int, part_key: str) -> tuple[int | None, int | None]:
    row = store.row("SELECT words, cjk_chars FROM pitch_sections WHERE paper_id = ? AND part_key = ?",
                    (paper_id, part_key))
    return row["words"], row["cjk_chars"]


def counted(text: str) -> tuple[int, int]:
    count = count_speech(text)
    return count.words, count.cjk_chars


def expected_pitch(store, papers) -> list[tuple[int, int, int, str]]:
    """(paper, parts filled, seconds, verdict) by counting every body now, as before 0010."""
    parts = [part.key for part in store.pitches.parts()]
    target = store.pitches.target_minutes()
    found = []
    for paper in papers:
        bodies = store.pitches.bodies(paper.id)
        estimate = estimate_pitch({key: bodies.get(key, "") for key in parts}, Rates(), target)
        filled = sum(1 for key in parts if bodies.get(key, "").strip())
        found.append((paper.id, filled, int(round(estimate.total_seconds)), estimate.verdict))
    return sorted(found)


def dashboard_pitch(store) -> list[tuple[int, int, int, str]]:
    papers = store.papers.outlines()
    items, _ = gather_pitch(store, papers)
    return sorted((item.paper_id, item.parts_filled, item.seconds, item.verdict) for item in items)


@pytest.fixture
def paper(store):
    paper = store.papers.add("Sparse MoE 长上下文")
    store.papers.move(paper.id, Stage.WRITING)
    return paper


def test_a_save_stores_the_counts_and_an_edit_updates_them(store, paper):
    store.pitches.save_section(paper.id, "pitch.background", MIXED)
    assert stored(store, paper.id, "pitch.background") == counted(MIXED)
    store.pitches.save_section(paper.id, "pitch.background", "three plain words")
    assert stored(store, paper.id, "pitch.background") == (3, 0)
    store.pitches.save_sections(paper.id, {"pitch.method": "方法", "pitch.background": ""})
    assert stored(store, paper.id, "pitch.method") == (0, 2)
    assert stored(store, paper.id, "pitch.background") == (0, 0)


def test_restoring_a_version_and_undoing_a_delete_keep_the_counts_right(store, paper):
    store.pitches.save_section(paper.id, "pitch.results", "first version of the results")
    first = store.pitches.snapshot(paper.id)
    store.pitches.save_section(paper.id, "pitch.results", MIXED)
    store.pitches.restore(first.id)
    assert stored(store, paper.id, "pitch.results") == (5, 0)
    store.papers.delete(paper.id)
    assert store.scalar("SELECT count(*) FROM pitch_sections WHERE paper_id = ?", (paper.id,)) == 0
    store.papers.undo()
    assert stored(store, paper.id, "pitch.results") == (5, 0)
    assert dashboard_pitch(store) == expected_pitch(store, [paper])


def test_a_body_changed_without_its_counts_is_counted_again(store, paper, db_path):
    """An older journal's undo (or a hand edit) writes the body alone: the counts are cleared,
    read from the text meanwhile, and stored again at the next open."""
    store.pitches.save_section(paper.id, "pitch.highlight", "one two three four")
    with store.transaction() as conn:
        conn.execute("UPDATE pitch_sections SET body = ? WHERE paper_id = ?", (MIXED, paper.id))
    assert stored(store, paper.id, "pitch.highlight") == (None, None)
    assert dashboard_pitch(store) == expected_pitch(store, [paper])
    store.close()
    reopened = open_store(db_path)
    try:
        assert stored(reopened, paper.id, "pitch.highlight") == counted(MIXED)
        assert dashboard_pitch(reopened) == expected_pitch(reopened, [paper])
    finally:
        reopened.close()


def test_bulk_loaded_sections_are_counted(store, paper, db_path):
    BulkLoader(store).insert("pitch_sections", [
        {"paper_id": paper.id, "part_key": "pitch.method", "body": MIXED, "updated_at": None},
    ])
    assert stored(store, paper.id, "pitch.method") == (None, None)
    assert dashboard_pitch(store) == expected_pitch(store, [paper])
    store.close()
    reopened = open_store(db_path)
    try:
        assert stored(reopened, paper.id, "pitch.method") == counted(MIXED)
    finally:
        reopened.close()


def test_an_existing_database_gets_its_counts_when_upgraded(tmp_path):
    copy = tmp_path / "old.db"
    shutil.copy(DATA / "v1.db", copy)
    conn = sqlite3.connect(copy)
    paper_ids = [row[0] for row in conn.execute("SELECT id FROM papers ORDER BY id LIMIT 2")]
    texts = {"pitch.background": MIXED, "pitch.method": "   ", "pitch.results": "因为长上下文推理很难"}
    for paper_id in paper_ids:
        conn.executemany("INSERT INTO pitch_sections(paper_id, part_key, body) VALUES (?, ?, ?)",
                         [(paper_id, key, body) for key, body in texts.items()])
    conn.commit()
    conn.close()
    store = open_store(copy)
    try:
        for paper_id in paper_ids:
            for key, body in texts.items():
                assert stored(store, paper_id, key) == counted(body)
        papers = [paper for paper in store.papers.outlines() if paper.id in paper_ids]
        assert dashboard_pitch(store)  # the upgraded papers are listed ...
        shown = {item[0]: item for item in dashboard_pitch(store)}
        assert [shown[paper.id] for paper in papers] == expected_pitch(store, papers)  # ... timed as before
    finally:
        store.close()


def test_the_dashboard_times_every_paper_as_counting_the_text_does(store):
    papers = []
    for n, text in enumerate([MIXED, "", "word " * 700, "字" * 1200, "!!! ???"]):
        paper = store.papers.add(f"Paper {n}")
        store.papers.move(paper.id, Stage.SUBMISSION)
        if text:
            store.pitches.save_section(paper.id, "pitch.background", text)
            store.pitches.save_section(paper.id, "pitch.extensions", text[: len(text) // 2])
        papers.append(paper)
    assert dashboard_pitch(store) == expected_pitch(store, papers)
    assert store.scalar("SELECT count(*) FROM pitch_sections WHERE words IS NULL") == 0


def test_a_part_of_whitespace_alone_is_not_written_as_python_strips_it(store, paper):
    """"Has text" is decided in SQL with the whitespace `str.strip()` strips: a part holding
    only such characters (any of them, the ideographic space too) is not counted as written;
    one character more is."""
    from paperdeck.store.pitches import WHITESPACE

    assert WHITESPACE == "".join(chr(code) for code in range(0x110000) if chr(code).isspace())
    assert all(count_speech(space).empty for space in WHITESPACE)  # a counted part with words has text
    keys = [part.key for part in store.pitches.parts()]
    store.pitches.save_section(paper.id, keys[0], WHITESPACE)
    store.pitches.save_section(paper.id, keys[1], "\u3000\n")
    store.pitches.save_section(paper.id, keys[2], " \u200b ")  # a zero-width space is not whitespace
    store.pitches.save_section(paper.id, keys[3], "\u3000x\u3000")
    saved = store.pitches.counts_by_paper()[paper.id]
    assert {key: saved[key][0] for key in keys[:4]} == {keys[0]: False, keys[1]: False, keys[2]: True, keys[3]: True}
    assert dashboard_pitch(store) == expected_pitch(store, store.papers.outlines())
