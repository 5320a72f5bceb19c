"""paperdeck in tmux at 80x24: keys sent in one write act in order, and what matters is readable.

Each burst is one `send-keys -l` of one string: the terminal hands the app every key at once,
as a fast typist or a key-repeat does.
"""

from __future__ import annotations

import sqlite3
import time

import pytest

from paperdeck.models.papers import STAGES, Stage
from paperdeck.store import open_store
from test_e2e_tmux import app_env
from tmux_session import paperdeck_argv, tmux_factory  # noqa: F401  (fixture)
from xdisplay import xvfb_display  # noqa: F401  (fixture)

pytestmark = pytest.mark.tmux

LONG_TITLE = "Retrieval-augmented reward models keep their calibration under distribution shift"


def stages_by_title(db) -> dict[str, str]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT title, stage FROM papers"))
    finally:
        conn.close()


def wait_for_stages(db, wanted: dict[str, str], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        stages = stages_by_title(db)
        if all(stages.get(title) == stage for title, stage in wanted.items()):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"wanted {wanted}, the database holds {stages}")
        time.sleep(0.05)


@pytest.fixture
def board_db(seeded_db):
    store = open_store(seeded_db)
    try:
        store.papers.add(LONG_TITLE)
        store.papers.add("Second paper")
        for stage in STAGES[1:]:
            store.papers.add(f"Only in {stage.value}", stage)
    finally:
        store.close()
    return seeded_db


def start_on_the_board(session, db) -> None:
    session.start([*paperdeck_argv(db), "--screen", "pipeline"], app_env(session.display))
    session.wait_for("Retrieval-augmented", timeout=30)  # the focused card's title, on the detail line


@pytest.fixture
def board_session(board_db, tmux_factory, xvfb_display):
    session = tmux_factory(80, 24)
    session.display = xvfb_display
    start_on_the_board(session, board_db)
    return session


def test_the_focused_card_shows_a_long_title_whole_at_80x24(board_session):
    # The detail line below the board shows the title first; the focused tile grows to the
    # whole title in the frame after, ending on a line of its own ("│ shift  ...│").
    screen = board_session.wait_for("│ shift ")
    board = screen.split("\n")[1:18]  # the board, above the detail line
    card_text = " ".join(line.split("│")[1].strip() for line in board if line.count("│") >= 2)
    assert LONG_TITLE in card_text, screen


def test_two_quick_moves_move_one_paper_two_stages(board_session, board_db):
    board_session.type(">>")
    wait_for_stages(board_db, {LONG_TITLE: Stage.EXPERIMENTS.value, "Second paper": Stage.IDEATION.value})
    board_session.type("<")
    wait_for_stages(board_db, {LONG_TITLE: Stage.DESIGN.value})
    assert stages_by_title(board_db)["Second paper"] == Stage.IDEATION.value


def test_six_quick_column_keys_move_six_columns(board_session):
    board_session.type("llllll")
    board_session.wait_for(f"Only in {Stage.DECISION.value}\n")  # the detail line: the focused card
    board_session.type("hhhhh")
    board_session.wait_for(f"Only in {Stage.DESIGN.value}\n")


PITCH_PARAGRAPH = ("现有的基于人类反馈的强化学习方法在长时间训练后会出现奖励漂移，"
                   "我们提出奖励感知的提示采样，在保持多样性的同时稳定对齐效果。")


def test_a_chinese_pitch_paragraph_reads_at_a_readable_width_at_80x24(seeded_db, tmux_factory, xvfb_display):
    store = open_store(seeded_db)
    try:
        paper = store.papers.add("Pitch paper", Stage.WRITING)
        store.pitches.save_section(paper.id, "pitch.background", PITCH_PARAGRAPH)
    finally:
        store.close()
    session = tmux_factory(80, 24)
    session.start([*paperdeck_argv(seeded_db), "--screen", "pitch"], app_env(xvfb_display))
    session.wait_for("现有的基于人类反馈", timeout=30)
    screen = session.wait_for("稳定对齐效果。")  # the paragraph's end: wrapped at the editor's final width
    # The paragraph wraps into lines of at least 20 characters (the editor is over 60 % of the
    # width), and every character of it is on screen, in order.
    editor_lines = [line for line in screen.split("\n") if line.lstrip().startswith("▊")]  # the editors' rows
    pieces = ["".join(char for char in line if "\u4e00" <= char <= "\u9fff" or char in "，。")
              for line in editor_lines]
    pieces = [piece for piece in pieces if piece]
    assert all(len(piece) >= 20 for piece in pieces[:-1]), screen
    assert "".join(pieces) == PITCH_PARAGRAPH, screen
    # Typed at once, the text lands in the editor focused on entry, not on the screen's keys.
    session.type("hr[")
    session.wait_for("hr[")


def test_text_typed_right_after_tab_lands_in_the_next_field(board_session, board_db):
    """The paper form: Tab and the text after it in one write; then Pitch, part to part."""
    board_session.keys("e")
    board_session.wait_for("Submissions")  # the form, loaded
    board_session.wait_for("calibration")
    board_session.type("\tAda Lovelace, Alan Turing\t1")
    board_session.wait_for("Ada Lovelace, Alan Turing")
    board_session.keys("C-s")
    board_session.wait_gone("Submissions")
    conn = sqlite3.connect(f"{board_db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        authors, position = conn.execute("SELECT authors, my_author_index FROM papers WHERE title = ?",
                                         (LONG_TITLE,)).fetchone()
    finally:
        conn.close()
    assert "Ada Lovelace" in authors and "Alan Turing" in authors and position == 0
    board_session.keys("5")
    board_session.wait_for("Why this paper?")
    board_session.wait_for("✎ Editing")  # the first part's editor has the focus
    board_session.type("one\tsecond part text")
    board_session.wait_for("second part text")
    screen = board_session.wait_for("· 1 word")
    lines = screen.split("\n")
    second_head = next(i for i, line in enumerate(lines) if line.lstrip().startswith("2. "))
    assert any("second part text" in line for line in lines[second_head:]), screen
    assert not any("second part text" in line for line in lines[:second_head]), screen
