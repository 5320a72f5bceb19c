"""Rendered lines make their caches on first use (tui/strip_caches.py): the same lines and
cached results as Textual's, without seven empty caches on every strip a built screen keeps."""

from __future__ import annotations

import gc

from rich.segment import Segment
from rich.style import Style
from textual.cache import FIFOCache
from textual.color import Color
from textual.filter import Monochrome
from textual.strip import Strip

from paperdeck.tui import strip_caches
from waiting import settled


def _strip() -> Strip:
    return Strip([Segment("héllo ", Style(bold=True)), Segment("wörld", Style(color="red")), Segment("！", Style(underline=True))])


CALLS = [
    ("divide", ([3, 8, 13],)),
    ("crop", (2, 9)),
    ("apply_style", (Style(italic=True),)),
    ("apply_filter", (Monochrome(), Color(0, 0, 0))),
    ("adjust_cell_length", (20, Style(bgcolor="blue"))),
    ("adjust_cell_length", (4,)),
    ("crop_extend", (3, 18, None)),
    ("apply_offsets", (2, 5)),
]


def test_each_cache_is_made_on_first_use_and_answers_as_textuals():
    assert strip_caches.apply()  # the app applies it; Textual's Strip is as expected
    for name, args in CALLS:
        strip, plain = _strip(), _strip()
        slot, size = strip_caches.LAZY_CACHES[name]
        assert getattr(strip, slot) is strip_caches.NO_CACHE
        original = getattr(Strip, name).__wrapped__
        # Textual's own method on a strip given its cache by hand: the result to match.
        object.__setattr__(plain, slot, FIFOCache(size))
        expected = original(plain, *args)
        first = getattr(strip, name)(*args)
        assert first == expected
        assert isinstance(getattr(strip, slot), FIFOCache)
        assert getattr(strip, name)(*args) is first  # cached, as Textual's
        others = [other for other, _size in strip_caches.LAZY_CACHES.values() if other != slot]
        assert all(getattr(strip, other) is strip_caches.NO_CACHE for other in others)


async def test_built_screens_keep_no_empty_caches_per_line(make_app):
    app = make_app("dashboard")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        for key in "2345":
            await pilot.press(key)
            await settled(pilot)
        gc.collect()
        strips = [thing for thing in gc.get_objects() if type(thing) is Strip]
        caches = [thing for thing in gc.get_objects() if type(thing) is FIFOCache]
        assert len(strips) > 300
        # Before: seven caches made with every strip.
        assert len(caches) < 2 * len(strips)
