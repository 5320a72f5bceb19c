"""BibTeX out, faithful: what a CV's bibliography (biblatex, natbib) can cite.

- The entry type follows the paper's kind: a conference, Findings, demo or workshop paper is
  `@inproceedings` with its proceedings' name; a journal paper `@article` with `journal`; a
  preprint `@misc` with eprint / archivePrefix / primaryClass (arXiv's own form); a paper under
  review `@unpublished` (or `@misc` when it is on arXiv) with a note; a book chapter or thesis
  keeps its own type.
- An imported paper keeps its cite key and writes back its fields as the file had them (raw
  LaTeX: {BERT} braces, accents, pages, publisher, month macros); the fields paperdeck edits
  (title, authors, year, DOI, arXiv id, URL) are written from the paper, in their original
  form while unchanged.
- Keys: the original key is kept; a paper without one gets `surname + year + first word`;
  `assign_cite_keys` makes every key unique across the database (case-insensitively, as
  BibTeX compares them), the lower paper id keeping the plain key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .names import bibtex_name, parsed_name
from .venue_catalogue import is_proceedings_journal

if TYPE_CHECKING:
    from .resume_entry import ResumeEntry

_LATEX = {
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}",
    # In BibTeX, braces count for balancing even after a backslash: use brace-free commands.
    "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Raw fields each written type keeps (the rest of the source's fields belong to another type).
_TYPE_FIELDS = {
    "inproceedings": ("booktitle", "editor", "volume", "number", "series", "pages", "month", "publisher",
                      "address", "organization", "isbn", "note"),
    "article": ("journal", "volume", "number", "pages", "month", "publisher", "issn", "note"),
    "misc": ("howpublished", "month", "note"),
    "unpublished": ("month",),
}
_CASED = {"archiveprefix": "archivePrefix", "primaryclass": "primaryClass"}
_STOPWORDS = frozenset("a an the on of for in to and with from towards toward via is are do does can how what why "
                       "when by at as its our your we".split())


def escape_bibtex(text: str) -> str:
    return "".join(_LATEX.get(char, char) for char in text)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def generated_key(paper_id: int, authors: Sequence[str], year: int | None, title: str) -> str:
    """`surname + year + first significant title word`, lower case ASCII: zhang2023efficient."""
    key = _key_stem(authors[0] if authors else "", year, title)
    return key if re.match(r"[a-z]", key) else f"paper{paper_id}{key}"


_KEY_WORD = re.compile(r"[A-Za-z0-9]+")
_NOT_KEY = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=16384)
def _key_stem(first_author: str, year: int | None, title: str) -> str:
    """The key from its parts (pure, so remembered: the Resume screen and exports give every
    paper of the database a key)."""
    word = next((w for w in _KEY_WORD.findall(_ascii(title)) if w.lower() not in _STOPWORDS), "")
    return _NOT_KEY.sub("", f"{_key_surname(first_author) if first_author else ''}{year or ''}{word}".lower())


@lru_cache(maxsize=16384)
def _key_surname(first_author: str) -> str:
    """The first author's last name, in ASCII: parsing a name by BibTeX's rules is most of a
    key's cost, and a database's papers share a few hundred first authors."""
    return _ascii(parsed_name(first_author).last)


def usable_key(key: str | None) -> str | None:
    """A stored cite key if BibTeX can read it back (no spaces, braces, commas, quotes)."""
    key = (key or "").strip()
    return key if key and re.fullmatch(r"[^\s{}(),=\"#%'\\]+", key) else None


def assign_cite_keys(papers: Iterable[tuple[int, str | None, Sequence[str], int | None, str]]) -> dict[int, str]:
    """A unique key per paper (id, cite key, authors, year, title): original keys first, by
    id; then generated ones; a clash gets b, c, ... (zhang2023efficient, zhang2023efficientb)."""
    ordered = sorted(papers, key=lambda paper: paper[0])
    taken: set[str] = set()
    keys: dict[int, str] = {}
    tried: dict[str, int] = {}  # base -> the suffix its last claim got: those before it stay taken

    def claim(paper_id: int, base: str) -> None:
        suffix = tried.get(base, 1)
        key = base if suffix == 1 else base + _suffix(suffix)
        while key.casefold() in taken:
            suffix += 1
            key = base + _suffix(suffix)
        tried[base] = suffix
        taken.add(key.casefold())
        keys[paper_id] = key

    for paper_id, cite_key, _authors, _year, _title in ordered:
        original = usable_key(cite_key)
        if original:
            claim(paper_id, original)
    for paper_id, cite_key, authors, year, title in ordered:
        if paper_id not in keys:
            claim(paper_id, generated_key(paper_id, authors, year, title))
    return keys


def _suffix(n: int) -> str:
    """The n-th key of one base (n >= 2): b, c, ... z, ba, bb, ...: Google Scholar's way."""
    index, letters = n - 1, ""
    while True:
        index, rest = divmod(index, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[rest] + letters
        if index == 0:
            return letters


# -- one entry ---------------------------------------------------------------------------------

def entry_type(entry: "ResumeEntry") -> str:
    from .resume_entry import CONFERENCE, JOURNAL_ARTICLE, OTHER, PREPRINT_KIND, REVIEW_KIND, WORKSHOP

    original = str(entry.source.get("type") or "").lower()
    raw = entry.source.get("fields") if isinstance(entry.source.get("fields"), Mapping) else {}
    if entry.kind == CONFERENCE and original == "article" and is_proceedings_journal(str(raw.get("journal") or "")):
        return "article"         # PACMMOD, PVLDB: the CV says SIGMOD, the citation stays the journal's
    if entry.kind in (CONFERENCE, WORKSHOP):
        return "inproceedings"
    if entry.kind == JOURNAL_ARTICLE:
        return "article"
    if entry.kind == PREPRINT_KIND:
        return "misc"
    if entry.kind == REVIEW_KIND:
        return "misc" if entry.arxiv_id else "unpublished"
    if entry.kind == OTHER and entry.status == "accepted" and re.fullmatch(r"[a-z]+", original):
        return original          # a book chapter, a thesis, a report: as it was
    return "misc" if entry.arxiv_id else "unpublished"


def render_bib(entry: "ResumeEntry") -> str:
    kind = entry_type(entry)
    raw = entry.source.get("fields") if isinstance(entry.source.get("fields"), Mapping) else {}
    kept = _TYPE_FIELDS.get(kind, tuple(raw))  # an unusual type keeps every field it had
    fields: list[tuple[str, str]] = []
    authors = _author_value(entry)
    if authors:
        fields.append(("author", authors))
    fields.append(("title", _title_value(entry)))
    if kind == "inproceedings":
        fields.append(("booktitle", str(raw.get("booktitle") or "") or escape_bibtex(_proceedings(entry))))
    elif kind == "article":
        fields.append(("journal", str(raw.get("journal") or "") or escape_bibtex(entry.venue_full or entry.venue or "")))
    for name in kept:
        if name in ("booktitle", "journal", "note") or not str(raw.get(name) or "").strip():
            continue
        fields.append((name, _month(str(raw[name])) if name == "month" else str(raw[name])))
    if entry.year:
        fields.append(("year", str(entry.year)))
    if entry.doi:
        fields.append(("doi", escape_bibtex(entry.doi)))
    url = _url(entry)
    if url:
        fields.append(("url", escape_bibtex(url)))
    if entry.arxiv_id:
        fields += [("eprint", escape_bibtex(entry.arxiv_id)), ("archiveprefix", "arXiv")]
        if raw.get("primaryclass"):
            fields.append(("primaryclass", str(raw["primaryclass"])))
    note = _note(entry, kind, str(raw.get("note") or "") if "note" in kept else "")
    if note:
        fields.append(("note", note))
    fields = [(name, value) for name, value in fields if value.strip()]
    names = [_CASED.get(name, name) for name, _ in fields]
    width = max(len(name) for name in names)
    body = ",\n".join(f"  {name.ljust(width)} = {_braced(name, value)}" for name, (_, value) in zip(names, fields))
    key = entry.cite_key or generated_key(entry.paper_id, entry.stored_authors, entry.year, entry.title)
    return f"@{kind}{{{key},\n{body}\n}}"


def render_bib_list(entries: Sequence["ResumeEntry"]) -> str:
    return "\n\n".join(render_bib(entry) for entry in entries)


def _braced(name: str, value: str) -> str:
    if name == "month" and value in MONTHS:
        return value  # a month macro, bare as BibTeX styles expect
    return "{" + value + "}"


def _author_value(entry: "ResumeEntry") -> str:
    """The imported author field while the authors are unchanged, else BibTeX forms."""
    raw = entry.source.get("authors")
    text = entry.source.get("author_text")
    if isinstance(raw, list) and isinstance(text, list) and list(entry.stored_authors) == text and raw:
        return " and ".join(str(name) for name in raw)
    # A paper of my own pipeline with no authors typed yet: at least I wrote it.
    stored = entry.stored_authors or ((entry.me,) if entry.me else ())
    names = ["others" if name.strip().lower() in ("et al.", "et al", "others") else escape_bibtex(bibtex_name(name))
             for name in stored]
    return " and ".join(name for name in names if name)


def _title_value(entry: "ResumeEntry") -> str:
    raw, text = entry.source.get("title"), entry.source.get("title_text")
    if isinstance(raw, str) and raw.strip() and text == entry.title:
        return raw
    return "{" + escape_bibtex(entry.title) + "}"  # inner braces keep its capitals


def _proceedings(entry: "ResumeEntry") -> str:
    """A proceedings' name for a paper typed by hand (an import keeps the file's booktitle)."""
    name = entry.venue_full or entry.venue or entry.label
    if entry.track == "findings" and entry.venue:
        return f"Findings of the Association for Computational Linguistics: {entry.venue} {entry.year or ''}".strip()
    if entry.track in ("workshop", "srw") and "workshop" not in name.lower():
        return f"{name} (Workshop)"
    return name


def _month(value: str) -> str:
    word = value.strip().lower()[:3]
    return word if word in MONTHS and not value.strip().isdigit() else value.strip()


def _url(entry: "ResumeEntry") -> str:
    """The paper's own URL; a preprint without one points at its arXiv page."""
    if entry.url:
        return entry.url
    return f"https://arxiv.org/abs/{entry.arxiv_id}" if entry.arxiv_id and entry.status != "accepted" else ""


def _note(entry: "ResumeEntry", kind: str, original: str) -> str:
    from .resume_entry import UNDER_REVIEW

    if entry.status == UNDER_REVIEW:
        return escape_bibtex(entry.label)
    notes = [original] if original.strip() else []
    if entry.award and entry.award.lower() not in original.lower():
        notes.append(escape_bibtex(entry.award))
    if kind == "unpublished" and not notes:
        notes.append(escape_bibtex(entry.label))
    return ", ".join(notes)
