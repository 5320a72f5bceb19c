"""Keep both: one text from two versions saved over each other (a conflict's third answer).

Theirs first (it was saved first), then mine under a marker line, so nothing of either is lost
and the user merges by hand. A text that already holds the other whole is kept as is.
"""

from __future__ import annotations

MARKER = "――――――――"


def both_texts(theirs: str, mine: str) -> str:
    if not theirs.strip() or mine.strip() in theirs:
        return mine if not theirs.strip() else theirs
    if theirs.strip() in mine:
        return mine
    return f"{theirs.rstrip()}\n\n{MARKER}\n{mine.lstrip()}"


def both_lines(theirs: str, mine: str) -> str:
    """Keep both of a one-line field (a title, a result): 'theirs / mine'."""
    if not theirs.strip() or mine.strip() in theirs:
        return mine if not theirs.strip() else theirs
    if theirs.strip() in mine:
        return mine
    return f"{theirs.strip()} / {mine.strip()}"
