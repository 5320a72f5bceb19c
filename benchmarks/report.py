"""The results table, the machine and versions it was measured on, and RESULTS.md."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from .stats import Sample, ratio

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Row:
    measure: str
    size: str
    value: Sample
    baseline: Sample | None
    baseline_name: str
    unit: str  # "ms" or "MiB"
    target: str
    check: Callable[["Row"], bool | None]  # None: no target for this row
    latency: bool = False  # show p95 and max too

    @property
    def ratio(self) -> float | None:
        return ratio(self.value, self.baseline) if self.baseline is not None else None

    def verdict(self) -> str:
        if not self.value.ok:
            return "n/a"
        met = self.check(self)
        return "" if met is None else ("yes" if met else "**no**")


def ratio_at_most(limit: float) -> Callable[[Row], bool | None]:
    return lambda row: None if row.ratio is None else row.ratio <= limit


def latency_within(median_ms: float | None, p95_ms: float | None, max_ms: float | None = None) -> Callable[[Row], bool]:
    def check(row: Row) -> bool:
        sample = row.value
        return ((median_ms is None or sample.median <= median_ms)
                and (p95_ms is None or sample.p95 <= p95_ms)
                and (max_ms is None or sample.worst <= max_ms))

    return check


def _number(value: float, unit: str) -> str:
    return f"{value:.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"


def describe(sample: Sample | None, unit: str, latency: bool = False) -> str:
    if sample is None:
        return ""
    if not sample.ok:
        reason = (sample.error or "no data").replace("|", "/").replace("\n", " ")
        return f"n/a ({reason[:140]})"
    text = _number(sample.median, unit)
    if latency:
        text += f" (p95 {_number(sample.p95, unit)}, max {_number(sample.worst, unit)}"
        text += f"; runs {sample.low:.1f}–{sample.high:.1f}; n={len(sample.values)})"
    else:
        text += f" ({sample.low:.0f}–{sample.high:.0f}; n={len(sample.values)})"
    return text


def table(rows: list[Row]) -> str:
    header = ["Measure", "Size", "paperdeck: median (range)", "Baseline: median (range)", "Ratio", "Target", "Met"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        base = f"{row.baseline_name}: {describe(row.baseline, row.unit, row.latency)}" if row.baseline else ""
        cells = [
            row.measure, row.size, describe(row.value, row.unit, row.latency), base,
            f"{row.ratio:.2f}x" if row.ratio is not None else "", row.target, row.verdict(),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    return {"CPU": cpu, "Cores": str(os.cpu_count()), "RAM": memory, "OS": platform.platform()}


def versions() -> dict[str, str]:
    def package(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    return {
        "Python": sys.version.split()[0], "Textual": package("textual"), "Rich": package("rich"),
        "SQLite": sqlite3.sqlite_version, "paperdeck": f"{package('paperdeck')} @ {commit()}",
    }


def commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO, capture_output=True, text=True).stdout.strip()
        return head + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def document(rows: list[Row], settings: str, notes: list[str]) -> str:
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    info = {**machine(), **versions()}
    parts = [
        "# paperdeck benchmark results",
        "",
        f"Measured {when} by `make bench` ({settings}).",
        "",
        "Machine and versions: " + "; ".join(f"{key} {value}" for key, value in info.items()) + ".",
        "",
        table(rows),
        "",
        "How to read it: each figure is the median of several runs, with the range of the runs'",
        "values (for key latency: the range of the per-run medians) and the number of samples.",
        "The baseline ran in the same session, interleaved with paperdeck, so the ratio is the",
        "figure to trust on a shared, noisy machine. First frame: process start to the first frame",
        "showing the dashboard's data in a real 120x40 pseudo-terminal. Key latency: from writing",
        "the key's bytes to the end of the first complete frame that answers it (synchronized",
        "output), not Pilot's return time. RSS: the child's peak resident set (VmHWM, read",
        "before it quits). n/a: the key got no answering frame within 5 s (the screen lacks the key,",
        "or it took longer). Live: from another process's COMMIT to the end of the app's first frame",
        "showing the new paper (the database watcher's debounce included); quit: Ctrl+Q to the",
        "process's exit, with the watcher running. First showing: a fresh app each time, from the",
        "screen's key on the drawn dashboard to the first frame showing that screen's data.",
        "Imports: entries per second of the whole command (start-up included) on a fresh copy.",
    ]
    if notes:
        parts += ["", "## Where the time goes (per missed target)", "", *[f"- {note}" for note in notes]]
    return "\n".join(parts) + "\n"
