"""The resume's entries, read from the store and built by the domain's resume rules, and the
Resume screen's view and writes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.bibtex_out import assign_cite_keys
from ..domain.resume_entry import RESUME_STATUSES, ResumeEntry, VenueName, build_entry, norm, sort_entries
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
    unplaced: list[ResumeEntry]    # neither accepted, under review nor on arXiv (not dropped)

    @property
    def every(self) -> list[ResumeEntry]:
        return sort_entries([*self.shown, *self.hidden, *self.unplaced])


def resume_entries(store: "Store") -> ResumeEntries:
    """Every paper but the dropped ones, split by whether it is on the resume (accepted, under
    review or on arXiv, and not taken off); cite keys unique across the whole database."""
    from ..store.papers import submissions_by_paper

    settings = store.settings.load()
    names = venue_names(store)
    history = submissions_by_paper(store)
    papers = store.papers.all()
    keys = assign_cite_keys((p.id, p.cite_key, p.authors, p.target_year, p.title) for p in papers)
    shown, hidden, unplaced = [], [], []
    for paper in papers:
        if norm(paper.status) == "dropped":
            continue
        entry = build_entry(paper, history.get(paper.id, ()), names, settings.my_names,
                            review_titles=settings.resume_review_titles, cite_key=keys.get(paper.id))
        if entry.status in RESUME_STATUSES:
            (shown if paper.on_resume else hidden).append(entry)
        else:
            unplaced.append(entry)
    return ResumeEntries(sort_entries(shown), sort_entries(hidden), sort_entries(unplaced))


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


def resume_view(store: "Store") -> ResumeView:
    found = resume_entries(store)
    settings = store.settings.load()
    return ResumeView(tuple(found.shown), tuple(found.hidden), settings.resume_format, settings.resume_group)


def set_resume_format(store: "Store", fmt: str) -> None:
    store.settings.update(resume_format=fmt)


def set_resume_group(store: "Store", group: str) -> None:
    store.settings.update(resume_group=group)


def set_bullets(store: "Store", paper_id: int, bullets: list[str]) -> None:
    from ..store.papers import set_resume_fields

    set_resume_fields(store, paper_id, bullets=bullets)


def mark_selected(store: "Store", paper_ids: list[int], selected: bool) -> int:
    """Mark (or unmark) papers as Selected Publications: one undoable change."""
    from ..store.papers import set_resume_marks

    return set_resume_marks(store, paper_ids, selected=selected)


def put_on_resume(store: "Store", paper_ids: list[int], on_resume: bool) -> int:
    """Take papers off the resume, or put them back: one undoable change."""
    from ..store.papers import set_resume_marks

    return set_resume_marks(store, paper_ids, on_resume=on_resume)


def undo_last_change(store: "Store") -> str | None:
    """Undo the latest change of the papers (the Resume's marks share the Pipeline's journal)."""
    return store.papers.undo()
