"""Import a .bib file into the papers table: parse (domain) -> plan -> apply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.bibtex import ImportReport, paper_columns, parse_bibtex, plan_import

if TYPE_CHECKING:
    from ..store import Store


def import_bibtex(store: "Store", text: str, *, dry_run: bool = False) -> ImportReport:
    """Parse `text`, skip duplicates of the database and of each other, add the rest."""
    from ..store.papers import add_imported_papers, paper_identities

    parsed = parse_bibtex(text)
    plan = plan_import(parsed.papers, paper_identities(store))
    if plan.new and not dry_run:
        my_name = store.settings.load().my_name
        add_imported_papers(store, [paper_columns(paper, my_name) for paper in plan.new])
    return ImportReport(parsed.total, plan.new, plan.duplicates, parsed.problems)
