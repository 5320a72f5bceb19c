"""Plain commands at a size: `export ics --all`, and the import rate of a large YAML tracker
file and a large .bib file, each run as the user runs it (the console script, output to a pipe).

The import files are written here, deterministic, with entries no database holds yet, so
every entry is planned and added (the slow path), on a fresh copy of the size's database.

The day's first command that writes also backs the database up (once a day, whatever the
command: a full copy, checked and synced, seconds at the large size). It is not the command's
own time, so each measure takes that backup first, unmeasured.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .measure import plain_env, wall_time
from .stats import Sample

# 300 made-up venues x 20 editions; each edition holds three deadlines and the conference's
# start and end: 30,000 deadline rows.
DEADLINE_EDITIONS = 6_000
EDITIONS_PER_VENUE = 20
DEADLINES_PER_EDITION = 5
BIB_ENTRIES = 10_000


@dataclass
class ImportRate:
    entries: int
    seconds: Sample  # wall time of the whole command, start-up included

    def per_second(self) -> Sample:
        rates = [self.entries / (ms / 1000) for ms in self.seconds.values]
        return Sample.of_runs(rates, self.seconds.error)


def tracker_yaml(path: Path, editions: int = DEADLINE_EDITIONS) -> int:
    """A Hugging Face ai-deadlines style file; returns its deadline count."""
    lines = []
    for n in range(editions):
        venue, year = n // EDITIONS_PER_VENUE, 2010 + n % EDITIONS_PER_VENUE
        month = 1 + venue % 12
        lines += [
            f"- title: BENCH{venue}", f"  year: {year}", f"  id: bench{venue}-{year}",
            f"  full_name: Benchmark Conference {venue}", f"  link: https://bench{venue}.example.org",
            "  deadlines:",
            "  - type: abstract", "    label: Abstract Submission",
            f"    date: '{year - 1}-{month:02d}-10 23:59:59'", "    timezone: AoE",
            "  - type: submission", "    label: Paper Submission",
            f"    date: '{year - 1}-{month:02d}-17 23:59:59'", "    timezone: AoE",
            "  - type: notification", "    label: Notification",
            f"    date: '{year}-{month:02d}-01 23:59:59'", "    timezone: UTC-12",
            f"  start: {year}-{month:02d}-20", f"  end: {year}-{month:02d}-24",
            "",
        ]
    path.write_text("\n".join(lines), "utf-8")
    return editions * DEADLINES_PER_EDITION


def bib_file(path: Path, entries: int = BIB_ENTRIES) -> int:
    chunks = []
    for n in range(entries):
        chunks.append(
            f"@inproceedings{{bench{n},\n  title = {{Benchmark Paper Number {n} on Scaling Imports}},\n"
            f"  author = {{Doe, Jane and Roe, Richard and Zhang, Wei}},\n"
            f"  booktitle = {{Proceedings of BENCH {2020 + n % 6}}},\n  year = {{{2020 + n % 6}}},\n}}\n"
        )
    path.write_text("\n".join(chunks), "utf-8")
    return entries


def _flush(path: Path) -> None:
    """Wait until the file is on disk."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def take_daily_backup(db: Path) -> None:
    """The day's automatic backup of `db`, as its first command would take it (none if taken)."""
    from paperdeck.store import open_store
    from paperdeck.store.backup import daily_backup

    store = open_store(db)
    try:
        daily_backup(store)
    finally:
        store.close()


def checked_before(db: Path, env: dict[str, str]) -> None:
    """`db` as a database paperdeck has used: an earlier session's full integrity check passed
    and was remembered (store/check_stamp.py) in the environment's cache folder, as on the
    user's machine. A fresh copy nobody opened would be checked again (~1 s at large, on the
    other core, overlapping the parse)."""
    import subprocess
    import sys

    code = ("import sys; from paperdeck.store import open_store; store = open_store(sys.argv[1], seed=False); "
            "store.ensure_sound(); store.close()")
    subprocess.run([sys.executable, "-c", code, str(db)], env=plain_env(env), check=True, capture_output=True)


def export_ics(app: list[str], env: dict[str, str], runs: int) -> Sample:
    take_daily_backup(Path(env["PAPERDECK_DB"]))
    return wall_time([*app, "export", "ics", "--all"], env, runs)


def write_import_file(folder: Path, kind: str, scale: float = 1.0) -> tuple[Path, int]:
    """The file `import <kind>` reads, at `scale` of the full size; returns (path, entries)."""
    if kind == "deadlines":
        path = folder / f"bench-import-{scale:g}.yml"
        return path, tracker_yaml(path, max(1, round(DEADLINE_EDITIONS * scale)))
    path = folder / f"bench-import-{scale:g}.bib"
    return path, bib_file(path, max(1, round(BIB_ENTRIES * scale)))


def import_rate(app: list[str], env: dict[str, str], db: Path, workdir: Path, kind: str, runs: int,
                scale: float = 1.0) -> ImportRate:
    """`paperdeck import <kind> FILE` on a fresh copy of `db` per run."""
    source, entries = write_import_file(workdir, kind, scale)
    seconds = Sample()
    for _ in range(runs):
        copy = workdir / f"import-{kind}-{db.name}"
        shutil.copyfile(db, copy)
        _flush(copy)  # else the copy's writing-back (280 MB at large) is timed with the import
        take_daily_backup(copy)  # the first run's only: the copy keeps its name, so its backups folder
        checked_before(copy, env)
        sample = wall_time([*app, "import", kind, "--quiet", str(source)], {**env, "PAPERDECK_DB": str(copy)}, 1)
        seconds.values += sample.values
        seconds.run_medians += sample.run_medians
        seconds.error = seconds.error or sample.error
        copy.unlink(missing_ok=True)
        if sample.error:
            break
    return ImportRate(entries, seconds)
