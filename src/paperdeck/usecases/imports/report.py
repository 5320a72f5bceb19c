"""An import plan in words (the CLI's lines, the TUI's result) and as JSON."""

from __future__ import annotations

from typing import Any

from ...models.imports import Action, ImportPlan, ImportProblem, PlanItem
from . import format_module

# (planned, done, Chinese) for each action.
VERBS = {
    Action.ADD: ("add", "added", "新增"), Action.UPDATE: ("update", "updated", "更新"),
    Action.UNCHANGED: ("same", "same", "未变"), Action.KEEP: ("keep", "kept", "保留"),
    Action.SKIP: ("skip", "skipped", "跳过"),
}


def summary(plan: ImportPlan, file: str | None = None, language: str = "en") -> str:
    return format_module(plan.kind).summary(plan, file, language)


def _value(value: object) -> str:
    return "(none)" if value in (None, "") else str(value)


def item_line(item: PlanItem, language: str = "en", *, done: bool = False) -> str:
    """`add     ICML 2027: Paper deadline`, with each field's change and the why."""
    verb = VERBS[item.action][2 if language == "zh" else 1 if done else 0]
    text = f"{verb:<8} {item.subject}"
    if item.changes:
        # A value only confirmed by a more trusted source is in the JSON, not in the line.
        shown = [c for c in item.changes if not c.field.endswith(" source")]
        text += ": " + ("; ".join(f"{c.field} {_value(c.old)} -> {_value(c.new)}" for c in shown) or "confirmed")
        first = item.changes[0]
        if item.action is Action.UPDATE and first.new_source:
            from ...domain.provenance import source_name

            text += f" (from {source_name(first.new_source)}" + (
                f"; was {source_name(first.old_source)})" if first.old_source else ")")
    if item.why:
        text += f" ({item.why})"
    if item.kind == "paper" and item.action is Action.ADD and item.values:
        tags = [("我的", "mine")] if item.values.get("my_author_index") is not None else []
        tags.append(("上简历", "on the resume") if item.values.get("on_resume") else ("不上简历", "off the resume"))
        text += " [" + ", ".join(zh if language == "zh" else en for zh, en in tags) + "]"
    return text


def problem_line(problem: ImportProblem) -> str:
    return str(problem)


def shown_items(plan: ImportPlan) -> list[PlanItem]:
    """What a listing shows: every change and skip; not the rows that stay as they are."""
    return [item for item in plan.items if item.action is not Action.UNCHANGED]


def as_json(plan: ImportPlan) -> dict[str, Any]:
    """The whole plan as data (--json): per file, every item with its source and changes."""
    def item(entry: PlanItem) -> dict[str, Any]:
        return {
            "action": entry.action.value, "kind": entry.kind, "subject": entry.subject,
            "file": entry.source.file, "entry": entry.source.entry, "line": entry.source.line,
            "why": entry.why, "target_id": entry.target_id, **_extra(plan.kind, entry),
            "changes": [{"field": c.field, "old": c.old, "new": c.new, "old_source": c.old_source,
                         "new_source": c.new_source} for c in entry.changes],
        }

    def problem(entry: ImportProblem) -> dict[str, Any]:
        return {"file": entry.file, "entry": entry.entry, "line": entry.line, "message": entry.message,
                "skipped": entry.skipped}

    def file_entry(read) -> dict[str, Any]:
        return {"file": read.name, "format": read.format, "entries": read.entries, "encoding": read.encoding,
                **counts(plan, read.name), "summary": summary(plan, read.name),
                "problems": [problem(p) for p in plan.problems if p.file == read.name]}

    return {
        "kind": plan.kind, "applied": plan.applied, "undo_label": plan.undo_label,
        "files": [file_entry(read) for read in plan.files],
        **counts(plan), "summary": summary(plan),
        "items": [item(entry) for entry in plan.items],
        "problems": [problem(entry) for entry in plan.problems],
        "notes": [note for _zh, note in plan.notes],
    }


def _extra(kind: str, entry: PlanItem) -> dict[str, Any]:
    """Per-format facts a preview needs: for a paper, whether it is mine and goes on the resume."""
    if kind != "bib" or not entry.values:
        return {}
    return {"mine": entry.values.get("my_author_index") is not None, "on_resume": bool(entry.values.get("on_resume"))}


# The record each format is about, and the parent rows it may add along the way.
MAIN_KIND = {"bib": ("paper", None), "deadlines": ("deadline", "venue"), "cards": ("card", "deck")}


def counts(plan: ImportPlan, file: str | None = None) -> dict[str, int]:
    main, parent = MAIN_KIND[plan.kind]
    found = {
        "added": plan.count(Action.ADD, main, file), "updated": plan.count(Action.UPDATE, main, file),
        "unchanged": plan.count(Action.UNCHANGED, main, file), "kept_edits": plan.count(Action.KEEP, main, file),
        "skipped": plan.count(Action.SKIP, main, file) + len(plan.skipped_problems(file)),
    }
    if parent:
        found[f"{parent}s_added"] = plan.count(Action.ADD, parent, file)
    return found


# How each decoding is named to the user; plain UTF-8 goes without saying.
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8 with BOM": "UTF-8 with BOM", "utf-16": "UTF-16",
                  "windows-1252": "Windows-1252 (cp1252)"}


def encoding_name(encoding: str) -> str:
    return ENCODING_NAMES.get(encoding, encoding)


def encoding_notes(plan: ImportPlan) -> list[tuple[str, str]]:
    """(zh, en) one line per file not read as plain UTF-8: how it was read, so smart quotes or
    accents that look wrong can be traced to the file's encoding."""
    notes = []
    for read in plan.files:
        if read.encoding == "utf-8":
            continue
        name = encoding_name(read.encoding)
        hint_zh, hint_en = ("", "") if read.encoding.startswith("utf-") else ("（不是 UTF-8）", " (not UTF-8)")
        notes.append((f"{read.name}：按 {name} 读取{hint_zh}", f"{read.name}: read as {name}{hint_en}"))
    return notes
