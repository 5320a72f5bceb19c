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
    import gc

    from ..recovery import open_or_offer_restore

    # Off until the first frame with data (tui/startup.py turns it on): start-up makes ~100,000
    # objects that live as long as the app, and scanning them 145 times was ~25 ms of it.
    gc.disable()
    start_screen = getattr(args, "screen", DEFAULT_SCREEN)
    ahead = _first_view_ahead(args, start_screen)
    try:
        store = open_or_offer_restore(args)
    except BaseException:
        if ahead is not None:
            ahead.discard()
        raise
    if ahead is not None:
        ahead.begin(store.change_stamp())
    from ...tui.app import PaperdeckApp
    from ..daily_backup import start_in_background

    app = PaperdeckApp(store, start_screen=start_screen, once_shown=start_in_background, view_ahead=ahead)
    try:
        damage = app.run()
        if damage is None and app.return_code:
            # The app crashed: perhaps a read hit damage the background check was still seeking.
            damage = _damage_found(store)
    finally:
        if ahead is not None:
            ahead.discard()
        store.close()
    if damage is not None:  # found by the background integrity check while the app ran
        from ..recovery import offer_restore

        offer_restore(damage)
    return 0


def _first_view_ahead(args: argparse.Namespace, start_screen: str):
    """The Dashboard's first view, read by a child process while the app starts
    (usecases/view_ahead.py); None for another start screen, or where it cannot be."""
    if start_screen != "dashboard":
        return None
    from ...paths import resolve_db_path
    from ...usecases.dashboard import dashboard_now
    from ...usecases.view_ahead import ViewAhead

    try:
        path = resolve_db_path(getattr(args, "db", None))
    except Exception:  # a bad path: opening the database says so, in its words
        return None
    return ViewAhead.start(path, dashboard_now)


def _damage_found(store):
    from ...store import DatabaseCorrupt

    try:
        store.ensure_sound()
    except DatabaseCorrupt as damage:
        return damage
    return None
