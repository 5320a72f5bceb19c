"""`paperdeck import deadlines FILE...`: ccfddl, Hugging Face and ai-deadlines YAML files."""

from __future__ import annotations

import argparse
import sys

from ..context import command, open_cli_store, out, out_json


def register(subparsers, common) -> None:
    parser = command(subparsers, "deadlines", common,
                     "import deadlines from ccfddl, Hugging Face ai-deadlines or paperswithcode YAML files")
    parser.add_argument("files", nargs="+", metavar="FILE", help="YAML files to import")
    parser.add_argument("--force", action="store_true", help="overwrite deadlines you edited by hand")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.set_defaults(handler=import_deadlines)


def import_deadlines(args: argparse.Namespace) -> int:
    from ...models.venues import ImportSummary
    from ...usecases.deadline_import import parse_file
    from ...textsafe import printable

    store = open_cli_store(args)
    total = ImportSummary()
    per_file = []
    unreadable = 0
    try:
        for name in args.files:
            result = parse_file(name)
            summary = store.venues.import_deadlines(result.deadlines, result.full_names, force=args.force)
            summary.problems.extend(result.problems)
            if any(p.entry == "(file)" for p in result.problems):
                unreadable += 1
            total.merge(summary)
            per_file.append((name, result.format, result.entries, summary))
    finally:
        store.close()
    if args.json:
        out_json({
            "files": [
                {"file": name, "format": fmt, "entries": entries, "added": s.added, "updated": s.updated,
                 "unchanged": s.unchanged, "kept_edits": s.kept_edits, "skipped": s.skipped,
                 "venues_added": s.venues_added,
                 "problems": [{"entry": p.entry, "message": p.message, "skipped": p.skipped} for p in s.problems]}
                for name, fmt, entries, s in per_file
            ],
            "added": total.added, "updated": total.updated, "unchanged": total.unchanged,
            "kept_edits": total.kept_edits, "skipped": total.skipped, "venues_added": total.venues_added,
        })
    else:
        for name, fmt, entries, summary in per_file:
            for problem in summary.problems:
                sys.stderr.write(printable(str(problem), keep_newlines=False) + "\n")
            label = f"{fmt}, {entries} entries" if fmt else "not imported"
            out(f"{name} ({label}): {summary.line()}")
        if len(per_file) > 1:
            out(f"total: {total.line()}")
    return 1 if unreadable else 0
