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
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    update = command(actions, "update", common, "fetch the trackers' current deadlines (ccfddl, Hugging Face) "
                     "for the venues you follow")
    update.add_argument("--source", action="append", metavar="TRACKER=URL", default=[],
                        help="a tracker's base address (ccfddl: the folder holding conference/; hf: the folder "
                        "holding src/data/conferences/); TRACKER=none skips it")
    update.add_argument("--venue", action="append", metavar="NAME", default=[],
                        help="only this venue (default: the venues you follow); repeat for more")
    update.add_argument("--all", action="store_true", help="every venue, not only the followed ones")
    update.add_argument("--dry-run", action="store_true", help="print what would change; change nothing")
    update.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS", help="per request (default 10)")
    update.add_argument("--json", action="store_true", help="print the report as JSON")
    update.set_defaults(handler=_update)

    delete = command(actions, "delete", common, "delete a stored deadline (an invalid one too) by its id or uid")
    delete.add_argument("deadline", metavar="ID|UID", help="the deadline's uid (deadlines --all --json lists it) or, for an invalid row, its id")
    delete.set_defaults(handler=delete_deadline)


def _update(args: argparse.Namespace) -> int:
    from ..deadline_update import update_deadlines

    return update_deadlines(args)


def delete_deadline(args: argparse.Namespace) -> int:
    from ...store.errors import NotFound

    text = args.deadline.strip()
    store = open_cli_store(args)
    try:
        row = store.row("SELECT id FROM deadlines WHERE id = ? OR uid = ?",
                        (int(text) if text.isdigit() and len(text) < 19 else -1, text))
        if row is None:
            raise CliError(f"no deadline {text!r}")
        try:
            store.venues.delete_deadline(row["id"])
        except NotFound as error:
            raise CliError(str(error)) from error
    finally:
        store.close()
    out(f"deleted deadline #{row['id']}")
    return 0


def deadlines(args: argparse.Namespace) -> int:
    from ...models.common import utcnow
    from ..deadline_rows import invalid_row, json_row, text_rows

    if args.days is not None and not 0 <= args.days <= 36600:
        raise CliError(f"--days must be between 0 and 36600, not {args.days}")
    now = utcnow()
    store = open_cli_store(args, reading=True)
    try:
        keys = _venue_keys(store, args.venue)
        zone = store.settings.zone()
        invalid = []
        if args.all:
            from ...domain.deadlines import opens_at

            found = [d for key in (keys or [v.key for v in store.venues.all()]) for d in store.venues.deadlines(key)]
            found.sort(key=lambda d: (opens_at(d), d.venue_key))
            invalid = [d for key in (keys or [None]) for d in store.venues.invalid_deadlines(key)]
        else:
            found = store.venues.upcoming(now, args.days, keys)
    finally:
        store.close()
    if args.json:
        out_json([json_row(deadline, now, zone) for deadline in found] + [invalid_row(d) for d in invalid])
        return 0
    if not found and not invalid:
        out("No deadlines" + (" stored." if args.all else " ahead. Import some with `paperdeck import deadlines FILE`."))
        return 0
    if found:
        for line in text_rows(found, now, zone):
            out(line)
    for deadline in invalid:
        out(f"invalid  #{deadline.id} {deadline.venue_name} {deadline.edition_year} {deadline.kind.value}: "
            f"{deadline.invalid} (paperdeck deadlines delete {deadline.id})")
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
