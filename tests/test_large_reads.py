"""The screens' reads at a heavy user's scale (issue 18): the deck list's counts in one pass
over the cards, the resume reading only what its entries say. Each read's values are checked
against the same values computed the old way, on a real file, after edits, undo and redo."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import datetime, timedelta, timezone

from paperdeck.domain.resume_entry import ENTRY_FIELDS, build_entry
from paperdeck.models.cards import AGAIN, GOOD, DueSummary
from paperdeck.models.common import to_iso
from paperdeck.models.papers import Paper, Stage, Submission
from paperdeck.usecases.resume import resume_entries

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)


def old_deck_counts(store, now):
    """The deck list's counts as they were computed before (two passes over the cards)."""
    _start, end = store.cards.day_bounds(now)
    totals = {}
    for suspended, deck_id, count in store.rows("SELECT suspended, deck_id, count(*) FROM cards GROUP BY suspended, deck_id"):
        total, paused = totals.get(deck_id, (0, 0))
        totals[deck_id] = (total + count, paused + (count if suspended else 0))
    per_deck = {}
    for deck_id, state, count in store.rows(
            "SELECT deck_id, state, count(*) FROM cards WHERE suspended = 0 AND (due < ? OR state = 0) "
            "GROUP BY deck_id, state", (to_iso(end),)):
        per_deck.setdefault(deck_id, {})[state] = count
    remaining = store.cards.new_remaining(now)
    found = []
    for deck in store.cards.decks():
        states = per_deck.get(deck.id, {})
        total, suspended = totals.get(deck.id, (0, 0))
        found.append((deck.id, total, DueSummary(min(states.get(0, 0), remaining), states.get(1, 0) + states.get(3, 0),
                                                  states.get(2, 0)), suspended))
    return found


def deck_counts(store, now):
    return [(entry.deck.id, entry.total, entry.counts, entry.suspended) for entry in store.cards.deck_counts(now)]


def card_statements(store, read):
    """The SQL statements `read` ran that read the cards table."""
    seen = []
    store.conn.set_trace_callback(seen.append)
    try:
        read()
    finally:
        store.conn.set_trace_callback(None)
    return [sql for sql in seen if " cards" in sql]


def test_deck_counts_equal_the_old_counts_after_ratings_suspends_undo_and_redo(store):
    cards = store.cards
    decks = cards.decks()
    mine = cards.add_deck("Mine")
    for n in range(12):
        cards.add(mine.id if n % 2 else decks[0].id, f"Question {n}", category_key="qcat.theory")
    every = cards.cards()
    for n, card in enumerate(every[:14]):  # learning, review and relearning cards, due at several times
        at = NOW - timedelta(days=30 - n)
        outcome = cards.preview(card, at)[GOOD if n % 3 else AGAIN]
        cards.record_review(card, outcome, reviewed_at=at, duration_ms=1000)
    cards.set_suspended(every[1].id, True)
    cards.set_suspended(every[-1].id, True)
    with store.transaction() as conn:  # review and relearning cards, falling due over the coming days
        for n, card in enumerate(every[14:24]):
            conn.execute("UPDATE cards SET state = ?, due = ? WHERE id = ?",
                         (2 if n % 3 else 3, to_iso(NOW + timedelta(days=n - 2)), card.id))
    states = {row[0] for row in store.rows("SELECT state FROM cards WHERE suspended = 0")}
    assert states == {0, 1, 2, 3}
    for now in (NOW, NOW + timedelta(days=3), NOW + timedelta(days=40)):
        assert deck_counts(store, now) == old_deck_counts(store, now)
    cards.delete(every[2].id)
    assert deck_counts(store, NOW) == old_deck_counts(store, NOW)
    assert store.undo("cards")
    assert deck_counts(store, NOW) == old_deck_counts(store, NOW)
    assert store.undo("cards", redo=True)
    assert deck_counts(store, NOW) == old_deck_counts(store, NOW)
    assert any(entry[3] for entry in deck_counts(store, NOW))  # a deck with a suspended card


def test_deck_counts_read_the_cards_once(store):
    """One pass over the cards (the cards_deck_state index, in its order): two before."""
    statements = card_statements(store, lambda: store.cards.deck_counts(NOW))
    assert len(statements) == 1, statements
    plan = " ".join(row[3] for row in store.rows(f"EXPLAIN QUERY PLAN {statements[0]}"))
    assert "COVERING INDEX cards_deck_state" in plan and "TEMP B-TREE" not in plan, plan


def whole_paper() -> Paper:
    return Paper(
        id=7, title="  Sparse Adapters  ", stage=Stage.DECISION, position=3.0, venue_key="acl", target_year=2025,
        track="findings", topic_key="nlp", status="accepted", decision="Accept (Oral)", award="Oral (1%)",
        authors=["Wu, Zhen", "Si Li", "Rob van der Goot"], my_author_index=None, equal_contribution=[0, 1],
        links={"code": "https://github.com/x/y", "url": "https://example.org/p", "arxiv": "https://arxiv.org/abs/1"},
        contribution="- A new adapter\n- Fewer parameters", result="Beats LoRA", method="m", baseline="b",
        dataset="d", problem="p", limitations="l", notes="n", bullets=[], on_resume=True, selected=True,
        stage_entered_at=NOW, created_at=NOW, updated_at=NOW, version=4, seed_key=None, doi="10.1/x",
        arxiv_id="2501.00001", user_edited=True, corresponding=[2], cite_key="wu2025sparse",
        bib_entry={"type": "inproceedings", "fields": {"booktitle": "Findings"}}, target_cycle=1, venue_name="ACL",
    )


def test_an_entry_needs_only_the_entry_fields():
    """build_entry reads nothing of a paper but ENTRY_FIELDS: the resume reads only those."""
    paper = whole_paper()
    kept = Paper(**{name: getattr(paper, name) for name in ENTRY_FIELDS})
    history = [Submission(id=1, paper_id=7, venue_key="acl", venue_name="ACL", year=2025, track=None,
                          submitted_on=None, scores="", decision=None, notes="")]
    for bullets in ([], ["One", "Two"]):
        for review_titles in (False, True):
            whole = build_entry(dataclasses.replace(paper, bullets=bullets), history, my_names=["Si Li"],
                                review_titles=review_titles)
            part = build_entry(dataclasses.replace(kept, bullets=bullets), history, my_names=["Si Li"],
                               review_titles=review_titles)
            assert whole == part and whole.source == part.source


def test_the_resume_reads_only_what_its_entries_say_and_they_match_whole_papers(store, add_paper):
    for n in range(6):
        paper = add_paper(f"Paper {n}", Stage.DECISION if n % 2 else Stage.UNDER_REVIEW, venue_key="acl",
                          target_year=2025, decision="Accept" if n % 2 else None, arxiv_id=f"2501.0000{n}",
                          authors=["Zhen Wu", "Si Li"], contribution=f"Does {n}", notes="long notes " * 50)
    store.papers.update(paper.id, paper.version, notes="changed", bullets=["A bullet"])
    seen = []
    store.conn.set_trace_callback(seen.append)
    try:
        found = resume_entries(store)
    finally:
        store.conn.set_trace_callback(None)
    read = [sql for sql in seen if "FROM papers" in sql and " IN (" in sql]
    assert read and all("p.*" not in sql and "notes" not in sql for sql in read), read
    # The same entries as built from whole papers, in the same order.
    from paperdeck.store.paper_reads import submissions_by_paper

    history, settings = submissions_by_paper(store), store.settings.load()
    from paperdeck.usecases.resume import venue_names

    names = venue_names(store)
    for entry in [*found.shown, *found.hidden]:
        whole = build_entry(store.papers.get(entry.paper_id), history.get(entry.paper_id, ()), names,
                            settings.my_names, review_titles=settings.resume_review_titles, cite_key=entry.cite_key)
        assert entry == whole
    assert len(found.shown) == 6
