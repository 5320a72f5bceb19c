"""`paperdeck import bib FILE...`: papers from BibTeX files (duplicates skipped, errors listed)."""

from __future__ import annotations

import argparse

from ..context import command
from ..import_output import add_plan_arguments, run_cli_import


def register(subparsers, common) -> None:
    parser = command(subparsers, "bib", common, "import papers from BibTeX files")
    parser.add_argument("files", nargs="+", metavar="FILE", help="a .bib file ('-' reads stdin)")
    parser.add_argument("--resume", choices=("mine", "all", "none"), default=None,
                        help="which imported papers go on the resume: mine (by my_name and my_aliases; the default "
                             "once my_name is set), all (the default without it) or none")
    add_plan_arguments(parser)
    parser.set_defaults(handler=import_bib)


def import_bib(args: argparse.Namespace) -> int:
    from ...usecases.imports import ImportOptions

    return run_cli_import(args, "bib", args.files, ImportOptions(on_resume=args.resume), list_items=True, nothing_found="no BibTeX entries")
