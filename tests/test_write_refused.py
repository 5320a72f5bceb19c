"""A database or disk that refuses writes: a clear StoreError, nothing half-saved, retry works."""

from __future__ import annotations

import sqlite3

import pytest

from paperdeck.store import StoreError, WriteRefused
from waiting import app_until


def test_query_only_database_refuses_with_a_message_and_recovers(store):
    before = len(store.papers.all())
    store.conn.execute("PRAGMA query_only = 1")
    with pytest.raises(WriteRefused, match="cannot save") as caught:
        store.papers.add("a title the user typed")
    assert isinstance(caught.value, StoreError)
    assert not store.conn.in_transaction
    store.conn.execute("PRAGMA query_only = 0")
    store.papers.add("a title the user typed")  # the retry succeeds
    assert len(store.papers.all()) == before + 1


def test_full_disk_refuses_and_leaves_no_partial_write(store):
    for number in range(20):
        store.papers.add(f"filler {number}")
    pages = store.scalar("PRAGMA page_count")
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    history = store.scalar("SELECT count(*) FROM stage_history")
    with pytest.raises(WriteRefused, match="full"):
        for number in range(200):
            store.papers.add("a long title " * 300 + str(number))
    assert store.scalar("SELECT count(*) FROM stage_history") == store.scalar("SELECT count(*) FROM papers")
    assert store.scalar("SELECT count(*) FROM stage_history") >= history
    assert store.scalar("PRAGMA integrity_check") == "ok"


def test_a_read_only_connection_refuses_writes_with_a_message(seeded_db):
    from paperdeck.store.store import Store

    db_path = seeded_db
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                           check_same_thread=False)
    conn.row_factory = sqlite3.Row
    read_only = Store(conn, db_path)
    try:
        with pytest.raises(WriteRefused, match="readonly"):
            read_only.papers.add("x")
        assert read_only.papers.all() is not None
    finally:
        read_only.close()


async def test_pitch_autosave_on_a_refusing_database_keeps_the_edit_and_retries(store):
    from textual.widgets import TextArea

    from paperdeck.tui.app import PaperdeckApp

    paper = store.papers.add("Refused writes")
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.screen.view_ready()  # the editors are mounted with the first view
        store.conn.execute("PRAGMA query_only = 1")
        await pilot.click("#editor-1")
        await pilot.press(*"kept on screen")

        def refusals() -> list[str]:
            return [str(n.message) for n in app._notifications if "cannot save" in str(n.message)]

        await app_until(pilot, refusals, "the autosave's refusal")
        assert app.is_running
        assert app.screen.query_one("#editor-1", TextArea).text == "kept on screen"
        assert store.pitches.bodies(paper.id).get("pitch.background", "") == ""
        store.conn.execute("PRAGMA query_only = 0")
        await pilot.press("!")
        # The next autosave writes everything that was refused.
        await app_until(pilot, lambda: store.pitches.bodies(paper.id)["pitch.background"] == "kept on screen!",
                        "the autosave after the refusal")


async def test_quick_capture_on_a_refusing_database_keeps_the_title_to_retry(store):
    from textual.widgets import Input

    from paperdeck.tui.app import PaperdeckApp

    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        store.conn.execute("PRAGMA query_only = 1")
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Refused title", "enter")
        await pilot.pause()
        assert app.is_running
        assert any("cannot save" in str(n.message) for n in app._notifications)
        assert app.screen.query_one("#capture-title", Input).value == "Refused title"
        store.conn.execute("PRAGMA query_only = 0")
        await pilot.press("enter")  # the retry
        await pilot.pause()
    assert [paper.title for paper in store.papers.all()] == ["Refused title"]
