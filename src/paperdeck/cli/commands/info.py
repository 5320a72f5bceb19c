"""`paperdeck info`: paths, schema version and row counts."""

from __future__ import annotations

import argparse

from ... import __version__
from ..context import command, open_cli_store, out, out_json


def register(subparsers, common) -> None:
    parser = command(subparsers, "info", common, "show the database path, schema version and row counts")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=info)


def info(args: argparse.Namespace) -> int:
    from ...paths import backups_dir, data_dir

    store = open_cli_store(args, reading=True)
    try:
        data = {
            "version": __version__,
            "database": str(store.path),
            "data_dir": str(data_dir()),
            "backups": str(backups_dir(store.path)),
            "schema_version": store.schema_version,
            "counts": store.counts(),
        }
    finally:
        store.close()
    if args.json:
        out_json(data)
        return 0
    out(f"paperdeck {data['version']}")
    out(f"database        {data['database']}")
    out(f"backups         {data['backups']}")
    out(f"schema version  {data['schema_version']}")
    for table, count in data["counts"].items():
        out(f"  {table:<16}{count:>8}")
    return 0
