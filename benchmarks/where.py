"""Where the time goes, for a missed target: the use case behind the measure, run once under
cProfile on the size's database (a read snapshot, as a screen's worker runs it), and its
costliest functions of our own code (by time spent inside them and their callees, not
counting the use case's own entry)."""

from __future__ import annotations

import cProfile
import pstats
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TOP = 4


def _use_cases() -> dict[str, Callable[[Any, Any], Any]]:
    """Measure name -> use case(snapshot, now), the work behind that measure."""
    from paperdeck.usecases.board import BoardRequest, board_view
    from paperdeck.usecases.cards import card_stats
    from paperdeck.usecases.dashboard import dashboard_view
    from paperdeck.usecases.decks import deck_list
    from paperdeck.usecases.pitch import pitch_view
    from paperdeck.usecases.resume import resume_view
    from paperdeck.usecases.review import ReviewRequest, review_view
    from paperdeck.usecases.venues import VenuesRequest, venues_view

    return {
        "dashboard": lambda store, now: dashboard_view(store, now),
        "pipeline": lambda store, now: board_view(store, BoardRequest(now, "en")),
        "venues": lambda store, now: venues_view(store, VenuesRequest(now)),
        "month grid": lambda store, now: venues_view(store, VenuesRequest(now, with_milestones=True)),
        "flashcards": lambda store, now: deck_list(store, now),
        "stats": lambda store, now: card_stats(store, now),
        "review": lambda store, now: review_view(store, ReviewRequest(now, None, count=True, decks=True)),
        "pitch": lambda store, now: pitch_view(store, None),
        "resume": lambda store, now: resume_view(store),
    }


# A measure's title (or its start) -> the use case that does its reading.
MEASURE_USE_CASE = {
    "first frame": "dashboard", "`paperdeck today`": "dashboard",
    "first showing: pipeline": "pipeline", "first showing: venues": "venues", "first showing: flashcards": "flashcards",
    "first showing: pitch": "pitch", "first showing: resume": "resume",
    "key: open the month grid": "month grid", "key: open Stats": "stats", "key: start a review": "review",
    "key: open Resume": "resume", "key: move a card": "pipeline", "key: switch screens": "dashboard",
}


def use_case_for(measure: str) -> str | None:
    for prefix, name in MEASURE_USE_CASE.items():
        if measure.startswith(prefix):
            return name
    return None


def _ours(profiler: cProfile.Profile) -> str:
    """The costliest functions below the use case or command (with their callees), then the
    functions whose own code takes the most time (SQLite calls, JSON decoding, ...)."""
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    below, own = [], []
    for (file, _line, function), (_calls, _primitive, inner, cumulative, _callers) in stats.items():
        name = f"{Path(file).parent.name}/{Path(file).name}:{function}" if file != "~" else function
        own.append((inner * 1000, name))
        if "/paperdeck/" in file and "/usecases/" not in file and "/cli/" not in file:
            below.append((cumulative * 1000, name))
    below.sort(reverse=True)
    own.sort(reverse=True)
    return ("; ".join(f"{where} {ms:.0f} ms" for ms, where in below[:TOP])
            + " — own time: " + "; ".join(f"{where} {ms:.0f} ms" for ms, where in own[:TOP]))


def profile_command(argv: list[str]) -> str:
    """One line: the CLI command run in this process under cProfile, and where its time went."""
    import contextlib
    import io

    from paperdeck.cli.main import main

    profiler = cProfile.Profile()
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        profiler.enable()
        try:
            main(argv)
        except SystemExit:
            pass
        profiler.disable()
    total = (time.perf_counter() - started) * 1000
    return f"in-process under cProfile {total:.0f} ms; in it: {_ours(profiler)}"


def profile(db: Path, name: str) -> str:
    """One line: the use case's time on `db`, and where it went."""
    from paperdeck.models.common import utcnow
    from paperdeck.store import open_store

    use_case = _use_cases()[name]
    store = open_store(db, reading=True)
    try:
        with store.reading() as snapshot:
            profiler = cProfile.Profile()
            started = time.perf_counter()
            profiler.enable()
            use_case(snapshot, utcnow())
            profiler.disable()
            total = (time.perf_counter() - started) * 1000
    finally:
        store.close()
    top = _ours(profiler)
    return f"`{name}` use case {total:.0f} ms (under cProfile, a worker's share); in it: {top}"
