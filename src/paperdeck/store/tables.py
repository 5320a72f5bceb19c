"""Every table's mapper, in one place (see mapping.py for how fields become columns).

A table with no model is listed in UNMAPPED with the module that reads it; the schema test
(tests/test_mapping.py) fails for a table that is in neither, and for a column without its
field or a field without its column.
"""

from __future__ import annotations

from .mapping import Codec, Mapper
from ..models.cards import Card, Deck, Review
from ..models.drafts import Draft
from ..models.guide import GuideItem
from ..models.papers import ChecklistItem, Paper, StageMove, Submission
from ..models.pitch import PitchSection, PitchVersion, Rehearsal
from ..models.venues import Deadline, DeadlineKind, Venue


def _deadline_kind(value: str) -> DeadlineKind:
    """A kind this version does not know (a newer one wrote it) reads as Other."""
    try:
        return DeadlineKind(value)
    except ValueError:
        return DeadlineKind.OTHER


PAPERS = Mapper(Paper, "papers", joined={"venue_name"})  # the venue's name (paper_reads.PAPER_SELECT)
STAGE_HISTORY = Mapper(StageMove, "stage_history")
CHECKLIST_ITEMS = Mapper(ChecklistItem, "checklist_items")
SUBMISSIONS = Mapper(Submission, "submissions")
VENUES = Mapper(Venue, "venues")
DEADLINES = Mapper(
    Deadline, "deadlines",
    columns={"at": "at_utc"},
    joined={"venue_key", "venue_name"},              # joined from the venue row (venues._DEADLINE_SELECT)
    computed={"range_start", "range_end", "based_on",  # estimates only, never stored
              "invalid"},                               # set by venues.deadline_from_row
    store_only={"venue_id"},                         # the model names its venue by key
    codecs={"kind": Codec(_deadline_kind, lambda kind: kind.value)},
)
DECKS = Mapper(Deck, "decks")
CARDS = Mapper(Card, "cards")
REVIEWS = Mapper(Review, "reviews")
PITCH_SECTIONS = Mapper(PitchSection, "pitch_sections",
                        store_only={"words", "cjk_chars"})  # speaking counts, store/speech_counts.py
PITCH_VERSIONS = Mapper(PitchVersion, "pitch_versions")
REHEARSALS = Mapper(Rehearsal, "rehearsals")
GUIDE_ITEMS = Mapper(GuideItem, "guide_items")
DRAFTS = Mapper(Draft, "drafts")

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
}
