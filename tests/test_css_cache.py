"""Textual's parsed CSS, parsed once per run and kept between runs (tui/css_cache.py).

The cross-run cases run the real app (App.run_test, a real database file) in fresh Python
processes: the rules parsed are kept for the whole process, so only a new one starts without
them. `css_cache._original` (Textual's own parse) is wrapped only to count its calls.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import textwrap
import uuid

import pytest

SCRIPT = textwrap.dedent("""
    import asyncio, json, sys
    from pathlib import Path

    import time_machine

    from paperdeck.store import open_store
    from paperdeck.tui import css_cache
    from paperdeck.tui.app import PaperdeckApp

    db, cache = sys.argv[1], Path(sys.argv[2])
    css_cache.install(cache)
    parsed = []
    original = css_cache._original

    def counting(self, css, *args, **kwargs):
        parsed.append(1)
        return original(self, css, *args, **kwargs)

    css_cache._original = counting

    async def main():
        store = open_store(db)
        app = PaperdeckApp(store, watch=False)
        shots = {}
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for key in "23456":
                await pilot.press(key)
                await pilot.pause()
                await app.workers.wait_for_complete()
                await pilot.pause()
                shots[key] = app.export_screenshot()
        store.close()
        return shots

    with time_machine.travel("2026-11-29T09:00:00+00:00", tick=False):
        shots = asyncio.run(main())
    css_cache.save()
    print(json.dumps({"parsed": len(parsed), "shots": shots}))
""")


def _run(db, cache) -> dict:
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(db), str(cache)],
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.splitlines()[-1])


def test_a_second_run_parses_nothing_and_draws_the_same(seeded_db, tmp_path):
    cache = tmp_path / "cache" / "textual-css.bin"
    first = _run(seeded_db, cache)
    assert first["parsed"] > 50  # every screen's widgets' CSS, each source once
    assert cache.is_file()
    second = _run(seeded_db, cache)
    assert second["parsed"] == 0  # all read back from the file
    assert second["shots"] == first["shots"]  # the same colours, borders and layout on every screen


@pytest.mark.parametrize("damage", ["garbage", "foreign", "bad entries"])
def test_a_damaged_or_foreign_cache_is_parsed_as_usual_and_rewritten(seeded_db, tmp_path, damage):
    from paperdeck.tui import css_cache

    cache = tmp_path / "textual-css.bin"
    head = css_cache.MAGIC + css_cache._textual_stamp()
    if damage == "garbage":
        cache.write_bytes(b"\x00\x01 not a cache \x1b[2J")
    elif damage == "foreign":  # another Textual's rules
        cache.write_bytes(css_cache.MAGIC + b"0" * 32 + b"\n" + pickle.dumps({}))
    else:  # entries under every key this run asks for would be wrong: make them unreadable
        clean = _run(seeded_db, tmp_path / "clean.bin")
        stored = pickle.loads((tmp_path / "clean.bin").read_bytes()[len(head):])
        cache.write_bytes(head + pickle.dumps({key: b"\x80\x05 damaged" for key in stored}))
        assert clean["parsed"] > 50
    report = _run(seeded_db, cache)
    assert report["parsed"] > 50
    assert cache.read_bytes().startswith(head)
    assert _run(seeded_db, cache)["parsed"] == 0  # rewritten whole


def test_a_source_is_parsed_once_however_many_the_stylesheet_holds():
    """Textual keeps 64 parsed sources per stylesheet: past that, each parse of the stylesheet
    parsed every source again; and a reparse starts a fresh stylesheet."""
    from textual.css.stylesheet import Stylesheet

    from paperdeck.tui import css_cache

    css_cache.install(None)
    calls = []
    original = css_cache._original

    def counting(self, css, *args, **kwargs):
        calls.append(css)
        return original(self, css, *args, **kwargs)

    css_cache._original = counting
    try:
        stylesheet = Stylesheet()
        run = uuid.uuid4().hex  # sources no other test parsed in this process
        for n in range(80):
            stylesheet.add_source(f"/* {run} */ .c{n} {{ width: {n + 1}; }}", read_from=(f"test{n}", ""))
            stylesheet.parse()
        stylesheet.reparse()
        assert len(calls) == 80
        assert len(stylesheet.rules) == 80
    finally:
        css_cache._original = original


def test_rules_differ_with_the_theme_variables():
    from textual.css.stylesheet import Stylesheet

    from paperdeck.tui import css_cache

    css_cache.install(None)
    css = f"/* {uuid.uuid4().hex} */ .x {{ color: $accent; }}"
    colours = []
    for accent in ("#ff0000", "#00ff00"):
        stylesheet = Stylesheet(variables={"accent": accent})
        stylesheet.add_source(css, read_from=("theme-test", ""))
        colours.append(stylesheet.rules[0].styles.color.hex)
    assert colours == ["#FF0000", "#00FF00"]


def test_a_cache_past_its_size_keeps_only_what_the_run_asked_for(seeded_db, tmp_path):
    from paperdeck.tui import css_cache

    cache = tmp_path / "cache" / "textual-css.bin"
    first = _run(seeded_db, cache)
    head = css_cache.MAGIC + css_cache._textual_stamp()
    used = pickle.loads(cache.read_bytes()[len(head):])
    stale = {uuid.uuid4().bytes: pickle.dumps(["a source since edited"]) for _ in range(css_cache.MAX_ENTRIES)}
    kept_one = next(iter(used))
    del used[kept_one]  # parsed again by the next run: a new entry, so the file is saved
    cache.write_bytes(head + pickle.dumps({**stale, **used}))

    second = _run(seeded_db, cache)
    assert second["parsed"] == 1
    assert second["shots"] == first["shots"]
    entries = pickle.loads(cache.read_bytes()[len(head):])
    assert not set(stale) & set(entries)
    assert set(entries) == set(used) | {kept_one}
