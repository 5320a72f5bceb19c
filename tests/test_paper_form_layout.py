"""The paper form at 80x24, 120x40 and 200x60: tabs, Save always in view, the submission
record whole at every width, the checklist's first Space (regions and the database)."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Input, Select, SelectionList, TabbedContent

from paperdeck.models.papers import Stage
from waiting import settled

SIZES = [(80, 24), (120, 40), (200, 60)]
RECORD = ["#sub-venue", "#sub-edition", "#sub-date", "#sub-forum", "#sub-scores", "#sub-record",
          "#sub-accepted", "#sub-rejected", "#sub-withdrawn"]


@pytest.fixture
def paper(store):
    return store.papers.add("A paper under review", Stage.IDEATION, venue_key="iclr", target_year=2027)


async def open_form(pilot):
    await settled(pilot)
    await pilot.press("e")
    await settled(pilot)
    return pilot.app.screen


def inside(outer, inner) -> bool:
    return outer.contains_region(inner)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_save_stays_in_view_and_the_submission_record_is_whole(paper, make_app, size):
    app = make_app("pipeline")
    async with app.run_test(size=size) as pilot:
        form = await open_form(pilot)
        dialog = form.query_one(".dialog").region
        for tab in ("tab-details", "tab-checklist", "tab-submissions", "tab-links"):
            await form.show_tab(tab)
            await pilot.pause()
            save = form.query_one("#form-save", Button)
            assert inside(dialog, save.region) and save.region.height >= 1, (tab, save.region)
        await form.show_tab("tab-submissions")
        await pilot.pause()
        pane = form.query_one("#tab-submissions").region
        for selector in RECORD:
            widget = form.query_one(selector)
            widget.scroll_visible(animate=False)
            await pilot.pause()
            region = widget.region
            assert region.width >= 6 and inside(pane, region), (selector, region, pane)
        # Every input of the record is wide enough to read what it holds.
        for selector in ("#sub-venue", "#sub-date", "#sub-forum", "#sub-scores"):
            assert form.query_one(selector).region.width >= 30


async def test_a_submission_record_with_its_edition_forum_scores_and_decision(paper, make_app, store):
    app = make_app("pipeline")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(pilot)
        await form.show_tab("tab-submissions")
        await pilot.pause()
        edition = form.query_one("#sub-edition", Select)
        years = [value for _label, value in edition._options if isinstance(value, int)]
        assert 2027 in years and edition.value == 2027  # the target edition, among the venue's
        form.query_one("#sub-date", Input).value = "2026-09-24"
        form.query_one("#sub-forum", Input).value = "aBcD123xyz"
        form.query_one("#sub-record", Button).press()
        await settled(pilot)
        (submission,) = store.papers.submissions(paper.id)
        assert (submission.venue_key, submission.year, submission.submitted_on, submission.forum_id) == (
            "iclr", 2027, "2026-09-24", "aBcD123xyz")
        assert store.papers.get(paper.id).stage is Stage.UNDER_REVIEW
        form.query_one("#sub-scores", Input).value = "6/8/8"
        form.query_one("#sub-accepted", Button).press()
        await settled(pilot)
        (submission,) = store.papers.submissions(paper.id)
        assert (submission.decision, submission.scores) == ("accepted", "6/8/8")
        shown = str(form.query_one("#form-submissions").render())
        assert "aBcD123xyz" in shown and "6/8/8" in shown and "accepted" in shown


async def test_the_first_space_in_the_checklist_ticks_the_highlighted_item(paper, make_app, store):
    app = make_app("pipeline")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(pilot)
        await form.show_tab("tab-checklist")
        await pilot.pause()
        checklist = form.query_one("#form-checklist", SelectionList)
        checklist.focus()
        await pilot.press("space")
        await settled(pilot)
        first = store.papers.checklist(paper.id, Stage.IDEATION)[0]
        assert first.done


async def test_an_error_on_another_tab_is_brought_into_view(paper, make_app, store):
    app = make_app("pipeline")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(pilot)
        tabs = form.query_one(TabbedContent)
        await form.show_tab("tab-links")
        form.query_one("#f-link_arxiv", Input).value = "not a link"
        tabs.active = "tab-details"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert tabs.active == "tab-links"
        error = form.query_one("#err-link_arxiv")
        assert error.display and str(error.render())
        assert store.papers.get(paper.id).links == {}
