"""The form's Selects draw their current choice with one widget (widgets/one_line_select.py):
the choice and its arrow as Textual's Select shows them, the list that drops down, the value
chosen and saved."""

from __future__ import annotations

from paperdeck.models.papers import Stage
from paperdeck.tui.widgets.one_line_select import ChoiceLine, OneLineSelect
from waiting import settled


def line_text(select: OneLineSelect) -> str:
    return select.query_one(ChoiceLine).render().plain


async def test_a_select_shows_its_choice_opens_its_list_and_saves_the_choice(store, make_app):
    paper = store.papers.add("Alpha", Stage.IDEATION, venue_key="iclr", target_year=2027)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("e")
        await settled(pilot)
        form = app.screen
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
        assert line_text(venue).startswith(next(name for name, key in venue._options if key == chosen))
        await pilot.press("ctrl+s")
        await settled(pilot)
    assert store.papers.get(paper.id).venue_key == chosen

