"""`paperdeck deadlines update`: the report of a tracker update, as text or JSON.

Exit status: 0 read and imported; 1 offline (one line, nothing changed), a tracker or a file
that could not be read, or a malformed file (what could be read is imported); 2 bad arguments.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..textsafe import one_line
from .context import CliError, open_cli_store, out, out_json
from .import_output import err

SHOWN_NEWS = 40


def update_deadlines(args: argparse.Namespace) -> int:
    from ..domain.tracker_sources import SourceError, parse_source
    from ..models.common import utcnow
    from ..usecases.submissions import SubmissionError
    from ..usecases.tracker_update import NothingToUpdate, environment_sources, update

    if not 0.05 <= args.timeout <= 600:
        raise CliError(f"--timeout must be between 0.05 and 600 seconds, not {args.timeout}")
    try:
        # PAPERDECK_TRACKERS (the Venues screen reads it too), then --source over it.
        sources = {**environment_sources(), **dict(parse_source(text) for text in args.source)}
    except SourceError as error:
        raise CliError(str(error)) from error
    store = open_cli_store(args)
    try:
        report = update(store, utcnow(), sources=sources, names=args.venue, every=args.all,
                        dry_run=args.dry_run, timeout=args.timeout)
    except (NothingToUpdate, SubmissionError) as error:
        raise CliError(str(error), status=1 if isinstance(error, NothingToUpdate) else 2) from error
    finally:
        store.close()
    if report.offline:
        why = "; ".join(report.down.values())
        raise CliError(f"cannot reach the trackers ({one_line(why)[:200]}): nothing changed", status=1)
    if args.json:
        out_json(_json(report))
    else:
        _text(report)
    return 0 if report.ok else 1


def _text(report) -> None:
    from ..usecases.imports.report import item_line, summary
    from ..usecases.tracker_update import tracker_name

    prefix = "(dry run) " if report.dry_run else ""
    for tracker in sorted({r.tracker for r in report.reads} | {t for t, _ in report.missing}):
        read = [r for r in report.reads if r.tracker == tracker]
        same = sum(1 for r in read if r.fetched.outcome.value == "not_modified")
        missing = [key for t, key in report.missing if t == tracker]
        line = f"{tracker_name(tracker)}: {len(read)} read" + (f" ({same} unchanged since the last update)" if same else "")
        if missing:
            line += f"; not listed there: {', '.join(missing)}"
        out(prefix + line)
    for tracker, why in report.down.items():
        err(f"paperdeck: {tracker_name(tracker)} could not be reached: {why}")
    for failure in report.failures:
        err(f"paperdeck: {failure.fetched.url}: {failure.fetched.error}")
    ahead = [n for n in report.news if n.ahead]
    for item in ahead[:SHOWN_NEWS]:
        out(one_line(item.text))
    if len(ahead) > SHOWN_NEWS:
        out(f"… and {len(ahead) - SHOWN_NEWS} more ahead (--json for all)")
    past = len(report.news) - len(ahead)
    if past:
        out(f"{past} past deadline{'s' if past != 1 else ''} filled in or corrected")
    plan = report.plan
    if plan is None:
        out(prefix + ("nothing new since the last update" if report.reads else "no tracker file found"))
        return
    for item in plan.items:
        if item.kind == "deadline" and item.action.value in ("update", "keep"):
            out(one_line(item_line(item, done=plan.applied)))
    for problem in plan.problems:
        err(f"paperdeck: {problem}")
    out(prefix + summary(plan))
    if plan.applied:
        out("(undo it with: paperdeck import undo)")


def _json(report) -> dict[str, Any]:
    from ..usecases.imports.report import as_json

    def read(entry) -> dict[str, Any]:
        return {"tracker": entry.tracker, "venue": entry.venue_key, "path": entry.path, "url": entry.fetched.url,
                "outcome": entry.fetched.outcome.value, "error": entry.fetched.error}

    return {
        "venues": report.venues, "dry_run": report.dry_run, "ok": report.ok,
        "reads": [read(r) for r in report.reads], "failures": [read(r) for r in report.failures],
        "missing": [{"tracker": t, "venue": key} for t, key in report.missing],
        "unreachable": report.down,
        "news": [{"venue": n.venue_key, "edition_year": n.edition_year, "kind": n.kind.value, "what": n.what,
                  "text": n.text, "ahead": n.ahead} for n in report.news],
        "plan": as_json(report.plan) if report.plan is not None else None,
    }
