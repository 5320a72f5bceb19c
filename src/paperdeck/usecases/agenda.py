"""This week's agenda, for the Dashboard and `paperdeck today` (both read it from `today.gather`):
day by day over the next seven days, the submission deadlines (my targets and favourites
marked), the rebuttal periods my submitted papers are in, my papers' plan milestones and the
flashcards falling due. Both languages in every row; stored text (titles, venue names) is
kept as typed for the surfaces to show literally.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from ..domain.agenda import AGENDA_DAYS, KIND_ORDER, AgendaKind, agenda_days, in_agenda, running_period
from ..domain.deadlines import local_day, local_today
from ..domain.targets import PaperTarget, milestone_items, target_for
from ..models.stages import PaperBrief, Stage
from ..models.venues import DeadlineKind, deadline_name
from .paper_targets import venue_editions

if TYPE_CHECKING:
    from ..store import Store
    from .deadline_book import DeadlineBook


@dataclass(slots=True)
class AgendaItem:
    """One row of the agenda. Shaped like a deadline (`at`, `on_date`, `tz_label`,
    `is_estimate`) so the deadlines core writes its time."""

    day: date                    # the user's local day it falls on
    kind: str                    # domain.agenda.AgendaKind
    label_zh: str                # what: "摘要截止", "实验完成", "12 张卡片到期"
    label_en: str
    subject: str = ""            # whose: "ICML 2027" or a paper's title (stored text)
    at: datetime | None = None   # a timed deadline's instant (UTC); None: a whole day
    on_date: date | None = None
    tz_label: str = ""
    is_estimate: bool = False
    is_target: bool = False      # my target or a favourite venue (deadlines), always for my own rows
    count: int = 0               # cards falling due (reviews)
    until: date | None = None    # a running period's last day
    ref: str = ""                # what it opens: "venue:icml", "paper:12", "cards:review"

    def label(self, language: str) -> str:
        return self.label_zh if language == "zh" else self.label_en


def week_agenda(store: "Store", papers: Sequence[PaperBrief], targets: Mapping[int, PaperTarget], now: datetime,
                zone: tzinfo, to_study_today: int, days: int = AGENDA_DAYS,
                book: "DeadlineBook | None" = None) -> list[AgendaItem]:
    """`papers`: the user's own (no examples) and `targets` theirs (`paper_targets`);
    `to_study_today`: the cards the Flashcards summary counts for today (so both agree);
    `book`: the venues and deadlines read at `now` (read here when not given)."""
    if book is None:
        from .deadline_book import DeadlineBook

        book = DeadlineBook.read(store, now)
    today = local_today(now, zone)
    items = _deadlines(store, book, papers, zone, today, days)
    items += _periods(store, book, papers, targets, zone, today, days)
    items += _milestones(papers, targets, today, days)
    items += _reviews(store, now, today, days, to_study_today)
    items.sort(key=lambda item: (item.day, KIND_ORDER[AgendaKind(item.kind)],
                                 item.at or datetime.max.replace(tzinfo=now.tzinfo), not item.is_target))
    return items


def _deadlines(store: "Store", book: "DeadlineBook", papers: Sequence[PaperBrief], zone: tzinfo, today: date,
               days: int) -> list[AgendaItem]:
    """Submission deadlines (as the deadline list has them) on the agenda's days."""
    is_target = book.target_test(store, papers)
    names = book.names()
    found = []
    for deadline in book.upcoming(store, days + 1):
        day = local_day(deadline, zone)
        if not deadline.kind.is_submission or not in_agenda(day, today, days):
            continue
        found.append(AgendaItem(
            day=day, kind=AgendaKind.DEADLINE.value,
            label_zh=deadline_name(deadline.label, deadline.kind, "zh"),
            label_en=deadline_name(deadline.label, deadline.kind, "en"),
            subject=f"{names.get(deadline.venue_key, deadline.venue_key)} {deadline.edition_year}",
            at=deadline.at, on_date=deadline.on_date, tz_label=deadline.tz_label,
            is_estimate=deadline.is_estimate, is_target=is_target(deadline), ref=f"venue:{deadline.venue_key}",
        ))
    return found


def _periods(store: "Store", book: "DeadlineBook", papers: Sequence[PaperBrief], targets: Mapping[int, PaperTarget],
             zone: tzinfo, today: date, days: int) -> list[AgendaItem]:
    """The rebuttal periods my papers under review are in, when begun before today and ending
    after the agenda (a start or end inside it is a deadline row already)."""
    waiting = [(paper, targets[paper.id]) for paper in papers
               if paper.stage is Stage.UNDER_REVIEW and paper.id in targets and targets[paper.id].edition_year]
    if not waiting:
        return []
    now = book.now
    editions = venue_editions(store, {target.venue_key for _paper, target in waiting if target.venue_key}, book)
    found = []
    periods: dict[int, tuple | None] = {}  # target id -> its running period: papers alike share a target
    for paper, target in waiting:
        if id(target) not in periods:
            venue = editions.get((target.venue_key or "").lower())
            dates = venue.edition(target.edition_year).of((DeadlineKind.REBUTTAL,), target.cycle) if venue else []
            periods[id(target)] = running_period(dates, now)
        period = periods[id(target)]
        if period is None or in_agenda(local_day(period[1], zone), today, days):
            continue
        end = local_day(period[1], zone)
        found.append(AgendaItem(
            day=today, kind=AgendaKind.PERIOD.value,
            label_zh=f"Rebuttal 阶段（至 {end.month}月{end.day}日）", label_en=f"Rebuttal period (until {end:%d %b})",
            subject=paper.title, on_date=today, is_estimate=period[1].is_estimate, is_target=True,
            until=end, ref=f"paper:{paper.id}",
        ))
    return found


def _milestones(papers: Sequence[PaperBrief], targets: Mapping[int, PaperTarget], today: date, days: int) -> list[AgendaItem]:
    titles = {paper.id: paper.title for paper in papers}
    # Only a plan with a milestone on the agenda's days gives rows: the others are left out
    # before every remaining milestone of every paper is made an item (papers alike share one
    # plan: each is tested once; the plans are alive, so their ids are not reused meanwhile).
    in_week: dict[int, bool] = {}
    mine = []
    for paper_id, target in targets.items():
        if paper_id not in titles:
            continue
        shown = in_week.get(id(target.plan))
        if shown is None:
            shown = in_week[id(target.plan)] = any(in_agenda(m.date, today, days) for m in target.plan)
        if shown:  # a target papers alike share (`shared=True`) is copied with this paper's id
            mine.append(target if target.paper_id == paper_id else target_for(target, paper_id))
    return [
        AgendaItem(day=item.on_date, kind=AgendaKind.MILESTONE.value, label_zh=item.label_zh, label_en=item.label_en,
                   subject=item.paper_title, on_date=item.on_date, is_estimate=item.deadline_is_estimate,
                   is_target=True, ref=f"paper:{item.paper_id}")
        for item in milestone_items(titles, mine, today) if in_agenda(item.on_date, today, days)
    ]


def _reviews(store: "Store", now: datetime, today: date, days: int, to_study_today: int) -> list[AgendaItem]:
    """Cards falling due on each study day (the Stats forecast); today, what there is to study."""
    # The forecast is by study day (it starts at the rollover hour); the agenda by calendar day.
    # Between midnight and the rollover the current study day is yesterday's date, so match
    # the two by date, not by position (one more study day covers the agenda's last day).
    due_on = dict(store.cards.forecast(now, days + 1)) if days > 1 else {}
    found = []
    for offset, day in enumerate(agenda_days(today, days)):
        count = to_study_today if offset == 0 else due_on.get(day, 0)
        if count <= 0:
            continue
        found.append(AgendaItem(
            day=day, kind=AgendaKind.REVIEWS.value,
            label_zh=f"{count} 张卡片待学" if offset == 0 else f"{count} 张卡片到期",
            label_en=(f"{count} {'card' if count == 1 else 'cards'} to study" if offset == 0
                      else f"{count} {'card' if count == 1 else 'cards'} due"),
            on_date=day, is_target=True, count=count, ref="cards:review",
        ))
    return found


def agenda_by_day(items: list[AgendaItem]) -> list[tuple[date, list[AgendaItem]]]:
    """The items grouped by day, in order (days with nothing are left out)."""
    grouped: dict[date, list[AgendaItem]] = {}
    for item in items:
        grouped.setdefault(item.day, []).append(item)
    return list(grouped.items())



# -- how a row is written (both surfaces; each styles the pieces by their role) ------------

ROLES = ("mark", "subject", "label", "time", "estimate")


def day_heading(day: date, today: date, language: str) -> str:
    """"Today · Mon 30 Nov", "Tue 01 Dec"; "今天 · 11月30日 周一"."""
    from ..i18n_words import ZH_DAY, in_chinese

    text = in_chinese(f"{day:{ZH_DAY}}") if language == "zh" else f"{day:%a %d %b}"
    if day == today:
        return ("今天 · " if language == "zh" else "Today · ") + text
    return text


def agenda_pieces(item: AgendaItem, language: str, zone: tzinfo) -> list[tuple[str, str]]:
    """The row as (text, role) pieces: "★ ", "ICML 2027", "Abstract", "19:59 CST", "est.".
    A timed deadline's time is the user's wall time with the zone's name; stored text (the
    subject) is a piece of its own so a surface shows it literally."""
    from ..domain.deadlines import local_text

    pieces = [("★ " if item.is_target and item.kind == AgendaKind.DEADLINE.value else "  ", "mark")]
    if item.kind == AgendaKind.MILESTONE.value or item.kind == AgendaKind.PERIOD.value:
        pieces += [(item.label(language), "label"), ("：" if language == "zh" else ": ", "label"),
                   (item.subject, "subject")]
    elif item.kind == AgendaKind.DEADLINE.value:
        pieces += [(item.subject, "subject"), (" ", "label"), (item.label(language), "label")]
        if item.at is not None:
            pieces.append((" " + local_text(item, zone, "%H:%M"), "time"))
    else:
        pieces.append((item.label(language), "label"))
    if item.is_estimate:
        pieces.append((" 估计" if language == "zh" else " est.", "estimate"))
    return pieces
