"""`paperdeck today`: the morning summary in plain text, fit for a shell's start-up file.

Never imports Textual, nor Rich: colours are plain ANSI codes, only on a terminal and never
when NO_COLOR is set. `--json` prints the same data for scripts.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..context import CliError, command, open_cli_store, out_json

TITLE_CELLS = 56
SHOWN_DEADLINES = 12
SHOWN_ROWS = 8

_ANSI = {
    "bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "blue": "34",
    "magenta": "35", "cyan": "36", "bold red": "1;31",
}
_VERDICT_STYLE = {"empty": "dim", "short": "yellow", "ok": "green", "long": "yellow"}


def register(subparsers, common) -> None:
    parser = command(subparsers, "today", common, "print today's summary as plain text")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--days", type=int, default=None, metavar="N",
                        help="deadline horizon in days (default: the today_days setting, 30)")
    parser.set_defaults(handler=today)


def use_colour(stream=None) -> bool:
    """Colour only on a terminal, never with NO_COLOR (any non-empty value) or TERM=dumb."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Painter:
    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, text: str, style: str) -> str:
        if not self.enabled or not style or not text:
            return text
        return f"\x1b[{_ANSI[style]}m{text}\x1b[0m"


def cells(text: str) -> int:
    from unicodedata import combining, east_asian_width

    return sum(0 if combining(ch) else 2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, width: int) -> str:
    """`text` on one line, cut to `width` terminal cells with an ellipsis."""
    from ...textsafe import one_line

    text = one_line(text)
    if cells(text) <= width:
        return text
    kept, used = [], 0
    for ch in text:
        used += cells(ch)
        if used > width - 1:
            break
        kept.append(ch)
    return "".join(kept) + "…"


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cells(text))


def today(args: argparse.Namespace) -> int:
    from ...i18n import resolve_language
    from ...models.common import utcnow
    from ...usecases.today import MAX_DAYS, gather

    if args.days is not None and not 0 <= args.days <= MAX_DAYS:
        raise CliError(f"--days must be between 0 and {MAX_DAYS}, not {args.days}")
    store = open_cli_store(args, reading=True)
    try:
        summary = gather(store, utcnow(), args.days)
        language = resolve_language(store.settings.load().language)
    finally:
        store.close()
    if args.json:
        out_json(summary.to_json())
        return 0
    # Every piece of stored text was made printable in render_text (fit/one_line); what is
    # left to write raw is our own ANSI styling.
    sys.stdout.write("\n".join(render_text(summary, language, Painter(use_colour()))) + "\n")
    return 0


def deadline_rows(items, summary, language: str, paint: Painter) -> list[str]:
    from ...domain.deadlines import URGENCY_STYLE, when_text

    rows = []
    for item in items:
        mark = "★" if item.is_target else " "
        venue = pad(fit(f"{item.venue_name} {item.edition_year}", 16), 16)
        kind = pad(fit(item.display_name(language), 14), 14)
        when = fit(when_text(item, summary.zone), 60)
        row = f"  {mark} {venue} {kind} {paint(pad(item.countdown, 8), URGENCY_STYLE[item.urgency])}  {when}"
        rows.append(row + (" " + paint("est.", "magenta") if item.is_estimate else ""))
    return rows


_ROLE_STYLE = {"mark": "yellow", "subject": "", "label": "", "time": "dim", "estimate": "magenta"}
DAY_CELLS = 20


def agenda_rows(summary, language: str, paint: Painter) -> list[str]:
    """This week, day by day, in the content language (usecases/agenda.py words every row)."""
    from ...domain.deadlines import local_today
    from ...usecases.agenda import agenda_by_day, agenda_pieces, day_heading

    today = local_today(summary.now, summary.zone)
    lines = [paint("本周" if language == "zh" else "This week", "bold")]
    if not summary.agenda:
        lines.append(paint("  本周没有安排" if language == "zh" else "  nothing this week", "dim"))
    for day, items in agenda_by_day(summary.agenda):
        heading = pad(day_heading(day, today, language), DAY_CELLS)
        for index, item in enumerate(items[:SHOWN_ROWS]):
            text = "".join(paint(fit(piece, TITLE_CELLS) if role == "subject" else piece, _ROLE_STYLE[role])
                           for piece, role in agenda_pieces(item, language, summary.zone))
            lines.append(f"  {paint(heading, 'cyan') if index == 0 else ' ' * DAY_CELLS}{text}")
        if len(items) > SHOWN_ROWS:
            more = len(items) - SHOWN_ROWS
            lines.append(" " * (DAY_CELLS + 2) + paint(f"  … 还有 {more} 项" if language == "zh" else f"  … and {more} more", "dim"))
    lines.append("")
    return lines


def render_text(summary, language: str, paint: Painter) -> list[str]:
    from ...models.papers import Stage
    from ...usecases.today import minutes_seconds, target_text

    now = summary.now
    local_now = now.astimezone(summary.zone)
    lines = [paint("paperdeck today", "bold") + paint(f" — {local_now:%a %d %b %Y}", "dim"), ""]

    lines.append(paint(f"Deadlines (next {summary.days} days)", "bold"))
    within, later = summary.within, summary.later
    if not within:
        lines.append(paint(f"  none in the next {summary.days} days", "dim"))
    lines += deadline_rows(within[:SHOWN_DEADLINES], summary, language, paint)
    if len(within) > SHOWN_DEADLINES:
        lines.append(paint(f"  … and {len(within) - SHOWN_DEADLINES} more (--json for all)", "dim"))
    if later:
        lines.append(paint(f"Later (the nearest past {summary.days} days)", "bold"))
        lines += deadline_rows(later[:SHOWN_DEADLINES], summary, language, paint)
    lines.append("")
    lines += agenda_rows(summary, language, paint)

    if summary.first_run is not None:
        lines.append(paint("Getting started", "bold"))
        hint = summary.first_run.lines("en", add='paperdeck add "TITLE" --venue ICML, or n on the Pipeline')
        lines += ["  " + fit(line, 200) for line in hint]
        lines.append("")
    elif summary.mine.by_stage:
        lines.append(paint("My papers", "bold") + "  " + " · ".join(
            f"{count} {Stage(stage).label.lower()}" for stage, count in summary.mine.by_stage))
        for paper in summary.mine.working[:SHOWN_ROWS]:
            target = f"{paper.venue} {paper.countdown}" if paper.venue else "no target venue"
            step = f", {paper.next_en} {paper.next_on:%d %b}" if paper.next_on else ""
            lines.append(f"  #{paper.paper_id:<4} {pad(fit(paper.title, TITLE_CELLS), TITLE_CELLS)} "
                         f"{paint(Stage(paper.stage).label, 'cyan')}, {fit(target + step, 60)}")
        if len(summary.mine.working) > SHOWN_ROWS:
            lines.append(paint(f"  … and {len(summary.mine.working) - SHOWN_ROWS} more", "dim"))
        lines.append("")

    def paper_rows(alerts, style: str) -> None:
        for alert in alerts[:SHOWN_ROWS]:
            stage = Stage(alert.stage).pick(language)
            lines.append(f"  #{alert.paper_id:<4} {pad(fit(alert.title, TITLE_CELLS), TITLE_CELLS)} "
                         f"{paint(stage, 'cyan')}, {paint(fit(alert.reason, 60), style)}")
        if len(alerts) > SHOWN_ROWS:
            lines.append(paint(f"  … and {len(alerts) - SHOWN_ROWS} more", "dim"))

    lines.append(paint("Papers at risk", "bold"))
    if not summary.at_risk:
        lines.append(paint("  none behind their plan", "dim"))
    paper_rows(summary.at_risk, "red")
    lines.append(paint(f"Stalled (no move in {summary.stalled_days}+ days)", "bold"))
    if not summary.stalled:
        lines.append(paint("  none", "dim"))
    paper_rows(summary.stalled, "yellow")
    lines.append("")

    cards = summary.cards
    lines.append(paint("Flashcards", "bold"))
    retention = "—" if cards.retention is None else f"{cards.retention:.0%}"
    due_style = "yellow" if cards.to_study else "green"
    lines.append(
        f"  {paint(f'{cards.to_study} to study today', due_style)} "
        f"({cards.due} due · {cards.learning} learning · {cards.new} new) · "
        f"streak {cards.streak} {'day' if cards.streak == 1 else 'days'} · "
        f"true retention {retention} ({cards.retention_days} days)"
    )
    lines.append("")

    lines.append(paint(f"Pitch readiness (target {target_text(summary.pitch_target_minutes)})", "bold"))
    if not summary.pitch:
        lines.append(paint("  no paper far enough along to pitch", "dim"))
    for item in summary.pitch[:SHOWN_ROWS]:
        lines.append(
            f"  #{item.paper_id:<4} {pad(fit(item.title, TITLE_CELLS), TITLE_CELLS)} "
            f"{item.parts_filled}/{item.parts_total} parts  {minutes_seconds(item.seconds)}  "
            f"{paint(item.verdict, _VERDICT_STYLE[item.verdict])}"
        )
    if len(summary.pitch) > SHOWN_ROWS:
        lines.append(paint(f"  … and {len(summary.pitch) - SHOWN_ROWS} more", "dim"))

    if summary.line is not None:
        lines.append("")
        title = summary.line.title(language)
        text = summary.line.text(language)
        lines.append(paint("Line of the day", "bold"))
        lines.append("  " + (paint(fit(title, 40), "cyan") + " — " if title else "") + fit(text, 200))
    return lines
