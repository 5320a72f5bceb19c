"""The paper form is built once and shown again for each paper (paper_form.py): nothing of one
opening - its values, its errors, its draft, its version, a late read - reaches the next one,
and a change of language builds it anew."""

from __future__ import annotations

import threading

from textual.widgets import Input, Select, TabbedContent

from paperdeck.models.papers import Stage
from paperdeck.tui.screens import paper_form_openings as paper_form_module
from paperdeck.tui.screens.paper_form import PaperFormModal
from paperdeck.tui.screens.pipeline import PipelineScreen
from frame_counts import count_layouts_and_restyles
from waiting import app_until, open_paper_form, settled


def board_back(app) -> bool:
    return not isinstance(app.screen, PaperFormModal)


def values(form: PaperFormModal) -> dict[str, str]:
    return form._raw()


async def close_discarding(pilot) -> None:
    """Escape, and "Discard" when it asks."""
    app = pilot.app
    await pilot.press("escape")
    await settled(pilot)
    if app.screen.id == "discard-edits":
        await pilot.press("d")
    await app_until(pilot, lambda: board_back(app), "the form closed")
    await settled(pilot)


async def open_next(pilot) -> PaperFormModal:
    """`j` to the next card of the column, then its form."""
    await pilot.press("j")
    return await open_paper_form(pilot)


async def test_another_paper_after_an_edit_and_a_cancel_shows_only_its_own_values(store, make_app):
    alpha = store.papers.add("Alpha", Stage.IDEATION, venue_key="iclr", target_year=2027)
    store.papers.update(alpha.id, None, notes="Alpha's notes", authors=["Ann Li", "Bo Chen"], links={"code": "https://a.example"})
    beta = store.papers.add("Beta", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_paper_form(pilot)
        assert form.paper_id == alpha.id and values(form)["notes"] == "Alpha's notes"
        await form.show_tab("tab-links")
        form.query_one("#f-title", Input).value = "Alpha, edited"
        form.query_one("#f-title", Input).cursor_position = 0
        form.query_one("#f-link_arxiv", Input).value = "2401.01234"
        await close_discarding(pilot)
        again = await open_next(pilot)
        assert again is form  # the same form, shown again: what this test is about
        assert again.paper_id == beta.id and again.query_one(TabbedContent).active == "tab-details"
        shown = values(again)
        assert shown["title"] == "Beta" and again.query_one(".dialog").border_title == f"Paper #{beta.id}"
        assert {name: text for name, text in shown.items() if name != "title" and name != "status"} == {
            name: "" for name in shown if name not in ("title", "status")}  # nothing of Alpha's
        assert again.query_one("#f-venue_key", Select).value is Select.NULL and again._edited() == {}
        assert again.fields["title"].cursor_position == len("Beta") and again.focused is again.fields["title"]
        again.query_one("#f-result", Input).value = "+3 BLEU"
        await pilot.press("ctrl+s")
        await app_until(pilot, lambda: board_back(app), "saved and closed")
    assert store.papers.get(beta.id).result == "+3 BLEU" and store.papers.get(beta.id).title == "Beta"
    assert store.papers.get(alpha.id).title == "Alpha" and store.papers.get(alpha.id).links == {"code": "https://a.example"}


async def test_an_error_on_one_paper_is_not_shown_on_the_next(store, make_app):
    store.papers.add("Alpha", Stage.IDEATION)
    store.papers.add("Beta", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_paper_form(pilot)
        form.query_one("#f-year", Input).value = "20245"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert form.query_one("#err-year").display and "four digits" in str(form.query_one("#err-year").render())
        assert str(form.query_one("#form-errors").render())
        await close_discarding(pilot)
        again = await open_next(pilot)
        assert again is form and values(again)["year"] == ""
        assert not again.query_one("#err-year").display and not str(again.query_one("#form-errors").render())
        await pilot.press("ctrl+s")  # unchanged: closes, nothing to fix
        await app_until(pilot, lambda: board_back(app), "closed unchanged")


async def test_a_draft_names_the_paper_open_now_and_a_closed_form_keeps_none(store, make_app):
    store.papers.add("Alpha", Stage.IDEATION)
    store.papers.add("Beta", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_paper_form(pilot)
        form.query_one("#f-notes").load_text("discarded thought about Alpha")
        await close_discarding(pilot)
        app.save_pending()  # the board is shown: the closed form's discarded edit is no draft
        assert store.drafts.all() == []
        again = await open_next(pilot)
        again.query_one("#f-notes").load_text("unsaved thought about Beta")
        app.save_pending()  # the terminal closing now
        [draft] = store.drafts.all()
        assert "Beta" in draft.about and "unsaved thought about Beta" in draft.body
        assert "Alpha" not in draft.about + draft.body


async def test_a_new_paper_after_an_edited_one_opens_empty(store, make_app):
    first = store.papers.add("Filled in", Stage.IDEATION, venue_key="iclr", target_year=2027)
    store.papers.update(first.id, None, contribution="A contribution", notes="Notes", links={"arxiv": "2401.01234"})
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_paper_form(pilot)
        await form.show_tab("tab-links")
        await form.show_tab("tab-submissions")
        form.query_one("#f-problem", Input).value = "typed, then cancelled"
        await close_discarding(pilot)
        await pilot.press("n")  # quick capture: a new paper in this column
        await settled(pilot)
        await pilot.press(*"Fresh", "enter")
        await settled(pilot)
        fresh = next(paper for paper in store.papers.all() if paper.title == "Fresh")
        board = app.screen
        await app_until(pilot, lambda: board._selected() is not None and board._selected().id == fresh.id, "the new card selected")
        again = await open_paper_form(pilot)
        assert again is form and again.paper_id == fresh.id
        assert {name: text for name, text in values(again).items() if name not in ("title", "status")} == {
            name: "" for name in values(again) if name not in ("title", "status")}
        assert again.query_one("#sub-venue", Input).value == "" and again.query_one("#sub-forum", Input).value == ""


async def test_f2_between_openings_shows_the_form_in_the_new_language(store, make_app):
    store.papers.add("Alpha", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_paper_form(pilot)
        assert str(form.query_one("#form-save").label) == "Save"
        await pilot.press("escape")
        await app_until(pilot, lambda: board_back(app), "closed")
        await pilot.press("f2")
        await settled(pilot)
        assert app.language == "zh"
        again = await open_paper_form(pilot)
        assert str(again.query_one("#form-save").label) == "保存" and again.field_labels["title"] == "标题"
        assert again.query_one(".dialog").border_title.startswith("论文")
        assert values(again)["title"] == "Alpha"
        await pilot.press("escape")
        await app_until(pilot, lambda: board_back(app), "closed")
        await pilot.press("f2")  # and back
        await settled(pilot)
        third = await open_paper_form(pilot)
        assert str(third.query_one("#form-save").label) == "Save" and third.field_labels["title"] == "Title"


async def test_a_paper_edited_elsewhere_between_openings_shows_their_version_without_a_conflict(store, make_app, seeded_db):
    from paperdeck.store import open_store

    paper = store.papers.add("Alpha", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_paper_form(pilot)
        await pilot.press("escape")
        await app_until(pilot, lambda: board_back(app), "closed")
        other = open_store(seeded_db)  # another window
        other.papers.update(paper.id, None, title="Alpha, from the other window")
        other.close()
        form = await open_paper_form(pilot)
        assert values(form)["title"] == "Alpha, from the other window"
        form.query_one("#f-result", Input).value = "+1 point"
        await pilot.press("ctrl+s")  # the version read at this opening: no conflict
        await app_until(pilot, lambda: board_back(app), "saved")
        assert app.screen.id != "conflict"
    saved = store.papers.get(paper.id)
    assert (saved.title, saved.result) == ("Alpha, from the other window", "+1 point")


async def test_a_read_for_an_earlier_opening_landing_late_is_dropped(store, make_app, monkeypatch):
    """Alpha's read is held until Beta's form shows: when it lands it fills nothing."""
    alpha = store.papers.add("Alpha", Stage.IDEATION)
    beta = store.papers.add("Beta", Stage.IDEATION)
    release, alpha_reading = threading.Event(), threading.Event()
    read = paper_form_module.paper_form

    def held(snapshot, paper_id):
        if paper_id == alpha.id:
            alpha_reading.set()
            release.wait(timeout=20)
        return read(snapshot, paper_id)

    monkeypatch.setattr(paper_form_module, "paper_form", held)
    # The form's own reads, not the board's read ahead of a key (test_form_read_ahead.py).
    monkeypatch.setattr(PipelineScreen, "read_form_ahead", lambda self: None)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_paper_form(pilot)  # Alpha, read at once the first time
        await pilot.press("escape")
        await app_until(pilot, lambda: board_back(app), "closed")
        await pilot.press("e")  # Alpha again: its read is held
        await app_until(pilot, lambda: alpha_reading.is_set(), "Alpha's read started")
        form = app.screen
        assert form.reading
        await pilot.press("escape")  # closed while reading
        await app_until(pilot, lambda: board_back(app), "closed while reading")
        await pilot.press("j", "e")  # Beta
        await app_until(pilot, lambda: app.screen is form and not form.reading, "Beta's form")
        assert form.paper_id == beta.id and values(form)["title"] == "Beta"
        release.set()
        await settled(pilot)
        await form._loads_event().wait()  # Alpha's read landed, and was dropped
        await settled(pilot)
        assert app.screen is form and form.paper_id == beta.id and values(form)["title"] == "Beta"
        form.query_one("#f-result", Input).value = "+2"
        await pilot.press("ctrl+s")
        await app_until(pilot, lambda: board_back(app), "saved")
    assert store.papers.get(beta.id).result == "+2" and store.papers.get(alpha.id).result == ""


async def test_a_form_built_ahead_is_the_one_the_first_e_opens(store, make_app):
    """Built hidden while the user reads the board (the Pipeline does it after a pause), shown
    nowhere; `e` - also at once, while it still mounts - fills it."""
    from paperdeck.tui.screens.paper_form import FORM_SCREEN, build_paper_form_ahead

    alpha = store.papers.add("Alpha", Stage.IDEATION)
    store.papers.add("Beta", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        # The Pipeline builds it once its board is drawn and input pauses: under load, later.
        await app_until(pilot, lambda: app.is_screen_installed(FORM_SCREEN) and app.get_screen(FORM_SCREEN).fields_ready,
                        "the form built ahead")
        ahead = app.get_screen(FORM_SCREEN)
        assert ahead.fields_ready and ahead.paper_id is None and not isinstance(app.screen, PaperFormModal)
        form = await open_paper_form(pilot)
        assert form is ahead and values(form)["title"] == "Alpha" and form._edited() == {}
        await close_discarding(pilot)
        await build_paper_form_ahead(app)  # a form is kept: nothing new
        again = await open_next(pilot)
        assert again is ahead and values(again)["title"] == "Beta"
        await close_discarding(pilot)
        app.uninstall_screen(FORM_SCREEN)  # as if none were built yet
        await ahead.remove()
        building = app.run_worker(build_paper_form_ahead(app))
        await pilot.press("k", "e")  # at once: it is still mounting
        await app_until(pilot, lambda: isinstance(app.screen, PaperFormModal) and not app.screen.reading, "the form")
        await building.wait()
        assert app.screen is app.get_screen(FORM_SCREEN) and app.screen is not ahead
        assert app.screen.paper_id == alpha.id and values(app.screen)["title"] == "Alpha"
        await close_discarding(pilot)


def drawn_lines(form: PaperFormModal) -> int:
    """Lines the form's title field holds drawn (kept by its styles cache until it changes)."""
    return len(form.query_one("#f-title", Input)._styles_cache._cache)


async def test_a_form_built_ahead_is_drawn_hidden_before_the_first_e(store, make_app):
    """Built ahead, the form is also drawn once off the terminal (as a screen built ahead is):
    its first opening then draws only what its paper changed, not ~60 widgets for the first
    time (~40 ms of the first `e` at medium)."""
    from paperdeck.tui.screens.paper_form import FORM_SCREEN

    store.papers.add("Alpha", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await app_until(pilot, lambda: app.is_screen_installed(FORM_SCREEN) and drawn_lines(app.get_screen(FORM_SCREEN)) > 0,
                        "the form built ahead and drawn")
        ahead = app.get_screen(FORM_SCREEN)
        assert not isinstance(app.screen, PaperFormModal) and ahead.paper_id is None
        form = await open_paper_form(pilot)
        assert form is ahead and values(form)["title"] == "Alpha" and drawn_lines(form) > 0
        await close_discarding(pilot)


async def test_the_first_e_on_a_form_built_ahead_neither_lays_it_out_nor_restyles_it(store, make_app):
    """Built ahead, the form is as an opening leaves it: the title focused, its toast rack's
    display set, its fields with their `-valid` class. Its first `e` then only fills and draws
    it, as later ones do (a layout and ~25 restyles were ~100 ms of the first `e` at medium)."""
    from paperdeck.tui.screens.paper_form import FORM_SCREEN

    store.papers.add("Alpha", Stage.IDEATION, target_year=2027)  # no venue: its choice line keeps its class
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await app_until(pilot, lambda: app.is_screen_installed(FORM_SCREEN) and drawn_lines(app.get_screen(FORM_SCREEN)) > 0,
                        "the form built ahead and drawn")
        ahead = app.get_screen(FORM_SCREEN)
        assert ahead.focused is ahead.fields["title"]
        seen = count_layouts_and_restyles(app, ahead)
        form = await open_paper_form(pilot)
        assert form is ahead and values(form)["title"] == "Alpha" and form.focused is form.fields["title"]
        assert seen["layouts"] == [] and seen["restyled"] == []
        await close_discarding(pilot)


async def test_typing_in_a_field_does_not_lay_the_form_out(store, make_app):
    """A field's value is as wide as it is typed; the field's own width is its row's: a key typed
    draws the field, not the whole form laid out again (Input's new virtual size asked for it)."""
    store.papers.add("Alpha", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_paper_form(pilot)
        seen = count_layouts_and_restyles(app, form)
        await pilot.press("end", *"-beta-gamma-delta")
        await settled(pilot)
        assert form.fields["title"].value == "Alpha-beta-gamma-delta"
        assert seen["layouts"] == []
        # Typed past the field's width, it scrolls to keep the cursor in view.
        await pilot.press(*("x" * 120))
        await settled(pilot)
        title = form.fields["title"]
        assert title.scroll_offset.x > 0 and title.virtual_size.width == len(title.value) + 1
        assert seen["layouts"] == []
        await close_discarding(pilot)


async def test_the_venues_editions_are_read_when_the_submissions_tab_is_shown(store, make_app):
    """Every venue's estimates (~7 ms at medium) are read for the Submissions tab only, once an
    opening; its edition list then offers them, the paper's target chosen."""
    from paperdeck.usecases.paper_form import submission_editions

    iclr = submission_editions(store).get("iclr", ())
    target = max(iclr) if iclr else 2027
    store.papers.add("Alpha", Stage.IDEATION, venue_key="iclr", target_year=target)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_paper_form(pilot)
        assert form.view.editions is None  # not read for the Details tab
        await form.show_tab("tab-submissions")
        await settled(pilot)
        assert form.view.editions == submission_editions(store)
        edition = form.query_one("#sub-edition", Select)
        assert set(iclr) <= {value for _label, value in edition._options} and edition.value == target
        await close_discarding(pilot)
        again = await open_paper_form(pilot)  # another opening: read again when shown
        assert again.view.editions is None
        await again.show_tab("tab-submissions")
        await settled(pilot)
        assert again.view.editions is not None and again.query_one("#sub-edition", Select).value == target
