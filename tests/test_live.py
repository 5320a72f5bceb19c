"""Live across processes: two windows on one file, the CLI writing while the app runs, a
restore replacing the file, and conflicting saves offered reload / keep."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from contextlib import AsyncExitStack

from paperdeck.models.papers import Stage
from paperdeck.store import ConflictError, open_store
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.screens.conflict import guarded_save
from waiting import TIMEOUT, app_until

# How long each change takes to show is measured by `make bench` (benchmarks/live.py), not here.


def attention(app) -> str:
    panel = app.screen.query_one("#dash-attention")
    return "\n".join(str(option.prompt) for option in panel.options)


async def watching(pilot) -> None:
    """The watcher has read the data version it compares with: a later commit is seen."""
    await app_until(pilot, lambda: pilot.app.database_watcher is not None, "the database watcher")


async def test_an_edit_in_one_window_shows_in_the_other(seeded_db):
    db_path = seeded_db
    first_store, second_store = open_store(db_path), open_store(db_path)
    first, second = PaperdeckApp(first_store), PaperdeckApp(second_store)
    async with AsyncExitStack() as stack:
        pilot_one = await stack.enter_async_context(first.run_test(size=(120, 40)))
        pilot_two = await stack.enter_async_context(second.run_test(size=(120, 40)))
        await watching(pilot_one)
        await watching(pilot_two)
        first_store.papers.add("Written in window one", Stage.DESIGN, stage_entered_at="2020-01-01T00:00:00Z")
        first.refresh_screens()
        await first.screen.view_ready()
        assert "Written in window one" in attention(first)
        await app_until(pilot_two, lambda: "Written in window one" in attention(second), "the edit in window two")
    first_store.close()
    second_store.close()


async def test_a_cli_write_shows_up_while_the_app_runs(seeded_db):
    db_path = seeded_db
    store = open_store(db_path)
    app = PaperdeckApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await watching(pilot)
        code = (
            "from paperdeck.store import open_store\n"
            "from paperdeck.models.papers import Stage\n"
            f"s = open_store({str(db_path)!r})\n"
            "s.papers.add('From another process', Stage.WRITING, stage_entered_at='2020-01-01T00:00:00Z')\n"
            "s.close()\n"
        )
        result = await asyncio.to_thread(
            subprocess.run, [sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
        )
        assert result.returncode == 0, result.stderr
        await app_until(pilot, lambda: "From another process" in attention(app), "the other process's paper")
    store.close()


async def test_the_watcher_survives_the_file_being_replaced(seeded_db, seeded_template, tmp_path):
    db_path = seeded_db
    # A "backup" with different content, then renamed over the live file as a restore would.
    backup = tmp_path / "backup.db"
    shutil.copyfile(seeded_template, backup)
    other = open_store(backup)
    other.papers.add("Only in the backup", Stage.EXPERIMENTS, stage_entered_at="2020-01-01T00:00:00Z")
    other.close()
    store = open_store(db_path)
    store.papers.add("Only in the live file", Stage.EXPERIMENTS, stage_entered_at="2020-01-01T00:00:00Z")
    app = PaperdeckApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await watching(pilot)
        await app_until(pilot, lambda: "Only in the live file" in attention(app), "the dashboard's view")
        staged = tmp_path / "staged.db"
        shutil.copy(backup, staged)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(f"{db_path}{suffix}"):
                os.remove(f"{db_path}{suffix}")
        os.replace(staged, db_path)
        await app_until(pilot, lambda: "Only in the backup" in attention(app), "the replaced file's papers")
        assert app.store is not store  # reopened
        # And it keeps watching the new file: another process's write still shows up.
        writer = open_store(db_path)
        writer.papers.add("After the restore", Stage.WRITING, stage_entered_at="2020-01-01T00:00:00Z")
        writer.close()
        await app_until(pilot, lambda: "After the restore" in attention(app), "a write after the restore")
        watcher = app.database_watcher
    assert watcher is not None and watcher.stop_event.is_set()
    app.store.close()


async def test_quit_stops_the_watcher_cleanly(store):
    app = PaperdeckApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await watching(pilot)
        worker = next(w for w in app.workers if w.name == "database-watcher")
        assert worker.is_running
        await pilot.press("ctrl+q")
    assert app.database_watcher.stop_event.is_set()
    assert worker.is_finished


async def test_a_stopped_watcher_returns(store, seeded_db):
    from paperdeck.tui.watch import DatabaseWatcher

    changes: list[int] = []
    watcher = DatabaseWatcher(lambda: store, lambda: changes.append(1), lambda: True)
    task = asyncio.create_task(watcher.run())
    other = open_store(seeded_db)
    try:
        other.papers.add("A commit from another connection")
        await until_true(lambda: changes, "the watcher reporting another connection's commit")
    finally:
        other.close()
    watcher.stop()
    await asyncio.wait_for(task, timeout=TIMEOUT)


async def until_true(condition, what: str) -> None:
    """Outside an app: yield to the event loop until `condition()` holds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TIMEOUT
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"{what}: not reached within {TIMEOUT:.0f} s")
        await asyncio.sleep(0.02)


async def test_a_conflicting_save_offers_reload_or_keep(seeded_db):
    db_path = seeded_db
    store = open_store(db_path)
    app = PaperdeckApp(store, watch=False)
    outcomes: list[str] = []

    def conflicting_save() -> str:
        raise ConflictError("paper 1 changed", current_version=3)

    async with app.run_test(size=(120, 40)) as pilot:
        saved_at_once = guarded_save(
            app, conflicting_save, overwrite=lambda: "overwritten",
            reload=lambda: outcomes.append("reloaded"), what="paper “[red]x[/]”",
            on_saved=outcomes.append,
        )
        await pilot.pause()
        assert saved_at_once is False
        assert app.screen.id == "conflict"
        message = str(app.screen.query_one("#choice-message").render())
        assert "[red]x[/]" in message and "version 3" in message
        await pilot.press("k")
        await pilot.pause()
        assert outcomes == ["overwritten"]
        assert app.screen.id != "conflict"

        guarded_save(app, conflicting_save, overwrite=lambda: "no", reload=lambda: outcomes.append("reloaded"),
                     what="paper", on_saved=outcomes.append)
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert outcomes == ["overwritten", "reloaded"]

        guarded_save(app, conflicting_save, overwrite=lambda: "no", reload=lambda: outcomes.append("reloaded"),
                     what="paper", on_saved=outcomes.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert outcomes == ["overwritten", "reloaded"]  # Escape: nothing saved, nothing dropped
        assert app.screen.id != "conflict"
    store.close()


async def test_keep_mine_on_a_deleted_row_reports_instead_of_crashing(seeded_db):
    from paperdeck.store import NotFound

    db_path = seeded_db
    store = open_store(db_path)
    app = PaperdeckApp(store, watch=False)

    def conflicting_save():
        raise ConflictError("changed", current_version=2)

    def overwrite():
        raise NotFound("no paper with id 7")

    async with app.run_test(size=(120, 40)) as pilot:
        guarded_save(app, conflicting_save, overwrite=overwrite, reload=lambda: None, what="paper #7")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert app.screen.id != "conflict"
        assert any("no paper with id 7" in str(n.message) for n in app._notifications)
    store.close()


async def _open_form(pilot, app, paper_id: int):
    from paperdeck.tui.screens.paper_form import PaperFormModal

    app.show_item("pipeline", str(paper_id))
    await pilot.pause()
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, PaperFormModal)
    await app.screen.view_ready()  # the form loads its paper off the UI thread
    return app.screen


async def _retitle(pilot, form, title: str) -> None:
    from textual.widgets import Input

    field = form.query_one("#f-title", Input)
    field.value = title
    field.focus()
    await pilot.press("enter")
    await pilot.pause()


async def test_two_windows_editing_one_paper_are_offered_reload_or_keep(seeded_db):
    from paperdeck.tui.screens.paper_form import PaperFormModal

    db_path = seeded_db
    first_store, second_store = open_store(db_path), open_store(db_path)
    first_store.papers.add("Other paper", Stage.WRITING)
    paper = first_store.papers.add("Shared paper", Stage.EXPERIMENTS)
    first, second = PaperdeckApp(first_store), PaperdeckApp(second_store)
    async with AsyncExitStack() as stack:
        one = await stack.enter_async_context(first.run_test(size=(120, 40)))
        two = await stack.enter_async_context(second.run_test(size=(120, 40)))
        # Both windows open the form; window one saves first.
        form_two = await _open_form(two, second, paper.id)
        form_one = await _open_form(one, first, paper.id)
        await _retitle(one, form_one, "Title from window one")
        assert not isinstance(first.screen, PaperFormModal)
        assert second_store.papers.get(paper.id).title == "Title from window one"
        # Window two's save would overwrite a newer version: refused, and the choice offered.
        await _retitle(two, form_two, "Title from window two")
        assert second.screen.id == "conflict"
        assert second_store.papers.get(paper.id).title == "Title from window one"
        await two.press("r")  # reload theirs: the form now shows window one's title
        await two.pause()
        await two.pause()
        assert isinstance(second.screen, PaperFormModal)
        await second.screen.view_ready()
        assert second.screen.query_one("#f-title").value == "Title from window one"
        # Now in step: a save goes through without a question.
        await _retitle(two, second.screen, "Title from window two")
        assert not isinstance(second.screen, PaperFormModal) and second.screen.id != "conflict"
        assert first_store.papers.get(paper.id).title == "Title from window two"

        # Keep mine: window one's stale form overwrites, after the question.
        form_one = await _open_form(one, first, paper.id)
        second_store.papers.update(paper.id, None, title="Sneaky edit")
        await _retitle(one, form_one, "Mine, kept")
        assert first.screen.id == "conflict"
        await one.press("k")
        await one.pause()
        assert second_store.papers.get(paper.id).title == "Mine, kept"
        assert not isinstance(first.screen, PaperFormModal) and first.screen.id != "conflict"
    first_store.close()
    second_store.close()


async def test_paperdeck_restore_while_the_app_runs_shows_the_backup(seeded_db, seeded_template, tmp_path):
    db_path = seeded_db
    backup = tmp_path / "backup.db"
    shutil.copyfile(seeded_template, backup)
    other = open_store(backup)
    other.papers.add("Restored from the backup", Stage.EXPERIMENTS, stage_entered_at="2020-01-01T00:00:00Z")
    other.close()
    store = open_store(db_path)
    app = PaperdeckApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await watching(pilot)
        result = await asyncio.to_thread(
            subprocess.run, [sys.executable, "-m", "paperdeck.cli.main", "restore", str(backup), "--db", str(db_path), "--force"],  # another database: asked for
            capture_output=True, text=True, timeout=60,
        )
        assert result.returncode == 0, result.stderr
        await app_until(pilot, lambda: "Restored from the backup" in attention(app), "the restored papers")
    app.store.close()
