"""store/same_values.py: a column with one value in every row is written as a literal, and
what SQLite stores is exactly what it stores for the same rows bound (type and value)."""

from __future__ import annotations

import sqlite3

import pytest

from paperdeck.store.same_values import insert_rows

COLUMNS = ("id", "a", "b", "c")


def stored(path, rows, insert) -> list[tuple]:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a ANY, b ANY, c ANY) STRICT")
    insert(conn, rows)
    found = conn.execute("SELECT id, a, typeof(a), b, typeof(b), c, typeof(c) FROM t ORDER BY id").fetchall()
    conn.close()
    return found


def bound(conn, rows):
    conn.executemany("INSERT INTO t (id, a, b, c) VALUES (?, ?, ?, ?)", rows)


@pytest.mark.parametrize("same", [
    None, 0, -7, 2**63 - 1, -2**63, "", "it's", "''; DROP TABLE t; --", "a\x00b", "é 中文 \n\t",
    1.5, 1.0, True, b"\x00\x01",
], ids=repr)
def test_a_value_every_row_holds_is_stored_as_bound(tmp_path, same):
    rows = [(n, same, n * 10, same) for n in range(1, 5)]
    assert stored(tmp_path / "literal.db", rows, lambda conn, rows: insert_rows(conn, "t", COLUMNS, rows)) == \
        stored(tmp_path / "bound.db", rows, bound)


@pytest.mark.parametrize("values", [
    (1, 1.0, True, 1), (1.0, 1, 1, 1), (True, 1, 1, 1), ("x", "x", "y", "x"), (None, None, 0, None), (None, None, None, None),
], ids=repr)
def test_equal_values_of_other_types_are_each_stored_as_bound(tmp_path, values):
    rows = [(n, value, value, "same") for n, value in enumerate(values, start=1)]
    assert stored(tmp_path / "literal.db", rows, lambda conn, rows: insert_rows(conn, "t", COLUMNS, rows)) == \
        stored(tmp_path / "bound.db", rows, bound)


def test_a_too_large_int_is_refused_as_bound(tmp_path):
    rows = [(n, 2**63, "x", None) for n in range(1, 4)]
    with pytest.raises(OverflowError):
        stored(tmp_path / "bound.db", rows, bound)
    with pytest.raises(OverflowError):
        stored(tmp_path / "literal.db", rows, lambda conn, rows: insert_rows(conn, "t", COLUMNS, rows))


def test_one_row_and_no_rows(tmp_path):
    one = [(1, "it's", None, 3)]
    assert stored(tmp_path / "literal.db", one, lambda conn, rows: insert_rows(conn, "t", COLUMNS, rows)) == \
        stored(tmp_path / "bound.db", one, bound)
    assert stored(tmp_path / "none.db", [], lambda conn, rows: insert_rows(conn, "t", COLUMNS, rows)) == []


def test_rows_the_same_in_every_column(tmp_path):
    conn = sqlite3.connect(tmp_path / "same.db")
    conn.execute("CREATE TABLE u (a ANY, b ANY) STRICT")
    insert_rows(conn, "u", ("a", "b"), [("it's", None)] * 3)
    assert conn.execute("SELECT a, b FROM u").fetchall() == [("it's", None)] * 3
