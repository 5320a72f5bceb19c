"""`paperdeck target | submit | decide`: a paper's editions from the shell, so the whole path
(add, move, submit, decide, resubmit) is scriptable. Never imports Textual."""

from __future__ import annotations

import argparse
from datetime import date

from ..context import CliError, command, open_cli_store, out, out_json


def register(subparsers, common) -> None:
    target = command(subparsers, "target", common, "point a paper at an edition (not a submission)")
    target.add_argument("id", help="paper id")
    target.add_argument("--venue", metavar="NAME", help="venue (key, name or alias)")
    target.add_argument("--year", type=int, metavar="N", help="edition year")
    target.add_argument("--cycle", type=int, metavar="N", help="cycle of the edition (KDD's review cycles...); 0: any")
    target.add_argument("--next", action="store_true", help="take the next edition its target offers once its own passed")
    target.add_argument("--json", action="store_true", help="print the paper's target as JSON")
    target.set_defaults(handler=target_paper)

    submit = command(subparsers, "submit", common, "record a submission: the paper goes Under review and targets that edition")
    submit.add_argument("id", help="paper id")
    submit.add_argument("--venue", metavar="NAME", required=True, help="venue (key, name or alias)")
    submit.add_argument("--year", type=int, metavar="N", help="edition year (default: the paper's, or the venue's next)")
    submit.add_argument("--track", choices=("main", "findings", "workshop"), help="track")
    submit.add_argument("--cycle", type=int, metavar="N", help="cycle of the edition, where it runs several")
    submit.add_argument("--on", metavar="YYYY-MM-DD", help="the day it was submitted (default: today)")
    submit.add_argument("--json", action="store_true", help="print the paper's target as JSON")
    submit.set_defaults(handler=submit_paper)

    decide = command(subparsers, "decide", common, "record the decision on the paper's pending submission")
    decide.add_argument("id", help="paper id")
    decide.add_argument("decision", help="accepted, rejected or withdrawn")
    decide.add_argument("--award", metavar="TEXT", help="with accepted: Oral, Spotlight, Best Paper ...")
    decide.add_argument("--json", action="store_true", help="print the paper's target as JSON")
    decide.set_defaults(handler=decide_paper)


def _paper_id(text: str) -> int:
    from .papers import _paper_id as parse

    return parse(text)


def _report(args: argparse.Namespace, store, paper_id: int, headline: str) -> int:
    from ...models.common import utcnow
    from ...usecases.paper_targets import paper_targets
    from .papers import _target_json, _target_lines, row

    now = utcnow()
    zone = store.settings.zone()
    paper = store.papers.get(paper_id)
    target = paper_targets(store, [paper], now, zone)[paper_id]
    if args.json:
        out_json({**row(paper), "target": _target_json(target, now, zone)})
        return 0
    out(headline)
    for line in _target_lines(target, now, zone):
        out(f"  {line}")
    return 0


def _run(args: argparse.Namespace, action) -> int:
    from ...store.errors import NotFound, ValidationError
    from ...usecases.submissions import SubmissionError

    paper_id = _paper_id(args.id)
    store = open_cli_store(args)
    try:
        try:
            headline = action(store, paper_id)
        except (NotFound, SubmissionError, ValidationError) as error:
            raise CliError(str(error)) from error
        return _report(args, store, paper_id, headline)
    finally:
        store.close()


def target_paper(args: argparse.Namespace) -> int:
    from ...models.common import utcnow
    from ...usecases.submissions import retarget

    def action(store, paper_id: int) -> str:
        moved = retarget(store, paper_id, utcnow(), venue_name=args.venue, year=args.year, cycle=args.cycle,
                         take_offer=args.next)
        return f"#{paper_id} now targets {moved.paper.venue_label or 'no venue'}"

    return _run(args, action)


def submit_paper(args: argparse.Namespace) -> int:
    from ...models.common import utcnow
    from ...usecases.submissions import submit

    on = None
    if args.on:
        try:
            on = date.fromisoformat(args.on)
        except ValueError:
            raise CliError(f"--on must be a date like 2027-01-29, not {args.on!r}") from None

    def action(store, paper_id: int) -> str:
        paper = submit(store, paper_id, args.venue, utcnow(), year=args.year, track=args.track, cycle=args.cycle, on=on)
        return f"#{paper_id} submitted to {paper.venue_label}: {paper.stage.label}"

    return _run(args, action)


def decide_paper(args: argparse.Namespace) -> int:
    from ...usecases.submissions import decide

    def action(store, paper_id: int) -> str:
        before = store.papers.submissions(paper_id)
        pending = [s for s in before if not s.decision]
        paper = decide(store, paper_id, args.decision, award=args.award)
        where = pending[-1].label if pending else paper.venue_label
        award = f" ({paper.award})" if paper.award else ""
        return f"#{paper_id} {args.decision.strip().lower()} at {where}{award}: {paper.stage.label}"

    return _run(args, action)
