"""`paperdeck config list|get KEY|set KEY VALUE|reset KEY [--json]`: read and change the settings.

Every value is checked by the settings catalogue (domain/settings.py); a refusal is one line
on stderr and exit status 2. Values are shown as a user writes them, control characters made
visible; `--json` reads and writes JSON values instead.
"""

from __future__ import annotations

import argparse

from ..context import command, open_cli_store, out, out_json


def register(subparsers, common) -> None:
    from ...domain.settings import CATALOGUE

    parser = command(subparsers, "config", common, "list, show or change settings (`config list` shows them all)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    settings_help = "settings:\n" + "\n".join(f"  {spec.key:<22}{spec.describe()}" for spec in CATALOGUE)

    listing = command(actions, "list", common, "every setting and its value")
    listing.add_argument("--json", action="store_true", help="print JSON: value, default, labels, what it accepts")
    listing.set_defaults(handler=list_settings)

    show = command(actions, "get", common, "print one setting's value")
    show.add_argument("key", metavar="KEY", help="a setting's key (see `paperdeck config list`)")
    show.add_argument("--json", action="store_true", help="print the value as JSON")
    show.set_defaults(handler=get_setting)

    change = command(actions, "set", common, "check and save one setting's value")
    change.formatter_class = argparse.RawDescriptionHelpFormatter
    change.epilog = settings_help
    change.add_argument("key", metavar="KEY", help="a setting's key")
    change.add_argument("value", metavar="VALUE", help="the new value as text (or JSON with --json)")
    change.add_argument("--json", action="store_true", help="VALUE is JSON; print the saved value as JSON")
    change.set_defaults(handler=set_setting)

    reset = command(actions, "reset", common, "put one setting back to its default")
    reset.add_argument("key", metavar="KEY", help="a setting's key")
    reset.set_defaults(handler=reset_setting)


def list_settings(args: argparse.Namespace) -> int:
    from ...usecases.settings import setting_rows

    rows = _with_store(args, setting_rows, reading=True)
    if args.json:
        out_json([row.to_json() for row in rows])
        return 0
    width = max(len(row.key) for row in rows)
    for row in rows:
        out(_line(row, width))
    return 0


def get_setting(args: argparse.Namespace) -> int:
    from ...usecases.settings import setting_row

    row = _with_store(args, lambda store: setting_row(store, args.key), reading=True)
    if args.json:
        out_json(row.spec.to_json(row.value))
    else:
        out(_visible(row.text))
    return 0


def set_setting(args: argparse.Namespace) -> int:
    from ...usecases.settings import change_setting

    row = _with_store(args, lambda store: change_setting(store, args.key, args.value, as_json=args.json))
    if args.json:
        out_json({row.key: row.spec.to_json(row.value)})
    else:
        out(_line(row))
    return 0


def reset_setting(args: argparse.Namespace) -> int:
    from ...usecases.settings import reset_setting as reset

    out(_line(_with_store(args, lambda store: reset(store, args.key))))
    return 0


def _with_store(args: argparse.Namespace, ask, *, reading: bool = False):
    store = open_cli_store(args, reading=reading)
    try:
        return ask(store)
    finally:
        store.close()


def _line(row, width: int = 0) -> str:
    return f"{row.key:<{width}} = {_visible(row.text)}".rstrip()


def _visible(text: str) -> str:
    from ...textsafe import one_line

    return one_line(text)
