"""A fast path for the common .bib file, giving exactly what bibtexparser's splitter gives.

Why our own: bibtexparser's splitter alone costs ~55 us an entry (a Python step per brace,
comma, quote and newline), and an import's whole budget is 100 us an entry, start-up
included (issue 18). So a file made only of plain entries is split here with a few regular
expressions (~10 us an entry); anything else returns None and the whole file goes to
bibtexparser as before. Plain means, for every entry:

    @type{key,  field = {value with balanced braces},  field = "quoted",  year = 2024, ... }

with only whitespace-free keys and bare values, quoted values holding no other quote, no `@`
at a line's start inside a value, no repeated entry key or field name, and between entries
any text holding no `@` (bibtexparser reads that as a comment). @string / @comment /
@preamble, `#` concatenations and `(`-delimited entries all take bibtexparser's path. What this returns equals bibtexparser's entries after its default middlewares (string
references, enclosing braces removed): tests/test_bib_split.py compares both, entry by entry
and field by field, on every testdata .bib file and on hostile inputs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# `@type{key,` as bibtexparser's block start (`@\w*`, spaces or tabs, then the brace) with a
# key it would read the same (its key is the text up to the first comma, stripped).
_HEAD = re.compile(r"@(\w+)[ \t]*\{\s*([^\s,{}\"=()#%@\\]+)\s*,")
# After a comma: the entry's end (1), or a field's name (2), `=` and a value, then its `,` or
# the entry's `}` (6): a bare word or number (3: `2024`, `sep`, kept as written), a quoted text
# (4) holding no other quote and not ending in a backslash or `{` (those change where
# bibtexparser ends it), a braced text without inner braces (5, not ending in a backslash), or
# the opening brace (7) of a value with inner braces, matched by `_closing_brace`.
_NAME = r"[^\s,{}\"=()#%@\\]+"
_FIELD = re.compile(
    rf"\s*(?:(\}})|({_NAME})\s*=\s*(?:(?:({_NAME})|\"([^\"]*(?<![\\{{]))\"|\{{([^{{}}]*(?<!\\))\}})\s*([,}}])|(\{{)))")
_AFTER_VALUE = re.compile(r"\s*([,}])")
# bibtexparser's marks ignore a brace after a backslash (`(?<!\\)`); so do we.
_BRACE = re.compile(r"(?<!\\)[{}]")
# An `@` at a line's start (after spaces) inside a value: bibtexparser aborts the entry there.
_LINE_START_AT = re.compile(r"\n\s*@")
_NOT_ENTRIES = ("comment", "preamble", "string")  # bibtexparser: any type starting so


@dataclass(slots=True)
class SimpleEntry:
    """One entry as bibtexparser's Entry would hold it after its default middlewares."""

    entry_type: str              # lower case
    key: str
    start_line: int              # counted from 0, the line of its `@`
    fields: list[tuple[str, str]]  # (name as written, value without its enclosing braces)


def split_simple(text: str) -> list[SimpleEntry] | None:
    """Every entry of `text`, or None when the text is not made of plain entries only."""
    entries: list[SimpleEntry] = []
    keys: set[str] = set()
    line, counted_to = 0, 0
    position = 0
    while True:
        at = text.find("@", position)
        if at < 0:
            return entries  # what is left holds no `@`: a comment to bibtexparser
        head = _HEAD.match(text, at)
        if head is None:
            return None
        entry_type = head.group(1).lower()
        key = head.group(2)
        if entry_type.startswith(_NOT_ENTRIES) or key.lower() in keys:
            return None
        keys.add(key.lower())
        # bibtexparser counts lines by its marks, and a newline after a backslash is none.
        line += text.count("\n", counted_to, at) - text.count("\\\n", counted_to, at)
        counted_to = at
        fields: list[tuple[str, str]] = []
        names: set[str] = set()
        position = head.end()
        while True:
            found = _FIELD.match(text, position)
            if found is None:
                return None
            end, name, bare, quoted, braced, closing, _opening = found.groups()
            if end:  # the entry's closing brace
                position = found.end()
                break
            if name in names:
                return None
            names.add(name)
            if closing is not None:
                value = bare or quoted or braced or ""
                position = found.end()
            else:
                close = _closing_brace(text, found.end(7) - 1)
                if close < 0:
                    return None
                value = text[found.end(7):close]
                after = _AFTER_VALUE.match(text, close + 1)
                if after is None:
                    return None
                closing = after.group(1)
                position = after.end()
            if "@" in value and _LINE_START_AT.search(value):
                return None
            fields.append((name, value))
            if closing == "}":
                break
        entries.append(SimpleEntry(entry_type, key, line, fields))


def _closing_brace(text: str, opening: int) -> int:
    """The index of the brace closing the one at `opening`, or -1 if it is never closed."""
    depth = 0
    for mark in _BRACE.finditer(text, opening):
        if mark.group() == "{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return mark.start()
    return -1
