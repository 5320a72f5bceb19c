"""`paperdeck deadlines`: upcoming deadlines (announced and estimated), or every stored one."""

from __future__ import annotations

import argparse

from ..context import CliError, command, open_cli_store, out, out_json


def register(subparsers, common) -> None:
    parser = command(subparsers, "deadlines", common, "list upcoming venue deadlines (AoE-correct, with estimates)")
    parser.add_argument("--venue", action="append", metavar="NAME", default=[],
                        help="only this venue (key, name or alias); repeat for more")
    parser.add_argument("--all", action="store_true", help="every stored deadline, past ones too")
    parser.add_argument("--days", type=int, metavar="N", help="only the next N days")
    parser.add_argument("--json", action="store_true", help="print JSON rows")
    parser.set_defaults(handler=deadlines)


def deadlines(args: argparse.Namespace) -> int:
    from ...models.common import utcnow
    from ..deadline_rows import json_row, text_rows

    if args.days is not None and not 0 <= args.days <= 36600:
        raise CliError(f"--days must be between 0 and 36600, not {args.days}")
    now = utcnow()
    store = open_cli_store(args, reading=True)
    try:
        keys = _venue_keys(store, args.venue)
        zone = store.settings.zone()
        if args.all:
            from ...domain.deadlines import opens_at

            found = [d for key in (keys or [v.key for v in store.venues.all()]) for d in store.venues.deadlines(key)]
            found.sort(key=lambda d: (opens_at(d), d.venue_key))
        else:
            found = store.venues.upcoming(now, args.days, keys)
    finally:
        store.close()
    if args.json:
        out_json([json_row(deadline, now, zone) for deadline in found])
        return 0
    if not found:
        out("No deadlines" + (" stored." if args.all else " ahead. Import some with `paperdeck import deadlines FILE`."))
        return 0
    for line in text_rows(found, now, zone):
        out(line)
    return 0


def _venue_keys(store, names: list[str]) -> list[str] | None:
    if not names:
        return None
    keys = []
    for name in names:
        venue = store.venues.find(name)
        if venue is None:
            known = ", ".join(v.name for v in store.venues.all()[:20])
            raise CliError(f"no venue {name!r}; known venues include: {known}")
        keys.append(venue.key)
    return keys
