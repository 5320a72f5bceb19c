"""What a tracker update changed, as a person wants to hear it: "ICML 2027 Paper deadline
announced: 22 Jan 23:59 AoE (estimate said 28 Jan)", "NeurIPS 2027 Abstract moved: 4 May 23:59
AoE -> 6 May 23:59 AoE". Deadlines still ahead are told one by one; past ones are counted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..models.common import from_iso
from ..models.venues import Deadline, DeadlineKind
from .deadlines import is_open, own_text

WHEN_FORMAT, DAY_FORMAT = "%d %b %H:%M", "%d %b"


@dataclass(frozen=True, slots=True)
class News:
    venue_key: str
    edition_year: int
    kind: DeadlineKind
    what: str            # "announced", "added", "moved"
    text: str
    text_zh: str
    ahead: bool          # still open: told one by one

    def pick(self, language: str) -> str:
        return self.text_zh if language == "zh" else self.text


def _deadline(values: dict[str, Any], venue_name: str) -> Deadline:
    on_date = values.get("on_date")
    return Deadline(
        id=0, venue_key=str(values["venue_key"]), edition_year=int(values["edition_year"]),
        kind=DeadlineKind(values["kind"]), at=from_iso(values.get("at_utc")),  # type: ignore[arg-type]
        on_date=date.fromisoformat(str(on_date)) if on_date else None, tz_label=str(values.get("tz_label") or ""),
        label=str(values.get("label") or ""), venue_name=venue_name, uid=str(values.get("uid") or ""),
    )


def _when(deadline: Deadline) -> str:
    return own_text(deadline, WHEN_FORMAT, DAY_FORMAT)


def news(items: list[Any], estimates: dict[str, Deadline], names: dict[str, str], now: datetime) -> list[News]:
    """Each added or moved deadline of the plan's `items` (models.imports.PlanItem), against the
    `estimates` (uid -> estimate) the lists showed before; `names`: venue key -> name."""
    found = []
    for item in items:
        if item.kind != "deadline" or item.action.value not in ("add", "update"):
            continue
        values = item.values
        key = str(values["venue_key"])
        new = _deadline(values, names.get(key, key))
        head = f"{new.venue_name} {new.edition_year} {new.display_name()}"
        head_zh = f"{new.venue_name} {new.edition_year} {new.display_name('zh')}"
        if item.action.value == "add":
            estimate = estimates.get(new.uid)
            if estimate is not None and estimate.on_date is not None:
                said = f"{estimate.on_date:{DAY_FORMAT}}"
                text = f"{head} announced: {_when(new)} (estimate said {said})"
                text_zh = f"{head_zh} 已公布：{_when(new)}（此前估计 {estimate.on_date.month}月{estimate.on_date.day}日）"
                what = "announced"
            else:
                text, text_zh, what = f"{head} added: {_when(new)}", f"{head_zh} 新增：{_when(new)}", "added"
        else:
            moved = {c.field: c for c in item.changes}
            if "at_utc" not in moved and "on_date" not in moved:
                continue
            old_values = {**values, **{name: change.old for name, change in moved.items()
                                       if name in ("at_utc", "on_date", "tz_label")}}
            old = _deadline(old_values, new.venue_name)
            text = f"{head} moved: {_when(old)} -> {_when(new)}"
            text_zh = f"{head_zh} 已变更：{_when(old)} -> {_when(new)}"
            what = "moved"
        found.append(News(key, new.edition_year, new.kind, what, text, text_zh, is_open(new, now)))
    found.sort(key=lambda n: (not n.ahead, n.venue_key, n.edition_year))
    return found
