"""The Pitch screen's questions: one view (papers, the guide's parts, the chosen paper's text,
the target and the speaker's rates, its rehearsals) and the writes behind its keys."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from ..domain.speaking import Rates
from ..models.stages import Stage
from ..models.pitch import Lap, PitchPart, PitchVersion, Rehearsal
from ..store.errors import ConflictError
from .pitch_rates import rates_by_paper  # noqa: F401  (importers name it here too)

if TYPE_CHECKING:
    from ..models.papers import PaperChoice
    from ..store import Store

# Where the paper being written is: the further along, the likelier (Pitch opens on it).
PITCH_ORDER = (Stage.IDEATION, Stage.DESIGN, Stage.EXPERIMENTS, Stage.WRITING, Stage.SUBMISSION,
               Stage.UNDER_REVIEW)


@dataclass(frozen=True)
class PitchPaper:
    id: int
    title: str
    is_example: bool = False  # one of the guide's example papers


@dataclass(frozen=True)
class PitchView:
    """Everything the Pitch screen shows, read at one instant: typing, the gauge and the
    rehearsal timer work from this and never ask the store."""

    papers: tuple[PitchPaper, ...]
    paper_id: int | None                     # the paper shown: asked for, else remembered, else latest
    parts: tuple[PitchPart, ...]
    bodies: Mapping[str, str] = field(default_factory=dict)  # the paper's saved text per part
    versions: Mapping[str, int] = field(default_factory=dict)  # ... and its version (0: never saved)
    target_minutes: tuple[float, float] = (5.0, 8.0)
    rates: Rates = Rates()                    # the speaker's, measured once they rehearsed
    runs: int = 0                             # the paper's rehearsals ...
    last_run_ms: int | None = None            # ... and the latest one's length

    def title(self, paper_id: int | None) -> str:
        return next((paper.title for paper in self.papers if paper.id == paper_id), "")


def speaker_rates(store: "Store", paper_id: int | None = None) -> Rates:
    """The speaking rates a pitch is timed at (`rates_by_paper`), for `paper_id` or pooled."""
    pooled, by_paper = rates_by_paper(store)
    return by_paper.get(paper_id, pooled) if paper_id is not None else pooled


def opening_paper(store: "Store", papers: Sequence["PaperChoice"]) -> int | None:
    """The paper the Pitch screen opens on: the one pitched last time, else the one whose pitch
    was edited last, else the user's paper furthest along (Writing before Experiments ...) and
    most recently changed; the guide's examples only when there is nothing else."""
    ids = {paper.id for paper in papers}
    remembered = store.settings.load().pitch_paper_id
    if remembered in ids:
        return remembered
    chosen = [paper for paper in papers if not paper.is_example] or list(papers)
    edited = store.pitches.last_edited_paper({paper.id for paper in chosen})
    if edited is not None:
        return edited
    wanted = {paper.id for paper in chosen}  # their dates too, read only now: seldom needed
    own = [paper for paper in store.papers.outlines() if paper.id in wanted]
    working = [paper for paper in own if paper.stage in PITCH_ORDER] or own
    best = max(working, default=None, key=lambda paper: (
        PITCH_ORDER.index(paper.stage) if paper.stage in PITCH_ORDER else -1,
        paper.updated_at or paper.created_at or datetime.min.replace(tzinfo=timezone.utc), paper.id))
    return best.id if best else None


def pitch_view(store: "Store", paper_id: int | None) -> PitchView:
    """The view for `paper_id` (None, or a paper deleted meanwhile: `opening_paper`)."""
    papers = store.papers.choices()  # ids, titles, stages: all that is read below
    if paper_id not in {paper.id for paper in papers}:
        paper_id = opening_paper(store, papers)
    pitches = store.pitches
    runs = pitches.rehearsals(paper_id) if paper_id is not None else []
    return PitchView(
        papers=tuple(PitchPaper(paper.id, paper.title, paper.is_example) for paper in papers),
        paper_id=paper_id,
        parts=tuple(pitches.parts()),
        bodies=pitches.bodies(paper_id) if paper_id is not None else {},
        versions=pitches.part_versions(paper_id) if paper_id is not None else {},
        target_minutes=pitches.target_minutes(),
        rates=speaker_rates(store, paper_id),
        runs=len(runs),
        last_run_ms=runs[0].total_ms if runs else None,
    )


def save_pitch(store: "Store", paper_id: int, texts: Mapping[str, str], *,
               snapshot_every: timedelta | None, expected: Mapping[str, int] | None = None) -> dict[str, int]:
    """Autosave the edited parts, then keep a version when one is due (`snapshot_every`
    since the last; None: now, unless unchanged). Returns each saved part's new version.

    `expected`: the versions the editors loaded. A part saved elsewhere since raises
    ConflictError (nothing of this save is written; the pitch as stored is kept in the
    history first, so their side is never lost); a paper deleted meanwhile raises NotFound."""
    saved: dict[str, int] = {}
    if texts:
        try:
            saved = store.pitches.save_sections(paper_id, dict(texts), dict(expected or {}))
        except ConflictError:
            store.pitches.snapshot(paper_id)
            raise
    store.pitches.snapshot(paper_id, min_interval=snapshot_every)
    return saved


def save_pitch_part(store: "Store", paper_id: int, part_key: str, text: str, expected: int | None) -> tuple[str, int]:
    """A conflict's answer: save one part (expected=None: over whatever is stored), keep the
    result in the history; (the text saved, its version)."""
    version = store.pitches.save_section(paper_id, part_key, text, expected)
    store.pitches.snapshot(paper_id)
    return text, version


def part_versions(store: "Store", paper_id: int) -> dict[str, int]:
    return store.pitches.part_versions(paper_id)


def remember_pitch_paper(store: "Store", paper_id: int) -> None:
    store.settings.update(pitch_paper_id=paper_id)


def record_rehearsal(store: "Store", paper_id: int, started_at: datetime, laps: Sequence[Lap], total_ms: int) -> None:
    store.pitches.add_rehearsal(paper_id, started_at, list(laps), total_ms)


def rehearsal_list(store: "Store", paper_id: int) -> list[Rehearsal]:
    """The paper's rehearsals, newest first."""
    return store.pitches.rehearsals(paper_id)


def delete_rehearsal(store: "Store", rehearsal_id: int) -> None:
    """Delete a run: an entry of the pitch's undo journal (`undo_rehearsal_delete`)."""
    store.pitches.delete_rehearsal(rehearsal_id)


def undo_rehearsal_delete(store: "Store") -> str | None:
    """Bring the last deleted run back, as it was; what was undone (None: nothing to undo)."""
    from ..store.pitches import SCOPE

    return store.undo(SCOPE)


def pitch_versions(store: "Store", paper_id: int) -> list[PitchVersion]:
    """Newest first: the history dialog's list."""
    return store.pitches.versions(paper_id)


def restore_pitch_version(store: "Store", version_id: int) -> tuple[dict[str, str], dict[str, int]]:
    """Bring a version back (the current text is kept as a version first); the restored text
    and its parts' versions."""
    bodies = store.pitches.restore(version_id)
    return bodies, store.pitches.part_versions(store.pitches.version(version_id).paper_id)
