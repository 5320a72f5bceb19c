"""The paper form builds its later tabs when first shown: keys that come at once - Escape right
after `e`, a tab then Escape or Ctrl+S, Ctrl+S then `e`, tab keys before the form has loaded -
never crash, hang or lose an edit. (Round 5's "the other tabs after the Details frame" crashed
with NoMatches on Escape right after `e`, and hung on `e` right after a save.)"""

from __future__ import annotations

import pytest
from textual.widgets import Input, TabbedContent

from paperdeck.models.papers import Stage
from paperdeck.tui.screens.paper_form import PaperFormModal
from waiting import app_until, open_paper_form, settled

def fields_drawn(app) -> bool:
    """The form is on screen with its paper's fields (not reading it)."""
    return isinstance(app.screen, PaperFormModal) and not app.screen.reading and not app.screen.opening.closed


def reopened(app, opening) -> bool:
    """The form is on screen with its fields, for another opening than `opening` (the form
    itself is kept between openings: paper_form.py)."""
    return fields_drawn(app) and app.screen.opening is not opening


def board_back(app) -> bool:
    return not isinstance(app.screen, PaperFormModal)


async def healthy(pilot) -> None:
    """The app still runs, nothing raised, and the form still opens with every tab buildable."""
    app = pilot.app
    await settled(pilot)
    assert app.is_running and app._exception is None
    assert board_back(app)
    await pilot.press("e")
    await app_until(pilot, lambda: fields_drawn(app), "the form opening again")
    form = app.screen
    await pilot.press("ctrl+pagedown", "ctrl+pagedown", "ctrl+pagedown")  # every tab shown: built
    await settled(pilot)
    assert form.query("#f-link_arxiv") and form.query("#form-checklist") and form.query("#sub-venue")
    await pilot.press("escape")
    await app_until(pilot, lambda: board_back(app), "the form closing")
    assert app._exception is None


async def test_escape_at_once_after_e_and_after_the_fields_are_drawn(store, make_app):
    store.papers.add("Alpha", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        for _ in range(3):  # before the form has loaded
            await pilot.press("e", "escape")
            await app_until(pilot, lambda: board_back(app), "the form closed")
        for _ in range(3):  # the instant its fields are drawn (the bench's sequence)
            await pilot.press("e")
            await app_until(pilot, lambda: fields_drawn(app), "the fields drawn")
            await pilot.press("escape")
            await app_until(pilot, lambda: board_back(app), "the form closed")
        await healthy(pilot)


async def test_a_tab_shown_then_escape_or_a_tab_key_before_the_form_loaded(store, make_app):
    store.papers.add("Alpha", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        for keys in (["alt+right"], ["alt+right", "alt+right"], ["alt+left"], ["alt+right"] * 3 + ["alt+left"]):
            await pilot.press("e")
            await app_until(pilot, lambda: fields_drawn(app), "the fields drawn")
            await pilot.press(*keys, "escape")  # closed while the tab's widgets mount
            await app_until(pilot, lambda: board_back(app), f"the form closed after {keys}")
        # Tab keys at once after `e`: before the form has loaded they do nothing, after they switch;
        # either way the tab shown is built.
        await pilot.press("e", "alt+right", "ctrl+pagedown")
        await app_until(pilot, lambda: fields_drawn(app), "the fields drawn")
        await settled(pilot)
        form = app.screen
        active = form.query_one(TabbedContent).active
        assert active == "tab-details" or active in form.tabs_built
        assert form._edited() == {}
        form.query_one(TabbedContent).active = "tab-links"
        await pilot.press("alt+right", "alt+right")  # Details, then Checklist: built now
        await settled(pilot)
        assert form.query_one(TabbedContent).active == "tab-checklist" and "tab-checklist" in form.tabs_built
        assert form.query_one("#form-checklist").option_count > 0  # filled from the view
        await pilot.press("escape")
        await healthy(pilot)


async def test_a_save_at_once_after_showing_a_tab_then_e_at_once_after_the_save(store, make_app):
    paper = store.papers.add("Alpha", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        for round_ in range(3):
            await pilot.press("e")
            await app_until(pilot, lambda: fields_drawn(app), "the fields drawn")
            form = app.screen
            opening = form.opening
            form.query_one("#f-title", Input).value = f"Alpha {round_}"
            # A later tab is being built when Ctrl+S saves and closes; `e` reopens at once.
            await pilot.press("ctrl+pagedown", "ctrl+s", "e")
            await app_until(pilot, lambda: reopened(app, opening), "the form reopened")
            assert store.papers.get(paper.id).title == f"Alpha {round_}"
            assert app.screen.query_one("#f-title", Input).value == f"Alpha {round_}"
            await pilot.press("escape")
            await app_until(pilot, lambda: board_back(app), "the form closed")
        await healthy(pilot)


async def test_an_edit_in_a_later_tab_survives_other_tabs_being_built(store, make_app):
    """Fields join the form as their tab is built, at the value they were filled with: an edit in
    Links is still an edit after Checklist and Submissions are built, and is saved."""
    paper = store.papers.add("Alpha", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_paper_form(pilot)
        await form.show_tab("tab-links")
        form.query_one("#f-link_code", Input).value = "https://github.com/me/alpha"
        await pilot.press("alt+left", "alt+left")  # Submissions, then Checklist: built now
        await settled(pilot)
        assert {"tab-checklist", "tab-submissions", "tab-links"} <= form.tabs_built
        assert form._edited() == {"link_code": "https://github.com/me/alpha"}
        await pilot.press("ctrl+s")
        await app_until(pilot, lambda: board_back(app), "saved and closed")
    assert store.papers.get(paper.id).links == {"code": "https://github.com/me/alpha"}


@pytest.mark.parametrize("then", ["escape", "save"])
async def test_closed_the_instant_its_fields_are_drawn_then_opened_again(store, make_app, monkeypatch, then):
    """Escape, or Ctrl+S of an edit, in the same turn as the form's fields appear (the bench's
    keys land there): round 5's attempt was still building its other tabs then, and crashed or
    hung on the next `e`."""
    paper = store.papers.add("Alpha", Stage.IDEATION)
    show = PaperFormModal._show_form

    async def closed_at_once(form: PaperFormModal, view) -> None:
        await show(form, view)
        if then == "save":
            form.query_one("#f-title", Input).value += "!"
            form.action_save()
        else:
            form.action_close()

    monkeypatch.setattr(PaperFormModal, "_show_form", closed_at_once)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        for _ in range(3):
            await pilot.press("e")
            await app_until(pilot, lambda: board_back(app) and not app.screen._settling, "the form closed")
            await pilot.press("e")  # at once
            await app_until(pilot, lambda: board_back(app) and not app.screen._settling, "the form closed again")
        monkeypatch.setattr(PaperFormModal, "_show_form", show)
        await healthy(pilot)
    assert store.papers.get(paper.id).title == ("Alpha!!!!!!" if then == "save" else "Alpha")


@pytest.mark.parametrize("then", ["escape", "save"])
async def test_closed_in_the_same_turn_as_a_tab_starts_building(store, make_app, then):
    """A later tab's widgets are still mounting when the form closes (Escape, or a save of an
    edit): the form is not told they mounted, nothing waits for them, and `e` opens it again."""
    paper = store.papers.add("Alpha", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        for tab in ("tab-checklist", "tab-submissions", "tab-links"):
            await pilot.press("e")
            await app_until(pilot, lambda: fields_drawn(app), "the fields drawn")
            await settled(pilot)
            form = app.screen
            opening = form.opening
            form.query_one(TabbedContent).active = tab  # starts mounting its widgets
            assert tab not in form.tabs_built and form.query_one(f"#{tab}").children
            if then == "save":
                form.query_one("#f-title", Input).value += "!"
                form.action_save()
            else:
                form.action_close()
            await pilot.press("e")  # at once
            await app_until(pilot, lambda: reopened(app, opening), f"the form reopened ({tab})")
            await settled(pilot)
            await pilot.press("escape")
            await app_until(pilot, lambda: board_back(app), "the form closed")
        await healthy(pilot)
    assert store.papers.get(paper.id).title == ("Alpha!!!" if then == "save" else "Alpha")
