"""The resume's entries, read from the store and built by the domain's snippet rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.bibtex import KNOWN_VENUE_NAMES
from ..domain.snippets import RESUME_STATUSES, ResumeEntry, build_entry, norm, sort_entries

if TYPE_CHECKING:
    from ..store import Store


def entries_from_store(store: "Store", *, only_resume: bool = True) -> list[ResumeEntry]:
    """The papers that belong on a resume (on_resume, not dropped, accepted / in review /
    on arXiv), as entries, in resume order."""
    from ..store.papers import paper_ids_doi_arxiv, submissions_by_paper

    venues = store.venues.all()
    names = {**KNOWN_VENUE_NAMES, **{v.key: v.name for v in venues}}
    full_names = {v.key: v.full_name for v in venues if v.full_name}
    history = submissions_by_paper(store)
    ids = paper_ids_doi_arxiv(store)
    my_name = store.settings.load().my_name
    entries = []
    for paper in store.papers.all():
        if only_resume and (not paper.on_resume or norm(paper.status) == "dropped"):
            continue
        doi, arxiv_id = ids.get(paper.id, (None, None))
        entry = build_entry(paper, history.get(paper.id, ()), names, my_name, doi, arxiv_id, full_names)
        if not only_resume or entry.status in RESUME_STATUSES:
            entries.append(entry)
    return sort_entries(entries)


@dataclass(frozen=True)
class ResumeView:
    """What the Resume screen shows: the entries in resume order and the format last chosen."""

    entries: tuple[ResumeEntry, ...]
    format: str


def resume_view(store: "Store") -> ResumeView:
    return ResumeView(tuple(entries_from_store(store)), store.settings.load().resume_format)


def set_resume_format(store: "Store", fmt: str) -> None:
    store.settings.update(resume_format=fmt)


def set_bullets(store: "Store", paper_id: int, bullets: list[str]) -> None:
    from ..store.papers import set_resume_fields

    set_resume_fields(store, paper_id, bullets=bullets)


def mark_selected(store: "Store", paper_id: int, selected: bool) -> None:
    """Mark (or unmark) the paper as a Selected Publication."""
    from ..store.papers import set_resume_fields

    set_resume_fields(store, paper_id, selected=selected)


def take_off_resume(store: "Store", paper_id: int) -> None:
    """The Pipeline can put it back."""
    from ..store.papers import set_resume_fields

    set_resume_fields(store, paper_id, on_resume=False)
