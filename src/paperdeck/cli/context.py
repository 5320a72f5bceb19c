"""Shared plumbing for commands: opening the store, errors, safe output."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..textsafe import one_line, printable

if TYPE_CHECKING:
    from ..store import Store


SQLITE_MAX_INTEGER = 2**63 - 1


class CliError(Exception):
    """A message for the user and an exit status (2: bad input or an unusable database)."""

    def __init__(self, message: str, status: int = 2):
        super().__init__(message)
        self.status = status


def parse_id(text: str, what: str = "paper") -> int:
    """An id typed on the command line: ASCII digits within SQLite's integer range."""
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()):
        raise CliError(f"{what} id must be a number, not {one_line(text)[:60]!r}")
    value = int(digits)
    if value > SQLITE_MAX_INTEGER:
        raise CliError(f"{what} id {digits[:30]}{'…' if len(digits) > 30 else ''} is out of range (ids go up to {SQLITE_MAX_INTEGER})")
    return value


def open_cli_store(args: argparse.Namespace, *, seed: bool = True, daily: bool = True,
                   reading: bool = False, backup_later: bool = False) -> "Store":
    """Open the store for a command; `daily`: make the day's first automatic backup, before
    the command, or after its output when it only reads or `backup_later` (cli/daily_backup.py);
    `reading`: the command only reads, so a read-only database opens read-only instead of being
    refused (and the full integrity check never runs unless it writes)."""
    from ..store import StoreError, open_store

    try:
        store = open_store(getattr(args, "db", None), seed=seed, reading=reading)
    except StoreError as error:
        raise CliError(str(error)) from error
    if daily and not store.read_only:  # a read-only database cannot change: nothing new to keep
        from .daily_backup import plan

        plan(store, after_output=reading or backup_later)
    return store


def run_handler(handler: Callable[[argparse.Namespace], int | None], args: argparse.Namespace) -> int:
    from ..store import StoreError

    import sqlite3

    try:
        return handler(args) or 0
    except StoreError as error:
        raise CliError(str(error)) from error
    except sqlite3.DatabaseError as error:
        if type(error) is not sqlite3.DatabaseError:  # locked, constraint...: not damage
            raise
        # A read hit a damaged page that the open's cheap checks could not see.
        raise CliError(str(_damage(args, error))) from error
    except OverflowError as error:
        # A number from the command line too large for SQLite (an option no check caught).
        raise CliError(f"a number is out of range: {error}") from error
    except BrokenPipeError:
        # `paperdeck list | head`: the reader left; that is not an error.
        sys.stderr.close()
        return 0
    except OSError as error:
        # A file argument the system refuses (too long, a directory, no permission): a message.
        name = one_line(str(error.filename)) if error.filename is not None else ""
        if len(name) > 120:
            name = name[:117] + "..."
        raise CliError(f"{name + ': ' if name else ''}{error.strerror or error}") from error


def _damage(args: argparse.Namespace, error: Exception) -> Exception:
    from ..paths import resolve_db_path
    from ..store import DatabaseCorrupt
    from ..store.backup import latest_good_backup

    path = resolve_db_path(getattr(args, "db", None))
    return DatabaseCorrupt.found(path, str(error), latest_good_backup(path))


def add_output_options(parser: argparse.ArgumentParser, metavar: str = "FILE", help_text: str = "write to FILE",
                       *, required: bool = False) -> None:
    """`-o FILE` and `--force`, the same on every command that writes a file."""
    parser.add_argument("-o", "--output", metavar=metavar, required=required, help=help_text)
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def write_file(args: argparse.Namespace, data: bytes | str | None = None, *, produce=None, mode: int | None = None):
    """Write `-o FILE` through the one safe writer (usecases/output_files.py); CliError if refused."""
    from ..paths import resolve_db_path
    from ..usecases.output_files import OutputRefused, write_output, write_output_with

    db_path = resolve_db_path(getattr(args, "db", None))
    try:
        if produce is not None:
            return write_output_with(args.output, produce, db_path=db_path, force=args.force, mode=mode)
        return write_output(args.output, data or b"", db_path=db_path, force=args.force)
    except OutputRefused as error:
        raise CliError(str(error)) from None


def out(text: str = "") -> None:
    """Print user-visible text with control characters made harmless."""
    sys.stdout.write(printable(text) + "\n")


# What json.dumps leaves raw with ensure_ascii=False and a terminal would still act on: DEL, the
# C1 controls (\x9b is CSI) and the bidirectional overrides. Escaped as \uXXXX: the same JSON.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def out_json(data: Any) -> None:
    # json.dumps escapes the C0 controls; the rest of what a terminal acts on is escaped here.
    text = json.dumps(data, ensure_ascii=False, indent=2)
    sys.stdout.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def command(subparsers: Any, name: str, parent: argparse.ArgumentParser, help_text: str) -> argparse.ArgumentParser:
    """Add a subcommand that takes --db and --version like every other."""
    from .. import __version__

    parser = subparsers.add_parser(name, parents=[parent], help=help_text, description=help_text)
    parser.add_argument("--version", action="version", version=f"paperdeck {__version__}")
    return parser
