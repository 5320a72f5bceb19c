"""`python -m benchmarks.run [--sizes small,medium,large] [--runs N] ...` (`make bench`).

Prints one table and writes it, with the machine, the versions and the date, to
benchmarks/RESULTS.md. BENCH_ARGS passes these options through make.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from . import commands, live, measure, where
from .generate import SIZES, ensure_database
from .report import Row, document, latency_within, ratio_at_most, table
from .scenarios import SCENARIO_NAMES, SCENARIOS
from .stats import Sample

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
PARTS = ("startup", "today", "showing", "keys", "commands", "live")
SHOWN_SCREENS = ("pipeline", "venues", "flashcards", "pitch", "resume")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="small,medium,large", help="comma-separated: tiny, small, medium, large")
    parser.add_argument("--runs", type=int, default=5, help="start-up, `today` and export runs per size (default 5)")
    parser.add_argument("--key-runs", type=int, default=2, help="app sessions per key action, first showings per screen, per size (default 2)")
    parser.add_argument("--presses", type=int, default=12, help="measured presses per session (default 12)")
    parser.add_argument("--only", default=",".join(PARTS), help=f"comma-separated parts: {', '.join(PARTS)}")
    parser.add_argument("--actions", default=",".join(SCENARIO_NAMES), help="comma-separated key actions ('' for the bare app's baseline only)")
    parser.add_argument("--import-scale", type=float, default=1.0,
                        help="size of the import files, as a share of 30,000 YAML deadline rows and 10,000 .bib entries")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the table (default benchmarks/RESULTS.md)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--data-dir", type=Path, default=None, help="where generated databases are cached (default benchmarks/data)")
    args = parser.parse_args(argv)
    args.sizes = [name.strip() for name in args.sizes.split(",") if name.strip()]
    args.only = {name.strip() for name in args.only.split(",") if name.strip()}
    args.actions = [name.strip() for name in args.actions.split(",") if name.strip()]
    for name in args.sizes:
        if name not in SIZES:
            parser.error(f"unknown size {name!r}; expected {', '.join(SIZES)}")
    for name in args.only:
        if name not in PARTS:
            parser.error(f"unknown part {name!r}; expected {', '.join(PARTS)}")
    for name in args.actions:
        if name not in SCENARIO_NAMES:
            parser.error(f"unknown action {name!r}; expected {', '.join(SCENARIO_NAMES)}")
    if args.runs < 1 or args.key_runs < 1 or args.presses < 1:
        parser.error("--runs, --key-runs and --presses must be at least 1")
    return args


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def prepare(size_name: str, workdir: Path, data_dir: Path | None) -> measure.Environment:
    """A working copy of the cached database, opened once so that seeding is not measured."""
    from paperdeck.store import open_store

    source = ensure_database(SIZES[size_name], log=log, data_dir=data_dir)
    environment = measure.Environment(home=workdir / f"home-{size_name}", db=workdir / f"{size_name}.db")
    environment.home.mkdir()
    shutil.copyfile(source, environment.db)
    open_store(environment.db).close()
    return environment


def run(args: argparse.Namespace) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="paperdeck-bench-") as temp:
        workdir = Path(temp)
        bare_env = measure.Environment(home=workdir / "home-bare")
        bare_env.home.mkdir()
        environments = {name: prepare(name, workdir, args.data_dir) for name in args.sizes}
        app, bare = measure.paperdeck_argv(), measure.bare_argv()
        measure.compile_sources()
        # One unmeasured start of each: the OS file cache is warm for every measured run.
        measure.first_frame(bare, measure.bare_ready(), bare_env.env(), 1)
        for environment in environments.values():
            measure.first_frame(app, measure.app_ready(), environment.env(), 1)
        if "startup" in args.only:
            rows += startup_rows(args, environments, bare_env, app, bare)
        if "today" in args.only:
            rows += today_rows(args, environments, bare_env, app)
        if "showing" in args.only:
            rows += showing_rows(args, environments, app)
        if "keys" in args.only:
            bare_rss = next((row.baseline for row in rows if row.measure == "peak RSS at start"), None)
            rows += key_rows(args, environments, bare_env, app, bare, bare_rss)
        if "commands" in args.only:
            rows += command_rows(args, environments, workdir, app)
        if "live" in args.only:
            rows += live_rows(args, environments, workdir, app)
    return rows


def _interleaved(args, environments, baseline_run, app_run):
    """Rounds of (baseline, each size): the baseline shares the machine's noise of the moment."""
    baseline: list = []
    per_size: dict[str, list] = {name: [] for name in environments}
    for round_number in range(args.runs):
        log(f"  round {round_number + 1}/{args.runs}")
        baseline.append(baseline_run())
        for name, environment in environments.items():
            per_size[name].append(app_run(environment))
    return baseline, per_size


def startup_rows(args, environments, bare_env, app, bare) -> list[Row]:
    log("first frame and peak RSS (paperdeck vs a bare Textual app)...")
    baseline, per_size = _interleaved(
        args, environments,
        lambda: measure.first_frame(bare, measure.bare_ready(), bare_env.env(), 1),
        lambda environment: measure.first_frame(app, measure.app_ready(), environment.env(), 1),
    )
    bare_frame, bare_rss = _merge([result.first_frame for result in baseline]), _merge([result.rss for result in baseline])
    rows = []
    for name, results in per_size.items():
        limit = 2.0 if name == "large" else 1.5
        rows.append(Row("first frame", name, _merge([r.first_frame for r in results]), bare_frame, "bare Textual app",
                        "ms", f"<= {limit}x bare", ratio_at_most(limit) if name in ("small", "medium", "large") else lambda row: None))
    for name, results in per_size.items():
        limit = 2.5 if name == "large" else 1.6
        rows.append(Row("peak RSS at start", name, _merge([r.rss for r in results]), bare_rss, "bare Textual app",
                        "MiB", f"<= {limit}x bare", ratio_at_most(limit) if name in ("medium", "large") else lambda row: None))
    return rows


def today_rows(args, environments, bare_env, app) -> list[Row]:
    log("`paperdeck today` vs `python -c 'import rich.console'`...")
    baseline, per_size = _interleaved(
        args, environments,
        lambda: measure.wall_time([sys.executable, "-c", "import rich.console"], bare_env.env(), 1),
        lambda environment: measure.wall_time([*app, "today"], environment.env(), 1),
    )
    rich_import = _merge(baseline)
    limits = {"medium": 2.5, "large": 4.0}
    return [
        Row("`paperdeck today`", name, _merge(samples), rich_import, "import rich.console", "ms",
            f"<= {limits.get(name, 2.5)}x", ratio_at_most(limits[name]) if name in limits else lambda row: None)
        for name, samples in per_size.items()
    ]


def showing_rows(args, environments, app) -> list[Row]:
    log("first showing of each screen (a fresh app each: its view loaded, then drawn)...")
    rows = []
    limits = {"medium": 150, "large": 500}
    for name, environment in environments.items():
        for screen in SHOWN_SCREENS:
            log(f"  {name}: {screen}")
            sample = measure.first_showing(app, environment.env(), screen, args.key_runs)
            limit = limits.get(name)
            rows.append(Row(f"first showing: {screen}", name, sample, None, "", "ms",
                            f"<= {limit} ms" if limit else "", latency_within(limit, None) if limit else lambda row: None))
    return rows


def command_rows(args, environments, workdir: Path, app) -> list[Row]:
    log("`export ics --all`; import rates (YAML tracker, .bib) at the largest size...")
    rows = []
    for name, environment in environments.items():
        sample = commands.export_ics(app, environment.env(), args.runs)
        rows.append(Row("`export ics --all`", name, sample, None, "", "ms", "<= 1000 ms" if name == "large" else "",
                        latency_within(1000, None) if name == "large" else lambda row: None))
    name, environment = list(environments.items())[-1]
    for kind, what in (("deadlines", "deadline rows from a YAML tracker"), ("bib", ".bib entries")):
        log(f"  {name}: import {kind}")
        rate = commands.import_rate(app, environment.env(), environment.db, workdir, kind, min(args.runs, 2), args.import_scale)
        rows.append(Row(f"import: {rate.entries} {what}, per second", name, rate.per_second(), None, "", "/s",
                        ">= 10000 /s", lambda row: row.value.median >= 10_000))
    return rows


def key_rows(args, environments, bare_env, app, bare, bare_rss: Sample | None) -> list[Row]:
    log("key to frame (bare app `j` baseline)...")
    baseline = Sample()
    for _ in range(args.key_runs):
        values, _, error = measure.key_latency(bare, measure.bare_ready(), bare_env.env(), None, args.presses)
        baseline.add_run(values)
        baseline.error = baseline.error or error
    rows = [Row("key: bare app label update (j)", "-", baseline, None, "", "ms", "reference", lambda row: None, latency=True)]
    session_rss: dict[str, int] = {}
    peak_session: dict[str, str] = {}  # the key session that reached it (what grows)
    chosen = [scenario for scenario in SCENARIOS if scenario.name in args.actions]
    for name, environment in environments.items():
        for scenario in chosen:
            log(f"  {name}: {scenario.title}")
            sample = Sample()
            for _ in range(args.key_runs):
                values, rss_kib, error = measure.key_latency(app, measure.app_ready(), environment.env(), scenario, args.presses)
                sample.add_run(values)
                log(f"    peak RSS {rss_kib / 1024:.1f} MiB")
                if rss_kib > session_rss.get(name, 0):
                    session_rss[name], peak_session[name] = rss_kib, scenario.name
                if error:
                    sample.error = error
                    break
            if name == "large":
                check, target = latency_within(None, None, 250), "no press > 250 ms"
            elif scenario.name == "switch_screen":
                check, target = latency_within(50, None), "median <= 50 ms"
            else:
                check, target = latency_within(25, 60), "median <= 25, p95 <= 60 ms"
            rows.append(Row(f"key: {scenario.title}", name, sample, baseline, "bare app key", "ms", target, check, latency=True))
    for name, kib in session_rss.items():
        rows.append(Row(f"peak RSS after the key sessions (largest: {peak_session[name]})", name, Sample.of_runs([kib / 1024]), bare_rss,
                        "bare Textual app at start" if bare_rss else "", "MiB", "<= 2.5x bare" if name == "medium" else "",
                        ratio_at_most(2.5) if name == "medium" else lambda row: None))
    return rows


def live_rows(args, environments, workdir: Path, app) -> list[Row]:
    log("live: another process's commit to the app's frame; Ctrl+Q with the watcher running...")
    shown_rows, quit_rows = [], []
    for name, environment in environments.items():
        copy = live.working_copy(environment.db, workdir)
        env = {**environment.env(), "PAPERDECK_DB": str(copy)}
        result = live.measure(app, env, copy, args.key_runs)
        shown_rows.append(Row("live: another process's commit shown", name, result.commit_to_frame, None, "", "ms",
                              "<= 1000 ms", latency_within(None, None, 1000), latency=True))
        quit_rows.append(Row("quit (Ctrl+Q) with the watcher running", name, result.quit, None, "", "ms",
                             "<= 1000 ms", latency_within(None, None, 1000)))
    return shown_rows + quit_rows


def _merge(samples: list[Sample]) -> Sample:
    merged = Sample()
    for sample in samples:
        merged.values += sample.values
        merged.run_medians += sample.run_medians
        merged.error = merged.error or sample.error
    return merged


def _command_argv(row: Row, args: argparse.Namespace) -> list[str] | None:
    """The command behind a command's row, on a scratch copy of that size's database."""
    from .generate import cached_path

    if row.size not in SIZES or not (row.measure.startswith("`export ics") or row.measure.startswith("import:")):
        return None
    scratch = Path(tempfile.mkdtemp(prefix="paperdeck-where-"))
    db = scratch / "where.db"
    shutil.copyfile(cached_path(SIZES[row.size], args.data_dir), db)
    # As the measure does: the day's automatic backup (the first write's, ~1 s at large) is
    # taken first, else the profile shows it as the command's own time.
    commands.take_daily_backup(db)
    if row.measure.startswith("`export ics"):
        return ["--db", str(db), "export", "ics", "--all", "-o", str(scratch / "out.ics")]
    kind = "deadlines" if "YAML" in row.measure else "bib"
    source, _entries = commands.write_import_file(scratch, kind, args.import_scale)
    return ["--db", str(db), "import", kind, "--quiet", str(source)]


def where_the_time_goes(rows: list[Row], args: argparse.Namespace) -> list[str]:
    """Per missed target, the use case behind it profiled on that size's database."""
    from .generate import cached_path

    notes, profiled = [], {}
    for row in rows:
        if row.verdict() != "**no**":
            continue
        if row.measure.startswith("peak RSS"):
            notes.append(f"{row.measure} ({row.size}): memory, not time: what the screens built and kept "
                         "(widgets, their views); not profiled by this harness.")
            continue
        name = where.use_case_for(row.measure)
        argv = _command_argv(row, args)
        if argv is not None:
            notes.append(f"{row.measure} ({row.size}): {where.profile_command(argv)}")
            continue
        if name is None or row.size not in SIZES:
            notes.append(f"{row.measure} ({row.size}): no use case behind it to profile here; the time is the app's "
                         "own (Textual layout and render on the UI thread).")
            continue
        key = (row.size, name)
        if key not in profiled:
            profiled[key] = where.profile(cached_path(SIZES[row.size], args.data_dir), name)
        ui = " It runs in a worker: a key's time beyond it is the UI thread's render." if row.measure.startswith("key:") else ""
        notes.append(f"{row.measure} ({row.size}): {profiled[key]}.{ui}")
    return notes


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    rows = run(args)
    settings = (f"sizes {','.join(args.sizes)}; {args.runs} runs; key actions: {args.key_runs} sessions x "
                f"{args.presses} presses")
    print(table(rows))
    notes = where_the_time_goes(rows, args)
    print("\n".join(notes))
    if not args.no_write:
        args.output.write_text(document(rows, settings, notes), "utf-8")
        log(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
