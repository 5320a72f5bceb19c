"""Pitch F8: asks for the path (the default shown), never replaces a file unasked, never writes
the database, a link or a backup (the one safe writer, usecases/output_files.py)."""

from __future__ import annotations

from textual.widgets import Input, Label

from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.screens.save_dialog import SaveFileDialog


async def open_dialog(app, pilot) -> SaveFileDialog:
    await pilot.pause()
    await app.screen.view_ready()  # F8 exports the paper shown: wait until the screen shows one
    await pilot.press("f8")
    await pilot.wait_for_scheduled_animations()
    for _ in range(50):
        if isinstance(app.screen, SaveFileDialog):
            return app.screen
        await pilot.pause()
    raise AssertionError(f"no save dialog; the screen is {app.screen!r}")


async def set_path(pilot, dialog: SaveFileDialog, value: str) -> None:
    dialog.query_one("#save-path", Input).value = value
    await pilot.pause()


async def test_f8_asks_then_refuses_to_replace_until_asked_twice(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    paper = store.papers.add("Reward-Aware Prompt Optimization", Stage.WRITING)
    store.pitches.save_section(paper.id, "pitch.background", "Existing RLHF drifts")
    default = tmp_path / f"pitch-{paper.id}.md"
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_dialog(app, pilot)
        assert dialog.query_one("#save-path", Input).value == str(default)  # the default shown
        await pilot.press("enter")
        await pilot.pause()
        assert "Existing RLHF drifts" in default.read_text(encoding="utf-8")
        assert not isinstance(app.screen, SaveFileDialog)

        default.write_text("my own notes", encoding="utf-8")
        dialog = await open_dialog(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveFileDialog)
        assert "Enter again to replace" in str(dialog.query_one("#save-error", Label).render())
        assert default.read_text(encoding="utf-8") == "my own notes"
        await pilot.press("enter")  # the second Enter replaces it
        await pilot.pause()
        assert "Existing RLHF drifts" in default.read_text(encoding="utf-8")


async def test_f8_refuses_the_database_and_a_link(store, db_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    paper = store.papers.add("A paper", Stage.WRITING)
    store.pitches.save_section(paper.id, "pitch.background", "text")
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "elsewhere.md")
    before = db_path.read_bytes()
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_dialog(app, pilot)
        for target, reason in ((str(db_path), "database"), (str(link), "symbolic link")):
            await set_path(pilot, dialog, target)
            await pilot.press("enter")
            await pilot.pause()
            assert reason in str(dialog.query_one("#save-error", Label).render())
            await pilot.press("enter")  # a refusal is not an "exists" question: still refused
            await pilot.pause()
            assert isinstance(app.screen, SaveFileDialog)
        await pilot.press("escape")
        await pilot.pause()
    assert not (tmp_path / "elsewhere.md").exists()
    assert db_path.read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"
