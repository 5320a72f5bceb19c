"""`paperdeck import undo`: take back the latest import (papers, deadlines or cards) whole."""

from __future__ import annotations

import argparse

from ..context import CliError, command, open_cli_store, out


def register(subparsers, common) -> None:
    parser = command(subparsers, "undo", common,
                     "undo the latest import of any kind, if nothing it added was changed since")
    parser.set_defaults(handler=undo_import)


def undo_import(args: argparse.Namespace) -> int:
    from ...usecases.imports import undo_last_import

    store = open_cli_store(args, daily=False)
    try:
        label = undo_last_import(store)
    finally:
        store.close()
    if label is None:
        raise CliError("no import to undo", status=1)
    out(f"undone: {label}")
    return 0
