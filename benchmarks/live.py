"""Live across processes, measured: how long another process's commit takes to show in the
running app, and how long Ctrl+Q takes to end the app while its database watcher runs.

tests/test_live.py checks that both happen; how fast they happen is measured here.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from .scenarios import DASHBOARD_READY
from .stats import Sample
from .terminal import PtyProcess, TerminalTimeout

FIRST_FRAME_TIMEOUT = 60.0
SHOW_TIMEOUT = 10.0
PROBES_PER_SESSION = 5
# Most idle of all: when no paper is at risk, the dashboard's attention panel lists it first.
LONG_AGO = "2000-01-01T00:00:00Z"


@dataclass
class LiveResult:
    commit_to_frame: Sample = field(default_factory=Sample)
    quit: Sample = field(default_factory=Sample)


def working_copy(db: Path, workdir: Path) -> Path:
    """The probes add papers: measure on a copy, so the other parts see the database unchanged."""
    copy = workdir / f"live-{db.name}"
    shutil.copyfile(db, copy)
    return copy


def _first_attention_paper(store) -> int | None:
    """The paper the dashboard's attention panel lists first when any is at risk (the at-risk
    section comes first and a new paper would land at its end); None: none is, and a new
    long-idle paper tops the stalled section."""
    from paperdeck.models.common import utcnow
    from paperdeck.usecases.dashboard import dashboard_view

    at_risk = dashboard_view(store, utcnow()).summary.at_risk
    return at_risk[0].paper_id if at_risk else None


def live_session(argv: list[str], env: dict[str, str], db: Path) -> tuple[list[float], float | None, str]:
    """One app session: PROBES_PER_SESSION commits from this process, each timed from its
    COMMIT to the end of the frame showing it; then Ctrl+Q, timed to the process's exit.
    Returns (ms per probe, quit ms or None, error)."""
    from paperdeck.models.papers import Stage
    from paperdeck.store import open_store

    process = PtyProcess(argv, env=env)
    shown: list[float] = []
    quit_ms: float | None = None
    error = ""
    try:
        process.wait_for_text(DASHBOARD_READY, timeout=FIRST_FRAME_TIMEOUT)
        process.drain(quiet=0.3, limit=5)
        writer = open_store(db)
        try:
            shown_first = _first_attention_paper(writer)
            for index in range(PROBES_PER_SESSION):
                title = f"Live probe {index} {time.time_ns() % 10**6}"
                mark = len(process.output)
                if shown_first is not None:  # retitle the paper the attention panel lists first
                    writer.papers.update(shown_first, None, title=title)
                else:
                    writer.papers.add(title, Stage.DESIGN, stage_entered_at=LONG_AGO)
                committed = time.perf_counter()
                arrived = process.wait_for_text(title, start=mark, timeout=SHOW_TIMEOUT)
                shown.append((arrived - committed) * 1000)
                process.drain(quiet=0.1, limit=1)
        finally:
            writer.close()
        started = time.perf_counter()
        process.finish()
        quit_ms = (time.perf_counter() - started) * 1000
    except TerminalTimeout as failure:
        error = str(failure)
    finally:
        process.finish()
    return shown, quit_ms, error


def measure(argv: list[str], env: dict[str, str], db: Path, runs: int) -> LiveResult:
    result = LiveResult()
    for _ in range(runs):
        shown, quit_ms, error = live_session(argv, env, db)
        result.commit_to_frame.add_run(shown)
        if quit_ms is not None:
            result.quit.values.append(quit_ms)
            result.quit.run_medians.append(quit_ms)
        if error:
            result.commit_to_frame.error = result.quit.error = error
            break
    return result
