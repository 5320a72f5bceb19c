"""Cards as CSV/TSV: writing, and parsing with every malformed row reported by its line.

Columns (a header row names them; order is free): deck, category, front, front_zh, back,
suspended. A row needs a question (front or front_zh); the others may be empty.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Iterable

COLUMNS = ("deck", "category", "front", "front_zh", "back", "suspended")
MAX_FRONT = 2000
MAX_BACK = 20000
_TRUE = {"1", "true", "yes", "y", "suspended"}
_FALSE = {"", "0", "false", "no", "n"}


@dataclass(frozen=True, slots=True)
class CardRow:
    line: int
    deck: str
    category: str
    front: str
    front_zh: str
    back: str
    suspended: bool


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    message: str


class CardFileError(ValueError):
    """The file as a whole cannot be read (no header, no question column)."""


def delimiter_for(filename: str, explicit: str | None = None) -> str:
    if explicit:
        return "\t" if explicit == "tsv" else ","
    return "\t" if filename.lower().endswith((".tsv", ".tab")) else ","


def write_cards(rows: Iterable[dict[str, object]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(["1" if v is True else "0" if v is False else ("" if v is None else v)
                         for v in (row.get(c) for c in COLUMNS)])
    return buffer.getvalue()


def parse_cards(text: str, delimiter: str = ",") -> tuple[list[CardRow], list[RowError]]:
    """Rows to import and the malformed ones (by the line where the row starts)."""
    text = text.removeprefix("\ufeff")
    try:
        lines = io.StringIO(text, newline="")
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        header = next(reader, None)
    except csv.Error as error:
        raise CardFileError(f"line 1: cannot read the header: {error}") from error
    if header is None:
        raise CardFileError("the file is empty: expected a header row (deck, category, front, front_zh, back, suspended)")
    names = [name.strip().lower() for name in header]
    if "front" not in names and "front_zh" not in names:
        raise CardFileError("line 1: the header has no 'front' or 'front_zh' column")
    unknown = [name for name in names if name not in COLUMNS]
    if unknown:
        raise CardFileError(f"line 1: unknown column(s): {', '.join(unknown)} (expected {', '.join(COLUMNS)})")
    rows: list[CardRow] = []
    errors: list[RowError] = []
    start = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            errors.append(RowError(start, f"unreadable row ({error})"))
            break  # the csv reader cannot resynchronise after a broken quote
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(names):
            errors.append(RowError(line, f"expected {len(names)} fields, found {len(record)}"))
            continue
        values = {name: cell.strip() for name, cell in zip(names, record)}
        problem = _check(values)
        if problem:
            errors.append(RowError(line, problem))
            continue
        rows.append(CardRow(
            line=line, deck=values.get("deck", ""), category=values.get("category", ""),
            front=values.get("front", ""), front_zh=values.get("front_zh", ""), back=values.get("back", ""),
            suspended=values.get("suspended", "").lower() in _TRUE,
        ))
    return rows, errors


def _check(values: dict[str, str]) -> str:
    if not values.get("front") and not values.get("front_zh"):
        return "the question is empty (front and front_zh)"
    for name in ("front", "front_zh"):
        if len(values.get(name, "")) > MAX_FRONT:
            return f"{name} is too long (at most {MAX_FRONT} characters)"
    if len(values.get("back", "")) > MAX_BACK:
        return f"back is too long (at most {MAX_BACK} characters)"
    if len(values.get("deck", "")) > 200:
        return "the deck name is too long (at most 200 characters)"
    flag = values.get("suspended", "").lower()
    if flag not in _TRUE and flag not in _FALSE:
        return f"suspended must be yes/no or 1/0, not {values.get('suspended')!r}"
    return ""
