"""The paper form's view of the focused tile is read ahead while the board is shown
(form_ahead.py): `e` then fills the form from it without a read; a write since (here, or
another window's) makes the key read again, so the form never shows what is no longer stored."""

from __future__ import annotations

from paperdeck.models.papers import Stage
from paperdeck.tui.screens import paper_form_openings
from paperdeck.tui.screens.paper_form import FORM_SCREEN, PaperFormModal
from waiting import app_until, settled


def counting(monkeypatch) -> list[int]:
    """The form's own reads (paper ids), counted."""
    reads: list[int] = []
    read = paper_form_openings.paper_form

    def counted(snapshot, paper_id):
        reads.append(paper_id)
        return read(snapshot, paper_id)

    monkeypatch.setattr(paper_form_openings, "paper_form", counted)
    return reads


async def open_form(pilot) -> PaperFormModal:
    app = pilot.app
    await pilot.press("e")
    await app_until(pilot, lambda: isinstance(app.screen, PaperFormModal) and not app.screen.reading, "the form filled")
    return app.screen


async def close_form(pilot) -> None:
    await pilot.press("escape")
    await app_until(pilot, lambda: not isinstance(pilot.app.screen, PaperFormModal), "the form closed")
    await settled(pilot)


async def test_e_fills_the_form_from_the_view_read_ahead(store, make_app, monkeypatch):
    alpha = store.papers.add("Alpha", Stage.IDEATION)
    beta = store.papers.add("Beta", Stage.IDEATION)
    reads = counting(monkeypatch)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        board = app.screen
        # The form's first opening reads, unless the form was built and drawn ahead (filled
        # before its first layout, it would draw twice).
        drawn_ahead = app.is_screen_installed(FORM_SCREEN) and app.get_screen(FORM_SCREEN).drawn_hidden
        await close_form_after(pilot, await open_form(pilot))
        assert reads == ([] if drawn_ahead else [alpha.id])
        reads[:] = [alpha.id]
        await app_until(pilot, lambda: board.form_view_ahead(alpha.id) is not None, "Alpha's form read ahead")
        form = await open_form(pilot)
        assert reads == [alpha.id] and form.paper_id == alpha.id and form._raw()["title"] == "Alpha"
        await close_form(pilot)
        await pilot.press("j")  # Beta: read ahead once the focus rests on it
        await app_until(pilot, lambda: board.form_view_ahead(beta.id) is not None, "Beta's form read ahead")
        form = await open_form(pilot)
        assert reads == [alpha.id] and form.paper_id == beta.id and form._raw()["title"] == "Beta"
        await close_form(pilot)


async def close_form_after(pilot, _form) -> None:
    await close_form(pilot)


async def test_a_write_since_the_read_ahead_makes_the_key_read_again(store, make_app, monkeypatch):
    alpha = store.papers.add("Alpha", Stage.IDEATION)
    reads = counting(monkeypatch)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        board = app.screen
        await close_form_after(pilot, await open_form(pilot))
        reads.clear()
        await app_until(pilot, lambda: board.form_view_ahead(alpha.id) is not None, "Alpha's form read ahead")
        # Written meanwhile, past the board (another window's save; no watcher here).
        store.papers.update(alpha.id, None, notes="written elsewhere")
        assert board.form_view_ahead(alpha.id) is None
        form = await open_form(pilot)
        assert reads == [alpha.id] and form._raw()["notes"] == "written elsewhere"


async def test_the_first_e_on_a_form_drawn_ahead_fills_it_from_the_view_read_ahead(store, make_app, monkeypatch):
    """Built, laid out and drawn off the terminal before the first `e`, the form takes the view
    read ahead at once, as a reopened one does: no read at the key (at large that read shared the
    CPU with the Resume screen's, 200-300 ms), and its first frame is the one it settles on."""
    from test_paper_form_frames import form_frames

    alpha = store.papers.add("Alpha", Stage.IDEATION, target_year=2027)
    store.papers.update(alpha.id, None, authors=["Ann Li", "Bo Chen"], contribution="A contribution",
                        notes="Alpha's notes\nover two lines")
    reads = counting(monkeypatch)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        board = app.screen
        await app_until(pilot, lambda: app.is_screen_installed(FORM_SCREEN) and app.get_screen(FORM_SCREEN).drawn_hidden,
                        "the form built and drawn ahead")
        await app_until(pilot, lambda: board.form_view_ahead(alpha.id) is not None, "Alpha's form read ahead")
        frames = form_frames(app)
        form = await open_form(pilot)
        await settled(pilot)
        assert form is app.get_screen(FORM_SCREEN) and reads == []
        assert form._raw()["title"] == "Alpha" and form._raw()["authors"] == "Ann Li, Bo Chen"
        assert frames, "the form was never drawn"
        assert "Ann Li, Bo Chen" in frames[0] and frames[0] == frames[-1], "the first frame differs from the form as it settled"
        await close_form(pilot)
