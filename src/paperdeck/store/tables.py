"""Every table's mapper, in one place (see mapping.py for how fields become columns).

A table with no model is listed in UNMAPPED with the module that reads it; the schema test
(tests/test_mapping.py) fails for a table that is in neither, and for a column without its
field or a field without its column.
"""

from __future__ import annotations

from .mapping import Codec, Mapper
from ..models.venues import DeadlineKind  # read per deadline row (`_deadline_kind`)

# Each model is imported at its mapper's first use (mapping.Mapper): `paperdeck today` and the
# Dashboard read few of these tables whole, and every model imported is a start-up cost.


def _paper():
    from ..models.papers import Paper
    return Paper


def _stage_move():
    from ..models.papers import StageMove
    return StageMove


def _checklist_item():
    from ..models.papers import ChecklistItem
    return ChecklistItem


def _submission():
    from ..models.papers import Submission
    return Submission


def _venue():
    from ..models.venues import Venue
    return Venue


def _deadline():
    from ..models.venues import Deadline
    return Deadline


def _deck():
    from ..models.cards import Deck
    return Deck


def _card():
    from ..models.cards import Card
    return Card


def _review():
    from ..models.cards import Review
    return Review


def _pitch_section():
    from ..models.pitch import PitchSection
    return PitchSection


def _pitch_version():
    from ..models.pitch import PitchVersion
    return PitchVersion


def _rehearsal():
    from ..models.pitch import Rehearsal
    return Rehearsal


def _guide_item():
    from ..models.guide import GuideItem
    return GuideItem


def _draft():
    from ..models.drafts import Draft
    return Draft


def _deadline_kind(value: str) -> DeadlineKind:
    """A kind this version does not know (a newer one wrote it) reads as Other."""
    try:
        return DeadlineKind(value)
    except ValueError:
        return DeadlineKind.OTHER


PAPERS = Mapper(_paper, "papers", joined={"venue_name"},  # the venue's name (paper_reads.PAPER_SELECT)
                store_only={"checklist_from_template"})  # read by store/paper_parts.py
STAGE_HISTORY = Mapper(_stage_move, "stage_history")
CHECKLIST_ITEMS = Mapper(_checklist_item, "checklist_items")
SUBMISSIONS = Mapper(_submission, "submissions")
VENUES = Mapper(_venue, "venues")
DEADLINES = Mapper(
    _deadline, "deadlines",
    columns={"at": "at_utc"},
    joined={"venue_key", "venue_name"},              # joined from the venue row (venues._DEADLINE_SELECT)
    computed={"range_start", "range_end", "based_on",  # estimates only, never stored
              "invalid"},                               # set by venues.deadline_from_row
    store_only={"venue_id"},                         # the model names its venue by key
    codecs={"kind": Codec(_deadline_kind, lambda kind: kind.value)},
)
DECKS = Mapper(_deck, "decks")
CARDS = Mapper(_card, "cards")
REVIEWS = Mapper(_review, "reviews", store_only={"before_state"})  # card_before's state, kept by triggers (0014)
PITCH_SECTIONS = Mapper(_pitch_section, "pitch_sections",
                        store_only={"words", "cjk_chars"})  # speaking counts, store/speech_counts.py
PITCH_VERSIONS = Mapper(_pitch_version, "pitch_versions")
REHEARSALS = Mapper(_rehearsal, "rehearsals")
GUIDE_ITEMS = Mapper(_guide_item, "guide_items")
DRAFTS = Mapper(_draft, "drafts")

MAPPERS: tuple[Mapper, ...] = (
    PAPERS, STAGE_HISTORY, CHECKLIST_ITEMS, SUBMISSIONS, VENUES, DEADLINES, DECKS, CARDS, REVIEWS,
    PITCH_SECTIONS, PITCH_VERSIONS, REHEARSALS, GUIDE_ITEMS, DRAFTS,
)
# Tables that hold no model, and who reads them.
UNMAPPED = {
    "tracker_cache": "store/trackers.py: each tracker file's ETag and Last-Modified",
    "settings": "store/settings.py: key -> JSON, read into the typed Settings",
    "seed_applied": "store/seed.py: the seed keys ever applied",
    "undo_log": "store/undo.py: the undo journal (rows as JSON)",
    "database_identity": "store/backup.py (the id backups are matched by), store/schema_check.py (its digest)",
    "card_lapses": "store/card_stats.py: lapses per card and its category, kept by migration 0015's triggers",
}
