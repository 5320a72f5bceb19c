"""Cards as CSV/TSV: writing, and parsing with every malformed row reported by its line.

Columns (a header row names them; order is free): deck, category, front, front_zh, back,
suspended. A row needs a question (front or front_zh); the others may be empty.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Iterable

from ..models.imports import ImportProblem
from ..textsafe import printable

COLUMNS = ("deck", "category", "front", "front_zh", "back", "suspended")
MAX_FRONT = 2000
MAX_BACK = 20000
MAX_DECK = 200
_TRUE = {"1", "true", "yes", "y", "suspended"}
_FALSE = {"", "0", "false", "no", "n"}
# A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets
# ("CSV injection"); an exported cell gets a leading ' so it stays text.
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISER = "'"


@dataclass(frozen=True, slots=True)
class CardRow:
    line: int
    deck: str
    category: str
    front: str
    front_zh: str
    back: str
    suspended: bool


@dataclass(slots=True)
class CardParse:
    rows: list[CardRow]
    problems: list[ImportProblem]
    entries: int = 0             # data rows read (good and malformed)


def delimiter_for(filename: str, explicit: str | None = None) -> str:
    if explicit:
        return "\t" if explicit == "tsv" else ","
    return "\t" if filename.lower().endswith((".tsv", ".tab")) else ","


def spreadsheet_cell(text: str) -> str:
    """A cell fit for a spreadsheet and a terminal: control characters but newline and tab as
    visible stand-ins, and a leading ' before a formula's first character."""
    text = printable(text)
    return NEUTRALISER + text if text.startswith(FORMULA_LEADS) else text


def stored_cell(text: str) -> str:
    """The inverse on import: the ' that `spreadsheet_cell` put before a formula lead goes."""
    if text.startswith(NEUTRALISER) and text[1:].startswith(FORMULA_LEADS):
        return text[1:]
    return text


def write_cards(rows: Iterable[dict[str, object]], delimiter: str = ",", *, raw: bool = False) -> str:
    """The cards as CSV/TSV. Not `raw`: every cell through `spreadsheet_cell`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        cells = ["1" if v is True else "0" if v is False else ("" if v is None else str(v))
                 for v in (row.get(c) for c in COLUMNS)]
        writer.writerow(cells if raw else [spreadsheet_cell(cell) for cell in cells])
    return buffer.getvalue()


def parse_cards(text: str, delimiter: str = ",", file: str = "") -> CardParse:
    """Rows to import and the malformed ones, each by the line where its row starts.

    A field may be as long as the file (the csv module's own 128 KiB cap would stop the parse
    and drop every later row); a field too long for a card is that row's problem only. After a
    malformed row the reader carries on at the next line. A quote that never closes swallows
    the rest of the file: that is reported at the line where it opens.
    """
    text = text.removeprefix("\ufeff")
    if csv.field_size_limit() <= len(text):
        csv.field_size_limit(len(text) + 1)
    result = CardParse([], [])

    def problem(line: int | None, message: str, entry: str = "") -> None:
        result.problems.append(ImportProblem(file, entry or f"line {line}", message, line=line))

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        problem(1, f"cannot read the header: {error}", "(file)")
        return result
    if header is None:
        problem(None, "the file is empty: expected a header row (deck, category, front, front_zh, back, suspended)", "(file)")
        return result
    names = [name.strip().lower() for name in header]
    if "front" not in names and "front_zh" not in names:
        problem(1, "the header has no 'front' or 'front_zh' column", "(file)")
        return result
    unknown = [name for name in names if name not in COLUMNS]
    if unknown:
        problem(1, f"unknown column(s): {', '.join(unknown)} (expected {', '.join(COLUMNS)})", "(file)")
        return result
    start = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            result.entries += 1
            if "unexpected end of data" in str(error):
                problem(start, f"a quoted field opens here and never closes; lines {start}-{reader.line_num} not imported")
                break
            problem(start, f"unreadable row ({error})")
            start = reader.line_num + 1
            continue
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue
        result.entries += 1
        if len(record) != len(names):
            problem(line, f"expected {len(names)} fields, found {len(record)}")
            continue
        values = {name: stored_cell(cell.strip()) for name, cell in zip(names, record)}
        message = _check(values)
        if message:
            problem(line, message)
            continue
        result.rows.append(CardRow(
            line=line, deck=values.get("deck", ""), category=values.get("category", ""),
            front=values.get("front", ""), front_zh=values.get("front_zh", ""), back=values.get("back", ""),
            suspended=values.get("suspended", "").lower() in _TRUE,
        ))
    return result


def check_row(row: CardRow) -> str:
    """What is wrong with a parsed row ("" when nothing): the same checks as a CSV row's."""
    return _check({"front": row.front, "front_zh": row.front_zh, "back": row.back, "deck": row.deck,
                   "category": row.category})


def _check(values: dict[str, str]) -> str:
    if not values.get("front") and not values.get("front_zh"):
        return "the question is empty (front and front_zh)"
    for name, limit in (("front", MAX_FRONT), ("front_zh", MAX_FRONT), ("back", MAX_BACK), ("deck", MAX_DECK),
                        ("category", MAX_DECK)):
        length = len(values.get(name, ""))
        if length > limit:
            return f"{name} is too long ({length:,} characters; at most {limit:,})"
    flag = values.get("suspended", "").lower()
    if flag not in _TRUE and flag not in _FALSE:
        return f"suspended must be yes/no or 1/0, not {values.get('suspended')!r}"
    return ""
