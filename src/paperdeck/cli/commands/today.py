"""`paperdeck today`: the morning summary in plain text, fit for a shell's start-up file.

Never imports Textual, nor Rich: colours are plain ANSI codes, only on a terminal and never
when NO_COLOR is set. `--json` prints the same data for scripts.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from functools import partial

from ..context import CliError, command, open_cli_store, out_json

TITLE_CELLS = 56
TAIL_CELLS = 34  # on a narrow terminal, the room a paper row keeps after its title
MIN_WIDTH = 40
SHOWN_DEADLINES = 12
SHOWN_ROWS = 8
VENUE_CELLS = 24
KIND_CELLS = 32

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
    """`text` on one line (no control character left: no colour code either), cut to `width`
    terminal cells with an ellipsis."""
    from ...textsafe import one_line

    return fit_painted(one_line(text), width)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cells(text))


def fit_painted(line: str, width: int) -> str:
    """`line` (with our ANSI colour codes) cut to `width` terminal cells with an ellipsis; the
    codes take no cell, and a cut line ends its colour."""
    import re

    pieces = re.split(r"(\x1b\[[0-9;]*m)", line)
    if cells("".join(pieces[::2])) <= width:
        return line
    kept, used, coloured = [], 0, False
    for index, piece in enumerate(pieces):
        if index % 2:  # a colour code
            kept.append(piece)
            coloured = True
            continue
        for ch in piece:
            used += cells(ch)
            if used > width - 1:
                return "".join(kept) + "…" + ("\x1b[0m" if coloured else "")
            kept.append(ch)
    return "".join(kept)


def joined(parts: list[str], width: int | None, first: int, indent: int = 2, sep: str = " · ") -> list[str]:
    """`parts` joined by `sep` on lines of `width` cells at most (the first starting at cell
    `first`, the others at `indent`): a line breaks between two parts, never inside one."""
    lines, line, used = [], "", first
    for part in parts:
        size = cells(part)
        if line and width is not None and used + len(sep) + size > width:
            lines.append(line)
            line, used = " " * indent + part, indent + size
        else:
            line, used = (line + sep + part, used + len(sep) + size) if line else (part, used + size)
    return [*lines, line]


def today(args: argparse.Namespace) -> int:
    from ...i18n import resolve_language
    from ...models.common import utcnow
    from ...usecases.today import MAX_DAYS, gather

    if args.days is not None and not 0 <= args.days <= MAX_DAYS:
        raise CliError(f"--days must be between 0 and {MAX_DAYS}, not {args.days}")
    # Text prints the first SHOWN_ROWS of each long list (and how many more): only those are
    # built. JSON lists everything.
    now, rows = utcnow(), None if args.json else SHOWN_ROWS
    # One read, then the process ends: no cyclic garbage worth the collector's full scans of
    # every model made (two of them at 10,000 papers, ~60 ms); the child below inherits this.
    collecting = gc.isenabled()
    gc.disable()
    ahead = _side_ahead(args, now, rows)
    try:
        store = open_cli_store(args, reading=True)
        try:
            side = None
            if ahead is not None:
                ahead.begin(store.change_stamp())

                def side():  # the stamp when taken: None if anyone committed since the child began
                    return ahead.take(store.change_stamp())
            summary = gather(store, now, args.days, rows=rows, side=side)
            language = resolve_language(store.settings.load().language)
        finally:
            store.close()
    finally:
        if ahead is not None:
            ahead.discard()
        if collecting:
            gc.enable()
    if args.json:
        out_json(summary.to_json())
        return 0
    # Every piece of stored text was made printable in render_text (fit/one_line); what is
    # left to write raw is our own ANSI styling.
    sys.stdout.write("\n".join(render_text(summary, language, Painter(use_colour()), output_width())) + "\n")
    return 0


def output_width() -> int | None:
    """The terminal's width when printing to one: every line fits it (the terminal would wrap a
    longer one wherever it ends, mid-word). None for a pipe or a file: nothing is cut."""
    if not sys.stdout.isatty():
        return None
    from ..main import terminal_columns

    return max(MIN_WIDTH, terminal_columns())


def _side_ahead(args: argparse.Namespace, now, rows: int | None):
    """The summary's cards and pitch list (`gather_side`), read by a child process on the other
    core while this one reads the papers' deadlines and targets (usecases/view_ahead.py); None
    where it cannot be."""
    from ...paths import resolve_db_path
    from ...usecases.today import gather_side
    from ...usecases.view_ahead import ViewAhead

    try:
        path = resolve_db_path(getattr(args, "db", None))
    except Exception:  # a bad path: opening the database says so, in its words
        return None
    return ViewAhead.start(path, partial(gather_side, now=now, rows=rows))


def deadline_rows(items, summary, language: str, paint: Painter) -> list[str]:
    """One line per deadline; the venue, kind and countdown columns are as wide as their
    longest value here (up to a cap), so a kind such as "Abstract submission deadline" is
    not cut at a fixed width and the rows of both lists line up."""
    from ...domain.deadlines import URGENCY_STYLE, countdown, when_text

    cells_of = [(fit(f"{item.venue_name} {item.edition_year}", VENUE_CELLS),
                 fit(item.display_name(language), KIND_CELLS),
                 countdown(item, summary.now, summary.zone, language)) for item in items]
    widths = [max((cells(row[column]) for row in cells_of), default=0) for column in range(3)]
    estimate = "估计" if language == "zh" else "est."
    rows = []
    for item, (venue, kind, left) in zip(items, cells_of):
        mark = "★" if item.is_target else " "
        when = fit(when_text(item, summary.zone, language), 60)
        row = (f"  {mark} {pad(venue, widths[0])} {pad(kind, widths[1])} "
               f"{paint(pad(left, widths[2]), URGENCY_STYLE[item.urgency])}  {when}")
        rows.append(row + (" " + paint(estimate, "magenta") if item.is_estimate else ""))
    return rows


_ROLE_STYLE = {"mark": "yellow", "subject": "", "label": "", "time": "dim", "estimate": "magenta"}
DAY_CELLS = 20


def agenda_rows(summary, language: str, paint: Painter, title_cells: int = TITLE_CELLS) -> list[str]:
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
            text = "".join(paint(fit(piece, title_cells) if role == "subject" else piece, _ROLE_STYLE[role])
                           for piece, role in agenda_pieces(item, language, summary.zone))
            lines.append(f"  {paint(heading, 'cyan') if index == 0 else ' ' * DAY_CELLS}{text}")
        if len(items) > SHOWN_ROWS:
            more = len(items) - SHOWN_ROWS
            lines.append(" " * (DAY_CELLS + 2) + paint(f"  … 还有 {more} 项" if language == "zh" else f"  … and {more} more", "dim"))
    lines.append("")
    return lines


VERDICT_ZH = {"empty": "未开始", "short": "偏短", "ok": "合适", "long": "偏长"}


def render_text(summary, language: str, paint: Painter, width: int | None = None) -> list[str]:
    """The summary in the content language (headings, counts and dates; stored text as typed);
    each line fit to `width` terminal cells where one is given (the titles' column narrower)."""
    from ...models.stages import Stage
    from ...usecases.today import minutes_seconds, target_text

    zh = language == "zh"
    title_cells = TITLE_CELLS if width is None else max(16, min(TITLE_CELLS, width - 9 - TAIL_CELLS))

    def say(chinese: str, english: str) -> str:
        return chinese if zh else english

    def tail(*before: str) -> int:  # the cells left after a paper row's title and `before`
        return 60 if width is None else max(8, width - 9 - title_cells - sum(cells(text) for text in before))

    now = summary.now
    local_now = now.astimezone(summary.zone)
    today = f"{local_now.year}年{local_now.month}月{local_now.day}日" if zh else f"{local_now:%a %d %b %Y}"
    lines = [paint("paperdeck today", "bold") + paint(f" — {today}", "dim"), ""]

    days = summary.days
    lines.append(paint(say(f"截止日期（{days} 天内）", f"Deadlines (next {days} days)"), "bold"))
    within, later = summary.within[:SHOWN_DEADLINES], summary.later[:SHOWN_DEADLINES]
    rows = deadline_rows(within + later, summary, language, paint)  # one set of column widths
    if not within:
        lines.append(paint(say(f"  {days} 天内没有截止日期", f"  none in the next {days} days"), "dim"))
    lines += rows[:len(within)]
    if len(summary.within) > SHOWN_DEADLINES:
        more = len(summary.within) - SHOWN_DEADLINES
        lines.append(paint(say(f"  … 还有 {more} 个（--json 查看全部）", f"  … and {more} more (--json for all)"), "dim"))
    if later:
        lines.append(paint(say(f"之后（{days} 天以后最近的）", f"Later (the nearest past {days} days)"), "bold"))
        lines += rows[len(within):]
    lines.append("")
    lines += agenda_rows(summary, language, paint, title_cells)

    if summary.first_run is not None:
        lines.append(paint(say("从这里开始", "Getting started"), "bold"))
        add = say('paperdeck add "标题" --venue ICML，或在论文流程按 n',
                  'paperdeck add "TITLE" --venue ICML, or n on the Pipeline')
        lines += ["  " + fit(line, 200) for line in summary.first_run.lines(language, add=add)]
        lines.append("")
    elif summary.mine.by_stage:
        heading = say("我的论文", "My papers")
        stages = joined([f"{count} {Stage(stage).label_zh if zh else Stage(stage).label.lower()}"
                         for stage, count in summary.mine.by_stage], width, cells(heading) + 2)
        lines.append(paint(heading, "bold") + "  " + stages[0])
        lines += stages[1:]
        for paper in summary.mine.working[:SHOWN_ROWS]:
            target = f"{paper.venue} {paper.countdown_in(language)}" if paper.venue else say("未设目标会议", "no target venue")
            step = ""
            if paper.next_on:
                day = f"{paper.next_on.month}月{paper.next_on.day}日" if zh else f"{paper.next_on:%d %b}"
                step = say(f"，{paper.next_label(language)} {day}", f", {paper.next_label(language)} {day}")
            stage = Stage(paper.stage).pick(language)
            lines.append(f"  #{paper.paper_id:<4} {pad(fit(paper.title, title_cells), title_cells)} "
                         f"{paint(stage, 'cyan')}{say('，', ', ')}{fit(target + step, tail(stage, say('，', ', ')))}")
        if summary.total("working") > SHOWN_ROWS:
            more = summary.total("working") - SHOWN_ROWS
            lines.append(paint(say(f"  … 还有 {more} 篇", f"  … and {more} more"), "dim"))
        lines.append("")

    def paper_rows(alerts, total: int, style: str) -> None:
        for alert in alerts[:SHOWN_ROWS]:
            stage = Stage(alert.stage).pick(language)
            reason = alert.reason_zh if zh and alert.reason_zh else alert.reason
            lines.append(f"  #{alert.paper_id:<4} {pad(fit(alert.title, title_cells), title_cells)} "
                         f"{paint(stage, 'cyan')}{say('，', ', ')}{paint(fit(reason, tail(stage, say('，', ', '))), style)}")
        if total > SHOWN_ROWS:
            more = total - SHOWN_ROWS
            lines.append(paint(say(f"  … 还有 {more} 篇", f"  … and {more} more"), "dim"))

    lines.append(paint(say("进度落后", "Papers at risk"), "bold"))
    if not summary.at_risk:
        lines.append(paint(say("  没有落后于计划的论文", "  none behind their plan"), "dim"))
    paper_rows(summary.at_risk, summary.total("at_risk"), "red")
    stalled_days = summary.stalled_days
    lines.append(paint(say(f"停滞（{stalled_days} 天以上未推进）", f"Stalled (no move in {stalled_days}+ days)"), "bold"))
    if not summary.stalled:
        lines.append(paint(say("  没有", "  none"), "dim"))
    paper_rows(summary.stalled, summary.total("stalled"), "yellow")
    lines.append("")

    cards = summary.cards
    lines.append(paint(say("闪卡", "Flashcards"), "bold"))
    retention = "—" if cards.retention is None else f"{cards.retention:.0%}"
    due_style = "yellow" if cards.to_study else "green"
    if zh:
        study = (f"今日待学 {cards.to_study}", f"（到期 {cards.due} · 学习中 {cards.learning} · 新卡 {cards.new}）")
        rest = [f"连续复习 {cards.streak} 天", f"真实记忆率 {retention}（近 {cards.retention_days} 天）"]
    else:
        study = (f"{cards.to_study} to study today", f" ({cards.due} due · {cards.learning} learning · {cards.new} new)")
        rest = [f"streak {cards.streak} {'day' if cards.streak == 1 else 'days'}",
                f"true retention {retention} ({cards.retention_days} days)"]
    card_lines = joined(["".join(study), *rest], width, 2)  # measured unpainted, then the count painted
    card_lines[0] = paint(study[0], due_style) + card_lines[0][len(study[0]):]
    lines += ["  " + line if index == 0 else line for index, line in enumerate(card_lines)]
    lines.append("")

    target = target_text(summary.pitch_target_minutes)
    lines.append(paint(say(f"讲稿准备（目标 {target.replace('min', '分钟')}）", f"Pitch readiness (target {target})"), "bold"))
    if not summary.pitch:
        lines.append(paint(say("  还没有可以讲的论文", "  no paper far enough along to pitch"), "dim"))
    for item in summary.pitch[:SHOWN_ROWS]:
        verdict = VERDICT_ZH[item.verdict] if zh else item.verdict
        lines.append(
            f"  #{item.paper_id:<4} {pad(fit(item.title, title_cells), title_cells)} "
            f"{item.parts_filled}/{item.parts_total} {say('部分', 'parts')}  {minutes_seconds(item.seconds)}  "
            f"{paint(verdict, _VERDICT_STYLE[item.verdict])}"
        )
    if summary.total("pitch") > SHOWN_ROWS:
        more = summary.total("pitch") - SHOWN_ROWS
        lines.append(paint(say(f"  … 还有 {more} 篇", f"  … and {more} more"), "dim"))

    if summary.line is not None:
        lines.append("")
        title = summary.line.title(language)
        text = summary.line.text(language)
        lines.append(paint(say("今日一句（指南）", "Line of the day"), "bold"))
        lines.append("  " + (paint(fit(title, 40), "cyan") + " — " if title else "") + fit(text, 200))
    return lines if width is None else [fit_painted(line, width) for line in lines]
