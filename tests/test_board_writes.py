"""A move or a reorder on the Pipeline board: shown at once, written in a worker after that
frame with the version the board showed, in key order; refused (and put back, with a message)
when the paper changed elsewhere; never lost when the app quits at once."""

from __future__ import annotations

import threading

import pytest

from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from waiting import settled


@pytest.fixture
def board(store):
    for title in ("Alpha", "Beta"):
        store.papers.add(title)
    store.papers.add("Gamma", Stage.DESIGN)
    return store


def app_for(store) -> PaperdeckApp:
    return PaperdeckApp(store, start_screen="pipeline", watch=False)


def paper(store, title):
    return next(p for p in store.papers.all() if p.title == title)


def shown(app, stage) -> list[str]:
    return [tile.title for tile in app.screen.column(stage).tiles]


async def test_a_move_and_a_reorder_are_written_off_the_ui_thread(board):
    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        writers: list[str] = []

        def traced(statement: str) -> None:
            if statement.startswith("UPDATE papers"):
                writers.append(threading.current_thread().name)

        board.conn.set_trace_callback(traced)
        try:
            await pilot.press("shift+right")
            assert shown(app, Stage.DESIGN) == ["Gamma", "Alpha"]  # shown at once, from what the board holds
            await settled(pilot)
            await pilot.press("shift+up")
            assert shown(app, Stage.DESIGN) == ["Alpha", "Gamma"]
            await settled(pilot)
        finally:
            board.conn.set_trace_callback(None)
        assert [p.title for p in board.papers.by_stage(Stage.DESIGN)] == ["Alpha", "Gamma"]
        assert writers and threading.main_thread().name not in writers


@pytest.mark.parametrize("keys,stage", [(("shift+right",), Stage.IDEATION), (("shift+down",), Stage.IDEATION)])
async def test_a_paper_changed_elsewhere_is_not_moved_and_goes_back_with_a_message(board, keys, stage):
    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        alpha = paper(board, "Alpha")
        # Another window's edit, not seen by this board (no watcher): its tile has the old version.
        board.papers.update(alpha.id, alpha.version, notes="edited elsewhere")
        await pilot.press(*keys)
        await settled(pilot)
        assert paper(board, "Alpha").stage is stage
        assert [p.title for p in board.papers.by_stage(Stage.IDEATION)] == ["Alpha", "Beta"]  # not reordered
        assert shown(app, Stage.IDEATION) == ["Alpha", "Beta"] and shown(app, Stage.DESIGN) == ["Gamma"]
        assert any("changed elsewhere" in str(note.message) for note in app._notifications)
        # The board now holds the paper's new version: the move goes through.
        await pilot.press("shift+right")
        await settled(pilot)
        assert paper(board, "Alpha").stage is Stage.DESIGN


async def test_moves_in_a_row_are_written_in_order_and_undo_waits_for_them(board):
    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("shift+right", "shift+right", "shift+right", "u")
        await settled(pilot)
        alpha = paper(board, "Alpha")
        assert alpha.stage is Stage.EXPERIMENTS  # three moves, the third undone
        assert [m.to_stage for m in board.papers.history(alpha.id)][-2:] == [Stage.DESIGN, Stage.EXPERIMENTS]
        assert shown(app, Stage.EXPERIMENTS) == ["Alpha"] and shown(app, Stage.WRITING) == []


async def test_a_move_is_written_when_the_app_quits_at_once(board):
    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        app.screen.action_move_paper(1)
        app.screen.action_move_paper(1)
        app.exit()
    assert paper(board, "Alpha").stage is Stage.EXPERIMENTS


async def test_a_moves_write_waits_for_its_frame_to_be_sent(board, monkeypatch):
    """Not started in the refresh that draws the move: Textual's output thread sends that frame
    first (a worker at once held the GIL while the frame waited to be written)."""
    from paperdeck.tui.screens.pipeline_keys import BoardKeys

    monkeypatch.setattr(BoardKeys, "OUTPUT_WAIT", 1.0)
    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("shift+right")
        await pilot.pause()
        await pilot.pause()
        assert app.screen._commits and not app.screen._commits[0].started
        assert paper(board, "Alpha").stage is Stage.IDEATION
        await settled(pilot)
        assert paper(board, "Alpha").stage is Stage.DESIGN and not app.screen._commits
