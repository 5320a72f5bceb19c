"""CardRepo on a real SQLite file: seeding, CRUD, the queue, review logging and undo, stats."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from paperdeck.models.cards import AGAIN, EASY, GOOD, HARD, INTERVIEW_DECK, NEW, PITCH_DECK, RESUME_DECK, REVIEW
from paperdeck.store import ConflictError, ValidationError
from paperdeck.store.seed import seed_all

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)


def review(store, card, rating, at, duration_ms=1000):
    outcome = store.cards.preview(card, at)[rating]
    review_id = store.cards.record_review(card, outcome, reviewed_at=at, duration_ms=duration_ms)
    return review_id, outcome


def raw(store, card_id):
    return dict(store.row("SELECT * FROM cards WHERE id = ?", (card_id,)))


def test_seeded_decks_keep_the_guides_wording(store):
    decks = {deck.key: deck for deck in store.cards.decks()}
    assert [decks[k].name for k in (INTERVIEW_DECK, PITCH_DECK, RESUME_DECK)] == ["Interview follow-ups", "Pitch", "Resume"]
    interview = store.cards.cards(decks[INTERVIEW_DECK].id)
    questions = store.guide.items("question")
    assert len(interview) == len(questions) == 11
    by_key = {card.key: card for card in interview}
    for question in questions:
        card = by_key[question.key]
        assert (card.front, card.front_zh, card.category_key) == (question.en, question.zh, question.parent_key)
    assert len(store.cards.cards(decks[PITCH_DECK].id)) == 5
    assert "背景问题" in store.cards.cards(decks[PITCH_DECK].id)[0].front_zh
    assert len(store.cards.cards(decks[RESUME_DECK].id)) == 2


def test_reseeding_never_duplicates_resets_or_resurrects(store):
    card = store.cards.cards()[0]
    _, outcome = review(store, card, GOOD, NOW)
    edited = store.cards.cards()[1]
    store.cards.edit(edited.id, back="my points")
    deleted = store.cards.cards()[2]
    store.cards.delete(deleted.id)
    count = len(store.cards.cards())
    seed_all(store)
    seed_all(store)
    assert len(store.cards.cards()) == count
    assert store.cards.get(card.id).due == outcome.due
    assert store.cards.get(edited.id).back == "my points"
    assert deleted.key not in {c.key for c in store.cards.cards()}


def test_empty_question_is_refused_and_markup_is_stored_literally(store):
    deck = store.cards.decks()[0]
    with pytest.raises(ValidationError, match="question is empty"):
        store.cards.add(deck.id, "   ", "\n")
    card = store.cards.add(deck.id, "[red]Why[/] does it work?", "为什么 [bold]有效")
    assert store.cards.get(card.id).front == "[red]Why[/] does it work?"
    with pytest.raises(ValidationError):
        store.cards.edit(card.id, front="", front_zh="")
    with pytest.raises(ValidationError, match="too long"):
        store.cards.add(deck.id, "x" * 5000)


def test_editing_text_never_resets_the_schedule(store, frozen_clock):
    card = store.cards.cards()[0]
    review(store, card, EASY, NOW)
    before = store.cards.get(card.id)
    after = store.cards.edit(card.id, front="Reworded 🙂", back="points")
    assert (after.state, after.stability, after.difficulty, after.due, after.last_review) == (
        before.state, before.stability, before.difficulty, before.due, before.last_review)
    assert after.front == "Reworded 🙂" and after.version == before.version + 1


def test_the_outcome_shown_is_the_one_saved(store):
    card = store.cards.cards()[0]
    card = store.cards.get(review(store, card, EASY, NOW)[0] and card.id)
    later = card.due + timedelta(days=3)
    for _ in range(5):  # fuzzing is on: a recomputation could differ, the saved one may not
        shown = store.cards.preview(card, later)
        store.cards.record_review(card, shown[GOOD], reviewed_at=later, duration_ms=5)
        saved = store.cards.get(card.id)
        assert (saved.due, saved.stability, saved.state) == (shown[GOOD].due, shown[GOOD].stability, REVIEW)
        store.cards.undo_review(store.cards.last_review_id())


def test_undo_restores_the_card_exactly(store):
    card = store.cards.cards()[0]
    first_id, _ = review(store, card, GOOD, NOW)
    middle = raw(store, card.id)
    second_id, _ = review(store, store.cards.get(card.id), AGAIN, NOW + timedelta(minutes=10), 4321)
    logged = store.row("SELECT * FROM reviews WHERE id = ?", (second_id,))
    assert logged["duration_ms"] == 4321 and logged["mode"] == "fsrs"
    with pytest.raises(ConflictError):
        store.cards.undo_review(first_id)  # not the latest of this card
    store.cards.undo_review(second_id)
    assert raw(store, card.id) == middle
    original = raw(store, store.cards.cards()[1].id)
    store.cards.undo_review(first_id)
    restored = raw(store, card.id)
    assert restored["state"] == NEW and restored["last_review"] is None
    assert restored["version"] == 1 and restored["updated_at"] == original["updated_at"]
    assert store.scalar("SELECT count(*) FROM reviews") == 0


def test_a_stale_card_is_not_rated(store):
    card = store.cards.cards()[0]
    outcome = store.cards.preview(card, NOW)[GOOD]
    store.cards.edit(card.id, back="changed elsewhere")
    with pytest.raises(ConflictError):
        store.cards.record_review(card, outcome, reviewed_at=NOW, duration_ms=0)


def test_cram_never_touches_the_schedule(store):
    deck = store.cards.decks()[0]
    card = store.cards.cards(deck.id)[0]
    review(store, card, EASY, NOW)
    before = raw(store, card.id)
    cram = store.cards.cram_cards([deck.id], date(2026, 12, 3), NOW)
    assert len(cram) == len(store.cards.cards(deck.id))
    assert cram[0].id == card.id  # FSRS would not show it before the interview: crammed first
    store.cards.record_cram(cram[1], AGAIN, reviewed_at=NOW, duration_ms=10)
    review_id = store.cards.record_cram(store.cards.get(card.id), AGAIN, reviewed_at=NOW, duration_ms=10)
    assert raw(store, card.id) == before
    store.cards.undo_review(review_id)
    assert store.scalar("SELECT count(*) FROM reviews WHERE mode = 'cram'") == 1


def test_counts_daily_new_limit_and_rollover_across_midnight(store):
    store.settings.update(timezone="America/New_York")
    store.settings.update(new_cards_per_day=2)
    evening = datetime(2026, 11, 28, 23, 30, tzinfo=timezone.utc)  # 18:30 EST, study day 11-28
    assert store.cards.due_summary(evening).new == 2
    for _ in range(2):
        card = store.cards.next_card(evening)
        review(store, card, EASY, evening)
    after_midnight = datetime(2026, 11, 29, 6, 0, tzinfo=timezone.utc)  # 01:00 EST: still 11-28
    assert store.cards.due_summary(after_midnight).new == 0
    assert store.cards.next_card(after_midnight) is None
    after_rollover = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)  # 04:00 EST: 11-29
    assert store.cards.due_summary(after_rollover).new == 2
    assert store.cards.next_card(after_rollover).state == NEW


def test_rollover_across_a_dst_change(store):
    store.settings.update(timezone="America/New_York")
    card = store.cards.cards()[0]
    store.cards.record_review(card, _review_outcome(due=datetime(2026, 3, 8, 7, 30, tzinfo=timezone.utc)),
                              reviewed_at=datetime(2026, 3, 1, tzinfo=timezone.utc), duration_ms=0)
    # Due at 03:30 EDT on 03-08, i.e. before that morning's 04:00 rollover: due on study day 03-07.
    saturday_noon = datetime(2026, 3, 7, 17, 0, tzinfo=timezone.utc)
    assert store.cards.due_summary(saturday_noon).due == 1
    friday_noon = datetime(2026, 3, 6, 17, 0, tzinfo=timezone.utc)
    assert store.cards.due_summary(friday_noon).due == 0
    assert [d for d, n in store.cards.forecast(friday_noon) if n] == [date(2026, 3, 7)]


def _review_outcome(due):
    from paperdeck.models.cards import Outcome

    return Outcome(rating=GOOD, state=REVIEW, step=None, stability=5.0, difficulty=5.0,
                   due=due, last_review=due - timedelta(days=5))


def test_the_learning_queue_comes_back_after_its_step(store):
    deck = store.cards.decks()[0]
    first = store.cards.next_card(NOW, [deck.id])
    review(store, first, AGAIN, NOW)
    second = store.cards.next_card(NOW, [deck.id])
    assert second.id != first.id and second.state == NEW
    assert store.cards.next_card(NOW + timedelta(minutes=1), [deck.id]).id == first.id
    assert store.cards.due_summary(NOW, [deck.id]).learning == 1


def test_search_by_text_deck_and_category(store):
    deck = store.cards.decks()[0]
    found = store.cards.search("ppo")
    assert {c.key for c in found} == {"q.theory.vs-ppo", "q.tooling.trl-or-own", "q.deployment.streaming"}
    assert {c.key for c in store.cards.search("PPO", category_key="qcat.theory")} == {"q.theory.vs-ppo"}
    assert store.cards.search("100%_") == []
    assert len(store.cards.search(deck_id=deck.id)) == 11
    assert [c.key for c in store.cards.search("有消融实验吗")] == ["q.comparison.ablation"]
    # Talking points are searched too: the ablation card and the one citing ablations as evidence.
    assert [c.key for c in store.cards.search("消融")] == ["q.comparison.ablation", "q.training.optimizations"]


def test_stats_over_real_reviews(store):
    cards = store.cards.cards()
    day = timedelta(days=1)
    for index, card in enumerate(cards[:4]):
        _, outcome = review(store, card, EASY, NOW - 20 * day)
        card = store.cards.get(card.id)
        rating = AGAIN if index < 2 else GOOD
        review(store, card, rating, outcome.due)
    stats = store.cards.stats(NOW)
    assert len(stats.reviews_per_day) == 84 and sum(n for _, n in stats.reviews_per_day) == 8
    assert stats.retention == pytest.approx(0.5) and stats.retention_reviews == 4
    assert stats.weakest[0].lapses == 2 and stats.weakest[0].en == "Theory and mechanism"
    assert len(stats.forecast) == 14
    assert stats.total_reviews == 8
    assert store.cards.true_retention(NOW, days=1) == (None, 0)


def test_stats_read_the_study_clock_once_per_question_not_per_review(store):
    """Per-day counts and the forecast place every review and due date on a study day: the
    zone and rollover hour are read once, not once per row (30 s at 100,000 reviews)."""
    cards = store.cards.cards()
    for index, card in enumerate(cards):
        review(store, card, GOOD, NOW - timedelta(days=index % 30, hours=index))
    settings_reads: list[str] = []
    store.conn.set_trace_callback(lambda sql: settings_reads.append(sql) if "FROM settings" in sql else None)
    try:
        per_day, forecast = store.cards.reviews_per_day(NOW), store.cards.forecast(NOW)
    finally:
        store.conn.set_trace_callback(None)
    assert sum(n for _, n in per_day) == len(cards) > 10
    assert sum(n for _, n in forecast) == len(cards)
    assert len(settings_reads) <= 2


def test_streak_counts_consecutive_study_days(store):
    store.settings.update(timezone="UTC")
    cards = store.cards.cards()
    assert store.cards.streak(NOW) == 0
    for days_ago, card in zip((3, 2, 1), cards):
        store.cards.record_cram(card, GOOD, reviewed_at=NOW - timedelta(days=days_ago), duration_ms=0)
    assert store.cards.streak(NOW) == 3  # today not yet studied: the streak is still alive
    store.cards.record_cram(cards[5], HARD, reviewed_at=NOW, duration_ms=0)
    assert store.cards.streak(NOW) == 4
    assert store.cards.streak(NOW + timedelta(days=2)) == 0


def test_a_streak_longer_than_one_query_counts_across_it(store):
    """`streak` asks STREAK_CHUNK days per query: a gap or the streak's start just past a
    chunk's edge still counts exactly."""
    from paperdeck.store.card_stats import STREAK_CHUNK

    store.settings.update(timezone="Asia/Shanghai")
    card = store.cards.cards()[0]
    length = 2 * STREAK_CHUNK + 1
    for days_ago in range(1, length + 1):  # yesterday back: today not yet studied
        store.cards.record_cram(card, GOOD, reviewed_at=NOW - timedelta(days=days_ago), duration_ms=0)
    assert store.cards.streak(NOW) == length
    store.cards.record_cram(card, GOOD, reviewed_at=NOW - timedelta(days=length + 2), duration_ms=0)  # after a gap
    assert store.cards.streak(NOW) == length
    assert store.cards.streak(NOW - timedelta(days=STREAK_CHUNK)) == length - STREAK_CHUNK + 1  # that day too


def test_deck_target_seconds_is_validated(store):
    deck = store.cards.decks()[0]
    assert store.cards.set_target_seconds(deck.id, "120").target_seconds == 120
    for bad in ("abc", 0, 99999, None):
        with pytest.raises(ValidationError):
            store.cards.set_target_seconds(deck.id, bad)


def test_retention_and_new_limit_settings_are_validated(store):
    settings = store.settings
    assert settings.set_text("desired_retention", "85%") == pytest.approx(0.85)
    assert settings.load().desired_retention == pytest.approx(0.85)
    assert settings.set_text("desired_retention", "0.95") == pytest.approx(0.95)
    for bad in ("abc", "50%", "1.5", ""):
        with pytest.raises(ValidationError):
            settings.set_text("desired_retention", bad)
    assert settings.set_text("new_cards_per_day", " 5 ") == 5 and settings.load().new_cards_per_day == 5
    for bad in ("-1", "x", "1e9"):
        with pytest.raises(ValidationError):
            settings.set_text("new_cards_per_day", bad)
    assert settings.load().desired_retention == pytest.approx(0.95)


def test_every_seeded_follow_up_question_has_talking_points_in_both_languages(store):
    from paperdeck.models.cards import INTERVIEW_DECK
    from paperdeck.store.seed import seed_all

    deck = store.cards.deck_by_key(INTERVIEW_DECK)
    cards = store.cards.cards(deck.id)
    assert len(cards) == 11
    for card in cards:
        zh, en = card.back.split("\n\n")
        assert zh.startswith("结构：") and "坑：" in zh, card.key
        assert en.startswith("Structure:") and "Pitfalls:" in en, card.key
    ppo = next(card for card in cards if card.key == "q.theory.vs-ppo")
    assert "reward drift" in ppo.back and "Optuna" in ppo.back  # drawn from the guide's own material

    # The user's own talking points win over a re-seed; an unedited card is refreshed.
    mine = store.cards.edit(ppo.id, back="my own answer")
    store.conn.execute("UPDATE cards SET back = '' WHERE id = ?", (cards[0].id,))
    store.conn.commit()
    seed_all(store)
    assert store.cards.get(mine.id).back == "my own answer"
    assert store.cards.get(cards[0].id).back == cards[0].back


def test_weakest_categories_count_lapses_and_the_cards_that_lapsed(store):
    """Two lapses of one card and one of another: three lapses, two cards."""
    day = timedelta(days=1)
    theory = [card for card in store.cards.cards() if card.category_key == store.cards.cards()[0].category_key]
    first, second = theory[0], theory[1]
    for card, lapses in ((first, 2), (second, 1)):
        at = NOW - 60 * day
        for _ in range(lapses):
            _, outcome = review(store, store.cards.get(card.id), EASY, at)  # into the review state
            _, outcome = review(store, store.cards.get(card.id), AGAIN, outcome.due)  # a lapse
            at = outcome.due + day
    weakest = store.cards.weakest_categories()
    assert (weakest[0].category_key, weakest[0].lapses, weakest[0].cards) == (first.category_key or "", 3, 2)
