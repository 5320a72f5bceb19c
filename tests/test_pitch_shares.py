"""Each pitch part's share of the target (domain/pitch_shares.py): the parts' targets for any
total, a rehearsal's laps against them in the rehearsal list (with the runs' plot), and each
part's written time against its share on the Pitch screen. Real database, real app."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from paperdeck.domain.pitch_shares import PART_SHARES, lap_timings, part_targets
from paperdeck.models.papers import Stage
from paperdeck.models.pitch import Lap
from paperdeck.tui.app import PaperdeckApp

GUIDE_KEYS = ["pitch.background", "pitch.method", "pitch.results", "pitch.highlight", "pitch.extensions"]
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)


def test_the_five_parts_share_the_whole_target():
    targets = part_targets(GUIDE_KEYS, (5.0, 8.0))
    assert list(targets) == GUIDE_KEYS
    assert sum(t.share for t in targets.values()) == pytest.approx(1.0)
    background = targets["pitch.background"]
    assert (background.low_seconds, background.high_seconds) == pytest.approx((60.0, 96.0))  # 20% of 5-8 min
    assert sum(t.low_seconds for t in targets.values()) == pytest.approx(300.0)
    assert sum(t.high_seconds for t in targets.values()) == pytest.approx(480.0)
    # The method and the results carry the pitch; the one-line highlight is the shortest.
    assert max(targets.values(), key=lambda t: t.share).key == "pitch.method"
    assert min(targets.values(), key=lambda t: t.share).key == "pitch.highlight"


@pytest.mark.parametrize("total, method_band", [((3.0, 3.0), (45.9, 54.0)), ((10.0, 10.0), (153.0, 180.0)),
                                                ((5.0, 8.0), (90.0, 144.0))])
def test_a_configured_total_scales_every_part(total, method_band):
    method = part_targets(GUIDE_KEYS, total)["pitch.method"]
    assert (method.low_seconds, method.high_seconds) == pytest.approx(method_band)


def test_a_part_the_table_does_not_know_gets_the_average_share():
    targets = part_targets(["pitch.method", "my.own.part"], (5.0, 8.0))
    own = targets["my.own.part"]
    assert own.share == pytest.approx(PART_SHARES["pitch.method"] / (2 * PART_SHARES["pitch.method"]))
    assert part_targets([], (5.0, 8.0)) == {}
    only_unknown = part_targets(["a", "b", "c", "d"], (4.0, 8.0))
    assert [t.share for t in only_unknown.values()] == pytest.approx([0.25] * 4)


def test_laps_against_their_shares():
    targets = part_targets(GUIDE_KEYS, (5.0, 8.0))
    laps = [Lap("pitch.background", 50_000), Lap("pitch.method", 120_000), Lap("pitch.results", 150_000),
            Lap("gone.part", 10_000), Lap("pitch.highlight", 5_000, partial=True)]
    timings = lap_timings(laps, targets)
    assert [t.verdict for t in timings] == ["short", "ok", "long", "", "partial"]
    assert timings[3].target is None and timings[4].partial
    assert targets["pitch.method"].verdict(0) == "empty"


@pytest.fixture
def rehearsed(store, frozen_clock, utc_zone):
    paper = store.papers.add("[red]Pitched[/] paper", Stage.WRITING)
    for key in GUIDE_KEYS:
        store.pitches.save_section(paper.id, key, "word " * 130)  # 1:00 each at 130 wpm
    # Oldest first: a full run on target, then one stopped in the method.
    store.pitches.add_rehearsal(paper.id, NOW - timedelta(days=2), [
        Lap("pitch.background", 70_000, 130), Lap("pitch.method", 160_000, 130), Lap("pitch.results", 130_000, 130),
        Lap("pitch.highlight", 60_000, 130), Lap("pitch.extensions", 40_000, 130)], 460_000)
    store.pitches.add_rehearsal(paper.id, NOW - timedelta(days=1), [
        Lap("pitch.background", 50_000, 130), Lap("pitch.method", 30_000, 40, partial=True)], 80_000)
    return store, paper


async def view_shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


async def test_the_rehearsal_list_shows_a_runs_laps_against_the_shares(rehearsed):
    store, paper = rehearsed
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("f4")
        await view_shown(pilot)
        listing = app.screen
        assert listing.id == "rehearsal-list"
        laps = str(listing.query_one("#run-laps").render())  # the newest run, highlighted first
        assert laps.splitlines() == ["1. Why this paper?   0:50  target 1:00–1:36 (20%)  short",
                                     "2. What's new?   0:30  target 1:30–2:24 (30%)  stopped"]
        await pilot.press("down")
        await pilot.pause()
        laps = str(listing.query_one("#run-laps").render()).splitlines()
        assert len(laps) == 5
        assert laps[1] == "2. What's new?   2:40  target 1:30–2:24 (30%)  long"
        assert laps[3] == "4. One-line summary   1:00  target 0:30–0:48 (10%)  long"
        assert laps[4].endswith("0:40  target 0:45–1:12 (15%)  short")
        plot = listing.query_one("#runs-plot")
        assert plot.display
        await pilot.press("escape")
        await view_shown(pilot)
        await pilot.press("f2")
        await view_shown(pilot)
        await pilot.press("f4")
        await view_shown(pilot)
        laps = str(app.screen.query_one("#run-laps").render()).splitlines()
        assert laps == ["1. 背景问题   0:50  目标 1:00–1:36（20%）  偏短", "2. 你的方法   0:30  目标 1:30–2:24（30%）  中途停止"]


async def test_the_pitch_heads_show_each_parts_time_against_its_share(rehearsed):
    store, paper = rehearsed
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        heads = [str(app.screen.query_one(f"#head-{n}").render()) for n in range(1, 6)]
        rates = app.screen.rates
        assert rates.words_per_minute != 130  # measured from the full run
        assert "(1:00–1:36)" in heads[0] and "(1:30–2:24)" in heads[1] and "(0:30–0:48)" in heads[3]
    store.settings.set_text("pitch_minutes", "3")  # a 3-minute variant: every share shrinks
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        head = str(app.screen.query_one("#head-2").render())
        assert "(0:46–0:54)" in head  # 30% of 2:33–3:00


def test_rehearsal_list_snapshot_at_80x24(snap_compare, rehearsed):
    pytest.importorskip("textual_plotext")
    store, _paper = rehearsed
    app = PaperdeckApp(store, start_screen="pitch", watch=False)

    async def open_runs(pilot):
        await view_shown(pilot)
        await pilot.press("f4")
        await view_shown(pilot)
        await pilot.press("down")
        app.screen.query_one(".dialog").scroll_end(animate=False)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_runs)
