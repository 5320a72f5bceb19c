"""Issue 14: every user-authored text is saved with a version check (store/versions.py), and
every destructive action is one undo entry of its journal. Two Stores on one database file
stand for two windows (two processes: each has its own connection)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from paperdeck.models.pitch import Lap
from paperdeck.store import ConflictError, NotFound, open_store
from paperdeck.store.resume_marks import set_resume_fields


@pytest.fixture
def other(seeded_db, store):
    """A second window on the same file."""
    opened = open_store(seeded_db)
    yield opened
    opened.close()


def _venue_and_deadline(store):
    venue = store.venues.add("Workshop On Conflicts")
    deadline = store.venues.add_deadline(venue.key, 2027, "abstract", on_date=date(2027, 1, 15), note="mine")
    return venue, deadline


# Each case: make the object, return (save with a version, read its version, the object's text field).
def _pitch(store, other):
    paper = store.papers.add("Pitched twice")
    version = store.pitches.save_section(paper.id, "pitch.method", "first")
    other.pitches.save_section(paper.id, "pitch.method", "theirs", version)
    return lambda: store.pitches.save_section(paper.id, "pitch.method", "mine", version), "body", "theirs"


def _paper_notes(store, other):
    paper = store.papers.add("Noted twice")
    other.papers.update(paper.id, paper.version, notes="theirs")
    return lambda: store.papers.update(paper.id, paper.version, notes="mine"), "notes", "theirs"


def _bullets(store, other):
    paper = store.papers.add("Bulleted twice")
    set_resume_fields(other, paper.id, bullets=["theirs"], expected_version=paper.version)
    return (lambda: set_resume_fields(store, paper.id, bullets=["mine"], expected_version=paper.version),
            "bullets", '["theirs"]')


def _card(store, other):
    deck = store.cards.decks()[0]
    card = store.cards.add(deck.id, "Why this method?", back="first")
    other.cards.edit(card.id, back="theirs", expected_version=card.version)
    return lambda: store.cards.edit(card.id, back="mine", expected_version=card.version), "back", "theirs"


def _venue(store, other):
    venue, _ = _venue_and_deadline(store)
    other.venues.update(venue.key, venue.version, full_name="theirs")
    return lambda: store.venues.update(venue.key, venue.version, full_name="mine"), "full_name", "theirs"


def _deadline(store, other):
    _, deadline = _venue_and_deadline(store)
    other.venues.update_deadline(deadline.id, deadline.version, note="theirs")
    return lambda: store.venues.update_deadline(deadline.id, deadline.version, note="mine"), "note", "theirs"


@pytest.mark.parametrize("case", [_pitch, _paper_notes, _bullets, _card, _venue, _deadline],
                         ids=["pitch part", "paper notes", "resume bullets", "card", "venue", "deadline"])
def test_a_stale_save_is_refused_with_the_other_sides_text(store, other, case):
    save, column, their_text = case(store, other)
    with pytest.raises(ConflictError) as raised:
        save()
    assert raised.value.theirs is not None and raised.value.theirs[column] == their_text
    assert raised.value.current_version is not None


def test_a_pitch_part_saved_elsewhere_after_it_was_empty_is_a_conflict(store, other):
    paper = store.papers.add("Both started typing")
    other.pitches.save_section(paper.id, "pitch.results", "theirs", 0)
    with pytest.raises(ConflictError):
        store.pitches.save_section(paper.id, "pitch.results", "mine", 0)
    assert store.pitches.bodies(paper.id)["pitch.results"] == "theirs"


def test_pitch_text_for_a_paper_deleted_elsewhere_is_never_saved_anywhere(store, other):
    doomed = store.papers.add("Deleted elsewhere")
    kept = store.papers.add("Another paper")
    version = store.pitches.save_section(doomed.id, "pitch.method", "before")
    other.papers.delete(doomed.id)
    with pytest.raises(NotFound):
        store.pitches.save_section(doomed.id, "pitch.method", "typed after", version)
    assert store.pitches.bodies(kept.id)["pitch.method"] == ""
    assert store.scalar("SELECT count(*) FROM pitch_sections WHERE body = 'typed after'") == 0


def test_a_draft_outlives_what_it_was_written_for(store):
    paper = store.papers.add("Soon gone")
    store.papers.delete(paper.id)
    draft = store.drafts.keep("pitch", "pitch of “Soon gone”", "Method: the text I typed")
    reopened = [d for d in store.drafts.all() if d.id == draft.id]
    assert reopened and reopened[0].body == "Method: the text I typed"


# -- undo for every destructive action --------------------------------------------------------

def _count(store, sql, *params):
    return store.scalar(sql, params)


def test_deleting_a_deadline_is_undone_exactly(store):
    venue, deadline = _venue_and_deadline(store)
    store.venues.delete_deadline(deadline.id)
    assert store.undo("venues").startswith("delete the Workshop On Conflicts 2027")
    back = store.venues.get_deadline(deadline.id)
    assert (back.on_date, back.note, back.uid) == (deadline.on_date, "mine", deadline.uid)
    assert store.undo("venues", redo=True)
    with pytest.raises(NotFound):
        store.venues.get_deadline(deadline.id)


def test_deleting_a_venue_brings_back_its_deadlines_on_undo(store):
    venue, deadline = _venue_and_deadline(store)
    store.venues.delete(venue.key)
    assert _count(store, "SELECT count(*) FROM deadlines WHERE id = ?", deadline.id) == 0
    store.undo("venues")
    assert store.venues.get(venue.key).name == "Workshop On Conflicts"
    assert store.venues.get_deadline(deadline.id).note == "mine"


def test_deleting_a_card_brings_back_its_reviews_on_undo(store):
    deck = store.cards.decks()[0]
    card = store.cards.add(deck.id, "Reviewed then deleted")
    now = datetime(2026, 11, 30, 12, tzinfo=timezone.utc)
    outcome = store.cards.preview(card, now)[3]
    store.cards.record_review(card, outcome, reviewed_at=now, duration_ms=4000)
    store.cards.delete(card.id)
    assert _count(store, "SELECT count(*) FROM reviews WHERE card_id = ?", card.id) == 0
    assert "Reviewed then deleted" in store.undo("cards")
    assert store.cards.get(card.id).front == "Reviewed then deleted"
    assert _count(store, "SELECT count(*) FROM reviews WHERE card_id = ?", card.id) == 1


def test_deleting_a_deck_brings_back_its_cards_on_undo(store):
    deck = store.cards.add_deck("Doomed deck")
    card = store.cards.add(deck.id, "In the doomed deck")
    store.cards.delete_deck(deck.id)
    store.undo("cards")
    assert store.cards.get(card.id).deck_id == deck.id


def test_deleting_a_rehearsal_is_undone(store):
    paper = store.papers.add("Rehearsed")
    run = store.pitches.add_rehearsal(paper.id, datetime(2026, 11, 30, 9, tzinfo=timezone.utc),
                                      [Lap("pitch.method", 60_000, 120, 0)])
    store.pitches.delete_rehearsal(run.id)
    assert store.pitches.rehearsals(paper.id) == []
    store.undo("pitch")
    assert [r.total_ms for r in store.pitches.rehearsals(paper.id)] == [60_000]


def test_taking_a_paper_off_the_resume_is_undone(store):
    paper = store.papers.add("On my resume")
    set_resume_fields(store, paper.id, on_resume=False)
    assert "off the resume" in store.papers.undo()
    assert store.papers.get(paper.id).on_resume


def test_deleting_a_paper_is_undone_with_its_pitch(store):
    paper = store.papers.add("Deleted with its pitch")
    store.pitches.save_section(paper.id, "pitch.method", "kept by undo")
    store.papers.delete(paper.id)
    store.papers.undo()
    assert store.pitches.bodies(paper.id)["pitch.method"] == "kept by undo"


def test_undo_refuses_when_the_deleted_row_was_made_again(store, other):
    venue, deadline = _venue_and_deadline(store)
    store.venues.delete_deadline(deadline.id)
    with other.transaction() as conn:  # another process fills the id in meanwhile
        conn.execute("INSERT INTO deadlines (id, venue_id, edition_year, kind, on_date, uid) "
                     "VALUES (?, ?, 2027, 'other', '2027-02-01', 'squatter')", (deadline.id, venue.id))
    with pytest.raises(ConflictError):
        store.undo("venues")
