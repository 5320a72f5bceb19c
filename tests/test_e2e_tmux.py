"""paperdeck in a real terminal (tmux) at 80x24 and 200x60, driven by keystrokes alone.

The database is checked afterwards, and so is what the screen showed (capture-pane).
"""

from __future__ import annotations

import os
import sqlite3
import time

import pytest

from tmux_session import paperdeck_argv, tmux_factory  # noqa: F401  (fixture)
from xdisplay import read_clipboard, xvfb_display  # noqa: F401  (fixture)

pytestmark = pytest.mark.tmux

SIZES = [(80, 24), (200, 60)]
PITCH_LINE = "Reward drift breaks RLHF [red]not markup[/] 奖励漂移"


def app_env(display: str) -> dict[str, str]:
    keep = {key: os.environ[key] for key in ("PATH", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "LANG")
            if key in os.environ}
    return {**keep, "TERM": "xterm-256color", "DISPLAY": display, "PYTHONPATH": os.pathsep.join(_src_path())}


def _src_path() -> list[str]:
    import paperdeck

    return [os.path.dirname(os.path.dirname(paperdeck.__file__))]


def assert_no_foreign_escapes(session) -> None:
    """The only escapes on screen are the app's own colours (SGR, `ESC[...m`)."""
    import re

    raw = session.screen_raw()
    foreign = re.findall(r"\x1b(?!\[[0-9;:]*m)", raw)
    assert not foreign, raw[:2000]


def focus_first_editor(session) -> None:
    """Entering Pitch puts the focus in the first part's editor (the footer says so): a probe
    letter shows in the live count. "· 0 words" can show for another part before the Backspace
    is handled: the line typed next may arrive with it, and the editor takes them in order
    (safe_text.KeysInOrder; before it, the Backspace deleted the line's last character)."""
    session.wait_for("✎ Editing")
    session.type("x")
    session.wait_for("· 1 word ")
    session.keys("BSpace")
    session.wait_for("· 0 words")


def stage_of_the_paper(db) -> str | None:
    """What the app committed (read-only, beside the running app)."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT stage FROM papers").fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def wait_for_stage(db, stage: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while stage_of_the_paper(db) != stage:
        if time.monotonic() > deadline:
            raise AssertionError(f"the paper never reached {stage!r}; it is in {stage_of_the_paper(db)!r}")
        time.sleep(0.05)


PAPER_TITLE = "End-to-end paper 端到端 [bold]"


def add_paper_and_move_it_twice(session, db) -> None:
    session.keys("2")
    session.wait_for("Stage ▶")  # the Pipeline's own keys in the footer
    session.keys("n")  # quick capture
    session.wait_for("Title, then Enter")
    session.type(PAPER_TITLE)
    session.wait_for("End-to-end paper 端到端")  # in the field: it had the focus
    session.keys("Enter")
    wait_for_stage(db, "ideation")
    session.wait_gone("Title, then Enter")
    # The board reloads its view off the UI thread after the add: wait for the new tile.
    screen = session.wait_for("End-to-end")
    if session.width >= 120:
        assert "[bold]" in screen  # markup in a title is shown, not applied
    session.keys(">")
    wait_for_stage(db, "design")
    session.keys(">")
    wait_for_stage(db, "experiments")
    assert_no_foreign_escapes(session)


def review_two_cards(session) -> None:
    session.keys("4")
    session.wait_for("Study all")
    session.keys("a")  # study every deck
    for answered in range(2):
        session.wait_for(f"answered {answered}")
        session.keys("space")
        session.wait_for("Talking points")
        session.keys("3")  # Good
    session.wait_for("answered 2")
    session.keys("Escape")
    session.wait_gone("answered 2")


@pytest.mark.parametrize(("width", "height"), SIZES, ids=lambda v: str(v))
def test_journey_by_keystrokes(width, height, seeded_db, tmux_factory, xvfb_display):
    db = seeded_db

    session = tmux_factory(width, height)
    session.start(paperdeck_argv(db), app_env(xvfb_display))
    session.wait_for("paperdeck", timeout=30)

    add_paper_and_move_it_twice(session, db)
    review_two_cards(session)

    session.keys("5")
    session.wait_for("Why this paper?")
    focus_first_editor(session)
    session.type(PITCH_LINE)
    # The live count in the gauge (the part's heading may leave its counts out at 80 columns):
    # the whole line arrived.
    session.wait_for("7 words · 4 CJK")
    if width >= 120:  # wide enough to show the line unwrapped (the editor may draw a frame after the count)
        screen = session.wait_for("[red]not markup[/]")
        assert "奖励漂移" in screen
    session.keys("F9")  # copy the pitch (works from inside the editor)
    session.wait_for("Copied", timeout=10)
    assert_no_foreign_escapes(session)
    # Read it while the app runs: xclip serves the selection from the app's process group.
    assert PITCH_LINE in read_clipboard()
    session.keys("C-q")
    assert session.wait_exit() == "0"

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        paper_id, title, stage = conn.execute("SELECT id, title, stage FROM papers").fetchone()
        moves = conn.execute("SELECT from_stage, to_stage FROM stage_history WHERE paper_id = ? ORDER BY id",
                             (paper_id,)).fetchall()
        body = conn.execute("SELECT body FROM pitch_sections WHERE paper_id = ? AND part_key = 'pitch.background'",
                            (paper_id,)).fetchone()
        ratings = [row[0] for row in conn.execute("SELECT rating FROM reviews ORDER BY id")]
    finally:
        conn.close()
    assert title == PAPER_TITLE and stage == "experiments"
    assert moves == [(None, "ideation"), ("ideation", "design"), ("design", "experiments")]
    assert body == (PITCH_LINE,)
    assert ratings == [3, 3]
