"""A large file's parse on both cores: the second half in a forked child (in_child.py).

Reading a large tracker file's YAML and making its entries deadlines (30,000 deadline rows:
~0.75 s and ~0.7 s) or splitting and reading a large .bib file's entries (10,000: ~0.6 s) is
most of its import's parse. The text is cut at an entry near its middle (`safe_yaml.halves`,
`bibtex.halves`); a child parses the second half and hands it back pickled while this process
parses the first. When both halves are what the whole would be made of (plain lists read the
same way, `trackers.joined`; plain entries with no key in both), the two parses joined are the
whole's. Anything else (a half that is not plain, such as a cut inside a multi-line value; a
child that failed; no child) parses the whole text as before, so values, problems and messages
are unchanged.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .in_child import FAILED, Child

if TYPE_CHECKING:  # each import loads only its own format's parser
    from ...domain import bibtex, trackers

# Work to do while the child parses: called with a test of whether its answer has come.
Meanwhile = Callable[[Callable[[], bool]], None]


def parse_tracker(text: str, file: str, meanwhile: Meanwhile | None = None) -> trackers.ParseResult:
    """`trackers.parse_text(text, file)`, with the second half of a large plain list read, and
    its entries made deadlines, in a child (`meanwhile`: as `_in_halves`)."""
    from ...domain import safe_yaml, trackers

    parts = safe_yaml.halves(text)
    if parts is None:
        return trackers.parse_text(text, file)

    def first_half() -> trackers.Part | None:
        try:
            data = safe_yaml.load_part(parts[0])
            return trackers.parse_part(data, file) if data is not None else None
        except Exception:  # noqa: BLE001 - malformed: the whole text's parse says so, as it always has
            return None

    return _in_halves(lambda: trackers.parse_text(text, file), first_half, _tracker_part, (parts[1], file),
                      lambda first, second: trackers.joined(first, _unpacked(second)), meanwhile)


def _tracker_part(arguments: tuple[str, str]) -> Any:
    from ...domain import safe_yaml, trackers

    text, file = arguments
    data = safe_yaml.load_part(text)
    part = None if data is None else trackers.parse_part(data, file)
    if part is None:
        return None
    from ...models.venues import ParsedDeadline

    result, shape = part
    rows = _as_rows(result.deadlines, ParsedDeadline)
    result.deadlines = []
    return result, shape, rows


def _unpacked(answer: tuple) -> trackers.Part:
    from ...models.venues import ParsedDeadline

    result, shape, rows = answer
    result.deadlines = _from_rows(rows, ParsedDeadline)
    return result, shape


def _as_rows(objects: list, model: type) -> list[tuple]:
    """Each dataclass object as the tuple of its fields, which a child hands back: pickled and
    read back in a third of the time of the objects themselves (15,000 deadlines: ~0.2 s of
    the child's and ~0.13 s of this process's; 5,000 .bib papers: ~25 ms -> ~12 ms each side)."""
    from dataclasses import fields
    from operator import attrgetter

    return list(map(attrgetter(*(field.name for field in fields(model))), objects))


def _from_rows(rows: list[tuple], model: type) -> list:
    return [model(*row) for row in rows]


def parse_bib(text: str, file: str, meanwhile: Meanwhile | None = None) -> bibtex.BibParse:
    """`bibtex.parse_bibtex(text, file)`, with the second half of a large file of plain entries
    read in a child (`meanwhile`: as `_in_halves`)."""
    from ...domain import bibtex

    parts = bibtex.halves(text)
    if parts is None:
        return bibtex.parse_bibtex(text, file)
    first_text, second_text, second_line = parts
    bibtex.load_plain_parser()  # once, before the fork: not again in the child
    return _in_halves(lambda: bibtex.parse_bibtex(text, file), lambda: bibtex.parse_plain(first_text, file),
                      _plain_part, (second_text, file, second_line),
                      lambda first, second: bibtex.joined(first, _unpacked_plain(second)), meanwhile)


def _in_halves(whole: Callable[[], Any], first_half: Callable[[], Any], child_part: Callable[[Any], Any],
               child_arguments: Any, join: Callable[[Any, Any], Any],
               meanwhile: Meanwhile | None = None) -> Any:
    """`first_half()` here while `child_part(child_arguments)` parses the second half in a child;
    the two joined, or `whole()` when there is no child, a half is not plain (None), the child
    failed or the halves do not join (None). `meanwhile(answered)` runs if the first half is
    done before the child's, which it then waits for anyway: work the caller would do later,
    done early, which stops once `answered()` (the child's answer has come)."""
    child = Child.start(child_part, child_arguments)
    if child is None:
        return whole()
    try:
        first = first_half()
        if first is not None and meanwhile is not None and not child.answered():
            try:
                meanwhile(child.answered)
            except Exception:  # noqa: BLE001 - only a head start: the caller does it again later
                pass
    except BaseException:  # Ctrl+C: the child ends with the parse
        child.discard()
        raise
    if first is None:
        child.discard()
        return whole()
    second = child.result()
    joined = join(first, second) if second is not FAILED and second is not None else None
    return whole() if joined is None else joined


def _plain_part(arguments: tuple[str, str, int]) -> Any:
    from ...domain import bibtex

    text, file, first_line = arguments
    part = bibtex.parse_plain(text, file, first_line)
    if part is None:
        return None
    parse, keys = part
    rows = _as_rows(parse.papers, bibtex.BibPaper)
    parse.papers = []
    # A paper's fields are plain values (texts, numbers, lists, dicts), which marshal writes and
    # reads back faster than pickle: 5,000 papers read in ~6 ms instead of ~15 (here, on the
    # parse's path), written in ~7 instead of ~10 (in the child). Anything marshal cannot write
    # fails the child: the whole text is parsed here then.
    return parse, keys, marshal.dumps(rows)


def _unpacked_plain(answer: tuple) -> bibtex.PlainPart:
    from ...domain import bibtex

    parse, keys, rows = answer
    parse.papers = _from_rows(marshal.loads(rows), bibtex.BibPaper)
    return parse, keys
