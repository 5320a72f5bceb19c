"""The resume's entries, read from the store and built by the domain's snippet rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..domain.bibtex import KNOWN_VENUE_NAMES
from ..domain.snippets import RESUME_STATUSES, ResumeEntry, build_entry, entry_status, norm, sort_entries

if TYPE_CHECKING:
    from ..store import Store


def entries_from_store(store: "Store", *, only_resume: bool = True) -> list[ResumeEntry]:
    """The papers that belong on a resume (on_resume, not dropped, accepted / in review /
    on arXiv), as entries, in resume order. The guide's example papers never do: they are
    not the user's publications."""
    from ..store.papers import paper_ids_doi_arxiv, submissions_by_paper

    venues = store.venues.all()
    names = {**KNOWN_VENUE_NAMES, **{v.key: v.name for v in venues}}
    full_names = {v.key: v.full_name for v in venues if v.full_name}
    history = submissions_by_paper(store)
    ids = paper_ids_doi_arxiv(store)
    my_name = store.settings.load().my_name
    if only_resume:  # decide from the outlines which papers belong; read only those whole
        wanted = [
            paper.id for paper in store.papers.outlines()
            if paper.on_resume and not paper.is_example and norm(paper.status) != "dropped"
            and entry_status(paper, history.get(paper.id, ()), ids.get(paper.id, (None, None))[1]) in RESUME_STATUSES
        ]
        papers = store.papers.by_ids(wanted)
    else:
        papers = [paper for paper in store.papers.all() if not paper.is_example]
    entries = []
    for paper in papers:
        doi, arxiv_id = ids.get(paper.id, (None, None))
        entries.append(build_entry(paper, history.get(paper.id, ()), names, my_name, doi, arxiv_id, full_names))
    return sort_entries(entries)


@dataclass(frozen=True)
class ResumeView:
    """What the Resume screen shows: the entries in resume order and the format last chosen."""

    entries: tuple[ResumeEntry, ...]
    format: str
    versions: Mapping[int, int] = field(default_factory=dict)  # paper id -> the version shown (bullets save against it)


def resume_view(store: "Store") -> ResumeView:
    versions = {paper.id: paper.version for paper in store.papers.outlines()}
    return ResumeView(tuple(entries_from_store(store)), store.settings.load().resume_format, versions)


def set_resume_format(store: "Store", fmt: str) -> None:
    store.settings.update(resume_format=fmt)


def set_bullets(store: "Store", paper_id: int, bullets: list[str], expected_version: int | None = None) -> list[str]:
    """Save the bullets; ConflictError (with the stored ones) when the paper was saved
    elsewhere since `expected_version` (None: save over it). The bullets as stored."""
    from ..store.papers import set_resume_fields

    return list(set_resume_fields(store, paper_id, bullets=bullets, expected_version=expected_version).bullets)


def mark_selected(store: "Store", paper_id: int, selected: bool) -> None:
    """Mark (or unmark) the paper as a Selected Publication."""
    from ..store.papers import set_resume_fields

    set_resume_fields(store, paper_id, selected=selected)


def take_off_resume(store: "Store", paper_id: int) -> None:
    """The Pipeline can put it back."""
    from ..store.papers import set_resume_fields

    set_resume_fields(store, paper_id, on_resume=False)
