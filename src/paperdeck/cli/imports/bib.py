"""`paperdeck import bib FILE...`: papers from BibTeX files (duplicates skipped, errors listed)."""

from __future__ import annotations

import argparse

from ..context import command
from ..import_output import add_plan_arguments, run_cli_import


def register(subparsers, common) -> None:
    parser = command(subparsers, "bib", common, "import papers from BibTeX files")
    parser.add_argument("files", nargs="+", metavar="FILE", help="a .bib file ('-' reads stdin)")
    add_plan_arguments(parser)
    parser.set_defaults(handler=import_bib)


def import_bib(args: argparse.Namespace) -> int:
    from ...usecases.imports import ImportOptions

    return run_cli_import(args, "bib", args.files, ImportOptions(), list_items=True, nothing_found="no BibTeX entries")
