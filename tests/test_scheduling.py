"""FSRS scheduling and the study day, with fixed datetimes (pure services, no app)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from paperdeck.models.cards import AGAIN, EASY, GOOD, HARD, LEARNING, NEW, RELEARNING, REVIEW, Card
from paperdeck.domain.scheduling import (
    day_bounds, format_interval, preview, study_day,
)

T0 = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)
NEW_YORK = ZoneInfo("America/New_York")


def new_card(**changes) -> Card:
    fields = dict(
        id=1, deck_id=1, key=None, category_key=None, front="Q", front_zh="", back="",
        suspended=False, state=NEW, step=None, stability=None, difficulty=None, due=T0, last_review=None,
    )
    fields.update(changes)
    return Card(**fields)


def applied(card: Card, outcome) -> Card:
    return new_card(
        state=outcome.state, step=outcome.step, stability=outcome.stability,
        difficulty=outcome.difficulty, due=outcome.due, last_review=outcome.last_review,
    )


def test_a_new_card_under_each_rating():
    outcomes = preview(new_card(), T0, fuzz=False)
    assert (outcomes[AGAIN].state, outcomes[AGAIN].step, outcomes[AGAIN].interval) == (LEARNING, 0, timedelta(minutes=1))
    assert (outcomes[HARD].state, outcomes[HARD].step, outcomes[HARD].interval) == (LEARNING, 0, timedelta(minutes=5, seconds=30))
    assert (outcomes[GOOD].state, outcomes[GOOD].step, outcomes[GOOD].interval) == (LEARNING, 1, timedelta(minutes=10))
    assert outcomes[EASY].state == REVIEW and outcomes[EASY].step is None
    assert outcomes[EASY].interval >= timedelta(days=1)
    assert all(o.last_review == T0 for o in outcomes.values())
    # Harder ratings never schedule later than easier ones.
    intervals = [outcomes[r].interval for r in (AGAIN, HARD, GOOD, EASY)]
    assert intervals == sorted(intervals)


def test_learning_steps_then_review_then_relearning():
    card = applied(new_card(), preview(new_card(), T0, fuzz=False)[GOOD])  # step 1, due +10m
    at = T0 + timedelta(minutes=10)
    graduated = preview(card, at, fuzz=False)[GOOD]
    assert graduated.state == REVIEW and graduated.step is None
    assert graduated.interval >= timedelta(days=1)

    card = applied(card, graduated)
    at = card.due
    lapse = preview(card, at, fuzz=False)[AGAIN]
    assert (lapse.state, lapse.step, lapse.interval) == (RELEARNING, 0, timedelta(minutes=10))
    assert lapse.stability < card.stability

    card = applied(card, lapse)
    at = card.due
    relearn = preview(card, at, fuzz=False)
    assert relearn[AGAIN].state == RELEARNING and relearn[AGAIN].interval == timedelta(minutes=10)
    assert relearn[HARD].state == RELEARNING and relearn[HARD].interval == timedelta(minutes=15)
    assert relearn[GOOD].state == REVIEW and relearn[GOOD].interval >= timedelta(days=1)
    assert relearn[EASY].state == REVIEW and relearn[EASY].interval >= relearn[GOOD].interval


def test_review_ratings_order_and_retention_setting():
    card = new_card(state=REVIEW, stability=10.0, difficulty=5.0, last_review=T0 - timedelta(days=10), due=T0)
    outcomes = preview(card, T0, 0.9, fuzz=False)
    assert outcomes[AGAIN].state == RELEARNING
    assert outcomes[HARD].interval < outcomes[GOOD].interval < outcomes[EASY].interval
    stricter = preview(card, T0, 0.97, fuzz=False)
    assert stricter[GOOD].interval < outcomes[GOOD].interval


def test_a_clock_that_went_backwards_gives_no_negative_interval():
    last = T0
    card = new_card(state=REVIEW, stability=3.0, difficulty=5.0, last_review=last, due=last + timedelta(days=3))
    earlier = T0 - timedelta(hours=5)
    for outcome in preview(card, earlier).values():
        assert outcome.interval > timedelta(0)
        assert outcome.due > earlier and outcome.last_review == last
    learning = new_card(state=LEARNING, step=0, stability=1.0, difficulty=5.0, last_review=last, due=last)
    for outcome in preview(learning, last - timedelta(days=400)).values():
        assert outcome.due > last


def test_fuzzed_outcomes_are_whole_seconds():
    card = new_card(state=REVIEW, stability=40.0, difficulty=5.0, last_review=T0 - timedelta(days=40), due=T0)
    for outcome in preview(card, T0.replace(microsecond=123456)).values():
        assert outcome.due.microsecond == 0 and outcome.last_review.microsecond == 0


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(-5, "0s"), (30, "30s"), (60, "1m"), (330, "6m"), (3 * 3600, "3h"), (4 * 86400, "4d"), (75 * 86400, "2.5mo"), (800 * 86400, "2.2y")],
)
def test_format_interval(seconds, text):
    assert format_interval(timedelta(seconds=seconds)) == text


def test_the_day_rolls_over_at_the_local_hour_not_at_midnight():
    before = datetime(2026, 11, 29, 3, 59, tzinfo=NEW_YORK)
    after = datetime(2026, 11, 29, 4, 0, tzinfo=NEW_YORK)
    just_after_midnight = datetime(2026, 11, 29, 0, 30, tzinfo=NEW_YORK)
    assert study_day(before, NEW_YORK, 4) == date(2026, 11, 28)
    assert study_day(just_after_midnight, NEW_YORK, 4) == date(2026, 11, 28)
    assert study_day(after, NEW_YORK, 4) == date(2026, 11, 29)
    assert study_day(just_after_midnight, NEW_YORK, 0) == date(2026, 11, 29)
    start, end = day_bounds(just_after_midnight, NEW_YORK, 4)
    assert start == datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)  # 04:00 EST
    assert end == datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)


def test_study_days_across_daylight_saving_changes():
    # 2026-03-08: New York springs forward at 02:00 -> that study day lasts 23 hours.
    start, end = day_bounds(datetime(2026, 3, 7, 12, tzinfo=NEW_YORK), NEW_YORK, 4)
    assert start == datetime(2026, 3, 7, 9, tzinfo=timezone.utc)    # 04:00 EST
    assert end == datetime(2026, 3, 8, 8, tzinfo=timezone.utc)      # 04:00 EDT
    assert end - start == timedelta(hours=23)
    # 2026-11-01: falls back at 02:00 -> 25 hours.
    start, end = day_bounds(datetime(2026, 10, 31, 12, tzinfo=NEW_YORK), NEW_YORK, 4)
    assert end - start == timedelta(hours=25)
    # A rollover hour inside the spring-forward gap (02:xx does not exist): still one start.
    start, end = day_bounds(datetime(2026, 3, 7, 12, tzinfo=NEW_YORK), NEW_YORK, 2)
    assert start < end and timedelta(hours=22) <= end - start <= timedelta(hours=24)
    # The repeated 01:30 on fall-back day belongs to the same study day both times.
    first = datetime(2026, 11, 1, 5, 30, tzinfo=timezone.utc)   # 01:30 EDT
    second = datetime(2026, 11, 1, 6, 30, tzinfo=timezone.utc)  # 01:30 EST
    assert study_day(first, NEW_YORK, 4) == study_day(second, NEW_YORK, 4) == date(2026, 10, 31)


def _walk(seed: int, steps: int = 8):
    """A card's states along a random run of ratings and review times (fuzz on)."""
    import random

    chooser = random.Random(seed)
    card, at = new_card(), T0
    for _ in range(steps):
        outcomes = preview(card, at)
        yield card, outcomes
        card = applied(card, outcomes[chooser.choice([AGAIN, HARD, GOOD, GOOD, GOOD, EASY])])
        at = card.due + timedelta(hours=chooser.choice([0, 5, 24, 24 * 7]))


def test_hard_good_easy_are_distinct_and_ordered_over_many_states():
    seen = 0
    for seed in range(200):
        for _card, outcomes in _walk(seed):
            intervals = [outcomes[rating].interval for rating in (HARD, GOOD, EASY)]
            assert intervals[0] < intervals[1] < intervals[2], [format_interval(i) for i in intervals]
            seen += 1
    assert seen == 1600


def test_a_collision_is_bumped_by_a_day_and_keeps_fsrs_stability():
    # A relearning card whose Good and Easy fsrs both puts at one day (seen as "1d 1d").
    card = new_card(state=RELEARNING, step=0, stability=0.4, difficulty=7.0,
                    due=T0, last_review=T0 - timedelta(minutes=10))
    from paperdeck.domain.scheduling import _fsrs_card, _scheduler
    from fsrs import Rating

    raw = {r: _scheduler(0.9, False).review_card(_fsrs_card(card), Rating(r), review_datetime=T0)[0]
           for r in (GOOD, EASY)}
    assert (raw[GOOD].due - T0).days == (raw[EASY].due - T0).days == 1  # what fsrs alone gives
    outcomes = preview(card, T0, fuzz=False)
    assert outcomes[GOOD].interval == timedelta(days=1)
    assert outcomes[EASY].interval == timedelta(days=2)
    assert outcomes[EASY].stability == pytest.approx(raw[EASY].stability)
