"""What the resume says about a paper, decided once for every format.

`build_entry` reads a paper, its submission history and the venues and decides: its status
(accepted -> venue and year; submitted -> "Under Review", with the venues tried before it:
"ACL ARR x2 / Under Review"; on arXiv -> preprint), its kind (conference, journal, workshop,
preprint, under review), its label ("ACL 2025 Findings", "TKDE 2022", "arXiv 2025"), the
authors as a CV shows them with my position and the role marks, and its links. Every format,
single or list, writes this one label, so a Findings or workshop paper reads the same in each.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..models.papers import Paper, PaperPlacement, Stage, Submission
from .names import display_name, find_me
from .venue_catalogue import JOURNAL, venue_by_key, track_key, track_label

ACCEPTED, UNDER_REVIEW, PREPRINT, MANUSCRIPT = "accepted", "under_review", "preprint", "manuscript"
STATUS_ORDER = {ACCEPTED: 0, UNDER_REVIEW: 1, PREPRINT: 2, MANUSCRIPT: 3}
RESUME_STATUSES = (ACCEPTED, UNDER_REVIEW, PREPRINT)
# What a paper is, for grouping by type, in the order a CV lists them.
CONFERENCE, WORKSHOP, JOURNAL_ARTICLE, PREPRINT_KIND, REVIEW_KIND, OTHER = (
    "conference", "workshop", "journal", "preprint", "under_review", "other")
KIND_ORDER = (CONFERENCE, JOURNAL_ARTICLE, WORKSHOP, PREPRINT_KIND, REVIEW_KIND, OTHER)
KIND_HEADINGS = {
    CONFERENCE: "Conference Papers", JOURNAL_ARTICLE: "Journal Articles", WORKSHOP: "Workshop Papers",
    PREPRINT_KIND: "Preprints", REVIEW_KIND: "Under Review", OTHER: "Other",
}
# Qualifiers a label carries after "VENUE YEAR" (main conference: none in the label).
UNLABELLED_TRACKS = {"main", None}


@dataclass(frozen=True, slots=True)
class VenueName:
    """A venue as the resume names it: "ICLR", "International Conference on ...", kind."""

    abbr: str
    full_name: str = ""
    journal: bool = False


@dataclass(frozen=True, slots=True)
class ResumeEntry:
    paper_id: int
    title: str
    status: str                     # accepted | under_review | preprint | manuscript
    label: str                      # "ACL 2025 Findings", "ACL ARR x2 / Under Review", "arXiv 2024"
    kind: str = CONFERENCE          # conference | journal | workshop | preprint | under_review | other
    venue: str | None = None
    venue_full: str | None = None
    year: int | None = None
    track: str | None = None        # a track key: main, findings, workshop, demo, ...
    award: str | None = None
    authors: tuple[str, ...] = ()   # as a CV shows them: "Rob van der Goot"
    my_index: int | None = None
    equal: frozenset[int] = field(default_factory=frozenset)
    corresponding: frozenset[int] = field(default_factory=frozenset)
    bullets: tuple[str, ...] = ()
    selected: bool = False
    doi: str | None = None
    arxiv_id: str | None = None
    links: tuple[tuple[str, str], ...] = ()   # (label, url): arXiv, Code, Project
    url: str | None = None          # the paper's own URL (BibTeX's url field)
    anonymous: bool = False         # under review, shown as the guide's line without title
    cite_key: str | None = None     # unique among the database's papers (usecases assign it)
    source: Mapping[str, object] = field(default_factory=dict, hash=False, compare=False)
    stored_authors: tuple[str, ...] = ()  # the names as stored (BibTeX forms), for the .bib
    me: str | None = None           # my name: the .bib's author of my own paper with none typed


def norm(text: str | None) -> str:
    return (text or "").strip().lower().replace("_", " ").replace("-", " ")


def is_accepted(paper: Paper) -> bool:
    return _accepted(paper.decision, paper.status)


def _accepted(decision: str | None, status: str | None) -> bool:
    return norm(decision).startswith("accept") or norm(status) in ("accepted", "published")


def derive_bullets(paper: Paper) -> list[str]:
    """The paper's own bullets, else one per line of its contribution and result."""
    if paper.bullets:
        return [b for b in (str(x).strip() for x in paper.bullets) if b]
    lines = (paper.contribution or "").splitlines() + (paper.result or "").splitlines()
    return [line.strip().lstrip("-•* ").strip() for line in lines if line.strip().lstrip("-•* ").strip()]


def award_label(text: str | None) -> str | None:
    """An award as every format writes it, inside parentheses: "Oral (1%)" -> "Oral, 1%" and
    "(Oral, 1%)" -> "Oral, 1%", so none reads "(Oral (1%))"."""
    text = (text or "").strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    return re.sub(r"^([^()]*\S)\s*\(([^()]+)\)$", r"\1, \2", text) or None


def history_label(submissions: Sequence[Submission], fallback_venue: str | None,
                  names: Mapping[str, "VenueName | str"] | None = None) -> str:
    """"ACL ARR x2 / Under Review": the venues tried, in order, with repeat counts. A venue is
    named as the database / catalogue names it ("NeurIPS", though the submission wrote
    "NEURIPS"), unless the submission wrote another name for it ("ACL ARR February")."""
    counts: dict[str, int] = {}
    for submission in submissions:
        written = (submission.venue_name or "").strip()
        known = venue_name(submission.venue_key, names or {}) if submission.venue_key else None
        name = known.abbr if known and (not written or written.casefold() == known.abbr.casefold()) else written
        name = name or (submission.venue_key or "").strip()
        if name:
            counts[name] = counts.get(name, 0) + 1
    if not counts and fallback_venue:
        counts[fallback_venue] = 1
    parts = [f"{name} x{n}" if n > 1 else name for name, n in counts.items()]
    return " / ".join([*parts, "Under Review"])


def venue_name(key: str | None, names: Mapping[str, VenueName | str]) -> VenueName | None:
    """The venue a paper's key names: the database's venue row, else the catalogue, else a
    free-text key is its own name ("Applied Sciences", "NoDaLiDa")."""
    key = (key or "").strip()
    if not key:
        return None
    if key in names:
        named = names[key]
        return VenueName(named) if isinstance(named, str) else named
    known = venue_by_key(key)
    if known is not None:
        return VenueName(known.abbr, known.full_name, known.kind == JOURNAL)
    return VenueName(key.upper() if key.islower() and " " not in key and len(key) <= 8 else key)


def venue_label(venue: str | None, year: int | None, track: str | None) -> str:
    """"ACL 2025 Findings", "NeurIPS 2023 Workshop", "EMNLP 2024", "BlackboxNLP Workshop 2025"."""
    key = track_key(track)
    qualifier = "" if key in UNLABELLED_TRACKS else (track_label(key) or "")
    if qualifier and venue and qualifier.lower() in venue.lower():
        qualifier = ""
    head = venue or ("Accepted" if not qualifier else "")
    return " ".join(part for part in (head, str(year or ""), qualifier) if part)


def publication_kind(status: str, track: str | None, venue: VenueName | None, source: Mapping[str, object]) -> str:
    if status == UNDER_REVIEW:
        return REVIEW_KIND
    if status != ACCEPTED:
        return PREPRINT_KIND if status == PREPRINT else OTHER
    key = track_key(track)
    if key in ("workshop", "srw"):
        return WORKSHOP
    kind = str(source.get("type") or "").lower()
    fields = source.get("fields") if isinstance(source.get("fields"), dict) else {}
    if venue is not None and venue.journal:
        return JOURNAL_ARTICLE
    if kind == "article" and fields.get("journal") and not _known_conference(venue):  # type: ignore[union-attr]
        return JOURNAL_ARTICLE
    if kind in ("", "inproceedings", "conference", "proceedings", "article", "misc", "unpublished"):
        return CONFERENCE
    return OTHER  # a book chapter, a thesis, a report


def _known_conference(venue: VenueName | None) -> bool:
    return venue is not None and bool(venue.full_name) and not venue.journal


def entry_links(paper: Paper, arxiv_id: str | None) -> tuple[tuple[str, str], ...]:
    """arXiv, code and project links, in that order, each once."""
    links = paper.links or {}
    found: list[tuple[str, str]] = []
    arxiv = f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else links.get("arxiv", "")
    project = links.get("project") or links.get("website") or links.get("html") or ""
    for label, url in (("arXiv", arxiv), ("Code", links.get("code", "")), ("Project", project)):
        if url and url.lower().startswith(("http://", "https://")):
            found.append((label, url))
    return tuple(found)


def entry_status(paper: "Paper | PaperPlacement", submissions: Sequence[Submission] = (),
                 arxiv_id: str | None = None) -> str:
    """ACCEPTED, UNDER_REVIEW, PREPRINT or MANUSCRIPT: from the paper's decision, status and
    stage (no long text), its pending submissions and arXiv id."""
    pending = any(not (s.decision or "").strip() for s in submissions)
    return _status(paper.decision, paper.status, paper.stage, pending, bool(arxiv_id))


@lru_cache(maxsize=1024)
def _status(decision: str | None, status: str | None, stage: Stage, pending: bool, on_arxiv: bool) -> str:
    """entry_status's rule, remembered: 10,000 papers have a few dozen of these combinations."""
    if _accepted(decision, status):
        return ACCEPTED
    if stage in (Stage.SUBMISSION, Stage.UNDER_REVIEW) or pending or norm(status) in ("submitted", "under review"):
        return UNDER_REVIEW
    if on_arxiv or norm(status) == "preprint":
        return PREPRINT
    return MANUSCRIPT


# The paper fields `build_entry` reads: the resume reads only these of each paper (at 2,000
# papers, their notes, plan texts and times were a third of the Resume screen's read).
ENTRY_FIELDS = (
    "id", "title", "stage", "venue_key", "target_year", "track", "status", "decision", "award", "authors",
    "my_author_index", "equal_contribution", "corresponding", "links", "contribution", "result", "bullets",
    "selected", "doi", "arxiv_id", "cite_key", "bib_entry",
)


def build_entry(
    paper: Paper,
    submissions: Sequence[Submission] = (),
    venue_names: Mapping[str, VenueName | str] | None = None,
    my_names: Sequence[str] | str = (),
    *,
    review_titles: bool = False,
    cite_key: str | None = None,
) -> ResumeEntry:
    names = venue_names or {}
    venue = venue_name(paper.venue_key, names)
    abbr = venue.abbr if venue else None
    arxiv_id = paper.arxiv_id
    status = entry_status(paper, submissions, arxiv_id)
    if status == ACCEPTED:
        label = venue_label(abbr, paper.target_year, paper.track)
    elif status == UNDER_REVIEW:
        label = history_label(submissions, abbr, names)
    elif status == PREPRINT:
        label = f"arXiv {paper.target_year}" if arxiv_id and paper.target_year else ("arXiv" if arxiv_id else "Preprint")
    else:
        label = "Manuscript"
    mine = [my_names] if isinstance(my_names, str) else list(my_names)
    my_index = paper.my_author_index
    if my_index is None or not 0 <= my_index < len(paper.authors):
        my_index = find_me(paper.authors, mine)
    stored = tuple(paper.authors)
    source = paper.bib_entry if isinstance(paper.bib_entry, dict) else {}
    return ResumeEntry(
        paper_id=paper.id, title=paper.title.strip(), status=status, label=label,
        kind=publication_kind(status, paper.track, venue, source), venue=abbr,
        venue_full=(venue.full_name or None) if venue else None, year=paper.target_year,
        track=track_key(paper.track) if status == ACCEPTED else None,
        award=award_label(paper.award) if status == ACCEPTED else None,
        authors=tuple(display_name(name) for name in stored), my_index=my_index,
        equal=frozenset(i for i in paper.equal_contribution if isinstance(i, int)),
        corresponding=frozenset(i for i in paper.corresponding if isinstance(i, int)),
        bullets=tuple(derive_bullets(paper)), selected=paper.selected, doi=paper.doi, arxiv_id=arxiv_id,
        links=entry_links(paper, arxiv_id), url=(paper.links or {}).get("url") or None, anonymous=status == UNDER_REVIEW and not review_titles,
        cite_key=cite_key or paper.cite_key, source=source, stored_authors=stored, me=mine[0] if mine else None,
    )


def sort_entries(entries: Sequence[ResumeEntry]) -> list[ResumeEntry]:
    return sorted(entries, key=lambda e: (STATUS_ORDER.get(e.status, 9), -(e.year or 0), e.title.lower()))


def split_selected(entries: Sequence[ResumeEntry]) -> tuple[list[ResumeEntry], list[ResumeEntry]]:
    """The guide's Selected / Other split; with nothing marked selected, accepted papers lead."""
    ordered = sort_entries(entries)
    if any(e.selected for e in ordered):
        return [e for e in ordered if e.selected], [e for e in ordered if not e.selected]
    return [e for e in ordered if e.status == ACCEPTED], [e for e in ordered if e.status != ACCEPTED]


def grouped(entries: Sequence[ResumeEntry], group: str = "selected") -> list[tuple[str, list[ResumeEntry]]]:
    """(heading, entries) in CV order: Selected first, then the rest by `group`:
    "selected" -> the guide's "Other"; "year" -> Under Review, then each year, newest first;
    "type" -> conference, journal, workshop, preprint, under review."""
    if group == "selected":
        selected, other = split_selected(entries)
        return [(h, g) for h, g in (("Selected Publication", selected), ("Other", other)) if g]
    ordered = sort_entries(entries)
    selected = [e for e in ordered if e.selected]
    rest = [e for e in ordered if not e.selected]
    groups: list[tuple[str, list[ResumeEntry]]] = [("Selected Publication", selected)] if selected else []
    if group == "year":
        review = [e for e in rest if e.status == UNDER_REVIEW]
        dated = [e for e in rest if e.status != UNDER_REVIEW]
        years = sorted({e.year for e in dated if e.year}, reverse=True)
        groups += [("Under Review", review)] if review else []
        groups += [(str(year), [e for e in dated if e.year == year]) for year in years]
        undated = [e for e in dated if not e.year]
        groups += [("Undated", undated)] if undated else []
        return groups
    if group == "type":
        for kind in KIND_ORDER:
            members = [e for e in rest if e.kind == kind]
            if members:
                groups.append((KIND_HEADINGS[kind], members))
        return groups
    raise ValueError(f"unknown grouping {group!r}; expected selected, year or type")
