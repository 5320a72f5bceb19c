"""`paperdeck backup [-o FILE] [--list]` and `paperdeck restore FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..context import CliError, add_output_options, command, open_cli_store, out, write_file


def register(subparsers, common) -> None:
    parser = command(subparsers, "backup", common,
                     "back up the database now (into the backups directory, or to FILE)")
    add_output_options(parser, help_text="write the backup to FILE instead")
    parser.add_argument("--list", action="store_true", help="list the backups, newest first")
    parser.set_defaults(handler=backup)

    parser = command(subparsers, "restore", common,
                     "replace the database with a backup (the current one is backed up first)")
    parser.add_argument("file", metavar="FILE", help="a backup made by `paperdeck backup` or automatically")
    parser.add_argument("--force", action="store_true", help="restore even a backup of another database")
    parser.set_defaults(handler=restore)


def backup(args: argparse.Namespace) -> int:
    from ...paths import backups_dir, backups_root, resolve_db_path
    from ...store.backup import backup_store, list_backups, shared_backups

    if args.list:
        db_path = resolve_db_path(getattr(args, "db", None))
        backups = list_backups(db_path)
        out(f"backups of {db_path} in {backups_dir(db_path)}:")
        if not backups:
            out("  (none yet)")
        for item in backups:
            out(_backup_line(item))
        shared = shared_backups(db_path)
        if shared:
            out(f"older backups in {backups_root(db_path)}, shared by every database in that folder "
                "(never offered or pruned automatically; `paperdeck restore FILE` takes one):")
            for item in shared:
                out(_backup_line(item))
        return 0
    if args.output is not None and not args.output.strip():
        raise CliError("-o needs a file name")
    store = open_cli_store(args, daily=False, reading=True)
    try:
        if args.output:
            # Through the one safe writer: never the database, a backup, a link or (unasked) a file.
            made = write_file(args, produce=lambda temporary: backup_store(store, temporary), mode=0o600)
        else:
            made = backup_store(store, reason="manual")
    finally:
        store.close()
    out(f"backed up to {made}")
    return 0


def _backup_line(item) -> str:
    try:
        size = f"{item.path.stat().st_size:>10} B"
    except OSError:
        size = f"{'?':>10}  "
    return f"  {item.taken_at:%Y-%m-%d %H:%M:%S}  {size}  {item.path.name}"


def restore(args: argparse.Namespace) -> int:
    from ...paths import resolve_db_path
    from ...store.backup import restore as restore_backup

    if not args.file.strip():
        raise CliError("restore needs the backup file to restore from")
    db_path = resolve_db_path(getattr(args, "db", None))
    result = restore_backup(db_path, Path(args.file).expanduser(), force=args.force)
    out(f"restored {db_path} from {result.source}")
    if result.previous_backup is not None:
        out(f"the database as it was is saved in {result.previous_backup}")
    if result.set_aside is not None:
        out(f"the damaged database was kept aside as {result.set_aside}")
    return 0
