"""BibTeX import, the deciding half: which entries are new, which are duplicates and why,
which are mine, and the papers-table row each new entry becomes.

A duplicate needs evidence that it is the same paper: the same DOI or arXiv id *and* a similar
title, or the same title with no identifier that tells them apart. Two entries that share an
arXiv id but not their title (a copy-paste slip in someone's .bib) are both kept, with a note;
so are two papers of the same title with different DOIs (a journal version of a conference
paper is its own line on a CV).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import compress
from operator import not_

from .bibtex import BibPaper
from .names import find_me

SIMILAR_TITLE = 0.8   # SequenceMatcher ratio of two normalized titles


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=65536)
def normalize_title(title: str) -> str:
    """Case, accents, braces and punctuation do not make two titles different (remembered: an
    import compares each title with its candidates, and asks for its keys, more than once)."""
    plain = unicodedata.normalize("NFKD", title)
    # Only a non-ASCII character can be a combining mark, and most such titles (Chinese) hold
    # none: looked for, then dropped, by C loops (a Python step a character cost 10,000 stored
    # titles, 4,130 of them Chinese, ~22 -> ~13 ms).
    if not plain.isascii() and any(map(unicodedata.combining, plain)):
        plain = "".join(compress(plain, map(not_, map(unicodedata.combining, plain))))
    return " ".join(_WORD.findall(plain.casefold()))


def similar_titles(a: str, b: str) -> bool:
    """The same title give or take a typo, a subtitle or a trailing word."""
    x, y = normalize_title(a), normalize_title(b)
    if not x or not y:
        return False
    if x == y:
        return True
    shorter, longer = sorted((x, y), key=len)
    if len(shorter.split()) >= 4 and (longer.startswith(shorter + " ") or longer.startswith(shorter + ":")):
        return True
    return SequenceMatcher(None, x, y, autojunk=False).ratio() >= SIMILAR_TITLE


@dataclass(frozen=True, slots=True)
class Known:
    """A paper the import compares against: in the database (paper_id) or an earlier entry."""

    title: str
    doi: str | None
    arxiv_id: str | None
    where: str                    # "paper #12 in the database", "entry dai2021elastic"
    paper_id: int | None = None


@dataclass(frozen=True, slots=True)
class Duplicate:
    paper: BibPaper
    why: str                     # "same DOI and title as paper #12 in the database"
    paper_id: int | None         # the database's paper it duplicates, if any


@dataclass(slots=True)
class DuplicateSplit:
    new: list[BibPaper]
    duplicates: list[Duplicate]
    notes: dict[int, str] = field(default_factory=dict)  # id(paper) -> why it was kept though it looked alike


def split_duplicates(
    papers: Iterable[BibPaper], existing: Iterable[tuple[int, str, str | None, str | None]],
) -> DuplicateSplit:
    """Split `papers` into new ones and duplicates of `existing` (id, title, doi, arxiv) or of
    an earlier entry. Candidates are found by identifier or exact title, so this stays linear."""
    # Each key -> the database's rows and the earlier entries that have it, made a Known only
    # when an entry meets them: 10,000 papers and 10,000 new entries made one each, ~40 ms of
    # a 10,000-entry import (issue 18), though most of them are never a candidate.
    index: dict[str, list[tuple[int, str, str | None, str | None] | BibPaper]] = {}
    for row in existing:
        for key in _keys(row[1], row[2], row[3]):
            index.setdefault(key, []).append(row)
    split = DuplicateSplit([], [])
    for paper in papers:
        keys = _keys(paper.title, paper.doi, paper.arxiv_id)
        candidates: list[Known] = []
        for key in sorted(keys) if len(keys) > 1 else keys:
            found = index.get(key)
            if found:
                candidates += [known for known in map(_known, found) if known not in candidates]
        verdict, note = _judge(paper, candidates) if candidates else (None, "")
        if verdict is not None:
            split.duplicates.append(verdict)
            continue
        if note:
            split.notes[id(paper)] = note
        for key in keys:
            index.setdefault(key, []).append(paper)
        split.new.append(paper)
    return split


def _known(held: tuple[int, str, str | None, str | None] | BibPaper) -> Known:
    """A database row (id, title, doi, arxiv id) or an earlier entry, as compared."""
    if isinstance(held, BibPaper):
        return Known(held.title, held.doi, held.arxiv_id, f"entry {held.key}")
    paper_id, title, doi, arxiv_id = held
    return Known(title, doi, arxiv_id, f"paper #{paper_id} in the database", paper_id)


def _keys(title: str, doi: str | None, arxiv_id: str | None) -> set[str]:
    normalized = normalize_title(title)
    keys = {f"title:{normalized}"} if normalized else set()
    if doi:
        keys.add(f"doi:{doi.lower()}")
    if arxiv_id:
        keys.add(f"arxiv:{arxiv_id.lower()}")
    return keys


def _judge(paper: BibPaper, candidates: list[Known]) -> tuple[Duplicate | None, str]:
    note = ""
    for known in candidates:
        same_doi = bool(paper.doi and known.doi and paper.doi.lower() == known.doi.lower())
        same_arxiv = bool(paper.arxiv_id and known.arxiv_id and paper.arxiv_id.lower() == known.arxiv_id.lower())
        alike = similar_titles(paper.title, known.title)
        if (same_doi or same_arxiv) and alike:
            what = "DOI" if same_doi else "arXiv id"
            return Duplicate(paper, f"same {what} and title as {known.where}", known.paper_id), ""
        if same_doi or same_arxiv:
            what = f"DOI {paper.doi}" if same_doi else f"arXiv id {paper.arxiv_id}"
            note = note or f"shares its {what} with {known.where} but not its title; kept as a separate paper"
            continue
        conflicting = (paper.doi and known.doi and paper.doi.lower() != known.doi.lower()) or (
            paper.arxiv_id and known.arxiv_id and paper.arxiv_id.lower() != known.arxiv_id.lower())
        if conflicting:
            note = note or f"same title as {known.where} but a different DOI / arXiv id; kept as a separate paper"
            continue
        return Duplicate(paper, f"same title as {known.where}", known.paper_id), ""
    return None, note


# -- the row ---------------------------------------------------------------------------------

def paper_columns(paper: BibPaper, my_names: Sequence[str] = ()) -> dict[str, object]:
    """The papers-table row for an imported entry: finished work, so it sits at Decision.

    `my_names` (my name and its aliases) find my author position; with any name given, only my
    own papers go on the resume (a preview may change that per entry)."""
    my_index = find_me(paper.authors, my_names)
    source = f"Imported from BibTeX entry {paper.key}"
    if paper.venue_name and paper.venue_key is None:
        source += f"; venue: {paper.venue_name}"
    return {
        "title": paper.title, "stage": "decision", "authors": paper.authors,
        "equal_contribution": paper.equal_contribution, "corresponding": paper.corresponding,
        "my_author_index": my_index,
        # An unknown venue keeps its own short name ("TIST", "NoDaLiDa") as its key.
        "venue_key": paper.venue_key or paper.venue_name, "target_year": paper.year, "track": paper.track,
        "decision": "accepted" if paper.status == "published" else None,
        "award": paper.award, "doi": paper.doi, "arxiv_id": paper.arxiv_id, "links": paper.links,
        "selected": int(paper.selected),
        "on_resume": int(my_index is not None or not any(name.strip() for name in my_names)),
        "cite_key": paper.key, "bib_entry": paper.source,
        "notes": source,
    }


def is_mine(values: dict[str, object]) -> bool:
    return values.get("my_author_index") is not None
