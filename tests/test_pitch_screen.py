"""The Pitch screen driven by Pilot: typing, autosave, counts, rehearsal laps, history, quit."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from textual.widgets import Digits, TextArea

from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from waiting import app_until


@pytest.fixture
def paper(store):
    return store.papers.add("Reward-Aware Prompt Optimization", Stage.WRITING)


def app_for(store) -> PaperdeckApp:
    return PaperdeckApp(store, start_screen="pitch", watch=False)


async def view_shown(pilot) -> None:
    """Wait until the Pitch screen rendered its newest view (it loads in a worker); the first
    pause lets a posted event start its load."""
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


async def test_typing_autosaves_when_the_typing_pauses(store, paper):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.click("#editor-1")
        await pilot.press(*"Existing RLHF drifts", "enter", *"现有方法")
        # The autosave runs a moment after the last keystroke: nothing else writes here.
        await app_until(pilot, lambda: store.pitches.bodies(paper.id)["pitch.background"] == "Existing RLHF drifts\n现有方法",
                        "the autosave of the typed text")
        head = str(app.screen.query_one("#head-1").render())
        assert "3 words" in head and "4 CJK" in head


async def test_text_typed_just_before_quit_is_saved(store, paper):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.click("#editor-2")
        await pilot.press(*"[red]literal[/]")
        await app.action_quit()
    assert store.pitches.bodies(paper.id)["pitch.method"] == "[red]literal[/]"
    assert store.pitches.versions(paper.id), "leaving the editor keeps a version"


async def test_text_in_an_editor_not_yet_heard_is_saved_at_quit(store, paper):
    """The text is in the editor, its Changed message not handled yet, and the app quits: it is
    saved while the editors are still there (Textual removes a screen's widgets before the
    screen, so a save at the screen's unmount found none; seen under load in make test)."""
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        editor = app.screen.query_one("#editor-3", TextArea)
        editor.insert("typed as the app quit 退出")  # its Changed is only queued
        await app.action_quit()
    assert store.pitches.bodies(paper.id)["pitch.results"] == "typed as the app quit 退出"


async def test_letters_type_in_the_editor_and_act_as_keys_outside(store, paper):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.click("#editor-1")
        await pilot.press("r", "h")
        assert app.screen.query_one("#editor-1", TextArea).text == "rh"
        assert app.screen.stopwatch is None
        await pilot.press("escape", "r")
        assert app.screen.stopwatch is not None and app.screen.stopwatch.running


async def test_rehearsal_laps_per_part_and_timer_colours(store, paper, frozen_clock):
    store.pitches.save_section(paper.id, "pitch.background", "word " * 130)
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        timer = app.screen.query_one("#pitch-timer", Digits)
        await pilot.press("f5")
        frozen_clock.shift(timedelta(seconds=60))
        await pilot.press("f5")  # lap 1: background, 60 s
        frozen_clock.shift(timedelta(minutes=6, seconds=30))
        await app_until(pilot, lambda: timer.has_class("near-end"), "the timer's next tick")
        assert not timer.has_class("over")
        frozen_clock.shift(timedelta(minutes=1))
        await app_until(pilot, lambda: timer.has_class("over"), "the timer's next tick")
        await pilot.press("f6")
    runs = store.pitches.rehearsals(paper.id)
    assert len(runs) == 1 and runs[0].total_ms == 510_000
    assert [(lap.part_key, lap.ms, lap.words) for lap in runs[0].laps] == [
        ("pitch.background", 60_000, 130), ("pitch.method", 450_000, 0),
    ]


async def test_measured_rates_replace_the_defaults_in_the_gauge(store, paper, frozen_clock):
    store.pitches.save_section(paper.id, "pitch.background", "word " * 100)
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        gauge = app.screen.query_one("#pitch-gauge")
        assert "130 wpm" in str(gauge.render()) and "(default)" in str(gauge.render())
        await pilot.press("f5")
        frozen_clock.shift(timedelta(seconds=60))
        await pilot.press("f5", "f6")  # the first part done in a minute, then stopped
        await view_shown(pilot)  # the run is saved, then the view (rates, runs) reloads
        assert "100 wpm" in str(gauge.render()) and "(measured)" in str(gauge.render())


async def test_history_restores_a_version(store, paper):
    store.pitches.save_section(paper.id, "pitch.background", "old text")
    store.pitches.snapshot(paper.id)
    store.pitches.save_section(paper.id, "pitch.background", "new text")
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("f7")
        await view_shown(pilot)  # the versions load in a worker, then the dialog opens
        assert app.screen.id == "pitch-history"
        await pilot.press("down", "enter")  # newest first: the 2nd is "old text"
        await pilot.pause()
        assert app.screen.query_one("#editor-1", TextArea).text == "old text"
    assert store.pitches.bodies(paper.id)["pitch.background"] == "old text"


async def test_switching_papers_saves_and_loads(store, paper):
    other = store.papers.add("多模态对齐 🚀", Stage.IDEATION)
    store.settings.update(pitch_paper_id=paper.id)
    store.pitches.save_section(other.id, "pitch.results", "+12% win-rate")
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.click("#editor-1")
        await pilot.press(*"typed")
        app.screen.show_item(str(other.id))
        await view_shown(pilot)
        assert app.screen.query_one("#editor-3", TextArea).text == "+12% win-rate"
        assert app.screen.query_one("#editor-1", TextArea).text == ""
    assert store.pitches.bodies(paper.id)["pitch.background"] == "typed"


async def test_the_paper_chooser_lists_every_paper_and_switches_to_the_one_picked(store, paper):
    """The chooser shows the paper at once; it lists every paper once the first frame is drawn
    (at medium, a thousand are listed after it): picking another one there switches to it."""
    from textual.widgets import OptionList, Select

    other = store.papers.add("多模态对齐 🚀", Stage.IDEATION)
    store.settings.update(pitch_paper_id=paper.id)
    store.pitches.save_section(other.id, "pitch.results", "+12% win-rate")
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        select = app.screen.query_one("#pitch-paper", Select)
        assert select.value == paper.id
        listed = select.query_one(OptionList)  # the list the chooser opens (its blank line first)
        await app_until(pilot, lambda: listed.option_count == len(app.screen.view.papers) + 1, "every paper listed")
        assert select.value == paper.id
        select.value = other.id  # as picking it in the opened list does
        await view_shown(pilot)
        assert app.screen.query_one("#editor-3", TextArea).text == "+12% win-rate"
        assert select.value == other.id


async def test_no_papers_is_explained(store):
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        assert "No papers yet" in str(app.screen.query_one("#pitch-gauge").render())
        assert app.focused is app.screen.query_one("#pitch-paper"), "no editor to type in: the chooser has the focus"
        await pilot.press("f5")
        assert app.screen.stopwatch is None


def test_pitch_snapshot(store, paper, frozen_clock, utc_zone, snap_compare):
    store.pitches.save_section(paper.id, "pitch.background", "现有 RLHF 方法存在 reward drift 问题。" * 3)
    store.pitches.save_section(paper.id, "pitch.method", "We introduce reward-aware prompt sampling. " * 8)
    async def shown_without_blink(pilot) -> None:
        await view_shown(pilot)
        for editor in pilot.app.screen.query(TextArea):
            editor.cursor_blink = False
        # Keys mode: no editor holds the focus, so no cursor (drawn or not, by timing) is in the picture.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    assert snap_compare(app_for(store), terminal_size=(120, 40), run_before=shown_without_blink)


async def test_markup_in_a_title_is_shown_literally(store):
    store.papers.add("[red]Not red[/] [bold]", Stage.WRITING)
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        from textual.widgets import Select

        select = app.screen.query_one("#pitch-paper", Select)
        label = select.query_one("SelectCurrent").query_one("#label")
        assert "[red]Not red[/] [bold]" in str(label.render())


WRITER_APP = """
import asyncio, sys
from paperdeck.store import open_store
from paperdeck.tui.app import PaperdeckApp

async def main():
    store = open_store(sys.argv[1])
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.screen.view_ready()
        await pilot.pause()
        app.screen.query_one("#editor-3").focus()  # a click right after the load can land on a stale layout
        await pilot.pause()
        await pilot.press(*"+12% win-rate", "enter", *"成本降低 30%")
        wanted = "+12% win-rate\\n成本降低 30%"
        for _ in range(3000):  # the autosave; bounded so a broken save fails the test, never hangs it
            saved = store.pitches.bodies(int(sys.argv[2]))["pitch.results"]
            if saved == wanted:
                break
            await pilot.pause(0.02)
        print("typed" if saved == wanted else f"not saved: {saved!r}", flush=True)
        await asyncio.Event().wait()  # idle until the test kills it

asyncio.run(main())
"""


def test_autosave_in_the_app_survives_sigkill(store, paper, db_path, tmp_path):
    """The real editor in a child process autosaves; the child is killed with SIGKILL."""
    import os
    import signal
    import subprocess
    import sys

    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    script = tmp_path / "app_writer.py"
    script.write_text(WRITER_APP)
    child = subprocess.Popen([sys.executable, str(script), str(db_path), str(paper.id)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "typed"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    from paperdeck.store import open_store

    reopened = open_store(db_path)
    try:
        assert reopened.pitches.bodies(paper.id)["pitch.results"] == "+12% win-rate\n成本降低 30%"
    finally:
        reopened.close()


async def test_rate_settings_are_used_and_malformed_ones_ignored(store, paper):
    store.settings.update(words_per_minute=100)
    with store.transaction() as conn:  # written past the checks, as an old version or SQL might
        conn.execute("INSERT INTO settings(key, value) VALUES ('cjk_chars_per_minute', '\"fast\"')")
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        gauge = str(app.screen.query_one("#pitch-gauge").render())
        assert "100 wpm" in gauge and "220 cpm" in gauge


@pytest.fixture
def held_loads(monkeypatch):
    """Hold the Pitch screen's next view loads after they read (waiting.hold_loads)."""
    from paperdeck.tui.screens.pitch import PitchScreen
    from waiting import hold_loads

    return hold_loads(monkeypatch, PitchScreen)


async def test_typing_while_another_windows_text_loads_is_kept(store, paper, held_loads):
    import asyncio

    hold, read, release = held_loads
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        screen = app.screen
        hold()
        screen.refresh_data()  # e.g. another window committed: a load reads the old text ...
        assert await asyncio.to_thread(read.wait, 10)
        await pilot.click("#editor-1")
        await pilot.press(*"mine")  # ... while this is typed and saved
        screen.flush()
        release.set()
        await view_shown(pilot)
        assert screen.query_one("#editor-1", TextArea).text == "mine"
    assert store.pitches.bodies(paper.id)["pitch.background"] == "mine"


async def test_text_typed_while_switching_papers_stays_with_its_paper(store, paper, held_loads):
    import asyncio

    other = store.papers.add("Second paper", Stage.IDEATION)
    store.settings.update(pitch_paper_id=paper.id)
    store.pitches.save_section(other.id, "pitch.results", "+12% win-rate")
    hold, read, release = held_loads
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.click("#editor-1")
        await pilot.press(*"first")
        hold()
        app.screen.show_item(str(other.id))
        assert await asyncio.to_thread(read.wait, 10)
        await pilot.press(*" more")  # the editors still show the first paper
        release.set()
        await view_shown(pilot)
        assert app.screen.query_one("#editor-1", TextArea).text == ""
        assert app.screen.query_one("#editor-3", TextArea).text == "+12% win-rate"
    assert store.pitches.bodies(paper.id)["pitch.background"] == "first more"
    assert store.pitches.bodies(other.id)["pitch.background"] == ""
    assert store.settings.load().pitch_paper_id == other.id


async def test_keystrokes_and_the_rehearsal_timer_never_query_the_store(store, paper, frozen_clock, monkeypatch):
    import paperdeck.tui.screens.pitch_saving as pitch_module

    monkeypatch.setattr(pitch_module, "AUTOSAVE_SECONDS", 60)  # the autosave is not a keystroke's
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.click("#editor-1")
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        try:
            await pilot.press(*"Existing RLHF drifts 现有方法")
            await pilot.press("escape", "f5")
            for _ in range(3):
                frozen_clock.shift(timedelta(seconds=20))
                app.screen._render_rehearsal()  # what the 0.25 s tick runs
            await pilot.pause()
        finally:
            store.conn.set_trace_callback(None)
        assert statements == []
        head = str(app.screen.query_one("#head-1").render())
        assert "3 words" in head and "4 CJK" in head
        assert "1:00" in str(app.screen.query_one("#pitch-laps").render())


async def test_a_load_landing_before_a_keystroke_is_handled_keeps_the_keystroke(store, paper):
    """A key's text is in the editor at once; the screen hears of it (TextArea.Changed) a
    message later. A view landing in between must not load the stored text over it."""
    from paperdeck.tui.screens.pitch import PitchScreen

    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        screen = app.screen
        view = PitchScreen.load_view(store, screen.view_request())  # asked before the typing
        editor = screen.query_one("#editor-1", TextArea)
        editor.insert("one")  # what a key does; its Changed message is still queued
        await screen.show_view(view)
        await pilot.pause()
        assert editor.text == "one"
        screen.flush()
    assert store.pitches.bodies(paper.id)["pitch.background"] == "one"
