"""`paperdeck run` (and `paperdeck` alone): start the app."""

from __future__ import annotations

import argparse

from ...tui.registry import DEFAULT_SCREEN, SCREEN_NAMES
from ..context import CliError, command


def add_screen_option(parser: argparse.ArgumentParser) -> None:
    """`--screen NAME`, on `paperdeck run` and on `paperdeck` alone. SUPPRESS: an absent option
    leaves the other parser's value alone (argparse would let a sub-command's default win)."""
    parser.add_argument("--screen", choices=SCREEN_NAMES, default=argparse.SUPPRESS,
                        help=f"the screen to open (default: {DEFAULT_SCREEN})")


def register(subparsers, common) -> None:
    parser = command(subparsers, "run", common, "start the app (the default)")
    add_screen_option(parser)
    parser.set_defaults(handler=run_app)


def run_app(args: argparse.Namespace) -> int:
    import sys

    if not sys.stdout.isatty() or not sys.stdin.isatty():
        raise CliError("the app needs a terminal; for plain text try `paperdeck today`")
    from ..recovery import open_or_offer_restore

    store = open_or_offer_restore(args)
    from ...tui.app import PaperdeckApp
    from ..daily_backup import start_in_background

    app = PaperdeckApp(store, start_screen=getattr(args, "screen", DEFAULT_SCREEN),
                       once_shown=start_in_background)
    try:
        damage = app.run()
        if damage is None and app.return_code:
            # The app crashed: perhaps a read hit damage the background check was still seeking.
            damage = _damage_found(store)
    finally:
        store.close()
    if damage is not None:  # found by the background integrity check while the app ran
        from ..recovery import offer_restore

        offer_restore(damage)
    return 0


def _damage_found(store):
    from ...store import DatabaseCorrupt

    try:
        store.ensure_sound()
    except DatabaseCorrupt as damage:
        return damage
    return None
