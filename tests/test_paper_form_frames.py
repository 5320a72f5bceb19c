"""What the terminal is sent when the kept paper form opens again (paper_form_openings.py): its
first frame already shows the paper as the form ends up showing it - its values, no error line
of the last opening, laid out for them - not a stale layout a second frame corrects."""

from __future__ import annotations

from textual.widgets import Input

from paperdeck.models.papers import Stage
from paperdeck.tui.screens.paper_form import PaperFormModal
from waiting import app_until, open_paper_form, settled


def form_frames(app) -> list[str]:
    """The text of each frame the app sends to the terminal while the form is the screen."""
    frames: list[str] = []
    send = app._display

    def display(screen, renderable) -> None:
        if isinstance(screen, PaperFormModal) and renderable is not None:
            frames.append("\n".join(strip.text for strip in screen._compositor.render_strips()))
        send(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    return frames


def board_back(app) -> bool:
    return not isinstance(app.screen, PaperFormModal)


async def test_the_first_frame_of_an_opening_after_an_error_shows_the_next_paper_without_it(store, make_app):
    store.papers.add("Alpha", Stage.IDEATION)
    beta = store.papers.add("Beta: a much longer title than Alpha's", Stage.IDEATION, target_year=2027)
    store.papers.update(beta.id, None, authors=["Ann Li", "Bo Chen"], contribution="A contribution",
                        result="+3 BLEU", notes="Beta's notes\nover two lines")
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_paper_form(pilot)
        form.query_one("#f-year", Input).value = "20245"
        form.query_one("#f-result", Input).value = "a result long enough to scroll its field " * 3
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert form.query_one("#err-year").display  # an error line, and the summary under the tabs
        await pilot.press("escape")
        await settled(pilot)
        await pilot.press("d")  # discard
        await app_until(pilot, lambda: board_back(app), "the form closed")
        await settled(pilot)
        await pilot.press("j")
        frames = form_frames(app)
        again = await open_paper_form(pilot)
        await settled(pilot)
        assert again is form and again.paper_id == beta.id
        assert frames, "the form was never drawn"
        first, last = frames[0], frames[-1]
        assert "Beta: a much longer title" in first and "Ann Li, Bo Chen" in first and "four digits" not in first
        assert first == last, "the first frame differs from the form as it settled"


async def test_each_opening_of_another_paper_is_first_drawn_as_it_settles(store, make_app):
    venues = ["iclr", None, "iclr", "neurips"]
    for number in range(4):
        paper = store.papers.add(f"Paper {number} " + "long " * number, Stage.IDEATION, target_year=2027 + number % 2,
                                 venue_key=venues[number])
        store.papers.update(paper.id, None, authors=[f"Author {n}" for n in range(number + 1)],
                            contribution="c" * (10 * number), method=f"method {number}", notes="n\n" * number,
                            track=["main", None, "main", "workshop"][number])
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        for number in range(4):
            frames = form_frames(app)
            form = await open_paper_form(pilot)
            await settled(pilot)
            assert frames and frames[0] == frames[-1], f"opening {number}: a later frame differs from the first"
            assert f"Paper {number}" in frames[0] and f"Paper #{form.paper_id}" in frames[0]  # the box's title
            for name in ("venue_key", "track"):  # each choice as this paper's, drawn
                select = form.fields[name]
                label = next((str(prompt) for prompt, value in select._options if value == select.value), None)
                line = next(line for line in frames[0].splitlines() if form.field_labels[name] in line)
                assert (label or "Select") in line, (name, label, line)
            app._display = type(app)._display.__get__(app)  # type: ignore[method-assign]
            await pilot.press("escape")
            await app_until(pilot, lambda: board_back(app), "the form closed")
            await settled(pilot)
            await pilot.press("j")
            await settled(pilot)
            assert form.opening.closed
