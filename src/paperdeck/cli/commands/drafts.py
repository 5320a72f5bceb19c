"""`paperdeck drafts`: text kept because what it was typed for was deleted elsewhere meanwhile."""

from __future__ import annotations

import argparse

from ...usecases.drafts import delete_draft, draft, drafts
from ..context import command, open_cli_store, out, parse_id


def register(subparsers, common) -> None:
    parser = command(subparsers, "drafts", common,
                     "list text kept as drafts (typed for something deleted elsewhere meanwhile)")
    parser.add_argument("--show", metavar="ID", help="print one draft's text")
    parser.add_argument("--delete", metavar="ID", help="delete one draft")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.delete:
        store = open_cli_store(args)
        try:
            delete_draft(store, parse_id(args.delete, "draft"))
        finally:
            store.close()
        out(f"deleted draft #{args.delete}")
        return 0
    store = open_cli_store(args, reading=True)
    try:
        if args.show:
            found = draft(store, parse_id(args.show, "draft"))
            out(f"# {found.about}")
            out(found.body)
            return 0
        listed = drafts(store)
    finally:
        store.close()
    if not listed:
        out("no drafts")
    for found in listed:
        first = found.body.strip().splitlines()[0] if found.body.strip() else ""
        out(f"#{found.id:<4} {found.created_at:%Y-%m-%d %H:%M}  {found.about}  {first[:60]}")
    return 0
