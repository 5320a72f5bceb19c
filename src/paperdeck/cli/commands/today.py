"""`paperdeck today`: the morning summary in plain text. Never imports Textual."""

from __future__ import annotations

import argparse

from ..context import command, open_cli_store, out, out_json


def register(subparsers, common) -> None:
    parser = command(subparsers, "today", common, "print today's summary as plain text")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--days", type=int, default=14, metavar="N", help="horizon in days (default 14)")
    parser.set_defaults(handler=today)


def today(args: argparse.Namespace) -> int:
    from ...models.papers import STAGES

    store = open_cli_store(args)
    try:
        papers = store.papers.all()
        counts = {stage.value: sum(1 for p in papers if p.stage is stage) for stage in STAGES}
    finally:
        store.close()
    if args.json:
        out_json({"papers_by_stage": counts})
        return 0
    out("paperdeck today")
    for stage in STAGES:
        out(f"  {stage.label:<14}{counts[stage.value]:>4}")
    return 0
