"""The resume's entries, read from the store and built by the domain's resume rules, and the
Resume screen's view and writes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..domain.bibtex_out import assign_cite_keys
from ..domain.resume_entry import (
    ENTRY_FIELDS, RESUME_STATUSES, ResumeEntry, VenueName, build_entry, entry_status, norm, sort_entries,
)
from ..domain.venue_catalogue import JOURNAL, venue_by_key

if TYPE_CHECKING:
    from ..store import Store


def venue_names(store: "Store") -> dict[str, VenueName]:
    """The database's venues as the resume names them (a renamed venue keeps its new name)."""
    names = {}
    for venue in store.venues.all():
        known = venue_by_key(venue.key)
        names[venue.key] = VenueName(venue.name or (known.abbr if known else venue.key),
                                     venue.full_name or (known.full_name if known else ""),
                                     bool(known and known.kind == JOURNAL))
    return names


@dataclass(frozen=True, slots=True)
class ResumeEntries:
    shown: list[ResumeEntry]       # on the resume, in resume order
    hidden: list[ResumeEntry]      # taken off it (or never put on), same order
    unplaced: list[ResumeEntry]    # neither accepted, under review nor on arXiv (read only when asked)
    versions: Mapping[int, int] = field(default_factory=dict)  # paper id -> version read (shown and hidden)

    @property
    def every(self) -> list[ResumeEntry]:
        return sort_entries([*self.shown, *self.hidden, *self.unplaced])


def resume_entries(store: "Store", *, unplaced: bool = False, cite_keys: bool = True) -> ResumeEntries:
    """The user's papers but the dropped ones, split by whether they are on the resume
    (accepted, under review or on arXiv, and not taken off); cite keys unique across the
    whole database (`cite_keys`; else each entry keeps only its paper's own key, and only
    BibTeX needs them: see `database_cite_keys`). The guide's example papers never belong:
    they are not the user's publications. Which papers belong is decided from a few columns of
    each; only those are read, and of them only what an entry says (`unplaced`: the others too)."""
    from ..store.paper_reads import submissions_by_paper

    settings = store.settings.load()
    history = submissions_by_paper(store)
    on, off, other, versions = [], [], [], {}
    for paper in store.papers.placements():
        if paper.is_example or norm(paper.status) == "dropped":
            continue
        if entry_status(paper, history.get(paper.id, ()), paper.arxiv_id) in RESUME_STATUSES:
            (on if paper.on_resume else off).append(paper.id)
            versions[paper.id] = paper.version
        else:
            other.append(paper.id)
    wanted = set(on) | set(off) | (set(other) if unplaced else set())
    papers = store.papers.by_ids(sorted(wanted), ENTRY_FIELDS)
    keys = database_cite_keys(store) if cite_keys else {}
    names, mine = venue_names(store), settings.my_names
    found: dict[int, ResumeEntry] = {
        paper.id: build_entry(paper, history.get(paper.id, ()), names, mine,
                              review_titles=settings.resume_review_titles, cite_key=keys.get(paper.id))
        for paper in papers
    }

    def entries(ids: list[int]) -> list[ResumeEntry]:
        return sort_entries([found[i] for i in ids if i in found])

    return ResumeEntries(entries(on), entries(off), entries(other) if unplaced else [], versions)


def database_cite_keys(store: "Store") -> dict[int, str]:
    """Every paper's BibTeX cite key, unique across the database (bibtex_out.assign_cite_keys):
    all papers' keys decide each one's, so this reads every paper (~40 ms at 10,000 papers)."""
    return assign_cite_keys(store.papers.cite_key_sources())


def with_cite_keys(entries: Iterable[ResumeEntry], keys: Mapping[int, str]) -> list[ResumeEntry]:
    """The entries with the database's cite keys (`database_cite_keys`), for BibTeX."""
    return [replace(entry, cite_key=keys.get(entry.paper_id, entry.cite_key)) for entry in entries]


def entries_from_store(store: "Store") -> list[ResumeEntry]:
    """The papers on the resume, as entries, in resume order."""
    return resume_entries(store).shown


@dataclass(frozen=True)
class ResumeView:
    """What the Resume screen shows: the entries in resume order, the papers kept off it, the
    format and grouping last chosen."""

    entries: tuple[ResumeEntry, ...]
    hidden: tuple[ResumeEntry, ...]
    format: str
    group: str
    versions: Mapping[int, int] = field(default_factory=dict)  # paper id -> the version shown (bullets save against it)
    cite_keys: Mapping[int, str] | None = None  # the database's cite keys, when read with the view (else None)


def resume_view(store: "Store", cite_keys: bool | None = None) -> ResumeView:
    """The screen's view; the database's cite keys (`database_cite_keys`) are read with it when
    `cite_keys` (None: when the stored format is BibTeX, the only one that writes them)."""
    settings = store.settings.load()
    keyed = settings.resume_format == "bib" if cite_keys is None else cite_keys
    keys = database_cite_keys(store) if keyed else None
    found = resume_entries(store, cite_keys=False)
    shown, hidden = (tuple(with_cite_keys(part, keys)) if keys is not None else tuple(part)
                     for part in (found.shown, found.hidden))
    return ResumeView(shown, hidden, settings.resume_format, settings.resume_group, found.versions, keys)


def set_resume_format(store: "Store", fmt: str) -> None:
    store.settings.update(resume_format=fmt)


def set_resume_group(store: "Store", group: str) -> None:
    store.settings.update(resume_group=group)


def set_bullets(store: "Store", paper_id: int, bullets: list[str], expected_version: int | None = None) -> list[str]:
    """Save the bullets; ConflictError (with the stored ones) when the paper was saved
    elsewhere since `expected_version` (None: save over it). The bullets as stored."""
    from ..store.resume_marks import set_resume_fields

    return list(set_resume_fields(store, paper_id, bullets=bullets, expected_version=expected_version).bullets)


def mark_selected(store: "Store", paper_ids: list[int], selected: bool) -> int:
    """Mark (or unmark) papers as Selected Publications: one undoable change."""
    from ..store.resume_marks import set_resume_marks

    return set_resume_marks(store, paper_ids, selected=selected)


def put_on_resume(store: "Store", paper_ids: list[int], on_resume: bool) -> int:
    """Take papers off the resume, or put them back: one undoable change."""
    from ..store.resume_marks import set_resume_marks

    return set_resume_marks(store, paper_ids, on_resume=on_resume)

