"""Every import, one shape: read (files.py) -> parse (domain) -> plan -> apply.

A format is a module here with `parse(inputs, options)`, `plan(store, parsed, options)`,
`apply(store, plan)` and `summary(plan, file, language)`, listed in FORMATS. `run_import`
reads every file first (one refused file stops the import before anything is written), plans
and applies inside one write transaction, so the plan is what gets written and a kill
mid-import leaves nothing half done; the store records one undo entry per import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, BinaryIO

from ...models.imports import ImportPlan
from .files import FileRefused, InputText, read_input

if TYPE_CHECKING:
    from ...store import Store

FORMATS = ("bib", "deadlines", "cards")
# The journal's label of an import starts so; `undo_last_import` finds it by that.
LABEL_PREFIX = "import "


# The deck of card rows that name none (cards.py); here, so that `import --help` names it without
# loading the card parsers.
DEFAULT_DECK = "Imported"


@dataclass(frozen=True, slots=True)
class ImportOptions:
    force: bool = False          # deadlines: overwrite the user's own edits
    deck: str | None = None      # cards: the deck of rows that name none
    delimiter: str | None = None  # cards: "csv" or "tsv" (default: from the file's name)
    on_resume: str | None = None  # bib: "mine", "all" or "none" (default: mine once my name is set, else all)


class ImportRefused(ValueError):
    """One or more files were not read; nothing was imported. One line per file."""

    def __init__(self, refusals: Sequence[FileRefused]):
        super().__init__("\n".join(str(refusal) for refusal in refusals))
        self.refusals = list(refusals)

    def message(self, language: str = "en") -> str:
        return "\n".join(refusal.message(language) for refusal in self.refusals)


class ImportCancelled(Exception):
    """The user cancelled before anything was written."""


class PlanOutdated(ValueError):
    """The database changed since the preview: the edited plan was not applied."""


def format_module(kind: str):
    if kind not in FORMATS:
        raise ValueError(f"unknown import format {kind!r}; expected one of: {', '.join(FORMATS)}")
    return import_module(f"{__name__}.{kind}")


def read_all(names: Sequence[str], stdin: BinaryIO | None = None) -> list[InputText]:
    """Every file's text, or ImportRefused naming each one that cannot be read."""
    inputs, refusals = [], []
    for name in names:
        try:
            inputs.append(read_input(name, stdin=stdin))
        except FileRefused as refusal:
            refusals.append(refusal)
    if refusals:
        raise ImportRefused(refusals)
    if not inputs:
        raise ValueError("no file to import")
    return inputs


@dataclass(slots=True)
class Prepared:
    """Files read and parsed, before the database is consulted."""

    kind: str
    options: ImportOptions
    parsed: object


def prepare(kind: str, names: Sequence[str], *, options: ImportOptions = ImportOptions(),
            stdin: BinaryIO | None = None) -> Prepared:
    """Read and parse every file (pure work: no database). Raises ImportRefused."""
    return parse_inputs(kind, read_all(names, stdin), options)


def parse_inputs(kind: str, inputs: list[InputText], options: ImportOptions = ImportOptions(),
                 store: "Store | None" = None) -> Prepared:
    """Parse files read by `read_all` (pure work: no database). `store`: the database the plan
    will read, if the format reads ahead (its `head_start`) while a child parses."""
    module = format_module(kind)
    head_start = getattr(module, "head_start", None) if store is not None else None
    meanwhile = None if head_start is None else (lambda answered: head_start(store, answered))
    return Prepared(kind, options, module.parse(inputs, options, meanwhile))


def execute(store: "Store", prepared: Prepared, *, dry_run: bool = False,
            cancelled: Callable[[], bool] = lambda: False) -> ImportPlan:
    """Plan the prepared import against the database and, unless `dry_run`, apply it.

    Planned and applied under one write lock: nothing changes between what the plan says and
    what is written, and a failure anywhere rolls the whole import back.
    """
    module = format_module(prepared.kind)
    if cancelled():
        raise ImportCancelled
    if dry_run:
        plan = module.plan(store, prepared.parsed, prepared.options)
        plan.basis = plan_basis(plan)
        return plan
    with store.transaction():
        plan = module.plan(store, prepared.parsed, prepared.options)
        if cancelled():
            raise ImportCancelled
        if plan.changes_anything:
            plan.undo_label = LABEL_PREFIX + module.label(plan)
            module.apply(store, plan)
            plan.applied = True
    return plan


def plan_basis(plan: ImportPlan) -> str:
    """What a plan was made of, as the planner made it: compared again before an edited plan
    is applied."""
    import json

    items = [(item.action.value, item.kind, item.subject, str(item.source), item.target_id, item.why,
              [(c.field, repr(c.old), repr(c.new)) for c in item.changes], item.values) for item in plan.items]
    return json.dumps([items, [str(p) for p in plan.problems]], sort_keys=True, default=repr, ensure_ascii=False)


def apply_plan(store: "Store", prepared: Prepared, edited: ImportPlan) -> ImportPlan:
    """Apply a previewed plan as the user edited it (items skipped or included, values such as
    on-resume changed). Inside the write transaction the plan is made again: if the database
    changed what the preview said (a paper added elsewhere, a setting changed), nothing is
    written and PlanOutdated asks for a new preview."""
    module = format_module(prepared.kind)
    if edited.applied:
        raise ValueError("this plan was applied already")
    with store.transaction():
        fresh = module.plan(store, prepared.parsed, prepared.options)
        if not edited.basis or plan_basis(fresh) != edited.basis:
            raise PlanOutdated("the database changed since the preview; preview again (nothing was imported)")
        if edited.changes_anything:
            edited.undo_label = LABEL_PREFIX + module.label(edited)
            module.apply(store, edited)
            edited.applied = True
    return edited


def run_import(
    store: "Store", kind: str, names: Sequence[str], *, options: ImportOptions = ImportOptions(),
    dry_run: bool = False, stdin: BinaryIO | None = None, cancelled: Callable[[], bool] = lambda: False,
) -> ImportPlan:
    """Import `names` as `kind`: `prepare` then `execute`. The plan, applied unless `dry_run`."""
    prepared = prepare(kind, names, options=options, stdin=stdin)
    return execute(store, prepared, dry_run=dry_run, cancelled=cancelled)


def undo_last_import(store: "Store") -> str | None:
    """Undo the latest import of any kind, if nothing changed those rows since. Its label, or
    None when no import is left to undo; ConflictError if later changes stand in the way."""
    from ...store import undo

    with store.transaction() as conn:
        return undo.undo_latest_labelled(conn, LABEL_PREFIX)
