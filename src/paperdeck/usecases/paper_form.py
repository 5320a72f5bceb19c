"""The paper form's questions (the paper, the venues and topics it offers, the stage's
checklist, the stage history, the submissions) and the writes behind its buttons."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..models.common import utcnow
from ..models.guide import GuideItem
from ..models.papers import ChecklistItem, Paper, StageMove, Submission

if TYPE_CHECKING:
    from ..store import Store

CHECKLIST_GUIDE_KINDS = ("task", "tool", "tip")


@dataclass(frozen=True)
class PaperFormView:
    paper: Paper
    venues: tuple[tuple[str, str], ...]         # (name, key) to choose the target from
    topics: tuple[GuideItem, ...]
    checklist: tuple[ChecklistItem, ...]        # the paper's current stage's
    guide: Mapping[str, GuideItem]              # the guide's tasks, tools and tips, by key (their zh text)
    history: tuple[StageMove, ...]
    submissions: tuple[Submission, ...]
    # Venue key -> years, newest first: read when the Submissions tab is shown (`submission_
    # editions`: every venue's estimates, ~7 ms at medium, which most openings never need). None: not read.
    editions: Mapping[str, tuple[int, ...]] | None = None
    today: str = ""  # the user's day (ISO), a new submission's date

    def venue_key(self, name: str) -> str | None:
        """The known venue called `name` or keyed so (any case), for a submission typed by name."""
        wanted = name.strip().lower()
        return next((key for venue_name, key in self.venues if wanted in (venue_name.lower(), key.lower())), None)

    def edition_choices(self, venue_name: str) -> tuple[int, ...]:
        """The editions a submission to `venue_name` can name: the venue's stored and estimated
        editions and the current and next year, newest first."""
        key = self.venue_key(venue_name)
        known = set(self.editions.get(key, ())) if key and self.editions else set()
        year = int(self.today[:4]) if self.today else datetime.now().year
        return tuple(sorted(known | {year, year + 1}, reverse=True))

    @property
    def pending(self) -> Submission | None:
        """The latest submission still waiting for its decision."""
        waiting = [submission for submission in self.submissions if not submission.decision]
        return waiting[-1] if waiting else None


def paper_form(store: "Store", paper_id: int) -> PaperFormView:
    """NotFound when the paper was deleted meanwhile."""
    papers, guide = store.papers, store.guide
    paper = papers.get(paper_id)
    return PaperFormView(
        paper=paper,
        venues=tuple((venue.name, venue.key) for venue in store.venues.all()),
        topics=tuple(guide.items("topic")),
        checklist=tuple(papers.checklist(paper_id, paper.stage)),
        guide={item.key: item for kind in CHECKLIST_GUIDE_KINDS for item in guide.items(kind)},
        history=tuple(papers.history(paper_id)),
        submissions=tuple(papers.submissions(paper_id)),
        today=_today(store),
    )


def submission_editions(store: "Store") -> dict[str, tuple[int, ...]]:
    """Each venue's stored and estimated edition years, newest first (PaperFormView.editions)."""
    years = {key: set(found) for key, found in store.venues.edition_years().items()}
    for estimate in store.venues.estimates(utcnow()):
        years.setdefault(estimate.venue_key, set()).add(estimate.edition_year)
    return {key: tuple(sorted(found, reverse=True)) for key, found in years.items()}


def _today(store: "Store") -> str:
    return utcnow().astimezone(store.settings.zone()).date().isoformat()


def save_paper(store: "Store", paper_id: int, expected_version: int | None, fields: Mapping[str, Any]) -> Paper:
    """Save the form's changed fields. ConflictError when the paper changed since
    `expected_version` (None: save over it, the user chose to keep mine); NotFound when it
    was deleted. `links` names only the kinds edited (None: removed): the others - those
    the form has no field for, such as an imported url, pdf or website - stay as stored."""
    fields = dict(fields)
    if "links" in fields:
        links = dict(store.papers.get(paper_id).links)
        for kind, url in fields["links"].items():
            if url:
                links[kind] = url
            else:
                links.pop(kind, None)
        fields["links"] = links
    return store.papers.update(paper_id, expected_version, **fields)


def tick_checklist_item(store: "Store", item_id: int, done: bool) -> None:
    store.papers.set_checklist_done(item_id, done)


def record_submission(store: "Store", paper_id: int, venue_name: str, *, venue_key: str | None,
                      year: int | None, submitted_on: str | None = None, forum_id: str = "",
                      scores: str = "") -> Paper:
    """Submitted to a venue: the paper moves to Under review; the paper as it is now."""
    store.papers.submit(paper_id, venue_name, venue_key=venue_key, year=year, submitted_on=submitted_on,
                        forum_id=forum_id, scores=scores)
    return store.papers.get(paper_id)


def decide_pending_submission(store: "Store", paper_id: int, decision: str, scores: str | None = None) -> Paper | None:
    """The latest pending submission gets its decision (a rejection returns the paper to
    Writing) and `scores` (None: keeps those recorded); the paper as it is now, or None when
    no submission is pending."""
    pending = [s for s in store.papers.submissions(paper_id) if not s.decision]
    if not pending:
        return None
    kept = pending[-1].scores if scores is None or not scores.strip() else scores.strip()
    return store.papers.decide(pending[-1].id, decision, scores=kept)
