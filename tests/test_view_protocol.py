"""The view protocol of tui/screens/base.py: a screen's data is one view object, loaded in a
worker thread on a read-only snapshot, rendered on the UI thread; an overtaken load is dropped."""

from __future__ import annotations

import asyncio
import threading

import pytest
from textual.widgets import Static

from paperdeck.store.errors import NotFound
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.screens.base import PaperdeckScreen


class ProbeScreen(PaperdeckScreen):
    """Loads the paper titles; a request may hold its load until the test releases it."""

    def __init__(self, gates: dict[str, threading.Event] | None = None):
        super().__init__()
        self.gates = gates or {}
        self.started = threading.Event()  # set once a load is inside load_view
        self.request = "first"
        self.shown: list[tuple[str, list[str]]] = []
        self.arrived: list[str] = []  # every load that came back, dropped or not
        self.load_threads: list[int] = []

    def compose(self):
        yield Static(id="probe")

    def view_request(self):
        return (self.request, self.gates.get(self.request), self.load_threads, self.started)

    @staticmethod
    def load_view(store, request):
        name, gate, threads, started = request
        threads.append(threading.get_ident())
        started.set()
        if gate is not None:
            assert gate.wait(10), "the test never released the load"
        if name == "missing":
            raise NotFound("no paper with id 999")
        return name, [paper.title for paper in store.papers.all()]

    def on_paperdeck_screen_view_loaded(self, message) -> None:
        # Textual then calls the base class's handler too (it walks the MRO).
        self.arrived.append(message.view[0])

    def show_view(self, view) -> None:
        self.shown.append(view)
        self.query_one("#probe", Static).update(f"{view[0]}: {', '.join(view[1])}")


async def open_probe(pilot, screen: ProbeScreen) -> None:
    await pilot.app.push_screen(screen)
    await pilot.pause()


async def test_the_load_runs_off_the_ui_thread_and_tests_can_wait_for_it(store):
    store.papers.add("Sparse attention")
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = ProbeScreen()
        await open_probe(pilot, screen)
        await screen.view_ready()
        assert screen.shown == [("first", ["Sparse attention"])]
        assert screen.load_threads and screen.load_threads[0] != threading.get_ident()


async def test_an_overtaken_load_is_dropped(store):
    store.papers.add("Alpha")
    slow = threading.Event()
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = ProbeScreen({"first": slow})
        await open_probe(pilot, screen)
        assert await asyncio.to_thread(screen.started.wait, 10)  # the first load is reading
        store.papers.add("Beta")  # the app's connection writes while it reads: no wait
        screen.request = "second"
        screen.reload_view()  # a newer load: the first one's result is now stale
        slow.set()
        await screen.view_ready()
        await pilot.pause()
        assert screen.arrived == ["first", "second"]  # both came back ...
        assert screen.shown == [("second", ["Alpha", "Beta"])]  # ... only the newer was shown


async def test_a_failed_load_is_reported_and_ends_the_wait(store):
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = ProbeScreen()
        screen.request = "missing"
        await open_probe(pilot, screen)
        await screen.view_ready()
        await pilot.pause()
        assert screen.shown == []
        assert any("no paper with id 999" in str(n.message) for n in app._notifications)


def test_a_snapshot_reads_one_instant_and_never_writes(store):
    store.papers.add("Before")
    with store.reading() as snapshot:
        assert [p.title for p in snapshot.papers.all()] == ["Before"]
        store.papers.add("During")  # the app's own connection writes meanwhile: no wait
        assert [p.title for p in snapshot.papers.all()] == ["Before"]  # one instant
        with pytest.raises(RuntimeError, match="tried to write"):
            snapshot.settings.update(my_name="x")
    with store.reading() as snapshot:
        assert [p.title for p in snapshot.papers.all()] == ["Before", "During"]


def test_the_snapshot_connection_keeps_a_small_page_cache(store):
    """The screens' read connection holds READER_CACHE_KIB of pages, not SQLite's 2,000 KiB
    (memory at start; the pages come again from the OS's cache)."""
    from paperdeck.store.store import READER_CACHE_KIB

    with store.reading() as snapshot:
        assert snapshot.conn.execute("PRAGMA cache_size").fetchone()[0] == -READER_CACHE_KIB


def test_a_closed_store_refuses_a_snapshot(db_path):
    from paperdeck.store import StoreError, open_store

    opened = open_store(db_path)
    opened.close()
    with pytest.raises(StoreError):
        with opened.reading():
            pass


def first_column_label(screen) -> str:
    table = screen.query_one("#decks")
    return str(next(iter(table.columns.values())).label)


async def test_flashcards_reads_again_only_when_the_data_or_language_changed(store):
    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        decks = app.screen
        await decks.view_ready()
        rows, loads = decks.query_one("#decks").row_count, decks._view_generation
        await pilot.press("1", "4")
        await pilot.pause()
        assert app.screen is decks and decks._view_generation == loads  # nothing changed: no read
        store.cards.add_deck("Fresh deck")
        await pilot.press("1", "4")
        await decks.view_ready()
        await pilot.pause()
        assert decks._view_generation == loads + 1 and decks.query_one("#decks").row_count == rows + 1
        assert first_column_label(decks) == "Deck"
        await pilot.press("f2")
        await decks.view_ready()
        await pilot.pause()
        assert first_column_label(decks) == "卡组"


def test_a_read_ahead_has_its_own_connection(store):
    """A load reading ahead (a hidden screen's) holds its snapshot open: a shown screen's load
    reads meanwhile, on the other connection, and sees the newest data."""
    import threading

    store.papers.add("Before")
    with store.reading(ahead=True) as ahead:
        assert [p.title for p in ahead.papers.all()] == ["Before"]  # its snapshot begins
        store.papers.add("During")
        seen: list[list[str]] = []

        def shown_screens_load() -> None:
            with store.reading() as snapshot:
                seen.append([p.title for p in snapshot.papers.all()])

        thread = threading.Thread(target=shown_screens_load)
        thread.start()
        thread.join(5)
        assert seen == [["Before", "During"]]
        assert [p.title for p in ahead.papers.all()] == ["Before"]


def test_two_reads_ahead_read_side_by_side(store):
    """Two hidden screens reading ahead at once (Resume from the start, Stats from the decks):
    the second reads while the first holds its snapshot open, not after it (at 1,000,000
    reviews Stats waited 130-310 ms behind Resume's read); a third waits for a free one."""
    import threading

    store.papers.add("Before")
    with store.reading(ahead=True) as first:
        assert [p.title for p in first.papers.all()] == ["Before"]
        store.papers.add("During")
        seen: list[list[str]] = []
        second_holds, second_may_end = threading.Event(), threading.Event()

        def second_read_ahead() -> None:
            with store.reading(ahead=True) as snapshot:
                seen.append([p.title for p in snapshot.papers.all()])
                second_holds.set()
                second_may_end.wait(5)

        second = threading.Thread(target=second_read_ahead)
        second.start()
        assert second_holds.wait(5), "the second read ahead waited for the first"
        assert seen == [["Before", "During"]]
        third_done = threading.Event()

        def third_read_ahead() -> None:
            with store.reading(ahead=True) as snapshot:
                seen.append([p.title for p in snapshot.papers.all()])
            third_done.set()

        third = threading.Thread(target=third_read_ahead)
        third.start()
        assert not third_done.wait(0.2)  # both lanes busy: it waits
        second_may_end.set()
        second.join(5)
        third.join(5)
        assert third_done.is_set() and seen[-1] == ["Before", "During"]
        assert [p.title for p in first.papers.all()] == ["Before"]
