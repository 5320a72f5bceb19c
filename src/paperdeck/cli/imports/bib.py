"""`paperdeck import bib FILE`: papers from a BibTeX file (duplicates skipped, errors listed)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ...textsafe import printable
from ..context import CliError, command, open_cli_store, out


def register(subparsers, common) -> None:
    parser = command(subparsers, "bib", common, "import papers from a BibTeX file")
    parser.add_argument("file", metavar="FILE", help="a .bib file ('-' reads stdin)")
    parser.add_argument("--dry-run", action="store_true", help="report what would be imported; change nothing")
    parser.add_argument("--quiet", "-q", action="store_true", help="print only the summary")
    parser.set_defaults(handler=import_bib)


def read_bib_text(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    path = Path(name).expanduser()
    if not path.is_file():
        raise CliError(f"no such file: {name}")
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise CliError(f"{name} is not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def import_bib(args: argparse.Namespace) -> int:
    from ...usecases.bib_import import import_bibtex

    text = read_bib_text(args.file)
    store = open_cli_store(args)
    try:
        report = import_bibtex(store, text, dry_run=args.dry_run)
    finally:
        store.close()
    if not args.quiet:
        verb = "would import" if args.dry_run else "imported"
        for paper in report.imported:
            out(f"{verb}  {paper.key}: {paper.title}")
        for paper, why in report.duplicates:
            out(f"skipped   {paper.key}: {why}")
    for problem in report.problems:
        print(f"paperdeck: malformed entry {printable(problem.describe())}", file=sys.stderr)
    out(("(dry run) " if args.dry_run else "") + report.summary())
    if report.total == 0:
        raise CliError(f"no BibTeX entries found in {args.file}", status=1)
    return 1 if report.problems else 0
