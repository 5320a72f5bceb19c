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
    _recorded_as(store, lambda rows: repr(rows).encode(), None)


def _recorded_as(store, written, digest_of: str | None) -> None:
    """The latest entry as an earlier paperdeck wrote it: its added papers' rows fetched and
    written out by `written` (digest_of None: before "digest_of" was recorded)."""
    import hashlib

    entry_id, after_text = store.conn.execute("SELECT id, after FROM undo_log ORDER BY id DESC LIMIT 1").fetchone()
    after = json.loads(after_text)
    columns = [c[1] for c in store.conn.execute("PRAGMA table_info(papers)") if c[1] not in ("version", "updated_at")]
    digest = hashlib.sha256()
    cursor = store.conn.cursor()
    cursor.row_factory = None
    for first, last in after["papers"]["added_ids"]:
        digest.update(written(cursor.execute(f"SELECT {', '.join(columns)} FROM papers WHERE id BETWEEN ? AND ? ORDER BY id",
                                             (first, last)).fetchall()))
    if digest_of is None:
        del after["papers"]["digest_of"]
    else:
        after["papers"]["digest_of"] = digest_of
    after["papers"]["digest"] = digest.hexdigest()
    with store.transaction() as conn:
        conn.execute("UPDATE undo_log SET after = ? WHERE id = ?", (json.dumps(after), entry_id))


def _as_recorded_by_marshal(store) -> None:
    import marshal

    _recorded_as(store, lambda rows: marshal.dumps(rows, 2), "marshal-2")


def latest_after(store) -> dict:
    return json.loads(store.conn.execute("SELECT after FROM undo_log ORDER BY id DESC LIMIT 1").fetchone()[0])


@pytest.mark.parametrize("as_before", [_as_recorded_before_digest_of, _as_recorded_by_marshal])
def test_an_import_digest_is_of_its_rows_as_json_arrays_and_an_older_entry_still_undoes(store, as_before):
    """New entries hash each row as SQLite's json_array writes it (10,000 papers: ~45 ms, ~80
    ms fetched and marshalled, issue 18); an entry recorded before still matches."""
    empty = rows(store, "papers")
    run_import(store, "bib", [str(BIB / "594zyc_papers.bib")])
    assert latest_after(store)["papers"]["digest_of"] == "json-array"
    as_before(store)
    assert undo_last_import(store) is not None
    assert rows(store, "papers") == empty


@pytest.mark.parametrize("as_before", [_as_recorded_before_digest_of, _as_recorded_by_marshal])
def test_an_older_entry_changed_since_is_still_refused(store, as_before):
    run_import(store, "bib", [str(BIB / "594zyc_papers.bib")])
    as_before(store)
    with store.transaction() as conn:
        conn.execute("UPDATE papers SET notes = 'mine now' WHERE id = (SELECT max(id) FROM papers)")
    with pytest.raises(ConflictError, match="changed since"):
        undo_last_import(store)


@pytest.mark.parametrize("change", [
    "UPDATE papers SET position = position + position * 1e-15 WHERE id = ?",  # beyond json_array's 15 digits
    "UPDATE papers SET notes = 'mine' || char(0) || 'now' WHERE id = ?",  # past a NUL
    "UPDATE papers SET target_year = target_year + 1 WHERE id = ?",
    "UPDATE papers SET doi = iif(doi IS NULL, '10.1/x', NULL) WHERE id = ?",
    "DELETE FROM papers WHERE id = ?",
])
def test_any_change_to_an_imported_row_stops_its_undo(store, change):
    run_import(store, "bib", [str(BIB / "594zyc_papers.bib")])
    paper_id = store.conn.execute("SELECT max(id) FROM papers").fetchone()[0]
    with store.transaction() as conn:
        conn.execute(change, (paper_id,))
    before = list(store.conn.iterdump())
    with pytest.raises(ConflictError, match="changed since"):
        undo_last_import(store)
    assert list(store.conn.iterdump()) == before
