"""Where a deadline's values come from, and which source wins when two disagree.

Each value remembers its source: the deadline's moment (`when`: its instant or date and its
zone), its label and its note, each on its own (`Deadline.field_sources`). A source is ranked
by trust, then a value by how specific it is:

    you (a value typed or edited by hand)   always wins; `--force` alone overrides it
    Hugging Face ai-deadlines               per-deadline types and zones, kept up to date
    ccfddl ccf-deadlines                    per-series files, one zone per edition
    paperswithcode ai-deadlines             no longer maintained (last data 2024)

A value replaces the stored one only when its source ranks higher, or is the same source
(a newer read of the same tracker), and never when it is less specific (a date without a time
in place of a time, from the same trust). So importing the same files in any order leaves the
same values: each field ends with its best source's value. A source that gives no value for a
field (an empty note) does not take part.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

USER = "user"
TRUST = {USER: 100, "huggingface": 30, "ccfddl": 20, "paperswithcode": 10}
NAMES = {USER: "you", "huggingface": "Hugging Face ai-deadlines", "ccfddl": "ccfddl",
         "paperswithcode": "paperswithcode ai-deadlines"}
FIELDS = ("when", "label", "note")


def family(source: str) -> str:
    """The tracker a source names: "huggingface:iclr.yml", a seed's "huggingface/ai-deadlines
    ... at de9f41b" and an update's "huggingface <url>" are all "huggingface"."""
    text = (source or "").strip().lower()
    if text in ("", USER) or text.startswith("user"):
        return USER if text else ""
    if text.startswith("huggingface") or text.startswith("hf:") or text.startswith("hf "):
        return "huggingface"
    if "ccf" in text:
        return "ccfddl"
    if text.startswith(("ai-deadlines", "paperswithcode", "pwc")):
        return "paperswithcode"
    return text.split(":", 1)[0].split(" ", 1)[0]


def trust(source: str) -> int:
    return TRUST.get(family(source), 5)


def source_name(source: str) -> str:
    """A source as a person reads it: "Hugging Face ai-deadlines (iclr.yml)"."""
    name = NAMES.get(family(source))
    if name is None:
        return source or "unknown"
    detail = source.split(":", 1)[1] if ":" in source and family(source) != USER else ""
    return f"{name} ({detail})" if detail and len(detail) < 80 else name


def outranks(source: str, other: str) -> bool:
    """True when `source` is trusted over `other` (the user's values are never outranked)."""
    return family(other) != USER and trust(source) > trust(other)


class Verdict(str, Enum):
    SAME = "same"          # the same value (or the source gives none)
    REPLACE = "replace"    # the new value wins
    KEEP = "keep"          # the stored value wins


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    why: str = ""


def decide(field: str, old: object, old_source: str, new: object, new_source: str, *,
           same: bool = False, old_specific: int = 0, new_specific: int = 0, force: bool = False) -> Decision:
    """Whether `new` (from `new_source`) replaces `old` (from `old_source`) in `field`.
    `same`: the values mean the same (one moment written two ways); `*_specific`: how
    specific each value is (a time 1, a date only 0)."""
    if new in (None, "") and field != "when":
        return Decision(Verdict.SAME)
    if old == new:
        return Decision(Verdict.SAME)
    if family(old_source) == USER and not force:
        return Decision(Verdict.KEEP, "you edited it; --force overwrites")
    old_rank, new_rank = (trust(old_source), old_specific), (trust(new_source), new_specific)
    if force or new_rank > old_rank or (new_rank == old_rank and family(new_source) == family(old_source)):
        return Decision(Verdict.REPLACE)
    if old in (None, "") and new_specific >= old_specific:
        return Decision(Verdict.REPLACE)
    if same:
        return Decision(Verdict.SAME)
    if trust(new_source) < trust(old_source):
        return Decision(Verdict.KEEP, f"{source_name(old_source)} is trusted over {NAMES.get(family(new_source), new_source)}")
    return Decision(Verdict.KEEP, f"less specific than {source_name(old_source)}")
