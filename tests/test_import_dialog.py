"""The one import dialog, driven by keys in the real app: cards from Flashcards, deadlines from
Venues (patterns, preview, hostile paths), undo from the dialog. The work runs in a worker:
the tests wait for it, and the app answers keys while it runs."""

from __future__ import annotations

import asyncio
import os

from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.screens.import_dialog import ImportDialog

from test_import_hostile import alias_bomb

CARDS = "deck,front,back\nMine,First,a\nMine,Second,b\n"
TINY = "- title: {name}\n  year: 2027\n  deadline: '2027-02-01 23:59'\n  timezone: AoE\n"


def result_text(dialog: ImportDialog) -> str:
    return str(dialog.query_one("#import-result").render())


async def submit(pilot, dialog: ImportDialog, value: str, key: str = "enter") -> str:
    dialog.query_one("#import-path").value = value
    await pilot.press(key)
    # The worker must end by itself: a reader that blocked (a FIFO) fails here, not hangs.
    await asyncio.wait_for(dialog.worker.wait(), timeout=10)
    await pilot.pause()
    return result_text(dialog)


async def open_dialog(pilot, app, key: str) -> ImportDialog:
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, ImportDialog)
    return app.screen


async def test_cards_from_flashcards_then_undo_from_the_dialog(store, tmp_path):
    path = tmp_path / "cards.csv"
    path.write_text(CARDS, "utf-8")
    before = store.counts()["cards"]
    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_dialog(pilot, app, "I")
        shown = await submit(pilot, dialog, str(path))
        assert "Imported: imported 2 cards; 0 already present; 0 malformed rows skipped; 1 new deck" in shown
        assert "Press u to undo this import." in shown
        assert store.counts()["cards"] == before + 2
        await pilot.press("u")
        await pilot.pause()
        assert not isinstance(app.screen, ImportDialog)
        assert store.counts()["cards"] == before and store.cards.find_deck("Mine") is None
        assert any("Undone: import 2 cards from cards.csv" in n.message for n in app._notifications)


async def test_deadlines_by_pattern_after_a_preview(store, tmp_path):
    for name in ("AlphaConf", "BetaConf"):
        (tmp_path / f"{name.lower()}.yml").write_text(TINY.format(name=name), "utf-8")
    app = PaperdeckApp(store, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_dialog(pilot, app, "i")
        preview = await submit(pilot, dialog, f"{tmp_path}/*.yml", key="f3")
        assert preview.startswith("Preview (nothing changed yet): ")
        assert "add      AlphaConf 2027: Paper deadline" in preview
        assert store.venues.find("AlphaConf") is None
        done = await submit(pilot, dialog, f"{tmp_path}/*.yml")
        assert done.startswith("Imported: 2 added") and "2 new venues" in done
        await pilot.press("escape")
        await pilot.pause()
        assert store.venues.find("AlphaConf") and store.venues.find("BetaConf")


async def test_hostile_paths_give_one_line_and_the_app_stays_responsive(store, tmp_path):
    fifo = tmp_path / "pipe.yml"
    os.mkfifo(fifo)
    bomb = tmp_path / "bomb.yml"
    bomb.write_text(alias_bomb(), "utf-8")
    before = store.counts()
    app = PaperdeckApp(store, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_dialog(pilot, app, "i")
        for value, expected in [
            (str(fifo), f"{fifo}: is a named pipe (FIFO), not a regular file; not opened"),
            ("/dev/zero", "/dev/zero: is a device, not a regular file; not opened"),
            (str(tmp_path), f"{tmp_path}: is a folder, not a file"),
            (str(bomb), f"{bomb}: (file): not imported: it uses a YAML alias"),
        ]:
            shown = await submit(pilot, dialog, value)
            assert expected in shown, shown
            assert len(shown.strip().splitlines()) <= 2, shown  # one line (and the summary for a parsed file)
        # Still answering: typing reaches the input, Esc closes the dialog.
        dialog.query_one("#import-path").value = ""
        await pilot.press("o", "k")
        assert dialog.query_one("#import-path").value == "ok"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ImportDialog)
    assert store.counts() == before


async def test_esc_cancels_an_import_waiting_for_the_database(store, tmp_path):
    path = tmp_path / "late.yml"
    path.write_text(TINY.format(name="LateConf"), "utf-8")
    before = store.counts()
    app = PaperdeckApp(store, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_dialog(pilot, app, "i")
        dialog.query_one("#import-path").value = str(path)
        # Hold the store (as a long write elsewhere would): the import's worker waits for it.
        with store._lock:
            await pilot.press("enter")
            await pilot.press("escape")
            assert dialog.cancelled and not isinstance(app.screen, ImportDialog)
        await asyncio.wait_for(dialog.worker.wait(), timeout=10)
        await pilot.pause()
    assert store.counts() == before and store.venues.find("LateConf") is None
