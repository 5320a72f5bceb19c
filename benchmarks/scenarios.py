"""What to press, and how to recognise the frame that answers it, for each measured action.

A scenario opens its screen, runs its setup, then repeats a step: one measured key, and
unmeasured keys that put the screen back (close the form, move the card back). The measured
time runs from writing the key's bytes to the end (ESU) of the first complete frame after it
that the step's `accept` recognises (None: any frame). `accept` matters on screens that
repaint by themselves (a running timer, a blinking cursor): those frames are not answers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# Key bytes as an xterm sends them.
DOWN, UP = b"\x1b[B", b"\x1b[A"
SHIFT_RIGHT, SHIFT_LEFT = b"\x1b[1;2C", b"\x1b[1;2D"
ENTER, ESCAPE, TAB = b"\r", b"\x1b", b"\t"
CTRL_S = b"\x13"

# Text that shows the dashboard has drawn its data (not just the header).
DASHBOARD_READY = "to study today"
SCREEN_KEYS = {"dashboard": b"1", "pipeline": b"2", "venues": b"3", "flashcards": b"4", "pitch": b"5", "resume": b"6"}
# Text each screen shows only once its data is drawn (not its empty shell while the view loads).
# Venues' " days" is on the dashboard too (its countdowns): a dashboard frame drawn after the key
# (the minute's tick) passed for the Venues screen (one first showing read 9 ms); so its frame
# must also hold its Detail panel's title.
SCREEN_READY: dict[str, str | tuple[str, ...]] = {
    "dashboard": DASHBOARD_READY, "pipeline": "☑", "venues": ("─ Detail", " days"), "flashcards": "Suspended",
    "pitch": "wpm", "resume": "On the resume (",
}


def shows_screen(screen: str, text: str) -> bool:
    """`text` (a frame, or the output so far) shows `screen` with its data."""
    ready = SCREEN_READY[screen]
    return all(part in text for part in ((ready,) if isinstance(ready, str) else ready))
# The paper form's Details tab, drawn once its view loaded (not its "Loading…" shell).
FORM_READY = "Authors (a, b"


def showing(text: str) -> Callable[[str], bool]:
    """A frame that draws `text` (data that arrives with the view, not the screen's shell)."""
    return lambda frame: text in frame


def substantial(min_chars: int) -> Callable[[str], bool]:
    """A frame with at least `min_chars` non-blank characters (a redraw, not a timer tick)."""
    return lambda text: sum(1 for char in text if not char.isspace()) >= min_chars


@dataclass
class Step:
    key: bytes
    accept: Callable[[str], bool] | None = None
    # Unmeasured: each waits for its frame, or (key, text) for a frame drawing that text.
    after: list[bytes | tuple[bytes, str]] = field(default_factory=list)


@dataclass
class Scenario:
    name: str
    title: str
    screen: str
    steps: Callable[[int], Step]
    setup: list[bytes | tuple[bytes, str]] = field(default_factory=list)


def _move_card(i: int) -> Step:
    return Step(SHIFT_RIGHT if i % 2 == 0 else SHIFT_LEFT)


def _open_form(i: int) -> Step:
    return Step(b"e", showing(FORM_READY), after=[ESCAPE])


def _rate_card(i: int) -> Step:
    # Space reveals the talking points (unmeasured, as part of the previous step), 3 = Good.
    return Step(b"3", substantial(20), after=[b" "])


_SWITCH_ORDER = ["pipeline", "venues", "flashcards", "pitch", "resume", "dashboard"]


def _switch(i: int) -> Step:
    # Pitch opens with its editor focused: a digit would be typed into the pitch, not switch
    # (every step after Pitch measured typing until round 7). Escape leaves the editor, unmeasured.
    screen = _SWITCH_ORDER[i % len(_SWITCH_ORDER)]
    return Step(SCREEN_KEYS[screen], substantial(200), after=[ESCAPE] if screen == "pitch" else [])


# Characters neither the generated pitches nor the footer contain: a typed one is new on its line, so a frame
# showing it answers the key (and a cursor-blink repaint of the line does not).
_TYPED = "~|{}<>=+*&@!"


def _type(i: int) -> Step:
    char = _TYPED[i % len(_TYPED)]
    after = [ENTER] if char == _TYPED[-1] else []  # a fresh line for the next round
    return Step(char.encode(), lambda text, char=char: char in text, after=after)


def _scroll(i: int) -> Step:
    return Step(DOWN if (i // 6) % 2 == 0 else UP)


def _open_and_close(key: bytes, ready: str, close: bytes = ESCAPE) -> Callable[[int], Step]:
    """Open something (a view, a dialog, a screen) until its data shows; close it, unmeasured."""
    return lambda i: Step(key, showing(ready), after=[close])


def _save_form(i: int) -> Step:
    # Ctrl+S saves and closes the form: the board's frame answers; `e` opens the form again
    # (its fields drawn before the next Ctrl+S, which a loading form would not take).
    return Step(CTRL_S, substantial(100), after=[(b"e", FORM_READY)])


SCENARIOS = [
    Scenario("move_card", "move a card (shift+→/←)", "pipeline", _move_card),
    Scenario("open_form", "open the paper form (e)", "pipeline", _open_form),
    Scenario("rate_card", "rate a flashcard (3)", "flashcards", _rate_card, setup=[b"a", b" "]),
    Scenario("switch_screen", "switch screens (1–6)", "dashboard", _switch,
             setup=[b"2", b"3", b"4", b"5", ESCAPE, b"6", b"1"]),
    Scenario("type_pitch", "type in the pitch editor", "pitch", _type, setup=[TAB, TAB]),
    Scenario("scroll_venues", "scroll the venue list (↓/↑: each shows that venue's detail)", "venues", _scroll),
    # The month grid's paper milestones (▸) come with the view it loads when opened.
    Scenario("month_grid", "open the month grid (m)", "venues", _open_and_close(b"m", "▸", close=b"m")),
    Scenario("open_stats", "open Stats (s)", "flashcards", _open_and_close(b"s", "Reviews in total")),
    Scenario("start_review", "start a review (a)", "flashcards", _open_and_close(b"a", "answered")),
    # Shown once first, unmeasured: its first showing is the "first showing: resume" row (with its
    # own target); measured from the first press, it was that row again, under the key's target.
    Scenario("open_resume", "open Resume (6, from the dashboard)", "dashboard", _open_and_close(b"6", "On the resume (", close=b"1"),
             setup=[(b"6", "On the resume ("), (b"1", DASHBOARD_READY)]),
    Scenario("save_form", "save the paper form (ctrl+s)", "pipeline", _save_form, setup=[(b"e", FORM_READY)]),
]
SCENARIO_NAMES = [scenario.name for scenario in SCENARIOS]
