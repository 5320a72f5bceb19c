"""`paperdeck import cards FILE...`: cards from CSV/TSV. Malformed rows are reported by line and
skipped, rows already present are skipped too (importing twice adds nothing)."""

from __future__ import annotations

import argparse

from ..context import command
from ..import_output import add_plan_arguments, run_cli_import


def register(kinds, common) -> None:
    from ...usecases.imports import DEFAULT_DECK

    parser = command(kinds, "cards", common, "import flashcards from CSV or TSV (header: deck,category,front,front_zh,back,suspended) or Anki's plain-text notes (#separator: headers)")
    parser.add_argument("files", nargs="+", metavar="FILE", help="the CSV/TSV file ('-' for stdin)")
    parser.add_argument("--format", choices=("csv", "tsv"), help="csv or tsv (default: from FILE's name, else csv)")
    parser.add_argument("--deck", metavar="NAME", help=f"deck for rows without one (default {DEFAULT_DECK!r})")
    add_plan_arguments(parser)
    parser.set_defaults(handler=import_cards)


def import_cards(args: argparse.Namespace) -> int:
    from ...usecases.imports import ImportOptions

    options = ImportOptions(deck=args.deck, delimiter=args.format)
    return run_cli_import(args, "cards", args.files, options, list_items=False, nothing_found="no card rows")
