"""The paper form's questions (the paper, the venues and topics it offers, the stage's
checklist, the stage history, the submissions) and the writes behind its buttons."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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

    def venue_key(self, name: str) -> str | None:
        """The known venue called `name` (any case), for a submission typed by name."""
        return next((key for venue_name, key in self.venues if venue_name.lower() == name.lower()), None)


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
    )


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
                      year: int | None) -> Paper:
    """Submitted to a venue: the paper moves to Under review; the paper as it is now."""
    store.papers.submit(paper_id, venue_name, venue_key=venue_key, year=year)
    return store.papers.get(paper_id)


def decide_pending_submission(store: "Store", paper_id: int, decision: str) -> Paper | None:
    """The latest pending submission gets its decision (a rejection returns the paper to
    Writing); the paper as it is now, or None when no submission is pending."""
    pending = [s for s in store.papers.submissions(paper_id) if not s.decision]
    if not pending:
        return None
    return store.papers.decide(pending[-1].id, decision)
