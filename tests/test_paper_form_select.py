"""The form's Selects draw their current choice with one widget (widgets/one_line_select.py):
the choice and its arrow as Textual's Select shows them, the list that drops down, the value
chosen and saved."""

from __future__ import annotations

from paperdeck.models.papers import Stage
from paperdeck.tui.widgets.one_line_select import ChoiceLine, OneLineSelect
from waiting import open_paper_form, settled


def line_text(select: OneLineSelect) -> str:
    return select.query_one(ChoiceLine).render().plain


async def test_a_select_shows_its_choice_opens_its_list_and_saves_the_choice(store, make_app):
    paper = store.papers.add("Alpha", Stage.IDEATION, venue_key="iclr", target_year=2027)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_paper_form(pilot)
        venue, track = form.query_one("#f-venue_key", OneLineSelect), form.query_one("#f-track", OneLineSelect)
        assert len(venue.children) == 2 and not venue.query_one(ChoiceLine).children  # the line and the list
        assert venue.query_one(ChoiceLine).region.height == 1  # compact: one line
        shown = line_text(venue)
        assert shown.startswith("ICLR") and shown.endswith(" ▼") and venue.query_one(ChoiceLine).has_class("-has-value")
        assert line_text(track).startswith("Select") and not track.query_one(ChoiceLine).has_class("-has-value")
        venue.focus()
        await pilot.press("enter")  # the list drops down: the arrow turns
        await settled(pilot)
        assert venue.expanded and line_text(venue).endswith(" ▲")
        await pilot.press("down", "enter")  # the next venue
        await settled(pilot)
        assert not venue.expanded and venue.value != "iclr" and line_text(venue).endswith(" ▼")
        chosen = venue.value
        assert line_text(venue).startswith(str(next(name for name, key in venue._options if key == chosen)))
        await pilot.press("ctrl+s")
        await settled(pilot)
    assert store.papers.get(paper.id).venue_key == chosen



async def test_a_venue_named_like_markup_is_shown_literally_and_kept(store, make_app):
    """A venue's name is data: "[/]" (which Textual markup refuses) and "[red]" are shown as typed,
    in the choice and in the list, and an unchanged save keeps the paper's venue."""
    venue = store.venues.add("[/] Odd [red]venue", key="oddvenue")
    paper = store.papers.add("Alpha", Stage.IDEATION, venue_key=venue.key)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("e")
        await settled(pilot)
        select = app.screen.query_one("#f-venue_key", OneLineSelect)
        assert line_text(select).startswith("[/] Odd [red]venue")
        select.focus()
        await pilot.press("enter")  # the list, with the name as typed
        await settled(pilot)
        assert select.expanded and app._exception is None
        await pilot.press("escape")  # the list closes
        await settled(pilot)
        await pilot.press("ctrl+s")  # unchanged: closes, writes nothing
        await settled(pilot)
        assert app._exception is None
    assert store.papers.get(paper.id).venue_key == "oddvenue"
