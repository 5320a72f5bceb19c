"""`paperdeck import deadlines FILE...`: ccfddl, Hugging Face and ai-deadlines YAML files."""

from __future__ import annotations

import argparse

from ..context import command
from ..import_output import add_plan_arguments, run_cli_import


def register(subparsers, common) -> None:
    parser = command(subparsers, "deadlines", common,
                     "import deadlines from ccfddl, Hugging Face ai-deadlines or paperswithcode YAML files")
    parser.add_argument("files", nargs="+", metavar="FILE", help="YAML files to import")
    parser.add_argument("--force", action="store_true", help="overwrite deadlines you edited by hand")
    add_plan_arguments(parser)
    parser.set_defaults(handler=import_deadlines)


def import_deadlines(args: argparse.Namespace) -> int:
    from ...usecases.imports import ImportOptions

    return run_cli_import(args, "deadlines", args.files, ImportOptions(force=args.force), list_items=False)
