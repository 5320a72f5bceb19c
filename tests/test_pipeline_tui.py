"""The Pipeline board driven by Pilot: every key, the mouse, the form's validation, a snapshot."""

from __future__ import annotations

import pytest

from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.widgets.board import BoardColumn
from waiting import app_until, settled


@pytest.fixture
def board(store):
    for title in ("Alpha", "Beta"):
        store.papers.add(title)
    store.papers.add("Gamma", Stage.DESIGN)
    return store


def app_for(store) -> PaperdeckApp:
    return PaperdeckApp(store, start_screen="pipeline", watch=False)


# The board loads in a worker; a dialog may be open over it: every screen's loads, drawn.
view_shown = settled


def focused(app) -> BoardColumn:
    assert isinstance(app.focused, BoardColumn)
    return app.focused


def titles(store, stage):
    return [paper.title for paper in store.papers.by_stage(stage)]


async def test_arrows_and_hjkl_move_the_focus(board):
    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        assert focused(app).stage is Stage.IDEATION and focused(app).current_tile.title == "Alpha"
        for key, stage, title in [("j", Stage.IDEATION, "Beta"), ("k", Stage.IDEATION, "Alpha"), ("down", Stage.IDEATION, "Beta"),
                                  ("up", Stage.IDEATION, "Alpha"), ("l", Stage.DESIGN, "Gamma"), ("right", Stage.EXPERIMENTS, None),
                                  ("h", Stage.DESIGN, "Gamma"), ("left", Stage.IDEATION, "Alpha")]:
            await pilot.press(key)
            await view_shown(pilot)
            tile = focused(app).current_tile
            assert (focused(app).stage, tile.title if tile else None) == (stage, title), key


@pytest.mark.parametrize("forward,back", [("shift+right", "shift+left"), ("greater_than_sign", "less_than_sign")])
async def test_moving_a_paper_between_stages(board, forward, back):
    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press(forward)
        await view_shown(pilot)
        assert titles(board, Stage.DESIGN) == ["Gamma", "Alpha"]
        assert focused(app).stage is Stage.DESIGN and focused(app).current_tile.title == "Alpha"
        await pilot.press(forward, forward)
        await view_shown(pilot)
        assert titles(board, Stage.WRITING) == ["Alpha"]
        await pilot.press(back)
        await view_shown(pilot)
        assert titles(board, Stage.EXPERIMENTS) == ["Alpha"]
        paper = next(p for p in board.papers.all() if p.title == "Alpha")
        assert [m.to_stage for m in board.papers.history(paper.id)][-1] is Stage.EXPERIMENTS


async def test_shift_up_down_reorder_within_a_column(board):
    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("shift+down")
        await view_shown(pilot)
        assert titles(board, Stage.IDEATION) == ["Beta", "Alpha"]
        assert focused(app).current_tile.title == "Alpha"
        await pilot.press("shift+up")
        await view_shown(pilot)
        assert titles(board, Stage.IDEATION) == ["Alpha", "Beta"]


async def test_n_captures_a_paper_into_the_focused_stage(board):
    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("l", "n")
        await view_shown(pilot)
        await pilot.press("enter")  # an empty title is refused with a message
        await view_shown(pilot)
        assert "required" in str(app.screen.query_one("#capture-error").render())
        await pilot.press(*"[red]新想法[/]", "enter")
        await view_shown(pilot)
        assert titles(board, Stage.DESIGN) == ["Gamma", "[red]新想法[/]"]
        assert focused(app).current_tile.title == "[red]新想法[/]"


@pytest.mark.parametrize("key", ["enter", "e"])
async def test_the_form_validates_and_saves(board, key):
    from textual.widgets import Input

    from paperdeck.tui.screens.paper_form import PaperFormModal

    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press(key)
        await view_shown(pilot)
        form = app.screen
        assert isinstance(form, PaperFormModal)
        await form.view_ready()  # the form loads its paper off the UI thread
        await form.show_tab("tab-links")  # built when first shown
        form.query_one("#f-year", Input).value = "20245"
        form.query_one("#f-link_code", Input).value = "github.com/me/alpha"
        form.query_one("#f-link_arxiv", Input).value = "javascript:alert(1)"
        form.query_one("#f-authors", Input).value = "Li Wei*, Me*, Chen"
        form.query_one("#f-my_position", Input).value = "2"
        form.query_one("#f-result", Input).value = "much better"
        await pilot.press("ctrl+s")
        await view_shown(pilot)
        assert app.screen is form
        assert "four digits" in str(form.query_one("#err-year").render())
        assert "http" in str(form.query_one("#err-link_arxiv").render())
        assert "numbers" in str(form.query_one("#err-result").render())
        assert board.papers.by_stage(Stage.IDEATION)[0].target_year is None  # nothing saved
        form.query_one("#f-year", Input).value = "2027"
        form.query_one("#f-link_arxiv", Input).value = "2401.01234"
        form.query_one("#f-result", Input).value = "+12% win-rate on MT-Bench"
        form.query_one("#f-method", Input).value = "reward-aware prompt sampling"
        form.query_one("#f-baseline", Input).value = "PPO, DPO"
        form.query_one("#f-title", Input).focus()
        await pilot.press("enter")
        await view_shown(pilot)
        assert not isinstance(app.screen, PaperFormModal)
        paper = board.papers.by_stage(Stage.IDEATION)[0]
        assert paper.target_year == 2027
        assert paper.links == {"arxiv": "https://arxiv.org/abs/2401.01234", "code": "https://github.com/me/alpha"}
        assert (paper.authors, paper.equal_contribution, paper.my_author_index) == (["Li Wei", "Me", "Chen"], [0, 1], 1)
        assert (paper.method, paper.baseline, paper.dataset) == ("reward-aware prompt sampling", "PPO, DPO", "")


async def test_the_form_ticks_checklist_items(board):
    from textual.widgets import SelectionList

    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("e")
        await view_shown(pilot)
        await app.screen.view_ready()
        await app.screen.show_tab("tab-checklist")
        checklist = app.screen.query_one("#form-checklist", SelectionList)
        checklist.focus()
        checklist.highlighted = 0
        await pilot.press("space")
        await view_shown(pilot)
        paper = board.papers.by_stage(Stage.IDEATION)[0]
        assert board.papers.checklist(paper.id, Stage.IDEATION)[0].done


async def test_alt_right_to_the_checklist_then_space_ticks_its_first_item(board):
    """A tab reached by key takes the focus into its first list or field (the tab bar kept
    it: Space went to the tab bar, not the checklist), whether built then or before."""
    from textual.widgets import SelectionList

    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("e")
        await app.screen.view_ready()
        form = app.screen
        for _round in range(2):  # the tab built at the first visit, shown again at the second
            await pilot.press("alt+right")
            await app_until(pilot, lambda: isinstance(app.focused, SelectionList), "the focus in the checklist")
            assert app.focused.id == "form-checklist"
            await pilot.press("alt+left")
            await app_until(pilot, lambda: app.focused is form.fields["title"], "the focus back in the title")
        await pilot.press("alt+right")
        await app_until(pilot, lambda: isinstance(app.focused, SelectionList), "the focus in the checklist")
        await pilot.press("space")
        paper = board.papers.by_stage(Stage.IDEATION)[0]
        await app_until(pilot, lambda: board.papers.checklist(paper.id, Stage.IDEATION)[0].done, "the first item ticked")


async def test_d_deletes_after_a_confirm_and_u_U_undo_redo(board):
    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("d")
        await view_shown(pilot)
        await pilot.press("n")  # no: nothing happens
        await view_shown(pilot)
        assert titles(board, Stage.IDEATION) == ["Alpha", "Beta"]
        await pilot.press("d")
        await view_shown(pilot)
        await pilot.press("y")
        await view_shown(pilot)
        assert titles(board, Stage.IDEATION) == ["Beta"]
        await pilot.press("u")
        await view_shown(pilot)
        assert titles(board, Stage.IDEATION) == ["Alpha", "Beta"]
        assert [c.title for c in app.screen.column(Stage.IDEATION).tiles] == ["Alpha", "Beta"]
        await pilot.press("U")
        await view_shown(pilot)
        assert titles(board, Stage.IDEATION) == ["Beta"]
        await pilot.press("u", "shift+right")
        await view_shown(pilot)
        await pilot.press("u")
        await view_shown(pilot)
        assert titles(board, Stage.IDEATION) == ["Alpha", "Beta"]


async def test_slash_filters_and_escape_clears(board):
    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("slash")
        await view_shown(pilot)
        await pilot.press(*"gam", "enter")
        await view_shown(pilot)
        shown = {c.title for col in app.screen.columns for c in col.tiles}
        assert shown == {"Gamma"}
        assert "gam" in app.screen.sub_title
        await pilot.press("escape")
        await view_shown(pilot)
        assert {"Alpha", "Beta", "Gamma"} <= {c.title for col in app.screen.columns for c in col.tiles}


async def test_mouse_click_selects_and_drag_moves(board):
    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.click("#col-ideation", offset=(3, 7))  # the second tile (Beta)
        await view_shown(pilot)
        assert focused(app).current_tile.title == "Beta"
        await pilot.mouse_down("#col-ideation", offset=(3, 1))  # press on Alpha ...
        await pilot.mouse_up("#col-writing", offset=(3, 3))   # ... release over Writing
        await view_shown(pilot)
        assert titles(board, Stage.WRITING) == ["Alpha"]
        assert focused(app).stage is Stage.WRITING


async def test_wip_limit_shows_in_the_header(board):
    board.settings.update(wip_limit=1)
    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        column = app.screen.column(Stage.IDEATION)
        assert "2/1" in str(column.border_title) and column.has_class("-over-limit")
        assert not app.screen.column(Stage.DESIGN).has_class("-over-limit")


def test_board_snapshot(store, frozen_clock, snap_compare):
    store.papers.add("大语言模型的奖励感知提示优化：一种可扩展的对齐方法", venue_key="emnlp", target_year=2027,
                     topic_key="topic.training-strategy")
    store.papers.add("[bold]Not bold[/] and [/] stays literal", Stage.DESIGN)
    store.papers.add("A very long title about efficient training of large language models with quantization "
                     "aware low rank adaptation and more", Stage.EXPERIMENTS, venue_key="iclr", target_year=2027)
    store.papers.add("Emoji 🚀 and [red]markup[/red]", Stage.WRITING)
    assert snap_compare(app_for(store), terminal_size=(120, 40), run_before=view_shown)


async def test_the_form_records_submissions_and_decisions(board):
    from textual.widgets import Input

    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("e")
        await view_shown(pilot)
        form = app.screen
        await form.view_ready()
        await form.show_tab("tab-submissions")
        paper_id = form.paper_id
        form.query_one("#sub-date", Input).value = "2026-13-45"
        form.query_one("#sub-venue", Input).value = "ACL ARR"
        form.record_submission()
        await view_shown(pilot)
        assert "YYYY-MM-DD" in str(form.query_one("#err-submission").render())
        form.query_one("#sub-date", Input).value = "2026-02-15"
        form.query_one("#sub-edition").value = 2026
        form.query_one("#sub-venue", Input).focus()
        await pilot.press("enter")
        await view_shown(pilot)
        assert board.papers.get(paper_id).stage is Stage.UNDER_REVIEW
        form.record_decision("rejected")
        await form.view_ready()  # the history and submissions load again
        await view_shown(pilot)
        assert board.papers.get(paper_id).stage is Stage.WRITING
        assert "rejected" in str(form.query_one("#form-submissions").render())
        form.query_one("#f-year", Input).value = "2027"
        await pilot.press("ctrl+s")  # saving after the moves does not conflict
        await view_shown(pilot)
        paper = board.papers.get(paper_id)
        assert (paper.target_year, paper.stage) == (2027, Stage.WRITING)
        assert [(s.venue_name, s.year, s.decision) for s in board.papers.submissions(paper_id)] == [("ACL ARR", 2026, "rejected")]


async def test_the_form_of_a_paper_deleted_meanwhile_closes_with_a_message(board):
    from paperdeck.tui.screens.paper_form import PaperFormModal

    gone = board.papers.add("Deleted in another window")
    board.papers.delete(gone.id)
    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        closed: list[bool | None] = []
        form = PaperFormModal(gone.id)
        await app.push_screen(form, closed.append)
        await form._loads_event().wait()  # the load failed: the form never shows a paper
        await pilot.pause()
        assert closed == [False] and not isinstance(app.screen, PaperFormModal)
        assert any(f"no paper with id {gone.id}" in str(n.message) for n in app._notifications)


async def test_a_move_is_shown_at_once_and_rereads_only_the_moved_tile(board):
    from paperdeck.tui.screens.base import PaperdeckScreen

    loaded: list = []

    def hook(message) -> None:
        if isinstance(message, PaperdeckScreen.ViewLoaded):
            loaded.append(message.view)

    app = app_for(board)
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await view_shown(pilot)
        assert loaded[-1].is_whole
        await pilot.press("shift+right")
        # Shown before the columns' re-read comes back: the next key already acts on it.
        assert focused(app).stage is Stage.DESIGN and focused(app).current_tile.title == "Alpha"
        assert [t.title for t in app.screen.column(Stage.IDEATION).tiles] == ["Beta"]
        await view_shown(pilot)
        alpha = next(p for p in board.papers.all() if p.title == "Alpha")
        # Not the whole board, nor its two columns: the moved paper's tile alone.
        assert loaded[-1].request.papers == {alpha.id} and loaded[-1].request.stages == frozenset()
        assert [tile.id for column in loaded[-1].columns.values() for tile in column.tiles] == [alpha.id]
        shown = {stage: [t.title for t in app.screen.column(stage).tiles] for stage in (Stage.IDEATION, Stage.DESIGN)}
        assert shown == {stage: titles(board, stage) for stage in shown}
        moved = app.screen.column(Stage.DESIGN).current_tile
        assert moved.checklist_total == len(board.papers.checklist(moved.id, Stage.DESIGN))  # as stored


async def test_keys_pressed_in_a_row_each_act_on_what_the_one_before_did(board):
    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        # Pressed before the board is first shown: they wait for it.
        await pilot.press("shift+right", "shift+right", "shift+right", "j")
        await view_shown(pilot)
        assert titles(board, Stage.WRITING) == ["Alpha"]
        assert focused(app).stage is Stage.WRITING and focused(app).current_tile.title == "Alpha"
        for stage in Stage:
            assert [t.title for t in app.screen.column(stage).tiles] == titles(board, stage), stage
        # A new paper, then at once a move: the new paper moves, once the board has it.
        await pilot.press("h", "n", *"Delta", "enter", "shift+right")
        await view_shown(pilot)
        assert "Delta" in titles(board, Stage.WRITING)
        assert focused(app).current_tile.title == "Delta"


async def test_keys_and_the_detail_read_nothing_while_moving_through_the_board(board):
    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        statements: list[str] = []
        board.conn.set_trace_callback(statements.append)
        try:
            await pilot.press("j", "k", "l", "h", "end", "home", "pagedown")
            await pilot.pause()
            assert statements == []
            assert "Beta" in str(app.screen.query_one("#pipeline-detail").render())  # pagedown: the last
            await pilot.press("slash")  # the filter's venues and topics come with the board's view
            await pilot.pause()
            assert app.screen.query_one("#filter-venue").is_mounted
            await pilot.press("escape")
            await pilot.pause()
        finally:
            board.conn.set_trace_callback(None)
        # Shown again after the dialog, the board only asks whether anything changed meanwhile.
        assert set(statements) <= {"PRAGMA data_version"}


async def test_closing_the_form_reads_the_papers_columns_once(board):
    """Saving the form re-reads the board once (not again when the board is shown after the
    dialog), and only the columns the paper was in and is in now; they show what was saved."""
    from textual.widgets import Input

    app = app_for(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        screen = app.screen
        reads: list[frozenset | None] = []
        request = screen.view_request

        def counted():
            asked = request()
            reads.append(asked.stages)
            return asked

        screen.view_request = counted
        await pilot.press("e")
        await view_shown(pilot)
        form = app.screen
        form.query_one("#f-title", Input).value = "Alpha, saved"
        await pilot.press("ctrl+s")
        await view_shown(pilot)
        assert app.screen is screen and reads == [frozenset({Stage.IDEATION})]
        assert [tile.title for tile in screen.column(Stage.IDEATION).tiles] == ["Alpha, saved", "Beta"]
        assert focused(app).current_tile.title == "Alpha, saved"

        # A submission moves the paper to Under review: both columns are read again.
        reads.clear()
        await pilot.press("e")
        await view_shown(pilot)
        form = app.screen
        await form.show_tab("tab-submissions")
        form.query_one("#sub-venue", Input).value = "ACL ARR"
        form.record_submission()
        await view_shown(pilot)
        await pilot.press("escape")
        await view_shown(pilot)
        assert reads == [frozenset({Stage.IDEATION, Stage.UNDER_REVIEW})]
        assert [tile.title for tile in screen.column(Stage.IDEATION).tiles] == ["Beta"]
        assert [tile.title for tile in screen.column(Stage.UNDER_REVIEW).tiles] == ["Alpha, saved"]
        assert focused(app).stage is Stage.UNDER_REVIEW and focused(app).current_tile.title == "Alpha, saved"
