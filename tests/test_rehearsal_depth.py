"""Rehearsal: a run stopped part-way counts only what its time covers, rates per language, the
list of runs with delete and undo, the paper Pitch opens on, and the Dashboard timing a pitch
by the same rule as the Pitch screen."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from paperdeck.domain.rehearsal import spoken_laps
from paperdeck.domain.speaking import Rates, SpeechSample, count_speech, measured_rates
from paperdeck.models.papers import Stage
from paperdeck.models.pitch import Lap
from paperdeck.tui.app import PaperdeckApp


def test_a_part_cut_short_counts_the_share_its_time_covers():
    counts = {"a": count_speech("word " * 130), "b": count_speech("字" * 220)}
    laps = spoken_laps([("a", 60_000), ("b", 15_000)], counts, Rates(130, 220), last_partial=True)
    assert laps[0] == Lap("a", 60_000, 130, 0)  # a whole part: every word
    assert laps[1] == Lap("b", 15_000, 0, 55, partial=True)  # 15 s of a 60 s part: a quarter
    # Longer than the part should take: still no more than the part has.
    (over,) = spoken_laps([("a", 90_000)], counts, Rates(130, 220), last_partial=True)
    assert (over.words, over.partial) == (130, True)
    (done,) = spoken_laps([("a", 20_000)], counts, Rates(130, 220), last_partial=False)
    assert done.words == 130 and not done.partial


def test_rates_are_measured_only_in_the_languages_rehearsed():
    defaults = Rates(130, 220)
    english = measured_rates([SpeechSample(150, 0, 60_000)], defaults)
    assert (english.words_per_minute, english.wpm_measured) == (150, True)
    assert (english.cjk_chars_per_minute, english.cpm_measured) == (220, False)  # not scaled, not "measured"
    chinese = measured_rates([SpeechSample(0, 300, 60_000)], defaults)
    assert (chinese.cjk_chars_per_minute, chinese.cpm_measured, chinese.wpm_measured) == (300, True, False)
    # A paper's own measured language first, then every run's, then the default.
    merged = chinese.or_else(english)
    assert (merged.words_per_minute, merged.wpm_measured, merged.cjk_chars_per_minute) == (150, True, 300)


@pytest.fixture
def two_papers(store, frozen_clock):
    older = store.papers.add("Being written", Stage.WRITING)
    store.pitches.save_section(older.id, "pitch.background", "word " * 100)
    frozen_clock.shift(timedelta(minutes=5))
    store.papers.add("Imported later", Stage.DECISION)  # the most recently added paper
    return store, older


async def view_shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


async def test_pitch_opens_on_the_paper_being_written(two_papers):
    store, written = two_papers
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        assert app.screen.paper_id == written.id


async def test_stopping_part_way_keeps_the_default_rate_and_is_listed_then_deleted_and_undone(two_papers, frozen_clock):
    store, paper = two_papers
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        gauge = app.screen.query_one("#pitch-gauge")
        await pilot.press("f5")
        frozen_clock.shift(timedelta(seconds=10))  # 10 s into a part of 46 s at 130 wpm
        await pilot.press("f6")
        await view_shown(pilot)
        (run,) = store.pitches.rehearsals(paper.id)
        (lap,) = run.laps
        assert lap.partial and lap.words == 21 and run.total_ms == 10_000
        # Before: the whole part's 100 words in 10 s read as 400 wpm (measured).
        assert "130 wpm (default)" in str(gauge.render())
        assert "cpm" not in str(gauge.render())  # an English pitch: its English rate only
        # A whole part, then the list of runs.
        await pilot.press("f5")
        frozen_clock.shift(timedelta(seconds=60))
        await pilot.press("f5", "f6")
        await view_shown(pilot)
        assert "100 wpm (measured)" in str(gauge.render())
        await pilot.press("f4")
        await view_shown(pilot)
        listing = app.screen
        assert listing.id == "rehearsal-list"
        rows = [str(option.prompt) for option in listing.query_one("#runs").options]
        assert len(rows) == 2 and "short" in rows[0] and "(stopped part-way)" in rows[1]
        await pilot.press("d")
        await pilot.pause()
        assert len(store.pitches.rehearsals(paper.id)) == 1
        await pilot.press("u")
        await pilot.pause()
        assert [r.id for r in store.pitches.rehearsals(paper.id)] == [run.id + 1, run.id]
        assert store.pitches.rehearsals(paper.id)[1].laps == run.laps  # brought back as it was
        await pilot.press("d")  # the newest (the measured one) goes: the rate is the default again
        await pilot.press("escape")
        await view_shown(pilot)
        assert "130 wpm (default)" in str(app.screen.query_one("#pitch-gauge").render())


def test_the_dashboard_times_a_pitch_by_the_screens_rule(store, frozen_clock):
    from paperdeck.usecases.pitch import speaker_rates
    from paperdeck.usecases.today import gather

    paper = store.papers.add("Chinese pitch", Stage.WRITING)
    other = store.papers.add("English pitch", Stage.WRITING)
    store.pitches.save_section(paper.id, "pitch.background", "字" * 1100)  # 5:00 at 220 per minute
    store.pitches.save_section(other.id, "pitch.background", "word " * 650)
    now = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)
    # English runs only (fast): they say nothing of the Chinese pitch's rate.
    store.pitches.add_rehearsal(other.id, now, [Lap("pitch.background", 60_000, 260, 0)])
    # A run stopped part-way in the Chinese pitch: no rate from it.
    store.pitches.add_rehearsal(paper.id, now, [Lap("pitch.background", 30_000, 0, 550, partial=True)])
    rates = speaker_rates(store, paper.id)
    assert (rates.cjk_chars_per_minute, rates.cpm_measured, rates.words_per_minute) == (220, False, 260)
    readiness = {item.title: item for item in gather(store, now).pitch}
    assert (readiness["Chinese pitch"].seconds, readiness["Chinese pitch"].verdict) == (300, "ok")
    assert (readiness["English pitch"].seconds, readiness["English pitch"].verdict) == (150, "short")
