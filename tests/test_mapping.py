"""Rows <-> models: every table has its mapper, every column its field and every field its
column, and a record of every table round-trips through a real SQLite file unchanged."""

from __future__ import annotations

import json
import dataclasses
import typing
from datetime import date, datetime, timezone
from enum import Enum

import pytest

from paperdeck.models.papers import Paper
from paperdeck.models.venues import Deadline
from paperdeck.store import open_store
from paperdeck.store.mapping import Mapper
from paperdeck.store.tables import MAPPERS, PAPERS, UNMAPPED


def table_columns(conn, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def schema_mismatches(conn, mappers) -> list[str]:
    """What keeps the schema and the models from agreeing, one line per problem."""
    problems = []
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
              if not row[0].startswith("sqlite_")}
    mapped = {mapper.table for mapper in mappers}
    problems += [f"table {name} has no mapper (store/tables.py)" for name in sorted(tables - mapped - set(UNMAPPED))]
    for mapper in mappers:
        columns = table_columns(conn, mapper.table)
        problems += [f"{mapper.table}.{name} has no field in {mapper.model.__name__}"
                     for name in sorted(columns - mapper.columns)]
        problems += [f"{mapper.model.__name__} maps {name} but {mapper.table} has no such column"
                     for name in sorted(mapper.columns - columns)]
    return problems


@pytest.fixture
def empty(db_path):
    opened = open_store(db_path, seed=False)
    yield opened
    opened.close()


def test_every_table_has_a_mapper_and_every_column_its_field(empty):
    assert schema_mismatches(empty.conn, MAPPERS) == []


def test_a_column_without_a_field_is_caught(empty):
    empty.conn.execute("ALTER TABLE papers ADD COLUMN mood TEXT NOT NULL DEFAULT ''")
    assert schema_mismatches(empty.conn, MAPPERS) == ["papers.mood has no field in Paper"]


def test_a_field_without_a_column_is_caught(empty):
    @dataclasses.dataclass
    class PaperWithMood(Paper):
        mood: str = ""

    mappers = [m for m in MAPPERS if m is not PAPERS] + [Mapper(PaperWithMood, "papers", joined=PAPERS.joined,
                                                                store_only=PAPERS.store_only)]
    assert schema_mismatches(empty.conn, mappers) == ["PaperWithMood maps mood but papers has no such column"]


def test_a_table_without_a_mapper_is_caught(empty):
    empty.conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT) STRICT")
    assert schema_mismatches(empty.conn, MAPPERS) == ["table notes has no mapper (store/tables.py)"]


# -- round trips -------------------------------------------------------------------------------

MOMENT = datetime(2026, 11, 29, 9, 30, 15, tzinfo=timezone.utc)
HOSTILE_TEXT = "[red]x[/] 论文 📄 \x1b[2J '; DROP TABLE papers; --"
# Values a table's constraints require (a deadline is either an instant or a date).
OVERRIDES: dict[type, dict[str, object]] = {Deadline: {"on_date": None}}
STORE_ONLY = {"venue_id": 1}


def sample(annotation, name: str):
    """A value of this type, other than any field's default."""
    args = typing.get_args(annotation)
    if type(None) in args:
        return sample(next(arg for arg in args if arg is not type(None)), name)
    origin = typing.get_origin(annotation) or annotation
    if origin is list:
        return [sample(args[0], name), sample(args[0], name + "2")]
    if origin is tuple:
        return (sample(args[0], name),)
    if origin is dict:
        return {"k": sample(args[1], name) if args[1] is not typing.Any else [1, "two", None]}
    if annotation is bool:
        return True
    if annotation is int:
        return 7 + len(name)
    if annotation is float:
        return 2.5
    if annotation is str:
        return f"{name} {HOSTILE_TEXT}"
    if annotation is datetime:
        return MOMENT
    if annotation is date:
        return date(2027, 1, 29)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return list(annotation)[-1]
    if dataclasses.is_dataclass(annotation):
        hints = typing.get_type_hints(annotation)
        return annotation(**{f.name: sample(hints[f.name], f.name) for f in dataclasses.fields(annotation)})
    raise AssertionError(f"no sample for {annotation!r}")


def sample_record(mapper: Mapper):
    hints = typing.get_type_hints(mapper.model)
    values = {name: sample(hints[name], name) for name in mapper.field_names}
    values.update(OVERRIDES.get(mapper.model, {}))
    return mapper.model(**values)


@pytest.mark.parametrize("mapper", MAPPERS, ids=lambda m: m.table)
def test_a_record_round_trips_unchanged(empty, mapper):
    record = sample_record(mapper)
    row = mapper.to_row(record)
    row.update({column: value for column, value in STORE_ONLY.items() if column in mapper.store_only})
    conn = empty.conn
    conn.execute("PRAGMA foreign_keys = OFF")  # one table at a time: no parents to point at
    conn.execute(f"INSERT INTO {mapper.table} ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
                 list(row.values()))  # STRICT tables: each stored value has its column's type
    stored = dict(conn.execute(f"SELECT * FROM {mapper.table} WHERE id = ?", (record.id,)).fetchone())
    stored.update({name: getattr(record, name) for name in mapper.joined})  # what the join adds
    assert mapper.from_row(stored) == record


def test_unreadable_json_reads_as_empty_and_a_partial_row_keeps_defaults():
    paper = PAPERS.from_row({**PAPERS.to_row(sample_record(PAPERS)), "authors": "{broken", "links": "[1]"})
    assert paper.authors == [] and paper.links == {}
    partial = PAPERS.from_row({"id": 1, "title": "T", "stage": "design"})
    assert partial == Paper(id=1, title="T", stage=partial.stage)
    with pytest.raises(IndexError):
        import sqlite3

        conn = sqlite3.connect(":memory:")
        conn.row_factory = sqlite3.Row
        PAPERS.from_row(conn.execute("SELECT 1 AS id").fetchone())  # no title: a required field


@pytest.mark.parametrize("value", [
    [], {}, ["Özge Alaçam", "张伟", "emoji 🚀", "tab\there", "bell\x07", "quote \" and \\ back", "\u2028 line sep"],
    {"type": "article", "fields": {"journal": "J"}, "authors": ["A"], "n": [1, 2.5, -0.0, 1e300, None, True, False]},
    [float("nan"), float("inf"), -float("inf")], "plain text", 42, 3.5, None, ("a", "b"), [[{"deep": [[]]}]],
])
def test_json_columns_are_written_as_json_dumps_writes_them(value):
    from paperdeck.store.mapping import _TO_JSON

    assert _TO_JSON(value) == json.dumps(value, ensure_ascii=False)


def test_a_value_json_cannot_hold_is_refused():
    from paperdeck.store.mapping import _TO_JSON

    with pytest.raises(TypeError, match="not JSON serializable"):
        _TO_JSON({"when": object()})
