"""Rows <-> models: one Mapper per table, derived from the model's dataclass fields.

A field's type says how its column is stored: `bool` as 0/1, `datetime` as ISO 8601 UTC
text (`to_iso`), `date` as YYYY-MM-DD, an Enum by its value, `list`/`dict`/`tuple` as JSON
text (dataclass items as JSON objects), everything else as is. So a new column is a migration
and a field; its mapping follows. A mapper states only what the types cannot: a column named
unlike its field, a field read from a join or computed (no column), a column the model does
not carry, a codec of its own.
"""

from __future__ import annotations

import json
import sqlite3
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING, fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from functools import cached_property
from typing import Any, Generic, NamedTuple, TypeVar

from ..models.common import from_iso, to_iso

M = TypeVar("M")


def _json_encoder() -> Callable[[Any], str]:
    """json.dumps(value, ensure_ascii=False) without building an encoder per call (an import
    encodes two JSON columns a paper): the same text. JSONEncoder.encode still builds its C
    encoder per call (~3 us); one is built here, kept, when this Python's has the known shape."""
    standard = json.JSONEncoder(ensure_ascii=False)
    try:
        from json.encoder import c_make_encoder, encode_basestring

        # As JSONEncoder.iterencode builds it for one value (markers: None, no cycle check).
        chunks = c_make_encoder(None, standard.default, encode_basestring, None, ": ", ", ", False, False, True)
        sample = {"a": [1, 2.5, None, True, "é\n\""], "b": {}, "c": float("nan")}
        if "".join(chunks(sample, 0)) != standard.encode(sample):
            raise ValueError("not the same text")
    except Exception:  # no C accelerator, or another signature: the standard encoder
        return standard.encode
    return lambda value: "".join(chunks(value, 0))


_TO_JSON = _json_encoder()


class Codec(NamedTuple):
    decode: Callable[[Any], Any]  # column value -> field value
    encode: Callable[[Any], Any]  # field value -> column value


def _same(value: Any) -> Any:
    return value


def _nullable(codec: Codec) -> Codec:
    decode, encode = codec
    return Codec(lambda value: None if value is None else decode(value),
                 lambda value: None if value is None else encode(value))


_JSON = json.JSONDecoder()


def _parse_json(text: str) -> Any:
    """json.loads, minus its wrapper's cost (10,000 papers carry 40,000 JSON values): the C
    scanner directly; anything but one bare value (surrounding space, trailing text) goes
    to json.loads, which reads or refuses it as always."""
    try:
        value, end = _JSON.scan_once(text, 0)
    except StopIteration:
        end = -1
    return value if end == len(text) else json.loads(text)


def _json_codec(annotation: Any) -> Codec:
    """list[...] / tuple[...] / dict[...] as JSON text; an unreadable value reads as empty."""
    origin = typing.get_origin(annotation) or annotation
    args = typing.get_args(annotation)
    item = args[0] if args and origin in (list, tuple) else None
    make_item = _item_maker(item)

    def decode(text: Any) -> Any:
        try:
            value = _parse_json(text) if isinstance(text, str) and text else None
        except ValueError:
            value = None
        if origin is dict:
            return value if isinstance(value, dict) else {}
        items = value if isinstance(value, list) else []
        if make_item is not None:
            items = [made for made in map(make_item, items) if made is not None]
        elif item is str and not all(type(text) is str for text in items):
            items = [text for text in map(text_item, items) if text is not None]
        return tuple(items) if origin is tuple else items

    def encode(value: Any) -> str:
        if not value:  # most rows' lists are empty: no json.dumps for those
            return "{}" if origin is dict else "[]"
        if origin is not dict and make_item is not None:
            value = [_as_dict(item) for item in value]
        return _TO_JSON(value if value is not None else ({} if origin is dict else []))

    return Codec(decode, encode)


def text_item(value: Any) -> str | None:
    """An item of a stored list of texts (authors, bullets) as text: a number or object a hand
    edit left there reads as its JSON ("42", "NaN"), shown literally; a null is dropped."""
    if value is None or isinstance(value, str):
        return value
    return _TO_JSON(value)


def _item_maker(item: Any) -> Callable[[Any], Any] | None:
    """Dataclass items are stored as JSON objects; a malformed one is dropped on reading."""
    if not (isinstance(item, type) and is_dataclass(item)):
        return None
    names = {f.name for f in fields(item)}

    def make(value: Any) -> Any:
        if not isinstance(value, dict):
            return None
        try:
            return item(**{key: value[key] for key in names if key in value})
        except TypeError:
            return None

    return make


def _as_dict(item: Any) -> Any:
    return {f.name: getattr(item, f.name) for f in fields(item)} if is_dataclass(item) else item


def codec_for(annotation: Any) -> Codec | None:
    """How a field of this type is stored; None when the value is stored as is."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in args:
        inner = [arg for arg in args if arg is not type(None)]
        base = codec_for(inner[0]) if len(inner) == 1 else None
        return None if base is None else _nullable(base)
    origin = typing.get_origin(annotation) or annotation
    if origin in (list, tuple, dict):
        return _json_codec(annotation)
    if annotation is bool:
        return Codec(bool, lambda value: int(bool(value)))
    if annotation is datetime:
        return Codec(from_iso, to_iso)
    if annotation is date:
        return Codec(date.fromisoformat, date.isoformat)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return Codec(annotation, lambda member: member.value)
    return None


class _Mapped(NamedTuple):
    field: str
    column: str
    decode: Callable[[Any], Any] | None
    encode: Callable[[Any], Any] | None
    required: bool  # no default: the column must be in the row
    is_json: bool


class Mapper(Generic[M]):
    """How one table's rows become `model`s and back.

    `model` may be the dataclass or a function returning it: store/tables.py names every
    table's model, and importing them all (and reading their type hints) cost every start,
    `paperdeck today` included, for tables it never reads. What the fields say is worked out
    at the mapper's first use."""

    def __init__(self, model: type[M] | Callable[[], type[M]], table: str, *, columns: Mapping[str, str] | None = None,
                 joined: Iterable[str] = (), computed: Iterable[str] = (), store_only: Iterable[str] = (),
                 codecs: Mapping[str, Codec] | None = None):
        """`columns`: field -> column where they differ. `joined`: fields read from a joined
        column, never written. `computed`: fields with no column. `store_only`: columns the
        model does not carry (the store fills them). `codecs`: a field's own codec."""
        self._model, self.table = model, table
        self._renamed, self._own_codecs = dict(columns or {}), dict(codecs or {})
        self.joined, self.computed, self.store_only = frozenset(joined), frozenset(computed), frozenset(store_only)
        self._plans: dict[tuple[str, ...], list[tuple[str, int, Callable[[Any], Any] | None]]] = {}
        self._builders: dict[tuple[str, ...], Callable[[list[Any]], list[M]]] = {}
        self._values_encoders: dict[tuple[str, ...], Callable[[Mapping[str, Any]], tuple[Any, ...]]] = {}

    @cached_property
    def model(self) -> type[M]:
        model = self._model
        return model if isinstance(model, type) else model()

    @cached_property
    def _mapped(self) -> list[_Mapped]:
        model = self.model
        hints = typing.get_type_hints(model)
        mapped = []
        for item in fields(model):  # type: ignore[arg-type]
            if item.name in self.computed:
                continue
            annotation = hints[item.name]
            codec = self._own_codecs.get(item.name) or codec_for(annotation)
            required = item.default is MISSING and item.default_factory is MISSING
            is_json = (typing.get_origin(annotation) or annotation) in (list, tuple, dict)
            mapped.append(_Mapped(item.name, self._renamed.get(item.name, item.name), codec.decode if codec else None,
                                  codec.encode if codec else None, required, is_json))
        return mapped

    @cached_property
    def _by_field(self) -> dict[str, _Mapped]:
        return {mapped.field: mapped for mapped in self._mapped}

    @cached_property
    def _fields(self) -> dict[str, Any]:
        return {item.name: item for item in fields(self.model)}  # type: ignore[arg-type]

    @property
    def field_names(self) -> list[str]:
        return [mapped.field for mapped in self._mapped]

    @property
    def columns(self) -> set[str]:
        """The table's columns this mapper reads and writes, and the ones the store fills."""
        return {m.column for m in self._mapped if m.field not in self.joined} | self.store_only

    def _plan(self, keys: tuple[str, ...]) -> list[tuple[str, int, Callable[[Any], Any] | None]]:
        """(field, column index, decoder) for rows with these columns; cached per column list."""
        plan = self._plans.get(keys)
        if plan is None:
            index = {key: position for position, key in enumerate(keys)}
            plan = []
            for mapped in self._mapped:
                position = index.get(mapped.column)
                if position is None:
                    if mapped.required:
                        raise IndexError(f"no column {mapped.column!r} in the row")
                    continue
                plan.append((mapped.field, position, mapped.decode))
            self._plans[keys] = plan
        return plan

    def from_rows(self, rows: list[Any]) -> list[M]:
        """Models from the rows of one query: the column positions are looked up once (10,000
        papers read three times faster than row by row)."""
        if not rows or not isinstance(rows[0], sqlite3.Row):
            return [self.from_row(row) for row in rows]
        return self._builder(tuple(rows[0].keys()))(rows)

    def _builder(self, keys: tuple[str, ...]) -> Callable[[list[Any]], list[M]]:
        """`from_rows` for rows with these columns, as one list comprehension whose model call
        names each field and column index (generated once per column list, as dataclasses
        generates __init__): 2.4x faster than building a dict per row over the plan."""
        builder = self._builders.get(keys)
        if builder is None:
            plan = self._plan(keys)
            if not all(name.isidentifier() for name, _, _ in plan):  # dataclass fields always are
                raise ValueError(f"{self.model.__name__}: a field name is not an identifier")
            env: dict[str, Any] = {"model": self.model}
            arguments = [f"{name}={_applied(env, n, decode, f'row[{int(position)}]')}"
                         for n, (name, position, decode) in enumerate(plan)]
            exec(f"def build(rows):\n    return [model({', '.join(arguments)}) for row in rows]\n", env)
            builder = self._builders[keys] = env["build"]
        return builder

    def from_row(self, row: Any) -> M:
        """A model from a row (sqlite3.Row or dict). A column missing from the row (a partial
        SELECT) leaves the field at its default."""
        values = {}
        for mapped in self._mapped:
            try:
                raw = row[mapped.column]
            except (IndexError, KeyError):
                if mapped.required:
                    raise
                continue
            values[mapped.field] = raw if mapped.decode is None else mapped.decode(raw)
        return self.model(**values)

    def to_row(self, model: M) -> dict[str, Any]:
        """Column -> stored value of every written field (joined and computed ones left out)."""
        return self.encode({m.field: getattr(model, m.field) for m in self._mapped if m.field not in self.joined})

    def encode(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Column -> stored value for some fields (an update); KeyError for an unknown field."""
        encoders = self._encoders
        encoded = {}
        for name, value in values.items():
            column, encode = encoders[name]
            encoded[column] = value if encode is None else encode(value)
        return encoded

    def values_encoder(self, names: tuple[str, ...]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
        """`encode(values).values()` for values with these fields, in this order, as a tuple:
        one generated function per list of names (an import encodes 10,000 papers of the same
        fields; a dict a paper cost ~2 us). `column_names(names)` names the columns."""
        encoder = self._values_encoders.get(names)
        if encoder is None:
            env: dict[str, Any] = {}
            # self._encoders[name]: a KeyError for an unknown field, as `encode`
            values = [_applied(env, n, self._encoders[name][1], f"values[{name!r}]") for n, name in enumerate(names)]
            exec(f"def encoded(values):\n    return ({''.join(value + ', ' for value in values)})\n", env)
            encoder = self._values_encoders[names] = env["encoded"]
        return encoder

    def column_names(self, names: Iterable[str]) -> tuple[str, ...]:
        return tuple(self._encoders[name][0] for name in names)

    @cached_property  # `encode` runs per paper an import adds
    def _encoders(self) -> dict[str, tuple[str, Callable[[Any], Any] | None]]:
        return {mapped.field: (mapped.column, mapped.encode) for mapped in self._mapped}

    def default(self, name: str) -> Any:
        """A fresh default value of field `name` (MISSING when it has none)."""
        item = self._fields[name]
        return item.default_factory() if item.default_factory is not MISSING else item.default

    def insert(self, conn: Any, **values: Any) -> int:
        """Insert a row from field values (the rest take their column defaults); its id."""
        row = self.encode(values)
        cursor = conn.execute(f"INSERT INTO {self.table} ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
                              list(row.values()))
        return int(cursor.lastrowid)

    @cached_property  # asked per paper an import adds (twice): its fields never change
    def json_fields(self) -> frozenset[str]:
        """The fields stored as JSON text."""
        return frozenset(m.field for m in self._mapped if m.is_json)


def _applied(env: dict[str, Any], n: int, convert: Callable[[Any], Any] | None, source: str) -> str:
    """The generated code for `source`, through `convert` where there is one (bound in `env`
    as `convert{n}`)."""
    if convert is None:
        return source
    env[f"convert{n}"] = convert
    return f"convert{n}({source})"
