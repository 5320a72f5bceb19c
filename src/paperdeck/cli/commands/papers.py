"""`paperdeck add | list | move | show`: the pipeline from the shell. Never imports Textual."""

from __future__ import annotations

import argparse
from typing import Any

from ..context import CliError, command, open_cli_store, out, out_json, parse_id


def register(subparsers, common) -> None:
    add = command(subparsers, "add", common, "add a paper to the pipeline")
    add.add_argument("title", help="the paper's title")
    add.add_argument("--venue", metavar="NAME", help="target venue (e.g. ICLR)")
    add.add_argument("--year", metavar="N", help="target year (four digits)")
    add.add_argument("--stage", metavar="STAGE", default="ideation", help="stage by English name (default: Ideation)")
    add.add_argument("--cycle", type=int, metavar="N", help="cycle of the edition, where the venue runs several")
    add.add_argument("--track", choices=("main", "findings", "workshop"), help="track (a workshop plans 6 weeks, not 10)")
    add.add_argument("--json", action="store_true", help="print the new paper as JSON")
    add.set_defaults(handler=add_paper)

    listing = command(subparsers, "list", common, "list papers, by stage")
    listing.add_argument("--stage", metavar="STAGE", help="only this stage")
    listing.add_argument("--json", action="store_true", help="print JSON rows")
    listing.set_defaults(handler=list_papers)

    move = command(subparsers, "move", common, "move a paper to another stage")
    move.add_argument("id", help="paper id")
    move.add_argument("stage", help="target stage by English name (e.g. Writing, 'Under review')")
    move.add_argument("--json", action="store_true", help="print the moved paper as JSON")
    move.set_defaults(handler=move_paper)

    edit = command(subparsers, "edit", common,
                   "set a paper's own facts (its interview deck asks about them); an empty value clears one")
    edit.add_argument("id", help="paper id")
    for name, help_text in EDIT_FIELDS.items():
        edit.add_argument(f"--{name}", metavar="TEXT", help=help_text)
    edit.add_argument("--json", action="store_true", help="print the paper as JSON")
    edit.set_defaults(handler=edit_paper)

    show = command(subparsers, "show", common, "show one paper with its history")
    show.add_argument("id", help="paper id")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=show_paper)


EDIT_FIELDS = {
    "problem": "the problem it solves, in a line (e.g. 'reward drift in RLHF')",
    "method": "the method, as a short name (e.g. 'reward-aware prompt sampling')",
    "baseline": "the baselines compared against (e.g. 'PPO, DPO')",
    "dataset": "the data trained and evaluated on (e.g. 'UltraFeedback')",
    "result": "the headline result, with its numbers",
    "contribution": "the one-line contribution",
    "limitations": "what it does not do yet, in a line (e.g. 'English-only evaluation')",
}


def _stage(text: str):
    from ...models.papers import Stage

    try:
        return Stage.parse(text)
    except ValueError as error:
        raise CliError(str(error)) from error


def _paper_id(text: str) -> int:
    return parse_id(text, "paper")


def _venue_key(store, name: str | None) -> str | None:
    from ...usecases.submissions import SubmissionError, find_venue

    if not name:
        return None
    try:
        return find_venue(store, name.strip()).key
    except SubmissionError as error:
        raise CliError(str(error)) from None


def row(paper) -> dict[str, Any]:
    return {
        "id": paper.id, "title": paper.title, "stage": paper.stage.value,
        "venue": paper.venue_key, "venue_name": paper.venue_name or None, "year": paper.target_year,
        "cycle": paper.target_cycle, "track": paper.track,
        "topic": paper.topic_key, "decision": paper.decision, "award": paper.award,
        "stage_entered_at": paper.stage_entered_at.isoformat() if paper.stage_entered_at else None,
        "version": paper.version, "example": paper.is_example,
    }


def _line(paper) -> str:
    venue = f"  [{paper.venue_label}]" if paper.venue_label else ""
    example = "  (the guide's example, not yours)" if paper.is_example else ""
    return f"{paper.id:>5}  {paper.stage.label:<13} {paper.title}{venue}{example}"


def add_paper(args: argparse.Namespace) -> int:
    from ...domain.validation import FieldError, clean_title, clean_year

    stage = _stage(args.stage)
    try:
        title = clean_title(args.title)
        year = clean_year(args.year or "")
    except FieldError as error:
        raise CliError(error.message) from error
    if args.cycle is not None and not 0 <= args.cycle <= 12:
        raise CliError(f"--cycle must be between 1 and 12, not {args.cycle}")
    store = open_cli_store(args)
    try:
        paper = store.papers.add(title, stage, venue_key=_venue_key(store, args.venue), target_year=year,
                                 target_cycle=args.cycle or None, track=args.track)
    finally:
        store.close()
    if args.json:
        out_json(row(paper))
    else:
        out(f"added #{paper.id}: {paper.title} ({paper.stage.label})")
    return 0


def list_papers(args: argparse.Namespace) -> int:
    from ...models.papers import PaperFilter

    stage = _stage(args.stage) if args.stage else None
    store = open_cli_store(args, reading=True)
    try:
        papers = store.papers.filtered(PaperFilter(stage=stage))
    finally:
        store.close()
    if args.json:
        out_json([row(paper) for paper in papers])
        return 0
    if not papers:
        out("no papers" + (f" in {stage.label}" if stage else ""))
    for paper in papers:
        out(_line(paper))
    return 0


def move_paper(args: argparse.Namespace) -> int:
    from ...store.errors import NotFound

    paper_id, stage = _paper_id(args.id), _stage(args.stage)
    store = open_cli_store(args)
    try:
        try:
            before = store.papers.get(paper_id)
            paper = store.papers.move(paper_id, stage)
        except NotFound as error:
            raise CliError(str(error)) from error
    finally:
        store.close()
    if args.json:
        out_json(row(paper))
    elif before.stage is stage:
        out(f"#{paper.id} is already in {stage.label}")
    else:
        out(f"moved #{paper.id}: {before.stage.label} -> {stage.label}")
    return 0


def edit_paper(args: argparse.Namespace) -> int:
    from ...domain.validation import FieldError, clean_line, clean_result
    from ...store.errors import NotFound

    given = {name: getattr(args, name) for name in EDIT_FIELDS if getattr(args, name) is not None}
    if not given:
        raise CliError("nothing to change: give at least one of " + ", ".join(f"--{name}" for name in EDIT_FIELDS))
    try:
        fields = {name: clean_result(text) if name == "result" else clean_line(name, text, f"the {name}")
                  for name, text in given.items()}
    except FieldError as error:
        raise CliError(f"--{error.field}: {error.message}") from error
    store = open_cli_store(args)
    try:
        try:
            paper = store.papers.update(_paper_id(args.id), None, **fields)
        except NotFound as error:
            raise CliError(str(error)) from error
    finally:
        store.close()
    if args.json:
        out_json(row(paper) | {name: getattr(paper, name) for name in EDIT_FIELDS})
    else:
        out(f"#{paper.id} {paper.title}: " + "; ".join(f"{name} {'cleared' if not value else 'set'}"
                                                     for name, value in fields.items()))
    return 0


def show_paper(args: argparse.Namespace) -> int:
    from ...models.common import utcnow
    from ...models.papers import stage_spans
    from ...store.errors import NotFound
    from ...usecases.paper_targets import paper_targets

    paper_id = _paper_id(args.id)
    now = utcnow()
    store = open_cli_store(args, reading=True)
    try:
        try:
            paper = store.papers.get(paper_id)
        except NotFound as error:
            raise CliError(str(error)) from error
        history = store.papers.history(paper_id)
        submissions = store.papers.submissions(paper_id)
        checklist = store.papers.checklist(paper_id, paper.stage)
        zone = store.settings.zone()
        target = paper_targets(store, [paper], now, zone)[paper.id]
    finally:
        store.close()
    spans = stage_spans(history, now)
    if args.json:
        from ...models.common import jsonable

        out_json({
            **jsonable(paper),  # every field: a new column shows here with no edit
            **row(paper),
            "history": [{"from": m.from_stage.value if m.from_stage else None, "to": m.to_stage.value, "at": m.at.isoformat()} for m in history],
            "days_in_stage": {span.stage.value: round(span.days, 2) for span in spans},
            "submissions": [{"venue": s.venue_name, "year": s.year, "submitted_on": s.submitted_on, "decision": s.decision, "scores": s.scores} for s in submissions],
            "checklist": [{"text": item.text, "done": item.done} for item in checklist],
            "target": _target_json(target, now, zone),
        })
        return 0
    out(f"#{paper.id}  {paper.title}")
    out(f"stage: {paper.stage.label}" + (f"   venue: {paper.venue_label}" if paper.venue_label else ""))
    for label in EDIT_FIELDS:
        value = getattr(paper, label)
        if value:
            out(f"{label}: {value}")
    for line in _target_lines(target, now, zone):
        out(line)
    out("days in each stage: " + ", ".join(f"{span.stage.label} {span.days:.1f}" for span in spans))
    if checklist:
        out(f"checklist ({sum(item.done for item in checklist)}/{len(checklist)}):")
        for item in checklist:
            out(f"  [{'x' if item.done else ' '}] {item.text}")
    for submission in submissions:
        out(f"submitted: {submission.label} {submission.submitted_on or ''} {submission.decision or 'pending'}".rstrip())
    return 0


def _target_json(target, now, zone) -> dict[str, Any] | None:
    """The edition the paper works toward, what it waits for next, its plan and risk (None: no
    venue)."""
    from ...domain.target_text import status_text, target_line
    from ...domain.targets import TargetState, late_text, remaining_plan
    from ..deadline_rows import json_row

    if target.state is TargetState.NONE:
        return None

    def milestone(item) -> dict[str, Any] | None:
        return None if item is None else {"name": item.name, "label": item.label(), "date": item.date.isoformat()}

    remaining = {item.name for item in remaining_plan(target)}
    return {
        "state": target.state.value,
        "edition": {"venue": target.venue_key, "year": target.edition_year, "cycle": target.cycle or None,
                    "chosen_for_you": target.chosen},
        "deadline": json_row(target.deadline, now, zone) if target.deadline is not None else None,
        "status": status_text(target, now, zone),
        "text": target_line(target, now, zone),
        "next_edition": json_row(target.offer, now, zone) if target.offer is not None else None,
        "plan": [{**milestone(item), "done": item.name not in remaining} for item in target.plan],
        "next_milestone": milestone(target.next),
        "at_risk": target.at_risk,
        "late_milestone": milestone(target.late),
        "reason": late_text(target),
    }


def _target_lines(target, now, zone) -> list[str]:
    from ...domain.target_text import target_line
    from ...domain.targets import TargetState, late_text, remaining_plan

    if target.state is TargetState.NONE:
        return []
    lines = [f"target: {target_line(target, now, zone)}"]
    remaining = remaining_plan(target)
    if remaining:
        lines.append("plan: " + " · ".join(f"{item.label()} {item.date.isoformat()}" for item in remaining))
    if target.late is not None and target.state is not TargetState.PASSED:
        lines.append(f"at risk: {late_text(target)}")
    return lines
