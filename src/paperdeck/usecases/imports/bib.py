"""BibTeX files -> papers: each entry is added (at Decision: finished work) or skipped as a
duplicate of the database or of an earlier entry (same DOI / arXiv id and a similar title, or
the same title: domain/bib_import.py), each with the reason.

Every item carries the row it would write, duplicates included, so a preview can change what
goes on the resume, skip an entry, or import a duplicate anyway (`include`, `set_on_resume`,
`only_mine`), and `apply_plan` writes the edited plan. With my name (and its aliases) set,
only my own papers go on the resume; the summary says how many were mine and how many were
kept off it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...domain.bib_import import is_mine, paper_columns, split_duplicates
from ...domain.bibtex import BibParse, BibPaper
from ...models.imports import Action, FileRead, ImportPlan, ImportProblem, PlanItem, Source
from .files import file_names

if TYPE_CHECKING:
    from collections.abc import Callable

    from ...store import Store
    from . import ImportOptions
    from .files import InputText
    from .split_load import Meanwhile

Parsed = list[tuple["InputText", BibParse]]


def parse(inputs: list["InputText"], options: "ImportOptions", meanwhile: "Meanwhile | None" = None) -> Parsed:
    from .split_load import parse_bib

    return [(given, parse_bib(given.text, given.name, meanwhile)) for given in inputs]


HEAD_START_STEP = 500  # titles normalized between two looks at the child (~1-2 ms)


def head_start(store: "Store", answered: Callable[[], bool]) -> None:
    """What `plan` will ask that needs no write lock, asked while a child parses, until its
    answer comes: each stored paper's title normalized (normalize_title remembers it; the plan
    reads the papers again in its transaction, so a title changed since is normalized then).
    10,000 stored papers: up to ~30 ms of the plan's duplicate check, off its path."""
    from ...domain.bib_import import normalize_title
    from ...store.paper_reads import paper_identities

    rows = paper_identities(store)
    for start in range(0, len(rows), HEAD_START_STEP):
        if answered():
            return
        for _paper_id, title, _doi, _arxiv_id in rows[start:start + HEAD_START_STEP]:
            normalize_title(title)


def plan(store: "Store", parsed: Parsed, options: "ImportOptions") -> ImportPlan:
    from ...store import ValidationError
    from ...store.paper_reads import paper_identities

    result = ImportPlan("bib")
    my_names = store.settings.load().my_names
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
        try:  # the row as the store checked it, which `apply` writes without checking again
            values = store.papers.validate(paper_columns(paper, my_names))
        except ValidationError as error:
            result.problems.append(ImportProblem(source.file, paper.key, str(error), line=paper.line))
            continue
        if id(paper) in added:
            result.items.append(PlanItem(Action.ADD, "paper", subject, source, why=split.notes.get(id(paper), ""),
                                         values=values))
        else:
            duplicate = duplicates[id(paper)]
            result.items.append(PlanItem(Action.SKIP, "paper", subject, source, why=duplicate.why,
                                         values=values, target_id=duplicate.paper_id))
    if options.on_resume in ("all", "none"):
        for item in result.items:
            set_on_resume(item, options.on_resume == "all")
    elif options.on_resume == "mine":
        only_mine(result)
    hint = resume_hint(result, my_names)
    if hint:
        result.notes.append(hint)
    return result


def label(plan: ImportPlan) -> str:
    count = plan.count(Action.ADD)
    return f"{count} paper{'s' if count != 1 else ''} from {file_names(plan)}"


def apply(store: "Store", plan: ImportPlan) -> None:
    store.papers.add_many([item.values for item in plan.items if item.action is Action.ADD], plan.undo_label,
                          checked=True)


# -- what a preview may change -------------------------------------------------------------------

def include(item: PlanItem, wanted: bool) -> bool:
    """Import this entry or not (a duplicate may be imported anyway). False if it cannot be."""
    if not item.values:
        return False
    item.action = Action.ADD if wanted else Action.SKIP
    return True


def set_on_resume(item: PlanItem, wanted: bool) -> None:
    if item.values:
        item.values["on_resume"] = int(wanted)


def only_mine(plan: ImportPlan) -> None:
    """On the resume: my papers only (by my name and aliases)."""
    for item in plan.items:
        set_on_resume(item, is_mine(item.values))


def on_resume(item: PlanItem) -> bool:
    return bool(item.values.get("on_resume"))


def resume_label(item: PlanItem) -> str:
    """How the resume would name the entry's venue ("ACL 2025 Findings", "TKDE 2022", "arXiv
    2025"), as the preview shows it: the same rule as every resume format (catalogue names)."""
    from ...domain.resume_entry import build_entry
    from ...models.papers import Paper, Stage

    values = item.values
    if not values:
        return ""
    year = values.get("target_year")
    paper = Paper(
        id=0, title=str(values.get("title") or ""), stage=Stage.DECISION,
        venue_key=values.get("venue_key") or None, target_year=year if isinstance(year, int) else None,
        track=values.get("track") or None, decision=values.get("decision") or None,
        arxiv_id=values.get("arxiv_id") or None, award=values.get("award") or None,
    )
    entry = build_entry(paper)
    return entry.label + (f" ({entry.award})" if entry.award else "")


def summary(plan: ImportPlan, file: str | None = None, language: str = "en") -> str:
    entries = sum(f.entries for f in plan.files if file is None or f.name == file)
    mine_file = [item for item in plan.items if file is None or item.source.file == file]
    adds = [item for item in mine_file if item.action is Action.ADD]
    skips = [item for item in mine_file if item.action is Action.SKIP]
    duplicates = sum(1 for item in skips if item.why.startswith("same "))
    left_out = len(skips) - duplicates          # not chosen in a preview
    added = len(adds)
    malformed = sum(1 for p in plan.problems if p.skipped and (file is None or p.file == file))
    mine = sum(1 for item in adds if is_mine(item.values))
    shown = sum(1 for item in adds if on_resume(item))
    if language == "zh":
        text = f"{entries} 个条目：导入 {added}，重复跳过 {duplicates}，" + (f"未选 {left_out}，" if left_out else "")
        text += f"格式错误 {malformed}"
        if added:
            text += f"；其中我的 {mine} 篇，上简历 {shown} 篇" + (f"，{added - shown} 篇不上简历" if added > shown else "")
        return text
    text = f"{entries} entries: {added} imported, {duplicates} duplicates skipped, "
    text += (f"{left_out} left out, " if left_out else "") + f"{malformed} malformed"
    if added:
        text += f"; {mine} mine, {shown} on the resume" + (f", {added - shown} kept off it" if added > shown else "")
    return text


def resume_hint(plan: ImportPlan, my_names: tuple[str, ...]) -> tuple[str, str] | None:
    """(zh, en) advice for when what goes on the resume may surprise."""
    adds = [item for item in plan.items if item.action is Action.ADD]
    shown = sum(1 for item in adds if on_resume(item))
    if not my_names and shown > 3:
        return ("未设置我的名字，所以全部放上了简历；设置 my_name（及 my_aliases）后只放我的论文："
                "paperdeck config set my_name \"...\"",
                "no name of yours is set, so every paper goes on the resume; set my_name (and my_aliases) to "
                "put only yours on it: paperdeck config set my_name \"...\"")
    if not my_names and adds and not shown:
        return ("未设置我的名字，认不出哪些是我的论文：paperdeck config set my_name \"...\"",
                "no name of yours is set, so none is recognised as yours: paperdeck config set my_name \"...\"")
    if my_names and adds and not any(is_mine(item.values) for item in adds):
        names = " / ".join(my_names)
        return (f"没有一篇的作者是 {names}，所以都不上简历；论文里的其他署名可加到 my_aliases",
                f"none lists {names} as an author, so none goes on the resume; add other forms of your name "
                "to my_aliases: paperdeck config set my_aliases \"...\"")
    return None
