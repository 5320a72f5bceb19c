"""`paperdeck export ics`: deadlines, conference dates and paper milestones as an .ics file."""

from __future__ import annotations

import argparse
import sys

from ..context import add_output_options, command, open_cli_store, out, write_file


def register(subparsers, common) -> None:
    parser = command(subparsers, "ics", common,
                     "export deadlines, conference dates and your paper milestones as iCalendar (.ics)")
    parser.add_argument("--venue", action="append", metavar="NAME", default=[],
                        help="only this venue (key, name or alias); repeat for more")
    parser.add_argument("--all", action="store_true", help="every stored deadline, past ones too")
    parser.add_argument("--reminders", action="store_true", help="add reminders 7 days and 1 day before")
    parser.add_argument("--no-milestones", action="store_true", help="leave out your papers' milestones")
    add_output_options(parser, help_text="write to FILE (default: standard output)")
    parser.set_defaults(handler=export_ics)


def export_ics(args: argparse.Namespace) -> int:
    from ... import __version__
    from ...models.common import utcnow
    from ...domain.ics import build_calendar, to_ics
    from ...usecases.paper_targets import paper_milestones
    from ..commands.deadlines import _venue_keys

    now = utcnow()
    store = open_cli_store(args, reading=True)
    try:
        keys = _venue_keys(store, args.venue)
        if args.all:
            deadlines = [d for key in (keys or [v.key for v in store.venues.all()]) for d in store.venues.deadlines(key)]
            deadlines += store.venues.estimates(now, keys)
        else:
            deadlines = store.venues.upcoming(now, None, keys)
        milestones = [] if args.no_milestones else paper_milestones(store, now, keys)
    finally:
        store.close()
    data = to_ics(build_calendar(deadlines, milestones, now=now, reminders=args.reminders, version=__version__))
    if not args.output or args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    path = write_file(args, data)
    events = data.count(b"BEGIN:VEVENT")
    out(f"wrote {events} events to {path}")
    return 0
