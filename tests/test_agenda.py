"""This week's agenda (usecases/agenda.py): gathered once in `today.gather`, shown by the
Dashboard's "This week" panel and by `paperdeck today`, in both languages. A real database in
tmp_path, the real app and the real CLI; the clock frozen at Sunday 29 Nov 2026 09:00 UTC."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from conftest import run_cli
from paperdeck.models.common import utcnow
from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.usecases.today import gather

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)


def prepare_week(store) -> None:
    """Something of every kind this week, and some just outside it."""
    store.venues.add("Soon Conf", key="soon")
    store.venues.add("Review Conf", key="revconf")
    store.venues.add("[red]Fav[/] Workshop", key="fav")
    store.venues.set_favourite("fav", True)
    # A paper in Writing toward a deadline on 9 Dec: its "draft by" (9 Dec - 7 days) is on Wed 2 Dec.
    store.venues.add_deadline("soon", 2026, "paper", on_date=date(2026, 12, 9))
    store.papers.add("多模态对齐 🚀 [bold]draft[/]", Stage.WRITING, venue_key="soon", target_year=2026)
    # The field's deadline inside the week (not mine), a favourite's, one the day after the week.
    store.venues.add_deadline("aaai", 2027, "paper", at=datetime(2026, 12, 2, 11, 59, tzinfo=timezone.utc))
    store.venues.add_deadline("fav", 2027, "paper", on_date=date(2026, 12, 5), label="[b]Main[/b] track")
    store.venues.add_deadline("fav", 2027, "abstract", on_date=date(2026, 12, 6))
    # A submitted paper whose rebuttal began on 25 Nov and ends on 15 Dec: a period running all week.
    store.venues.add_deadline("revconf", 2026, "paper", on_date=date(2026, 9, 1))
    store.venues.add_deadline("revconf", 2026, "rebuttal", on_date=date(2026, 11, 25), label="Rebuttal starts")
    store.venues.add_deadline("revconf", 2026, "rebuttal", on_date=date(2026, 12, 15), label="Rebuttal ends")
    store.papers.add("Under review paper", Stage.UNDER_REVIEW, venue_key="revconf", target_year=2026)
    # A card falling due on Tue 1 Dec: rated Easy at a time chosen so its interval ends then.
    from paperdeck.domain.scheduling import preview

    card = store.cards.cards()[0]
    interval = preview(card, NOW, fuzz=False)[4].due - NOW  # no fuzz: the same interval at any time
    rated_at = NOW + timedelta(days=2) - interval
    store.cards.record_review(card, preview(card, rated_at, fuzz=False)[4], reviewed_at=rated_at, duration_ms=1000)


@pytest.fixture
def week(store, frozen_clock, utc_zone):
    prepare_week(store)
    return store


def test_the_agenda_covers_seven_days_with_every_kind(week):
    summary = gather(week, utcnow())
    rows = [(item.day, item.kind, item.label_en, item.subject, item.is_target) for item in summary.agenda]
    days = {row[0] for row in rows}
    assert min(days) == date(2026, 11, 29) and max(days) <= date(2026, 12, 5)  # today and six more
    today = [row for row in rows if row[0] == date(2026, 11, 29)]
    assert today[0] == (date(2026, 11, 29), "period", "Rebuttal period (until 15 Dec)", "Under review paper", True)
    assert today[-1][1:3] == ("reviews", f"{summary.cards.to_study} cards to study")  # as the Flashcards panel says
    assert (date(2026, 12, 2), "milestone", "Draft by", "多模态对齐 🚀 [bold]draft[/]", True) in rows
    assert (date(2026, 12, 2), "deadline", "Paper", "AAAI 2027", False) in rows      # the field's: no star
    assert (date(2026, 12, 5), "deadline", "[b]Main[/b] track", "[red]Fav[/] Workshop 2027", True) in rows
    assert not any(row[0] == date(2026, 12, 6) for row in rows)                      # the day after the week
    assert (date(2026, 12, 1), "reviews", "1 card due", "", True) in rows            # the forecast's next day
    # Per day: a period, then deadlines, then milestones, then the cards.
    wednesday = [row[1] for row in rows if row[0] == date(2026, 12, 2)]
    assert wednesday == ["deadline", "milestone"]


def test_the_agenda_in_chinese(week):
    summary = gather(week, utcnow())
    labels = [item.label("zh") for item in summary.agenda]
    assert "Rebuttal 阶段（至 12月15日）" in labels
    assert "初稿完成" in labels and "论文截止" in labels and "1 张卡片到期" in labels


def test_rebuttal_dates_inside_the_week_are_deadlines_not_a_period(store, frozen_clock, utc_zone):
    store.venues.add("Review Conf", key="revconf")
    store.venues.add_deadline("revconf", 2026, "paper", on_date=date(2026, 9, 1))
    store.venues.add_deadline("revconf", 2026, "rebuttal", on_date=date(2026, 11, 25))
    store.venues.add_deadline("revconf", 2026, "rebuttal", on_date=date(2026, 12, 3), label="Rebuttal ends")
    store.papers.add("Under review paper", Stage.UNDER_REVIEW, venue_key="revconf", target_year=2026)
    kinds = [(item.kind, item.label_en) for item in gather(store, utcnow()).agenda if item.kind != "reviews"]
    assert kinds == [("deadline", "Rebuttal ends")]


async def test_dashboard_shows_this_week_and_opens_a_row(week):
    from test_dashboard import panel_text, view_shown

    opened: list[tuple[str, str]] = []
    app = PaperdeckApp(week, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        panel = app.screen.query_one("#dash-agenda")
        assert panel.border_title == "This week"
        text = panel_text(app, "#dash-agenda")
        assert text.startswith("Today · Sun 29 Nov\n  Rebuttal period (until 15 Dec): Under review paper")
        assert "Wed 02 Dec\n  AAAI 2027 Paper 11:59 UTC\n  Draft by: 多模态对齐 🚀 [bold]draft[/]" in text
        assert "★ [red]Fav[/] Workshop 2027 [b]Main[/b] track" in text  # stored text as typed
        app.show_item = lambda name, item: opened.append((name, item))
        panel.focus()
        await pilot.pause()
        draft = next(i for i, option in enumerate(panel.options) if "Draft by" in str(option.prompt))
        panel.highlighted = draft
        await pilot.press("enter")
        paper = next(p for p in week.papers.all() if p.stage is Stage.WRITING)
        assert opened == [("pipeline", str(paper.id))]
        await pilot.press("f2")
        await view_shown(pilot)
        assert app.screen.query_one("#dash-agenda").border_title == "本周"
        text = panel_text(app, "#dash-agenda")
        assert text.startswith("今天 · 11月29日 周日\n  Rebuttal 阶段（至 12月15日）：Under review paper")
        assert "12月2日 周三" in text and "初稿完成：多模态对齐 🚀 [bold]draft[/]" in text


async def test_dashboard_this_week_at_80_columns(week):
    from test_dashboard import view_shown

    app = PaperdeckApp(week, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await view_shown(pilot)
        panel = app.screen.query_one("#dash-agenda")
        assert panel.region.height >= 5 and panel.region.width >= 30
        assert app.screen.query_one("#dash-deadlines").region.height >= 5


def test_today_cli_lists_this_week_in_both_languages(seeded_db):
    from paperdeck.store import open_store

    store = open_store(seeded_db)
    try:
        real_now = utcnow()
        store.venues.add("Soon Conf", key="soon")
        store.venues.add_deadline("soon", real_now.year + 1, "paper", at=real_now + timedelta(days=2),
                                  tz_label="UTC", label="Main [x] deadline")
        store.venues.add_deadline("soon", real_now.year + 1, "abstract", at=real_now + timedelta(days=9),
                                  tz_label="UTC")
        store.venues.set_favourite("soon", True)
    finally:
        store.close()
    result = run_cli("today", "--db", str(seeded_db), env={"TZ": "UTC"})
    assert result.returncode == 0, result.stderr
    week_text = result.stdout.split("This week\n")[1].split("\n\n")[0]
    assert "★ Soon Conf" in week_text and "Main [x] deadline" in week_text
    assert "Abstract" not in week_text  # nine days ahead: not this week
    assert "cards to study" in week_text.splitlines()[0] and week_text.startswith("  Today · ")
    data = json.loads(run_cli("today", "--db", str(seeded_db), "--json").stdout)
    kinds = [item["kind"] for item in data["agenda"]]
    assert "deadline" in kinds and "reviews" in kinds
    assert all(item["day"] >= data["now"][:10] or item["kind"] == "reviews" for item in data["agenda"])
    assert run_cli("config", "set", "language", "zh", "--db", str(seeded_db)).returncode == 0
    chinese = run_cli("today", "--db", str(seeded_db), env={"TZ": "UTC"}).stdout
    week_zh = chinese.split("本周\n")[1].split("\n\n")[0]
    assert week_zh.startswith("  今天 · ") and "张卡片待学" in week_zh
    assert "论文截止" in week_zh and "Main [x]" not in week_zh  # an English label gives way to the kind's name


def test_cards_due_fall_on_their_own_day_between_midnight_and_the_rollover(store, utc_zone):
    """At 2 am the study day is still yesterday's (it starts at the rollover hour, 4 am):
    a card due on Tue 1 Dec is still listed on Tue 1 Dec, not a day late."""
    import time_machine

    from paperdeck.domain.scheduling import preview

    night = datetime(2026, 11, 30, 2, 0, tzinfo=timezone.utc)
    with time_machine.travel(night, tick=False):
        card = store.cards.cards()[0]
        interval = preview(card, night, fuzz=False)[4].due - night
        rated_at = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc) - interval
        store.cards.record_review(card, preview(card, rated_at, fuzz=False)[4], reviewed_at=rated_at, duration_ms=1000)
        due_rows = [(item.day, item.label_en) for item in gather(store, utcnow()).agenda
                    if item.kind == "reviews" and item.day != date(2026, 11, 30)]
    assert due_rows == [(date(2026, 12, 1), "1 card due")]


def test_only_milestones_in_the_week_are_rows_and_papers_alike_each_get_theirs(store, frozen_clock, utc_zone):
    """Plans with no milestone this week are left out before their milestones are listed; two
    papers alike share one computed plan and are both listed."""
    store.venues.add("Soon Conf", key="soon")
    store.venues.add("Far Conf", key="far")
    store.venues.add_deadline("soon", 2026, "paper", on_date=date(2026, 12, 9))  # "Draft by" Wed 2 Dec
    store.venues.add_deadline("far", 2027, "paper", on_date=date(2027, 6, 1))    # every milestone months away
    store.papers.add("Alike one", Stage.WRITING, venue_key="soon", target_year=2026)
    store.papers.add("Far paper", Stage.WRITING, venue_key="far", target_year=2027)
    store.papers.add("Alike two", Stage.WRITING, venue_key="soon", target_year=2026)
    rows = [(item.day, item.label_en, item.subject) for item in gather(store, utcnow()).agenda if item.kind == "milestone"]
    assert rows == [(date(2026, 12, 2), "Draft by", "Alike one"), (date(2026, 12, 2), "Draft by", "Alike two")]
