"""The Pitch screen's questions: one view (papers, the guide's parts, the chosen paper's text,
the target and the speaker's rates, its rehearsals) and the writes behind its keys."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..domain.speaking import Rates, rates_from_laps
from ..models.pitch import Lap, PitchPart, PitchVersion

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True)
class PitchPaper:
    id: int
    title: str


@dataclass(frozen=True)
class PitchView:
    """Everything the Pitch screen shows, read at one instant: typing, the gauge and the
    rehearsal timer work from this and never ask the store."""

    papers: tuple[PitchPaper, ...]
    paper_id: int | None                     # the paper shown: asked for, else remembered, else latest
    parts: tuple[PitchPart, ...]
    bodies: Mapping[str, str] = field(default_factory=dict)  # the paper's saved text per part
    target_minutes: tuple[float, float] = (5.0, 8.0)
    rates: Rates = Rates()                    # the speaker's, measured once they rehearsed
    runs: int = 0                             # the paper's rehearsals ...
    last_run_ms: int | None = None            # ... and the latest one's length

    def title(self, paper_id: int | None) -> str:
        return next((paper.title for paper in self.papers if paper.id == paper_id), "")


def speaker_rates(store: "Store") -> Rates:
    """The speaking rates a pitch is timed at: measured over every rehearsal (the rates are
    the speaker's, not a paper's), else the settings' defaults."""
    laps = (lap for run in store.pitches.rehearsals() for lap in run.laps)
    return rates_from_laps(laps, store.settings.load().speaking_rates())


def pitch_view(store: "Store", paper_id: int | None) -> PitchView:
    """The view for `paper_id` (None, or a paper deleted meanwhile: the one pitched last time,
    else the one most recently worked on)."""
    papers = store.papers.all()
    ids = {paper.id for paper in papers}
    if paper_id not in ids:
        remembered = store.settings.load().pitch_paper_id
        if remembered in ids:
            paper_id = remembered
        else:
            latest = max(papers, key=lambda p: (p.updated_at or p.created_at, p.id), default=None)
            paper_id = latest.id if latest else None
    pitches = store.pitches
    runs = pitches.rehearsals(paper_id) if paper_id is not None else []
    return PitchView(
        papers=tuple(PitchPaper(paper.id, paper.title) for paper in papers),
        paper_id=paper_id,
        parts=tuple(pitches.parts()),
        bodies=pitches.bodies(paper_id) if paper_id is not None else {},
        target_minutes=pitches.target_minutes(),
        rates=speaker_rates(store),
        runs=len(runs),
        last_run_ms=runs[0].total_ms if runs else None,
    )


def save_pitch(store: "Store", paper_id: int, texts: Mapping[str, str], *,
               snapshot_every: timedelta | None) -> None:
    """Autosave the edited parts, then keep a version when one is due (`snapshot_every`
    since the last; None: now, unless unchanged). Each is one short transaction; retrying
    after a refusal is harmless (unchanged text writes nothing)."""
    if texts:
        store.pitches.save_sections(paper_id, dict(texts))
    store.pitches.snapshot(paper_id, min_interval=snapshot_every)


def remember_pitch_paper(store: "Store", paper_id: int) -> None:
    store.settings.update(pitch_paper_id=paper_id)


def record_rehearsal(store: "Store", paper_id: int, started_at: datetime, laps: Sequence[Lap], total_ms: int) -> None:
    store.pitches.add_rehearsal(paper_id, started_at, list(laps), total_ms)


def pitch_versions(store: "Store", paper_id: int) -> list[PitchVersion]:
    """Newest first: the history dialog's list."""
    return store.pitches.versions(paper_id)


def restore_pitch_version(store: "Store", version_id: int) -> dict[str, str]:
    """Bring a version back (the current text is kept as a version first); the restored text."""
    return store.pitches.restore(version_id)
