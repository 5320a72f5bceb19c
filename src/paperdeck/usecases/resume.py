"""The resume's entries, read from the store and built by the domain's snippet rules."""

from __future__ import annotations

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
