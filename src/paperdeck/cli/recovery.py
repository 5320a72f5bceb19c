"""Start-up on a damaged database: say so, offer the latest good backup, keep the damage aside."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..textsafe import printable
from .context import CliError, open_cli_store

if TYPE_CHECKING:
    from ..store import DatabaseCorrupt, Store


def open_or_offer_restore(args: argparse.Namespace, ask: Callable[[str], str] = input) -> "Store":
    """Open the store; when it is damaged and a good backup exists, ask before restoring it.
    The day's automatic backup is left for later (the app starts it once it is drawn)."""
    from ..store import DatabaseCorrupt

    try:
        return open_cli_store(args, backup_later=True)
    except CliError as error:
        damage = error.__cause__
        if not isinstance(damage, DatabaseCorrupt) or damage.backup is None or damage.path is None:
            raise
    offer_restore(damage, ask)
    return open_cli_store(args, backup_later=True)


def offer_restore(damage: "DatabaseCorrupt", ask: Callable[[str], str] = input) -> None:
    """Say what is damaged; with a good backup, ask before restoring it (damage kept aside)."""
    from ..store.backup import restore

    if damage.backup is None or damage.path is None:
        raise CliError(str(damage))
    sys.stderr.write(printable(f"paperdeck: {damage}") + "\n")
    question = printable(
        f"Restore the backup of {damage.backup.taken_at:%Y-%m-%d %H:%M} now? "
        "The damaged file is kept aside, unchanged. [y/N] "
    )
    try:
        answer = ask(question)
    except EOFError:
        answer = ""
    if answer.strip().lower() not in {"y", "yes"}:
        raise CliError("nothing was changed; the damaged database is still in place")
    result = restore(damage.path, damage.backup.path)
    sys.stderr.write(printable(f"paperdeck: restored from {result.source}; the damaged file is now {result.set_aside}") + "\n")
