"""BibTeX files -> papers: each entry is added (at Decision: finished work) or skipped as a
duplicate (same DOI, arXiv id or title) of the database or of an earlier entry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...domain.bibtex import BibParse, BibPaper, paper_columns, parse_bibtex, split_duplicates
from ...models.imports import Action, FileRead, ImportPlan, ImportProblem, PlanItem, Source
from .files import file_names

if TYPE_CHECKING:
    from ...store import Store
    from . import ImportOptions
    from .files import InputText

Parsed = list[tuple["InputText", BibParse]]


def parse(inputs: list["InputText"], options: "ImportOptions") -> Parsed:
    return [(given, parse_bibtex(given.text, given.name)) for given in inputs]


def plan(store: "Store", parsed: Parsed, options: "ImportOptions") -> ImportPlan:
    from ...store import ValidationError
    from ...store.papers import paper_identities

    result = ImportPlan("bib")
    my_name = store.settings.load().my_name
    file_of: dict[int, str] = {}
    papers: list[BibPaper] = []
    for given, bib in parsed:
        result.files.append(FileRead(given.name, "bibtex", bib.total, given.encoding))
        result.problems.extend(bib.problems)
        for paper in bib.papers:
            file_of[id(paper)] = given.name
            papers.append(paper)
    split = split_duplicates(papers, paper_identities(store))
    added = {id(paper) for paper in split.new}
    duplicates = {id(d.paper): d for d in split.duplicates}
    for paper in papers:  # in file order
        source = Source(file_of[id(paper)], paper.key, paper.line)
        subject = f"{paper.key}: {paper.title}"
        if id(paper) in added:
            values = paper_columns(paper, my_name)
            try:
                store.papers.validate(values)
            except ValidationError as error:
                result.problems.append(ImportProblem(source.file, paper.key, str(error), line=paper.line))
                continue
            result.items.append(PlanItem(Action.ADD, "paper", subject, source, values=values))
        else:
            duplicate = duplicates[id(paper)]
            result.items.append(PlanItem(Action.SKIP, "paper", subject, source, why=duplicate.why,
                                         target_id=duplicate.paper_id))
    return result


def label(plan: ImportPlan) -> str:
    count = plan.count(Action.ADD)
    return f"{count} paper{'s' if count != 1 else ''} from {file_names(plan)}"


def apply(store: "Store", plan: ImportPlan) -> None:
    store.papers.add_many([item.values for item in plan.items if item.action is Action.ADD], plan.undo_label)


def summary(plan: ImportPlan, file: str | None = None, language: str = "en") -> str:
    entries = sum(f.entries for f in plan.files if file is None or f.name == file)
    added, skipped = plan.count(Action.ADD, file=file), plan.count(Action.SKIP, file=file)
    malformed = sum(1 for p in plan.problems if p.skipped and (file is None or p.file == file))
    if language == "zh":
        return f"{entries} 个条目：导入 {added}，重复跳过 {skipped}，格式错误 {malformed}"
    return f"{entries} entries: {added} imported, {skipped} duplicates skipped, {malformed} malformed"
