"""What a pipeline tile says, and the cell-measured text fitting its lines use: the screen's
context for a refresh (countdowns, targets, topics, who is at risk), a tile's texts before they
are fitted and styled, and cutting and wrapping by terminal cells (CJK is two cells a character).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set as AbstractSet
from dataclasses import dataclass, field
from datetime import datetime

from rich.cells import cell_len, chop_cells, set_cell_size

from ...textsafe import one_line


@dataclass
class TileContext:
    """What a tile shows beyond the paper itself, computed once per refresh by the screen."""

    now: datetime
    language: str = "en"
    countdowns: Mapping[int, str] = field(default_factory=dict)  # paper id -> "41d" / "~41d" / "notif. 9d" / "passed"
    targets: Mapping[int, str] = field(default_factory=dict)     # paper id -> the whole target line (the detail)
    topics: Mapping[str, str] = field(default_factory=dict)      # topic key -> label
    at_risk: AbstractSet[int] = field(default_factory=set)       # paper ids behind their plan


@dataclass(frozen=True, slots=True)
class TileText:
    """What a tile shows, before it is fitted to its column's width and styled; its lines are
    cached by it (a tile whose text is unchanged by a re-read is not drawn again)."""

    title: str
    venue: str  # its label (with the year), or "no venue"
    venue_name: str  # without the year: for when the countdown would not fit
    countdown: str
    topic: str
    progress: str  # days in the stage, checklist, decision
    flagged: bool  # behind its plan


def ellipsize(text: str, width: int) -> str:
    """Cut `text` to `width` cells, ending in an ellipsis when something was cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + "…"


def wrap_cells(text: str, width: int) -> list[str]:
    """Word-wrap by terminal cells; words wider than a line (and CJK runs) are cut by cells."""
    width = max(1, width)
    lines: list[str] = []
    current = ""
    for word in re.findall(r"\S+\s*", text):
        if cell_len(current + word.rstrip()) <= width:
            current += word
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = ""
        while cell_len(word.rstrip()) > width:
            chunks = chop_cells(word, width)
            lines.extend(chunk.rstrip() for chunk in chunks[:-1])
            word = chunks[-1]
        current = word
    if current.strip():
        lines.append(current.rstrip())
    return lines


def title_lines(title: str, width: int, lines: int = 2) -> list[str]:
    """The title wrapped onto at most `lines` lines, the last one ellipsized when cut."""
    text = one_line(title).strip()
    wrapped = wrap_cells(text, width) or [""]
    if len(wrapped) <= lines:
        return wrapped + [""] * (lines - len(wrapped))
    shown = wrapped[: lines - 1]
    consumed = len(" ".join(shown))
    rest = text[consumed:].lstrip() if text.startswith(" ".join(shown)) else " ".join(wrapped[lines - 1:])
    return shown + [ellipsize(rest, width)]
