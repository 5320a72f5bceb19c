"""What every `paperdeck import KIND` shares: its options, running the import, its output.

The plan's lines go to stdout, each problem to stderr as one line naming the file and the
entry. Exit status: 0 all imported; 1 some entries malformed (the rest imported) or none
found; 2 a file refused (a folder, FIFO, device, too large, not text): nothing imported.
"""

from __future__ import annotations

import argparse
import gc
import sys
from typing import TYPE_CHECKING

from ..textsafe import one_line
from .context import CliError, open_cli_store, out, out_json

if TYPE_CHECKING:
    from ..usecases.imports import ImportOptions


def add_plan_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help="print the plan (what would be added, updated, skipped, and why); change nothing")
    parser.add_argument("--json", action="store_true", help="print the plan as JSON")
    parser.add_argument("--quiet", "-q", action="store_true", help="print only the summary and the problems")


def err(text: str) -> None:
    sys.stderr.write(one_line(text) + "\n")


def run_cli_import(args: argparse.Namespace, kind: str, names: list[str], options: "ImportOptions",
                   *, list_items: bool, nothing_found: str = "") -> int:
    from ..usecases.imports import ImportRefused, execute, parse_inputs, read_all
    from ..usecases.imports.report import as_json, encoding_name, encoding_notes, item_line, shown_items, summary

    try:  # every file read before the database is opened: a refused one stops the import first
        inputs = read_all(names, _binary_stdin() if "-" in names else None)
    except ImportRefused as refused:
        raise CliError("\npaperdeck: ".join(one_line(str(r)) for r in refused.refusals)) from None
    # Then the store, so that its integrity check (a read of the whole file, ~1 s at 280 MB,
    # which the first write waits for) runs in its thread while the files are parsed.
    store = open_cli_store(args)
    # One import, then the process ends: it makes no cyclic garbage worth the collector's
    # scans, and those scans grow with every object the import keeps (a 10,000-entry .bib:
    # ~580 collections, ~0.4 s, a sixth of the command). As `today` does.
    collecting = gc.isenabled()
    gc.disable()
    try:
        plan = execute(store, parse_inputs(kind, inputs, options, store), dry_run=args.dry_run)
    finally:
        if collecting:
            gc.enable()
        store.close()
    if args.json:
        out_json(as_json(plan))
    else:
        if (list_items or args.dry_run) and not args.quiet:
            for item in shown_items(plan):
                out(one_line(item_line(item, done=plan.applied)))
        for problem in plan.problems:
            err(f"paperdeck: {problem}")
        for _zh, note in encoding_notes(plan):
            err(f"paperdeck: {note}")
        prefix = "(dry run) " if args.dry_run else ""
        if len(plan.files) > 1 or kind == "deadlines":
            for read in plan.files:
                label = (f"{read.format}, {encoding_name(read.encoding)}, {read.entries} entries" if read.format
                         else "not imported")
                out(f"{prefix}{one_line(read.name)} ({label}): {summary(plan, read.name)}")
            if len(plan.files) > 1:
                out(f"{prefix}total: {summary(plan)}")
        else:
            out(prefix + summary(plan))
        for _zh, note in plan.notes:
            err(f"paperdeck: {note}")
        if plan.applied and not args.quiet:
            out("(undo it with: paperdeck import undo)")
    malformed = any(p.skipped for p in plan.problems)
    if plan.entries == 0 and not plan.problems and nothing_found:
        err(f"paperdeck: {nothing_found} found in {', '.join(f.name for f in plan.files)}")
        return 1
    return 1 if malformed else 0


def _binary_stdin():
    """Standard input as bytes (the reader decodes it like any file)."""
    import io

    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer
    return io.BytesIO(sys.stdin.read().encode("utf-8"))  # a text stream standing in (tests, embedding)
