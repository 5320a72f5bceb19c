"""BulkLoader: many rows in one statement, checked against the live schema, all or nothing."""

from __future__ import annotations

import pytest

from paperdeck.store import ValidationError
from paperdeck.store.bulk import BulkLoader


def _paper(n: int, title: str) -> dict:
    now = "2026-11-29T09:00:00Z"
    return {"title": title, "stage": "ideation", "position": float(n), "stage_entered_at": now,
            "created_at": now, "updated_at": now}


def test_inserts_many_rows_readable_through_the_repo(store):
    loader = BulkLoader(store)
    first = loader.next_id("papers")
    titles = ["基于稀疏专家的推理 #1", "[red]not markup[/]", "😀 emoji title", "plain"]
    written = loader.insert("papers", (_paper(n, title) for n, title in enumerate(titles)))
    assert written == 4
    papers = store.papers.all()
    assert [paper.title for paper in papers] == titles
    assert papers[0].id == first


def test_large_batches_are_chunked(store):
    loader = BulkLoader(store)
    count = 45_001  # more than two chunks
    assert loader.insert("papers", (_paper(n, f"p{n}") for n in range(count))) == count
    assert store.scalar("SELECT count(*) FROM papers") == count


def test_unknown_table_and_columns_are_refused(store):
    loader = BulkLoader(store)
    with pytest.raises(ValidationError, match="not supported"):
        loader.insert("settings", [{"key": "x", "value": "1"}])
    with pytest.raises(ValidationError, match="no column"):
        loader.insert("papers", [{**_paper(0, "a"), "nonsense; DROP TABLE papers": 1}])
    assert store.scalar("SELECT count(*) FROM papers") == 0


def test_a_bad_row_rolls_back_the_whole_load(store):
    loader = BulkLoader(store)
    rows = [_paper(0, "kept?"), {"title": "different columns"}]
    with pytest.raises(ValidationError, match="same columns"):
        loader.insert("papers", rows)
    assert store.scalar("SELECT count(*) FROM papers") == 0
    # A constraint failure inside SQLite rolls back too (stage is NOT NULL).
    bad = [_paper(0, "a"), {**_paper(1, "b"), "stage": None}]
    with pytest.raises(Exception):
        loader.insert("papers", bad)
    assert store.scalar("SELECT count(*) FROM papers") == 0


def test_joins_the_callers_transaction(store):
    loader = BulkLoader(store)
    with pytest.raises(RuntimeError):
        with store.transaction():
            loader.insert("papers", [_paper(0, "inside")])
            raise RuntimeError("abort")
    assert store.scalar("SELECT count(*) FROM papers") == 0
