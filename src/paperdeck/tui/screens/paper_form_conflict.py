"""The paper form's save over a newer version (another window's): what the conflict shows, and
what "keep both" saves."""

from __future__ import annotations

from ...domain.merge import both_lines, both_texts
from ...usecases.core import ConflictError


# The paper's text fields a conflict shows and keep-both joins (the others: mine is kept).
_TEXT_FIELDS = {"title": "Title", "contribution": "Contribution", "result": "Result", "award": "Award", "method": "Method",
                "baseline": "Baselines", "dataset": "Data", "problem": "Problem", "limitations": "Limitations",
                "notes": "Notes"}


def differences(conflict: ConflictError, fields: dict) -> list[tuple[str, str, str]]:
    theirs = conflict.theirs or {}
    return [(label, str(theirs.get(name) or ""), str(fields[name] or ""))
            for name, label in _TEXT_FIELDS.items() if name in fields and (theirs.get(name) or "") != (fields[name] or "")]


def both_kept(conflict: ConflictError, fields: dict) -> dict:
    """My changed fields, with the text fields holding their text and mine."""
    theirs, merged = conflict.theirs or {}, dict(fields)
    for name in _TEXT_FIELDS:
        if name in fields and theirs.get(name) and fields[name]:
            join = both_texts if name == "notes" else both_lines
            merged[name] = join(str(theirs[name]), str(fields[name]))
    return merged
