"""An import as data: what each file held, what the database will gain, and why.

Every importer (BibTeX, tracker deadlines, cards) has one shape: parse (domain, pure) ->
plan (usecases: an `ImportPlan` of `PlanItem`s) -> apply (store, one transaction, one undo
entry). The plan is what `--dry-run` prints, what a preview dialog lists and what the store
applies, so each reads the same facts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum


class Action(str, Enum):
    ADD = "add"
    UPDATE = "update"
    UNCHANGED = "unchanged"   # already in the database with the same values
    KEEP = "keep"             # the file differs, but the user's own edit wins
    SKIP = "skip"             # a duplicate (of the database or of another entry)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record came from: the file as the user named it, the entry in it, its line."""

    file: str
    entry: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = self.entry or "(file)"
        if self.line is not None and f"line {self.line}" not in where:
            where += f" (line {self.line})"
        return f"{self.file}: {where}"


@dataclass(slots=True)
class ImportProblem:
    """An entry that could not be read (skipped), or a warning about one that was imported."""

    file: str
    entry: str                   # e.g. "CIKM 2024 (CIKM24)", a cite key, "line 7", "(file)"
    message: str
    skipped: bool = True         # False: a warning, the entry was still imported
    line: int | None = None

    @property
    def source(self) -> Source:
        return Source(self.file, self.entry, self.line)

    def __str__(self) -> str:
        action = "skipped" if self.skipped else "imported anyway"
        return f"{self.source}: {self.message} ({action})"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One value an update changes. `old` is what the database holds, `new` what the file says;
    each with its source where the record keeps one (deadlines: "huggingface:iclr.yml")."""

    field: str
    old: object
    new: object
    old_source: str = ""
    new_source: str = ""


@dataclass(slots=True)
class PlanItem:
    """One row the import adds, updates or leaves alone, with the reason.

    `values` are exactly what the store writes (for an add: the new row's fields; for an
    update: the new values of `changes`), so a preview may edit them before applying.
    `target_id` is the existing row an update, a keep or a duplicate refers to.
    """

    action: Action
    kind: str                    # "paper", "venue", "deadline", "deck", "card"
    subject: str                 # for people: "ICML 2026: Paper deadline", "key: Title"
    source: Source
    why: str = ""
    values: dict[str, object] = field(default_factory=dict)
    changes: tuple[FieldChange, ...] = ()
    target_id: int | None = None


@dataclass(slots=True)
class FileRead:
    """One input file: its name as given, what the parser made of it, how it was decoded."""

    name: str
    format: str = ""             # "ccf-deadlines", "bibtex", "csv", ...
    entries: int = 0             # entries the file holds (read or malformed)
    encoding: str = "utf-8"


@dataclass(slots=True)
class ImportPlan:
    kind: str                    # "bib", "deadlines", "cards"
    files: list[FileRead] = field(default_factory=list)
    items: list[PlanItem] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    applied: bool = False
    undo_label: str = ""         # the journal entry an applied import can be undone by
    basis: str = ""              # a preview's plan as planned (usecases.imports.plan_basis)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (zh, en) advice after the summary

    def count(self, action: Action, kind: str | None = None, file: str | None = None) -> int:
        return sum(1 for item in self.items if item.action is action
                   and (kind is None or item.kind == kind) and (file is None or item.source.file == file))

    def tally(self, file: str | None = None) -> Counter[tuple[str, Action]]:
        return Counter((item.kind, item.action) for item in self.items if file is None or item.source.file == file)

    def skipped_problems(self, file: str | None = None) -> list[ImportProblem]:
        return [p for p in self.problems if p.skipped and (file is None or p.file == file)]

    @property
    def entries(self) -> int:
        return sum(f.entries for f in self.files)

    @property
    def changes_anything(self) -> bool:
        return any(item.action in (Action.ADD, Action.UPDATE) for item in self.items)
