"""A large file's parse on both cores: the second half in a forked child (in_child.py).

Reading a large tracker file's YAML (30,000 deadline rows: ~0.75 s) or splitting and reading a
large .bib file's entries (10,000: ~0.6 s) is most of its import's parse. The text is cut at an
entry near its middle (`safe_yaml.halves`, `bibtex.halves`); a child parses the second half and
hands it back pickled while this process parses the first. When both halves are what the whole
would be made of (plain lists; plain entries with no key in both), the two parses joined are the
whole's. Anything else (a half that is not plain, such as a cut inside a multi-line value; a
child that failed; no child) parses the whole text as before, so values, problems and messages
are unchanged.
"""

from __future__ import annotations

from typing import Any

from ...domain import bibtex, safe_yaml
from .in_child import FAILED, Child


def load(text: str) -> Any:
    """`safe_yaml.load(text)`, with the second half of a large plain list read in a child."""
    parts = safe_yaml.halves(text)
    child = Child.start(safe_yaml.load_part, parts[1]) if parts is not None else None
    if child is None:
        return safe_yaml.load(text)
    try:
        first = safe_yaml.load_part(parts[0])
    except BaseException:  # Ctrl+C: the child ends with the parse
        child.discard()
        raise
    if first is None:
        child.discard()
        return safe_yaml.load(text)
    second = child.result()
    if type(second) is not list:  # not plain, or FAILED
        return safe_yaml.load(text)
    return first + second


def parse_bib(text: str, file: str) -> bibtex.BibParse:
    """`bibtex.parse_bibtex(text, file)`, with the second half of a large file of plain entries
    read in a child."""
    parts = bibtex.halves(text)
    if parts is None:
        return bibtex.parse_bibtex(text, file)
    first_text, second_text, second_line = parts
    child = Child.start(_plain_part, (second_text, file, second_line))
    if child is None:
        return bibtex.parse_bibtex(text, file)
    try:
        first = bibtex.parse_plain(first_text, file)
    except BaseException:  # Ctrl+C: the child ends with the parse
        child.discard()
        raise
    if first is None:
        child.discard()
        return bibtex.parse_bibtex(text, file)
    second = child.result()
    joined = bibtex.joined(first, second) if second is not FAILED and second is not None else None
    return bibtex.parse_bibtex(text, file) if joined is None else joined


def _plain_part(arguments: tuple[str, str, int]) -> Any:
    text, file, first_line = arguments
    return bibtex.parse_plain(text, file, first_line)
