"""An import's added rows are journaled by id and a digest, not copied: undo still refuses
rows changed since, puts the database back exactly, and redo brings the rows back exactly."""

from __future__ import annotations

import json

import pytest

from paperdeck.store import ConflictError
from paperdeck.usecases.imports import run_import, undo_last_import
from test_import_shape import BIB, TINY_YAML


def rows(store, table: str) -> list[tuple]:
    """Every row but its version and update time (which undo and redo freshen)."""
    columns = [c[1] for c in store.conn.execute(f"PRAGMA table_info({table})") if c[1] not in ("version", "updated_at")]
    return [tuple(r) for r in store.conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id")]


def journal_size(store) -> int:
    return store.conn.execute("SELECT length(before) + length(after) FROM undo_log ORDER BY id DESC LIMIT 1").fetchone()[0]


@pytest.fixture
def tiny(tmp_path):
    path = tmp_path / "tiny.yml"
    path.write_text(TINY_YAML, "utf-8")
    return path


PAPER_TABLES = ("papers", "stage_history", "checklist_items", "submissions")


def test_a_bib_import_is_journaled_by_id_and_undone_redone_exactly(store):
    empty = {table: rows(store, table) for table in PAPER_TABLES}
    plan = run_import(store, "bib", [str(BIB / "594zyc_papers.bib")])
    imported = {table: rows(store, table) for table in PAPER_TABLES}
    assert len(imported["papers"]) > 10  # their checklists read the templates: no rows (test_checklist_from_template.py)
    assert sum(len(store.papers.checklist(row[0])) for row in imported["papers"]) > 100
    after = json.loads(store.conn.execute("SELECT after FROM undo_log ORDER BY id DESC LIMIT 1").fetchone()[0])
    assert list(after) == ["papers"] and "added_ids" in after["papers"]  # ids, not 13 papers' rows copied
    assert journal_size(store) < 2000
    assert store.papers.undo() == plan.undo_label
    assert {table: rows(store, table) for table in PAPER_TABLES} == empty
    assert store.papers.redo() == plan.undo_label
    assert {table: rows(store, table) for table in PAPER_TABLES} == imported
    assert store.papers.undo() == plan.undo_label and store.counts()["papers"] == 0


def test_a_bib_import_changed_outside_the_journal_is_not_undone(store):
    run_import(store, "bib", [str(BIB / "594zyc_papers.bib")])
    paper_id = store.conn.execute("SELECT max(id) FROM papers").fetchone()[0]
    with store.transaction() as conn:  # a write that keeps no undo entry (and no new version)
        conn.execute("UPDATE papers SET notes = 'mine now' WHERE id = ?", (paper_id,))
    before = list(store.conn.iterdump())
    with pytest.raises(ConflictError, match="changed since"):
        undo_last_import(store)
    assert list(store.conn.iterdump()) == before


def test_a_deadline_import_undone_then_redone_is_the_same(store, tiny):
    empty = rows(store, "deadlines")
    run_import(store, "deadlines", [str(tiny)])
    imported, venues = rows(store, "deadlines"), rows(store, "venues")
    assert len(imported) == len(empty) + 2
    assert undo_last_import(store) == "import deadlines from tiny.yml"
    assert rows(store, "deadlines") == empty
    assert store.venues.undo(redo=True) == "import deadlines from tiny.yml"  # the import is of the venues scope
    assert rows(store, "deadlines") == imported and rows(store, "venues") == venues


@pytest.mark.parametrize("change", ["delete", "edit"])
def test_an_added_deadline_deleted_or_edited_since_stops_the_undo(store, tiny, change):
    run_import(store, "deadlines", [str(tiny)])
    deadline_id = store.conn.execute("SELECT max(id) FROM deadlines").fetchone()[0]
    with store.transaction() as conn:
        if change == "delete":
            conn.execute("DELETE FROM deadlines WHERE id = ?", (deadline_id,))
        else:
            conn.execute("UPDATE deadlines SET note = 'x' WHERE id = ?", (deadline_id,))
    with pytest.raises(ConflictError, match="some of its deadlines were changed since"):
        undo_last_import(store)


def _as_recorded_before_digest_of(store) -> None:
    """The latest entry as paperdeck wrote it before "digest_of": its added papers' digest
    hashed their repr."""
    import hashlib

    entry_id, after_text = store.conn.execute("SELECT id, after FROM undo_log ORDER BY id DESC LIMIT 1").fetchone()
    after = json.loads(after_text)
    columns = [c[1] for c in store.conn.execute("PRAGMA table_info(papers)") if c[1] not in ("version", "updated_at")]
    digest = hashlib.sha256()
    cursor = store.conn.cursor()
    cursor.row_factory = None
    for first, last in after["papers"]["added_ids"]:
        digest.update(repr(cursor.execute(f"SELECT {', '.join(columns)} FROM papers WHERE id BETWEEN ? AND ? ORDER BY id",
                                          (first, last)).fetchall()).encode())
    del after["papers"]["digest_of"]
    after["papers"]["digest"] = digest.hexdigest()
    with store.transaction() as conn:
        conn.execute("UPDATE undo_log SET after = ? WHERE id = ?", (json.dumps(after), entry_id))


def test_an_import_digest_is_of_its_rows_marshalled_and_an_older_entry_still_undoes(store):
    """New entries hash the rows' marshal (version 2: the same bytes for the same values), a
    sixth of their repr's cost at 10,000 papers; an entry recorded before still matches."""
    empty = rows(store, "papers")
    run_import(store, "bib", [str(BIB / "594zyc_papers.bib")])
    after = json.loads(store.conn.execute("SELECT after FROM undo_log ORDER BY id DESC LIMIT 1").fetchone()[0])
    assert after["papers"]["digest_of"] == "marshal-2"
    _as_recorded_before_digest_of(store)
    assert undo_last_import(store) is not None
    assert rows(store, "papers") == empty


def test_an_older_entry_changed_since_is_still_refused(store):
    run_import(store, "bib", [str(BIB / "594zyc_papers.bib")])
    _as_recorded_before_digest_of(store)
    with store.transaction() as conn:
        conn.execute("UPDATE papers SET notes = 'mine now' WHERE id = (SELECT max(id) FROM papers)")
    with pytest.raises(ConflictError, match="changed since"):
        undo_last_import(store)
