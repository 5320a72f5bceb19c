"""BibTeX import, the parsing half: entries -> papers, with venue, track and status inferred.

bibtexparser v2 parses; LaTeX accents are decoded ({\\"O}zge -> Özge); the venue and track
come from booktitle/journal (and al-folio's `abbr`); arXiv-only entries are preprints. Each
malformed entry is reported with its key and line, and the rest still import. Duplicates (same
DOI, arXiv id or title) are found by `split_duplicates` against what the database already holds.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..models.imports import ImportProblem

# (venue key, display name, pattern on booktitle/journal/abbr). Order matters: the ACL-family
# names contain "Association for Computational Linguistics" too, so they come before ACL.
VENUE_PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("neurips", "NeurIPS", r"neural information processing systems|\bneurips\b|\bnips\b"),
    ("iclr", "ICLR", r"international conference on learning representations|\biclr\b"),
    ("icml", "ICML", r"international conference on machine learning|\bicml\b"),
    ("emnlp", "EMNLP", r"empirical methods in natural language processing|\bemnlp\b"),
    ("naacl", "NAACL", r"(north )?americas? chapter of the association|\bnaacl\b"),
    ("eacl", "EACL", r"european chapter of the association|\beacl\b"),
    ("tacl", "TACL", r"transactions of the association for computational linguistics|\btacl\b"),
    ("coling", "COLING", r"\bcoling\b|international conference on computational linguistics"),
    ("acl", "ACL", r"annual meeting of the association for computational linguistics|\bacl\b"),
    ("colm", "COLM", r"conference on language modeling|\bcolm\b"),
    ("aaai", "AAAI", r"\baaai\b"),
    ("ijcai", "IJCAI", r"\bijcai\b|international joint conference on artificial intelligence"),
    ("mlsys", "MLSys", r"machine learning and systems|\bmlsys\b"),
    ("cvpr", "CVPR", r"computer vision and pattern recognition|\bcvpr\b"),
    ("iccv", "ICCV", r"international conference on computer vision|\biccv\b"),
    ("kdd", "KDD", r"knowledge discovery and data mining|\bkdd\b"),
    ("www", "WWW", r"\bweb conference\b|\bwww\b"),
    ("sigmod", "SIGMOD", r"\bsigmod\b|proc\. acm manag\. data"),
    ("icde", "ICDE", r"international conference on data engineering|\bicde\b"),
    ("interspeech", "Interspeech", r"\binterspeech\b"),
    ("conll", "CoNLL", r"computational natural language learning|\bconll\b"),
    ("lrec", "LREC", r"language resources and evaluation|\blrec\b"),
    ("semeval", "SemEval", r"\bsemeval\b"),
)
TRACK_PATTERNS: tuple[tuple[str, str], ...] = (
    ("findings", r"\bfindings\b"),
    ("srw", r"student research workshop"),
    ("workshop", r"\bworkshop\b"),
    ("industry", r"industry track"),
    ("demo", r"system demonstrations|\bdemo"),
    ("datasets-benchmarks", r"datasets and benchmarks"),
)
ACL_FAMILY = {"acl", "emnlp", "naacl", "eacl", "coling"}
ARXIV_ID = re.compile(r"(\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?", re.IGNORECASE)
AUTHOR_MARKS = "*†‡§¶#"


@dataclass(slots=True)
class BibPaper:
    key: str
    line: int | None
    entry_type: str
    title: str
    authors: list[str] = field(default_factory=list)
    equal_contribution: list[int] = field(default_factory=list)
    year: int | None = None
    venue_key: str | None = None
    venue_name: str | None = None
    track: str | None = None
    status: str | None = None          # 'published' or 'preprint'
    doi: str | None = None
    arxiv_id: str | None = None
    links: dict[str, str] = field(default_factory=dict)
    selected: bool = False


@dataclass(slots=True)
class BibParse:
    papers: list[BibPaper]
    problems: list[ImportProblem]

    @property
    def total(self) -> int:
        """Every entry the file holds: parsed ones and malformed ones."""
        return len(self.papers) + len(self.problems)


def parse_bibtex(text: str, file: str = "") -> BibParse:
    """Every entry of `text` as a paper, or as a problem naming `file`, the key and the line."""
    import bibtexparser
    from bibtexparser import middlewares

    library = bibtexparser.parse_string(
        text,
        append_middleware=[_KeepUsedFields(), _FastLatexDecoding(), middlewares.SeparateCoAuthors()],
    )
    papers: list[BibPaper] = []
    problems: list[ImportProblem] = []
    for block in library.failed_blocks:
        key = getattr(block, "key", None) or _key_from_raw(block.raw)
        problems.append(ImportProblem(file, key or "(no key)", _message(block.error), line=_line(block.start_line)))
    for entry in library.entries:
        try:
            paper = entry_to_paper(entry)
        except ValueError as error:
            problems.append(ImportProblem(file, entry.key, str(error), line=_line(entry.start_line)))
            continue
        papers.append(paper)
    problems.sort(key=lambda p: p.line or 0)
    return BibParse(papers, problems)


USED_FIELDS = frozenset({
    "title", "author", "booktitle", "journal", "howpublished", "abbr", "year", "doi", "url", "pdf",
    "code", "html", "website", "eprint", "archiveprefix", "eprinttype", "arxiv", "volume", "note", "selected",
})


def _KeepUsedFields():
    """A middleware dropping fields we never read (abstracts...) before the slow LaTeX decoding."""
    from bibtexparser.middlewares.middleware import BlockMiddleware
    from bibtexparser.model import Entry

    class KeepUsedFields(BlockMiddleware):
        def transform_entry(self, entry: Entry, library) -> Entry:
            entry.fields = [f for f in entry.fields if f.key.lower() in USED_FIELDS]
            return entry

    return KeepUsedFields(allow_inplace_modification=True)


_NEEDS_LATEX = re.compile(r"[\\$~%]|--|``|''")


def _FastLatexDecoding():
    """bibtexparser's LaTeX decoding (pylatexenc, ~5 ms a value), skipped for values that hold
    no LaTeX at all: for those, decoding only drops the braces."""
    from bibtexparser.middlewares import LatexDecodingMiddleware

    class FastLatexDecoding(LatexDecodingMiddleware):
        def _transform_python_value_string(self, python_string: str) -> tuple[str, str]:
            if not _NEEDS_LATEX.search(python_string):
                return python_string.replace("{", "").replace("}", ""), ""
            return super()._transform_python_value_string(python_string)

    return FastLatexDecoding()


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
    text = value if isinstance(value, str) else " ".join(map(str, value)) if isinstance(value, list) else str(value)
    text = text.replace("{", "").replace("}", "")
    if "&" in text:
        text = html.unescape(text).replace("\\&", "&")
    # str.split() splits on exactly the whitespace \s matches (Unicode spaces included).
    return " ".join(text.replace("--", "–").split())


def entry_to_paper(entry) -> BibPaper:
    fields = {k.lower(): v for k, v in entry.items() if k.lower() not in ("id", "entrytype")}
    title = clean(fields.get("title", ""))
    if not title:
        raise ValueError("no title")
    authors, equal = parse_authors(fields.get("author", []))
    venue_text = " ".join(clean(fields.get(name, "")) for name in ("booktitle", "journal", "howpublished", "abbr"))
    arxiv_id = find_arxiv_id(fields)
    venue_key, venue_name = infer_venue(venue_text)
    track = infer_track(venue_text, venue_key)
    where = " ".join(clean(fields.get(name, "")) for name in ("booktitle", "journal", "howpublished")).strip()
    on_arxiv = "arxiv" in venue_text.lower() or clean(fields.get("journal", "")).lower() == "corr"
    # Published: a known venue, or any booktitle/journal that is not arXiv itself.
    published = venue_key is not None or bool(where and "arxiv" not in where.lower() and not on_arxiv)
    status = "published" if published else ("preprint" if arxiv_id or on_arxiv else None)
    if venue_key is None and published:
        venue_name = clean(fields.get("abbr", "")) or clean(fields.get("booktitle", "")) or clean(fields.get("journal", "")) or None
    links = {name: clean(fields[name]) for name in ("url", "pdf", "code", "html", "website") if clean(fields.get(name, ""))}
    return BibPaper(
        key=entry.key, line=_line(entry.start_line), entry_type=entry.entry_type.lower(), title=title,
        authors=authors, equal_contribution=equal, year=parse_year(fields.get("year")),
        venue_key=venue_key, venue_name=venue_name, track=track, status=status,
        doi=normalize_doi(clean(fields.get("doi", "")) or _doi_from_url(clean(fields.get("url", "")))),
        arxiv_id=arxiv_id, links=links, selected=clean(fields.get("selected", "")).lower() in ("true", "yes", "1"),
    )


def parse_authors(value: object) -> tuple[list[str], list[int]]:
    """"Wu*, Zhaomin" -> "Zhaomin Wu" with index 0 marked equal; "{van der Goot}, Rob" kept whole."""
    names = value if isinstance(value, list) else re.split(r"\s+and\s+", str(value or ""))
    authors: list[str] = []
    equal: list[int] = []
    for raw in names:
        name = clean(raw)
        if not name:
            continue
        if name.lower() == "others":
            authors.append("et al.")
            continue
        if "*" in name:
            equal.append(len(authors))
        name = name.translate({ord(c): None for c in AUTHOR_MARKS}).strip()
        parts = [p.strip() for p in name.split(",")]
        if len(parts) == 2 and all(parts):
            name = f"{parts[1]} {parts[0]}"
        elif len(parts) == 3 and parts[0] and parts[2]:
            name = f"{parts[2]} {parts[0]}, {parts[1]}"
        authors.append(re.sub(r"\s+", " ", name).strip())
    return authors, equal


def parse_year(value: object) -> int | None:
    found = re.search(r"\b(19|20)\d{2}\b", clean(value or ""))
    return int(found.group(0)) if found else None


def infer_venue(text: str) -> tuple[str | None, str | None]:
    lowered = text.lower()
    for key, name, pattern in VENUE_PATTERNS:
        if re.search(pattern, lowered):
            return key, name
    return None, None


def infer_track(text: str, venue_key: str | None) -> str | None:
    lowered = text.lower()
    for track, pattern in TRACK_PATTERNS:
        if re.search(pattern, lowered):
            return track
    return "main" if venue_key in ACL_FAMILY else None


def find_arxiv_id(fields: dict[str, object]) -> str | None:
    prefix = clean(fields.get("archiveprefix", "") or fields.get("eprinttype", "")).lower()
    eprint = clean(fields.get("eprint", ""))
    candidates = [clean(fields.get("arxiv", ""))]
    if eprint and (prefix == "arxiv" or not prefix):
        candidates.append(eprint)
    for name in ("journal", "url", "pdf", "volume", "howpublished", "note"):
        text = clean(fields.get(name, ""))
        if "arxiv" in text.lower() or (name == "volume" and text.lower().startswith("abs/")):
            candidates.append(text.split("arxiv", 1)[-1] if "arxiv" in text.lower() else text)
    for candidate in candidates:
        found = ARXIV_ID.search(candidate or "")
        if found:
            return found.group(1)
    return None


def normalize_doi(doi: str | None) -> str | None:
    if not doi:
        return None
    doi = re.sub(r"^(https?://)?(dx\.)?doi\.org/|^doi:\s*", "", doi.strip(), flags=re.IGNORECASE)
    return doi.lower() if doi.startswith("10.") else None


def _doi_from_url(url: str) -> str | None:
    return url if "doi.org/10." in url.lower() else None


def normalize_title(title: str) -> str:
    """Case, accents, braces and punctuation do not make two titles different."""
    plain = unicodedata.normalize("NFKD", title)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"\w+", plain))


def identity_keys(title: str, doi: str | None, arxiv_id: str | None) -> set[str]:
    keys = {f"title:{normalize_title(title)}"} if normalize_title(title) else set()
    if doi:
        keys.add(f"doi:{doi.lower()}")
    if arxiv_id:
        keys.add(f"arxiv:{arxiv_id.lower()}")
    return keys


@dataclass(frozen=True, slots=True)
class Duplicate:
    paper: BibPaper
    why: str                     # "same DOI as paper #12 in the database", "same title as entry k"
    paper_id: int | None         # the database's paper it duplicates, if any


@dataclass(slots=True)
class DuplicateSplit:
    new: list[BibPaper]
    duplicates: list[Duplicate]


def split_duplicates(
    papers: Iterable[BibPaper], existing: Iterable[tuple[int, str, str | None, str | None]],
) -> DuplicateSplit:
    """Split `papers` into new ones and duplicates of `existing` (id, title, doi, arxiv) or of each other."""
    seen: dict[str, tuple[str, int | None]] = {}
    for paper_id, title, doi, arxiv_id in existing:
        for key in identity_keys(title, doi, arxiv_id):
            seen[key] = (f"paper #{paper_id} in the database", paper_id)
    split = DuplicateSplit([], [])
    for paper in papers:
        keys = identity_keys(paper.title, paper.doi, paper.arxiv_id)
        clash = next((k for k in sorted(keys) if k in seen), None)
        if clash:
            what = clash.split(":", 1)[0].replace("doi", "DOI").replace("arxiv", "arXiv id")
            other, paper_id = seen[clash]
            split.duplicates.append(Duplicate(paper, f"same {what} as {other}", paper_id))
            continue
        for key in keys:
            seen[key] = (f"entry {paper.key}", None)
        split.new.append(paper)
    return split


KNOWN_VENUE_NAMES = {key: name for key, name, _ in VENUE_PATTERNS}


def paper_columns(paper: BibPaper, my_name: str = "") -> dict[str, object]:
    """The papers-table row for an imported entry: finished work, so it sits at Decision."""
    from .snippets import find_my_index

    venue_key = paper.venue_key
    if venue_key is None and paper.venue_name and len(paper.venue_name) <= 24:
        # An unknown venue keeps its own short name ("TIST", "Applied Sciences") as its key.
        venue_key = re.sub(r"\s+", " ", re.sub(r"\b(19|20)\d{2}\b", "", paper.venue_name)).strip() or None
    my_index = find_my_index(paper.authors, my_name)
    source = f"Imported from BibTeX entry {paper.key}"
    if paper.venue_name and paper.venue_key is None:
        source += f"; venue: {paper.venue_name}"
    return {
        "title": paper.title, "stage": "decision", "authors": paper.authors,
        "equal_contribution": paper.equal_contribution, "my_author_index": my_index,
        "venue_key": venue_key, "target_year": paper.year, "track": paper.track,
        "decision": "accepted" if paper.status == "published" else None,
        "doi": paper.doi, "arxiv_id": paper.arxiv_id, "links": paper.links,
        "selected": int(paper.selected),
        # With the user's name known, only their own papers go on the resume.
        "on_resume": int(my_index is not None or not my_name.strip()),
        "notes": source,
    }
