"""BibTeX import, the parsing half: entries -> papers, with venue, track, status and roles.

bibtexparser v2 parses; LaTeX accents are decoded ({\\"O}zge -> Özge); names are split by
BibTeX's rules (domain/names.py); the venue and track come from booktitle / journal / al-folio's
`abbr` through the venue catalogue; arXiv-only entries are preprints; oral / spotlight /
awards come from `award`, `award_name`, `note` and `award_text`. Each entry also keeps what a
faithful BibTeX export needs (`BibPaper.source`: its type, cite key, raw fields and names).
Each malformed entry is reported with its key and line, and the rest still import.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..models.imports import ImportProblem
from .bib_fields import (
    doi_from_url, find_arxiv_id, find_award, find_links, infer_venue, normalize_doi, own_venue_name, year_in,
)
from .names import parse_name, strip_marks
from .venue_catalogue import JOURNAL, PREPRINT, VenueInfo, infer_track as catalogue_track

TRUE_WORDS = ("true", "yes", "1")

# Fields a faithful export writes back as they were (raw LaTeX). Title, authors, year, DOI,
# arXiv id and links are the paper's own fields (editable), so they are written from it.
EXPORT_FIELDS = (
    "booktitle", "journal", "editor", "volume", "number", "pages", "publisher", "address", "organization",
    "school", "institution", "series", "edition", "chapter", "month", "isbn", "issn", "howpublished", "note",
    "primaryclass", "eprintclass", "type",
)
READ_FIELDS = frozenset({
    "title", "year", "doi", "url", "pdf", "code", "html", "website", "project", "eprint", "archiveprefix",
    "eprinttype", "arxiv", "abbr", "selected", "cv_selected", "award", "award_name", "award_text", "annote",
    "annotation", *EXPORT_FIELDS,
})


@dataclass(slots=True)
class BibPaper:
    key: str
    line: int | None
    entry_type: str
    title: str
    authors: list[str] = field(default_factory=list)
    equal_contribution: list[int] = field(default_factory=list)
    corresponding: list[int] = field(default_factory=list)
    year: int | None = None
    venue_key: str | None = None       # a catalogue key, or None
    venue_name: str | None = None      # the catalogue abbreviation, or the venue's own short name
    track: str | None = None
    status: str | None = None          # 'published' or 'preprint'
    doi: str | None = None
    arxiv_id: str | None = None
    links: dict[str, str] = field(default_factory=dict)
    selected: bool = False
    award: str | None = None
    journal: bool = False              # a journal article (not a conference paper)
    source: dict[str, Any] = field(default_factory=dict)  # what a faithful export writes back


@dataclass(slots=True)
class BibParse:
    papers: list[BibPaper]
    problems: list[ImportProblem]

    @property
    def total(self) -> int:
        """Every entry the file holds: parsed ones and malformed ones."""
        return len(self.papers) + len(self.problems)


def parse_bibtex(text: str, file: str = "", *, fast: bool = True) -> BibParse:
    """Every entry of `text` as a paper, or as a problem naming `file`, the key and the line.

    A file of plain entries is split by domain/bib_split.py (what bibtexparser would give, ~5x
    faster); any other file, or `fast=False`, goes to bibtexparser."""
    problems: list[ImportProblem] = []
    entries = _plain_entries(text) if fast else None
    if entries is None:
        import bibtexparser

        library = bibtexparser.parse_string(text, append_middleware=[_KeepRaw(), _fast_latex_decoding()])
        for block in library.failed_blocks:
            key = getattr(block, "key", None) or _key_from_raw(block.raw)
            problems.append(ImportProblem(file, key or "(no key)", _message(block.error), line=_line(block.start_line)))
        entries = library.entries
    return _converted(entries, problems, file)


def _converted(entries, problems: list[ImportProblem], file: str) -> BibParse:
    papers: list[BibPaper] = []
    for entry in entries:
        try:
            paper = entry_to_paper(entry)
        except ValueError as error:
            problems.append(ImportProblem(file, entry.key, str(error), line=_line(entry.start_line)))
            continue
        papers.append(paper)
    problems.sort(key=lambda p: p.line or 0)
    return BibParse(papers, problems)


# Below this size a file is parsed in one piece: splitting it would save less than a child costs.
SPLIT_MIN_CHARS = 200_000


def halves(text: str) -> tuple[str, str, int] | None:
    """`text` cut in two before an `@` at a line's start near its middle, so that each half may
    be parsed on its own core (`parse_plain`), with the line the second half starts at (as
    the splitter counts lines); None for a small text or one without such a place.

    A cut inside a value (an `@` at a line's start there) leaves the first half's last entry
    unclosed, which `parse_plain` refuses: then the whole text is parsed as usual."""
    if len(text) < SPLIT_MIN_CHARS:
        return None
    cut = text.find("\n@", len(text) // 2)
    if cut < 0:
        return None
    first = text[:cut + 1]
    return first, text[cut + 1:], first.count("\n") - first.count("\\\n")


def load_plain_parser() -> None:
    """Import and make what `parse_plain` reads with: the splitter, bibtexparser's name splitter
    (and with it bibtexparser, logging, pylatexenc: ~15-25 ms) and the LaTeX decoder (~4 ms).
    Called before a child is forked to parse half a file, so that the child, whose half is the
    parse's longer path, finds them ready."""
    from bibtexparser.middlewares.names import split_multiple_persons_names  # noqa: F401

    from .bib_split import split_simple  # noqa: F401

    _decoder()


PlainPart = tuple[BibParse, frozenset[str]]  # a half's parse, and its entries' keys in lower case


def parse_plain(text: str, file: str = "", first_line: int = 0) -> PlainPart | None:
    """`parse_bibtex` of a text made of plain entries only (domain/bib_split.py), its lines
    counted from `first_line`, with its entries' keys; None for any other text."""
    entries = _plain_entries(text, first_line)
    if entries is None:
        return None
    return _converted(entries, [], file), frozenset(entry.key.lower() for entry in entries)


def joined(first: PlainPart, second: PlainPart) -> BibParse | None:
    """The parse of both halves' text, as `parse_bibtex` gives it; None when the whole is not
    made of plain entries after all (a key in both halves: bibtexparser's path reports it)."""
    if first[1] & second[1]:
        return None
    problems = first[0].problems + second[0].problems
    problems.sort(key=lambda p: p.line or 0)
    return BibParse(first[0].papers + second[0].papers, problems)


class _PlainEntry:
    """A plain entry (domain/bib_split.py) as entry_to_paper reads it: its fields read (decoded)
    and raw, each by its name in lower case, as `_fields` makes them of bibtexparser's Entry."""

    __slots__ = ("entry_type", "key", "start_line", "fields", "paperdeck_raw")

    def __init__(self, entry_type: str, key: str, start_line: int, fields: dict[str, str], raw: dict[str, str]):
        self.entry_type, self.key, self.start_line = entry_type, key, start_line
        self.fields, self.paperdeck_raw = fields, raw


def _plain_entries(text: str, first_line: int = 0) -> list[_PlainEntry] | None:
    """The entries of a file of plain entries, kept and decoded as the middlewares below do
    (raw values kept, unread fields dropped, LaTeX decoded); None for any other file, or when
    a value's LaTeX does not decode (bibtexparser reports that entry)."""
    from .bib_split import split_simple

    simple = split_simple(text)
    if simple is None:
        return None
    decode = _decoder()._transform_python_value_string
    entries = []
    for entry in simple:
        decoded: dict[str, str] = {}
        raw: dict[str, str] = {}
        for name, value in entry.fields:
            name = name.lower()
            raw[name] = value
            if name in READ_FIELDS:
                if _has_latex(value):
                    value, error = decode(value)
                    if error:
                        return None
                elif "{" in value or "}" in value:  # what decoding a value without LaTeX does
                    value = value.replace("{", "").replace("}", "")
                decoded[name] = value
        entries.append(_PlainEntry(entry.entry_type, entry.key, first_line + entry.start_line, decoded, raw))
    return entries


def _fields(entry) -> dict[str, Any]:
    """An entry's fields read (decoded), by name in lower case: a plain entry's as made, a
    bibtexparser Entry's from its items (which name its type and key too)."""
    if isinstance(entry, _PlainEntry):
        return entry.fields
    return {k.lower(): v for k, v in entry.items() if k.lower() not in ("id", "entrytype")}


def _KeepRaw():
    """A middleware that keeps each entry's raw values (for a faithful export) and its author
    list (split by BibTeX's rules here, not decoded as one string), and drops the fields never
    read (abstracts...) before the slow LaTeX decoding."""
    from bibtexparser.middlewares.middleware import BlockMiddleware
    from bibtexparser.model import Entry

    class KeepRaw(BlockMiddleware):
        def transform_entry(self, entry: Entry, library) -> Entry:
            raw = {f.key.lower(): f.value for f in entry.fields if isinstance(f.value, str)}
            entry.paperdeck_raw = raw  # type: ignore[attr-defined]
            entry.fields = [f for f in entry.fields if f.key.lower() in READ_FIELDS]
            return entry

    return KeepRaw(allow_inplace_modification=True)


_NEEDS_LATEX = re.compile(r"[\\$~%]|--|``|''")
# One of its characters, found first: searching for the alternation above costs ~5x more, and
# most values (titles, venues, years) hold none of these.
_MAYBE_LATEX = re.compile(r"[\\$~%`'-]")


def _has_latex(text: str) -> bool:
    """Whether a raw value holds LaTeX (a command, math, a special character, a dash or quotes)."""
    return _MAYBE_LATEX.search(text) is not None and _NEEDS_LATEX.search(text) is not None
_DECODER = None


def _fast_latex_decoding():
    """bibtexparser's LaTeX decoding (pylatexenc, ~5 ms a value), skipped for values that hold
    no LaTeX at all: for those, decoding only drops the braces."""
    from bibtexparser.middlewares import LatexDecodingMiddleware

    class FastLatexDecoding(LatexDecodingMiddleware):
        def _transform_python_value_string(self, python_string: str) -> tuple[str, str]:
            if not _has_latex(python_string):
                return python_string.replace("{", "").replace("}", ""), ""
            return super()._transform_python_value_string(python_string)

    return FastLatexDecoding()


def _decoder():
    """One decoding middleware, kept: its `_transform_python_value_string` decodes a value."""
    global _DECODER
    if _DECODER is None:
        _DECODER = _fast_latex_decoding()
    return _DECODER


def decode_latex(text: str) -> str:
    """One raw value as text, by the same decoder the parse uses."""
    if not _has_latex(text):
        return text.replace("{", "").replace("}", "")
    decoded, _error = _decoder()._transform_python_value_string(text)
    return decoded


def _line(start_line: int | None) -> int | None:
    return None if start_line is None else start_line + 1  # bibtexparser counts from 0


def _key_from_raw(raw: str | None) -> str | None:
    found = re.match(r"\s*@\s*\w+\s*[{(]\s*([^,\s{}()]+)", raw or "")
    return found.group(1) if found else None


def _message(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def clean(value: object) -> str:
    """A decoded field as plain text: braces gone, HTML entities and whitespace tidied."""
    if value == "":  # most fields asked for are absent
        return ""
    text = value if isinstance(value, str) else " ".join(map(str, value)) if isinstance(value, list) else str(value)
    text = text.replace("{", "").replace("}", "")
    if "&" in text:  # twice: a doubly escaped "&amp;amp;" reads as "&"
        text = html.unescape(html.unescape(text)).replace("\\&", "&")
    # str.split() splits on exactly the whitespace \s matches (Unicode spaces included).
    return " ".join(text.replace("\\%", "%").replace("--", "–").split())


def entry_to_paper(entry) -> BibPaper:
    fields = _fields(entry)
    # Each field as plain text, cleaned once: ~30 are asked for, most of them absent ("").
    text = {name: clean(value) for name, value in fields.items()}
    raw: dict[str, str] = getattr(entry, "paperdeck_raw", {})
    title = text.get("title", "")
    if not title:
        raise ValueError("no title")
    names = parse_author_field(raw.get("author", ""))
    arxiv_id = find_arxiv_id(fields, text)
    entry_type = entry.entry_type.lower()
    known, on_arxiv, published, venue_name, track, journal = _venue_facts(
        text.get("booktitle", ""), text.get("journal", ""), text.get("howpublished", ""), text.get("abbr", ""), entry_type)
    status = "published" if published else ("preprint" if arxiv_id or on_arxiv else None)
    year = year_in(text.get("year", ""))
    return BibPaper(
        key=entry.key, line=_line(entry.start_line), entry_type=entry_type, title=title,
        authors=names.authors, equal_contribution=names.equal, corresponding=names.corresponding, year=year,
        venue_key=known.key if known else None, venue_name=venue_name, track=track, status=status,
        doi=normalize_doi(text.get("doi", "") or doi_from_url(text.get("url", ""))),
        arxiv_id=arxiv_id, links=find_links(text),
        selected=text.get("selected", "").lower() in TRUE_WORDS or text.get("cv_selected", "").lower() in TRUE_WORDS,
        award=find_award(text, venue_name, year), journal=journal,
        source={
            "type": entry_type,
            "fields": _export_fields(raw),
            "title": _tidy(raw.get("title", "")), "title_text": title,
            "authors": names.raw, "author_text": names.authors,
        },
    )


def _export_fields(raw: dict[str, str]) -> dict[str, str]:
    """The entry's EXPORT_FIELDS that hold text, tidied, in EXPORT_FIELDS' order."""
    present = [name for name in raw if name in _EXPORT_ORDER]  # an entry has a few of the 22
    if len(present) > 1:
        present.sort(key=_EXPORT_ORDER.__getitem__)
    return {name: _tidy(raw[name]) for name in present if raw[name].strip()}


_EXPORT_ORDER = {name: n for n, name in enumerate(EXPORT_FIELDS)}
@lru_cache(maxsize=4096)
def _venue_facts(booktitle: str, journal: str, howpublished: str, abbr: str, entry_type: str
                 ) -> tuple[VenueInfo | None, bool, bool, str | None, str | None, bool]:
    """What an entry's venue fields (cleaned) say: its catalogue venue (None for arXiv), on
    arXiv, published, the venue's name, its track, a journal paper. A file repeats its venues:
    worked out once per set of texts."""
    texts = {"booktitle": booktitle, "journal": journal, "howpublished": howpublished, "abbr": abbr}
    venue = infer_venue(texts)
    on_arxiv = venue is not None and venue.kind == PREPRINT
    where = " ".join((booktitle, journal, howpublished)).strip()
    published = (venue is not None and not on_arxiv) or bool(where and "arxiv" not in where.lower())
    known = venue if venue is not None and not on_arxiv else None
    venue_name = known.abbr if known else (own_venue_name(texts) if published else None)
    track = catalogue_track(" ".join(texts.values()), known) if published else None
    is_journal = published and (known.kind == JOURNAL if known else entry_type == "article" and bool(journal))
    return known, on_arxiv, published, venue_name, track, is_journal


_AMP = re.compile(r"\\?&amp;")


def _tidy(raw: str) -> str:
    """A raw value to write back: on one line (BibTeX reads any run of spaces and line breaks
    as one space), an HTML entity some exporters leave ("\\&amp;") as LaTeX."""
    text = " ".join(raw.split())  # str.split() splits on exactly the whitespace \s matches
    return _AMP.sub(r"\\&", text) if "&amp;" in text else text


@dataclass(slots=True)
class AuthorField:
    authors: list[str]           # as paperdeck stores them: "Zhaomin Wu", "Per {Brinch Hansen}"
    raw: list[str]               # as the file wrote them, marks taken off: "Wu, Zhaomin"
    equal: list[int]
    corresponding: list[int]


def parse_author_field(value: str) -> AuthorField:
    """"Guo, Jizhou and Wu†, Zhaomin" -> names first-name-first, raw names, role indices.
    Names split by BibTeX's rules: "and" inside braces stays, {van der Goot} stays whole."""
    authors, raw, equal, corresponding = _author_field(value or "")
    return AuthorField(list(authors), list(raw), list(equal), list(corresponding))


@lru_cache(maxsize=4096)
def _author_field(value: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """parse_author_field's parts, remembered: a file repeats its author lists and names."""
    from bibtexparser.middlewares.names import split_multiple_persons_names

    result = AuthorField([], [], [], [])
    for raw in split_multiple_persons_names(value) if value.strip() else []:
        marked = strip_marks(raw)
        if not marked.text:
            continue
        if marked.text.lower() == "others":
            result.authors.append("et al.")
            result.raw.append("others")
            continue
        index = len(result.authors)
        if marked.equal:
            result.equal.append(index)
        if marked.corresponding:
            result.corresponding.append(index)
        result.authors.append(_stored_name(marked.text))
        result.raw.append(marked.text)
    return tuple(result.authors), tuple(result.raw), tuple(result.equal), tuple(result.corresponding)


@lru_cache(maxsize=16384)
def _stored_name(text: str) -> str:
    """One author as stored, from the name as the file wrote it (marks taken off)."""
    return parse_name(text, decode=decode_latex).stored.strip() or clean(decode_latex(text))
