"""Anki's plain-text note export ("Notes in Plain Text", .txt): header lines such as
`#separator:tab`, `#html:true`, `#columns:Front<TAB>Back<TAB>Tags`, `#deck column:3`,
`#tags column:4`, `#deck:NAME`, then one note per line, quoted like CSV when a field holds the
separator, a quote or a line break. Parsed into the card rows every card import plans with.

Fields: the one named Front (else the first) is the question, Back (else the second) the
talking points, FrontZh (as paperdeck exports it) the Chinese question.
"""

from __future__ import annotations

import csv
import html
import io
import re

from ..models.imports import ImportProblem
from .card_csv import CardParse, CardRow, check_row

SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}
EXPORT_PREFIX = "paperdeck"  # the parent deck of paperdeck's .apkg export
_HEADER = re.compile(r"#([a-z ]+):(.*)")
_BREAK = re.compile(r"<br\s*/?>|</div>|</p>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def is_anki_text(text: str) -> bool:
    """Whether the file opens with Anki's `#key:value` header lines."""
    first = text.removeprefix("\ufeff").lstrip("\r\n").split("\n", 1)[0].strip()
    match = _HEADER.fullmatch(first)
    return bool(match) and match.group(1) in {"separator", "html", "columns", "notetype", "deck", "tags",
                                             "guid column", "notetype column", "deck column", "tags column"}


def plain(text: str) -> str:
    """An HTML field as plain text: line breaks kept, tags dropped, entities decoded."""
    return html.unescape(_TAG.sub("", _BREAK.sub("\n", text))).strip()


def parse_anki_text(text: str, file: str = "") -> CardParse:
    result = CardParse([], [])
    lines = text.removeprefix("\ufeff").split("\n")
    headers: dict[str, str] = {}
    body_start = 0
    for index, line in enumerate(lines):
        match = _HEADER.fullmatch(line.rstrip("\r"))
        if not match:
            break
        headers[match.group(1).strip()] = match.group(2).strip()
        body_start = index + 1

    def problem(line: int | None, message: str) -> None:
        result.problems.append(ImportProblem(file, "(file)" if line is None else f"line {line}", message, line=line))

    given = headers.get("separator", "tab")
    separator = SEPARATORS.get(given.lower(), given)
    if len(separator) != 1:
        problem(1, f"unknown #separator {given!r} (expected Tab, Comma, Semicolon, Space, Pipe or Colon)")
        return result
    is_html = headers.get("html", "false").lower() == "true"
    columns = [name.strip().casefold() for name in headers.get("columns", "").split(separator) if name.strip()]

    def column(name: str) -> int | None:  # `#deck column:3` is 1-based
        value = headers.get(f"{name} column", "")
        return int(value) - 1 if value.isdigit() and int(value) > 0 else None

    special = {i for i in (column("guid"), column("notetype"), column("deck"), column("tags")) if i is not None}
    reader = csv.reader(io.StringIO("\n".join(lines[body_start:]), newline=""), delimiter=separator)
    start = body_start + 1
    try:
        for record in reader:
            line, start = start, body_start + reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            result.entries += 1
            row = _row(record, columns, special, column("deck"), headers.get("deck", ""), is_html, line)
            message = check_row(row)
            if message:
                problem(line, message)
                continue
            result.rows.append(row)
    except csv.Error as error:
        result.entries += 1
        problem(start, f"unreadable note ({error}); lines from here on not imported")
    return result


def _row(record: list[str], columns: list[str], special: set[int], deck_at: int | None, deck: str,
         is_html: bool, line: int) -> CardRow:
    def text(cell: str) -> str:
        return plain(cell) if is_html else cell.strip()

    named = {name: record[i] for i, name in enumerate(columns) if i < len(record)}
    fields = [cell for i, cell in enumerate(record) if i not in special]
    front = named.get("front", fields[0] if fields else "")
    back = named.get("back", fields[1] if len(fields) > 1 else "")
    if deck_at is not None and deck_at < len(record):
        deck = record[deck_at]
    deck = deck.strip().removeprefix(f"{EXPORT_PREFIX}::")  # paperdeck's own export comes home
    return CardRow(line=line, deck=deck, category="", front=text(front),
                   front_zh=text(named.get("frontzh", "")), back=text(back), suspended=False)
