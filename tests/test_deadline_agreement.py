"""One agreement matrix: every consumer of the deadlines core gives the same answer.

Stage x edition state x clock zone: every venue's 2027 edition has its paper deadline, a
notification 40 days later and the conference in July, so the clocks fall before a deadline,
after it and after the notification; papers in Ideation, Writing, Under review and Decision
wait for what their stage waits for (issue 13), and each consumer must say the same.

Clocks in UTC, Asia/Shanghai and America/Los_Angeles (both sides of November's DST change, and
the day DST starts in March); deadlines at 23:59 AoE, 23:59 PT (winter and summer time), 00:30
UTC+8 and a date-only one; papers at several stages. Every clock runs through the Dashboard,
the Pipeline tiles, the Venues list and month grid (Pilot, rendered text) and `paperdeck today`,
`show`, `deadlines` and `export ics` (the real CLI in a subprocess, one per clock zone). They
must agree with the core and so with each other: the same countdown, urgency, at-risk flag,
deadline day and "Start by" day. A table of answers worked out by hand checks the core itself.

The machine's own zone is Pacific/Kiritimati (UTC+14), unlike every clock's: a consumer that
read the system zone instead of the user's setting would put things on another day.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from icalendar import Calendar

from paperdeck.domain.deadlines import URGENCY_STYLE, countdown, local_day, urgency, when_text
from paperdeck.domain.deadlines import local_today
from paperdeck.domain.target_text import status_text
from paperdeck.domain.targets import TargetState, late_text, milestone_items
from paperdeck.domain.timezones import wall_to_utc
from paperdeck.models.papers import Stage
from paperdeck.usecases.paper_targets import paper_targets

SYSTEM_TZ = "Pacific/Kiritimati"
HORIZON_DAYS = 120
VENUES = {  # name -> (wall time, or a date for a date-only deadline; its zone label)
    "MxAoE": (datetime(2027, 1, 29, 23, 59), "AoE"),
    "MxPT": (datetime(2027, 1, 21, 23, 59), "PT"),     # winter: PST, UTC-8
    "MxSpr": (datetime(2027, 3, 15, 23, 59), "PT"),    # a day after DST starts: PDT, UTC-7
    "MxU8": (datetime(2027, 1, 30, 0, 30), "UTC+8"),   # its own day 30 Jan; 29 Jan in Los Angeles
    "MxDate": (date(2027, 1, 29), "AoE"),
}
STAGES = (Stage.IDEATION, Stage.WRITING, Stage.UNDER_REVIEW, Stage.DECISION)
NOTIFICATION_AFTER = timedelta(days=40)
CONFERENCE = (date(2027, 7, 20), date(2027, 7, 25))
CLOCKS = {
    "UTC": ["2026-11-22T07:00:00+00:00"],
    "Asia/Shanghai": ["2026-11-22T07:00:00+08:00", "2027-01-29T20:00:00+08:00"],
    "America/Los_Angeles": [
        "2026-10-31T12:00:00-07:00",  # daylight time, the day before it ends
        "2026-11-01T12:00:00-08:00",  # standard time, 25 hours later
        "2027-01-29T09:00:00-08:00",
        "2027-03-14T12:00:00-07:00",  # the day daylight time starts
    ],
}

# Worked out by hand: (clock, venue, stage) -> (countdown, urgency, at risk, "Start by" or None).
HAND = {
    # The example. 23:59 AoE on Fri 29 Jan 2027 is 19:59 on Sat 30 Jan in Shanghai. The
    # plan counts back from that local day: 30 Jan - 10 weeks = 21 Nov, so at 07:00 on 22 Nov an
    # idea is a day late: at risk, on every screen. Why the local day and not the own day (29 Jan,
    # which gave the Venues calendar 20 Nov): the user works in local days, and an own day can
    # come after the deadline has closed locally (MxU8 below closes at 08:30 on 29 Jan in Los
    # Angeles, its own day is 30 Jan). The Pipeline tile said "not at risk" because it took the
    # UTC date (21 Nov) as today; "today" is the user's local date everywhere now.
    ("2026-11-22T07:00:00+08:00", "MxAoE", Stage.IDEATION): ("69d 12h", "later", True, "2026-11-21"),
    ("2026-11-22T07:00:00+08:00", "MxAoE", Stage.WRITING): ("69d 12h", "later", False, "2026-11-21"),
    ("2026-11-22T07:00:00+08:00", "MxDate", Stage.IDEATION): ("68 days", "later", True, "2026-11-20"),
    ("2026-11-22T07:00:00+00:00", "MxAoE", Stage.IDEATION): ("69d 4h", "later", True, "2026-11-21"),
    # Los Angeles across the end of DST: the countdown counts real hours (one more at 12:00 PDT).
    ("2026-10-31T12:00:00-07:00", "MxPT", Stage.IDEATION): ("82d 12h", "later", False, "2026-11-12"),
    ("2026-11-01T12:00:00-08:00", "MxPT", Stage.IDEATION): ("81d 11h", "later", False, "2026-11-12"),
    ("2026-11-01T12:00:00-08:00", "MxU8", Stage.IDEATION): ("88d 20h", "later", False, "2026-11-20"),
    # Near the deadlines; a date-only deadline lasts through its day.
    ("2027-01-29T20:00:00+08:00", "MxAoE", Stage.WRITING): ("23h 59m", "urgent", True, "2026-11-21"),
    ("2027-01-29T20:00:00+08:00", "MxDate", Stage.WRITING): ("today", "urgent", True, "2026-11-20"),
    # Under review, a paper waits for its notification (40 days after the deadline), never for
    # the submission deadline: 10 Mar, a date-only day, is 40 local days from 29 Jan.
    ("2027-01-29T09:00:00-08:00", "MxDate", Stage.UNDER_REVIEW): ("40 days", "later", False, None),
    ("2027-01-29T09:00:00-08:00", "MxSpr", Stage.IDEATION): ("45d 13h", "later", True, "2027-01-04"),
    # 23:59 PT on 15 Mar is daylight time (06:59 UTC on the 16th).
    ("2027-03-14T12:00:00-07:00", "MxSpr", Stage.WRITING): ("1d 11h", "soon", True, "2027-01-04"),
    # Decided (the decision not recorded): the conference, 20 Jul, 128 local days from 14 Mar.
    ("2027-03-14T12:00:00-07:00", "MxSpr", Stage.DECISION): ("128 days", "later", False, None),
}
# Stage x edition state, worked out by hand: (clock, venue, stage) -> (state, the tile's text).
HAND_STATE = {
    ("2026-11-22T07:00:00+08:00", "MxAoE", Stage.IDEATION): ("ahead", "69d"),        # before the deadline
    # 10 Mar 23:59 AoE (11 Mar 11:59 UTC) from 21 Nov 23:00 UTC: 109 days 12 hours.
    ("2026-11-22T07:00:00+08:00", "MxAoE", Stage.UNDER_REVIEW): ("ahead", "notif. 109d"),
    # After the deadline: 23:59 PT on 21 Jan has passed at 09:00 on 29 Jan in Los Angeles.
    ("2027-01-29T09:00:00-08:00", "MxPT", Stage.WRITING): ("passed", "passed"),
    ("2027-01-29T09:00:00-08:00", "MxPT", Stage.IDEATION): ("passed", "passed"),
    # Its notification, 2 Mar 23:59 PST = 3 Mar 07:59 UTC, is 32 days 14 hours away.
    ("2027-01-29T09:00:00-08:00", "MxPT", Stage.UNDER_REVIEW): ("ahead", "notif. 32d"),
    # After the notification: the conference (date only, 20 Jul) is 128 local days away.
    ("2027-03-14T12:00:00-07:00", "MxPT", Stage.UNDER_REVIEW): ("ahead", "conf. 128d"),
    ("2027-03-14T12:00:00-07:00", "MxAoE", Stage.UNDER_REVIEW): ("ahead", "conf. 128d"),
    ("2027-03-14T12:00:00-07:00", "MxPT", Stage.DECISION): ("ahead", "conf. 128d"),
    # Not yet notified: 24 Apr 23:59 PDT (25 Apr 06:59 UTC) from 14 Mar 19:00 UTC: 41 days 12 hours.
    ("2027-03-14T12:00:00-07:00", "MxSpr", Stage.UNDER_REVIEW): ("ahead", "notif. 41d"),
    ("2027-03-14T12:00:00-07:00", "MxSpr", Stage.WRITING): ("ahead", "1d"),
}
# The Dashboard's second line, each time labelled with the zone it is read in.
HAND_WHEN = {
    ("2026-11-22T07:00:00+08:00", "MxAoE"): "Fri 29 Jan 23:59 AoE · Sat 30 Jan 19:59 CST",
    ("2026-11-22T07:00:00+08:00", "MxU8"): "Sat 30 Jan 00:30 UTC+8",
    ("2026-11-01T12:00:00-08:00", "MxPT"): "Thu 21 Jan 23:59 PT",
    ("2026-11-01T12:00:00-08:00", "MxU8"): "Sat 30 Jan 00:30 UTC+8 · Fri 29 Jan 08:30 PST",
    # Issue 13's "wrong time label": a PT deadline read in Shanghai, each time under its own zone.
    ("2026-11-22T07:00:00+08:00", "MxPT"): "Thu 21 Jan 23:59 PT · Fri 22 Jan 15:59 CST",
}
STYLE_URGENCY = {style: level.value for level, style in URGENCY_STYLE.items() if style}


@pytest.fixture
def system_zone(monkeypatch):
    monkeypatch.setenv("TZ", SYSTEM_TZ)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def build(store, zone: str) -> dict[int, tuple[str, Stage]]:
    """The venues, deadlines and papers of the matrix; returns paper id -> (venue, stage)."""
    store.settings.update(timezone=zone, today_days=HORIZON_DAYS)
    papers = {}
    for name, (when, label) in VENUES.items():
        key = store.venues.add(name).key
        notified = when + NOTIFICATION_AFTER
        if isinstance(when, datetime):
            store.venues.add_deadline(key, 2027, "paper", at=wall_to_utc(when, label), tz_label=label)
            store.venues.add_deadline(key, 2027, "notification", at=wall_to_utc(notified, label), tz_label=label)
        else:
            store.venues.add_deadline(key, 2027, "paper", on_date=when, tz_label=label)
            store.venues.add_deadline(key, 2027, "notification", on_date=notified, tz_label=label)
        store.venues.add_deadline(key, 2027, "conference_start", on_date=CONFERENCE[0])
        store.venues.add_deadline(key, 2027, "conference_end", on_date=CONFERENCE[1])
        for stage in STAGES:
            paper = store.papers.add(f"{stage.value} {name}", stage, venue_key=key, target_year=2027,
                                     stage_entered_at="2026-10-01T00:00:00Z")
            papers[paper.id] = (name, stage)
    return papers


def expected(store, now: datetime, zone) -> tuple[dict, dict, dict, dict]:
    """The core's answers: per paper, per upcoming deadline, per venue (its next deadline) and
    every deadline's local day."""
    keys = [name.lower() for name in VENUES]
    per_paper = {}
    for paper_id, target in paper_targets(store, store.papers.all(), now, zone).items():
        deadline = target.deadline if target.state is TargetState.AHEAD else None
        start = target.milestone("start_by")
        per_paper[paper_id] = {
            "state": target.state.value,
            "status": status_text(target, now, zone),
            "offer": countdown(target.offer, now, zone) if target.offer else None,
            "milestones": {item.name: item.on_date for item in milestone_items({}, [target], local_today(now, zone))},
            "countdown": countdown(deadline, now, zone) if deadline else None,
            "tile": status_text(target, now, zone, compact=True),
            "urgency": urgency(deadline, now, zone).value if deadline else None,
            "at_risk": target.at_risk,
            "reason": late_text(target),
            "start_by": start.date.isoformat() if start else None,
        }
    per_deadline = {}
    for deadline in store.venues.upcoming(now, None, keys):
        per_deadline[(deadline.venue_key, deadline.edition_year, deadline.kind.value)] = {
            "countdown": countdown(deadline, now, zone),
            "urgency": urgency(deadline, now, zone).value,
            "local_day": local_day(deadline, zone).isoformat(),
            "when": when_text(deadline, zone),
            "deadline": deadline,
        }
    per_venue = {key: {"countdown": countdown(d, now, zone), "urgency": urgency(d, now, zone).value,
                       "local_day": local_day(d, zone)}
                 for key, d in store.venues.next_deadlines(now).items() if key in keys}
    days = {(d.venue_key, d.edition_year, d.kind.value, d.is_estimate): local_day(d, zone)
            for d in [*store.venues.deadlines(), *store.venues.estimates(now, keys)] if d.venue_key in keys}
    return per_paper, per_deadline, per_venue, days


def run_cli_at(db: Path, steps: list[dict]) -> list[list[dict]]:
    """The real CLI in one subprocess, the clock frozen at each step's instant."""
    helper = Path(__file__).with_name("cli_clock.py")
    result = subprocess.run(
        [sys.executable, str(helper), json.dumps(steps)], capture_output=True, text=True, timeout=300,
        env={**os.environ, "TZ": SYSTEM_TZ, "PAPERDECK_DB": str(db)},
    )
    assert result.returncode == 0, result.stderr
    outputs = json.loads(result.stdout)
    for step in outputs:
        for output in step:
            assert output["status"] == 0, output["stderr"]
    return outputs


def style_at(text, offset: int) -> str:
    """The urgency a rendered countdown is coloured with."""
    styles = [str(span.style) for span in text.spans if span.start <= offset < span.end]
    found = [STYLE_URGENCY[style] for style in styles if style in STYLE_URGENCY]
    return found[-1] if found else "later"


# -- the TUI, through Pilot ----------------------------------------------------------------------

DASH_ROW = re.compile(r"^(?:★ |  )(\S+) (\d{4}) (\S+)  (.+)$")


async def view_shown(pilot) -> None:
    """Wait until the screen in view rendered its newest view (it loads in a worker)."""
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


async def read_screens(store, papers: dict[int, tuple[str, Stage]]) -> dict:
    from paperdeck.tui.app import PaperdeckApp
    from paperdeck.tui.widgets.month_grid import MonthGrid

    seen: dict = {"dashboard": {}, "dashboard_when": {}, "dashboard_risk": {}, "tiles": {}, "venues": {},
                  "grid": {}}
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(200, 60)) as pilot:
        await view_shown(pilot)
        for option in app.screen.query_one("#dash-deadlines").options:
            first, _, second = option.prompt.plain.partition("\n")
            match = DASH_ROW.match(first)
            if not (option.id or "").startswith("venue:") or match is None or match.group(1) not in VENUES:
                continue
            key = (match.group(1).lower(), int(match.group(2)), match.group(3).lower())
            seen["dashboard"][key] = {"countdown": match.group(4),
                                      "urgency": style_at(option.prompt, first.rindex(match.group(4)))}
            seen["dashboard_when"][key] = second.strip().removesuffix(" est.")
        for option in app.screen.query_one("#dash-attention").options:
            if (option.id or "").endswith("#risk"):
                paper_id = int(option.id.split(":")[1].split("#")[0])
                seen["dashboard_risk"][paper_id] = option.prompt.plain.rsplit(" · ", 1)[-1]

        await app.switch_mode("pipeline")
        await view_shown(pilot)
        for column in app.screen.columns:
            width = max(40, column.scrollable_content_region.width)
            for tile in column.tiles:
                lines = ["".join(s.text for s in strip) for strip in column._render_tile(tile, width, False)]
                venue_line = lines[2].strip()
                assert venue_line.startswith(tile.venue_label), venue_line
                seen["tiles"][tile.id] = {"tile": venue_line.removeprefix(tile.venue_label).strip(),
                                          "at_risk": lines[4].strip().startswith("⚠")}

        await app.switch_mode("venues")
        await view_shown(pilot)
        spans = app.screen.list_columns.spans()  # the rows' columns (all ASCII here: cells are characters)
        for option in app.screen.query_one("#venue-table").options:
            text = option.prompt
            name = text.plain[spans["name"]].strip()
            if name in VENUES:
                # The columns: countdown, kind and edition, local date ("~" before an estimate's).
                seen["venues"][name.lower()] = {
                    "countdown": text.plain[spans["countdown"]].strip(), "urgency": style_at(text, spans["countdown"].start),
                    "kind_year": " ".join(text.plain[spans["kind_year"]].split()),
                    "when": text.plain[spans["when"]].strip().removeprefix("~"),
                }
        await pilot.press("m")
        await view_shown(pilot)
        grid = app.screen.query_one(MonthGrid)
        for day, marks in grid.marks.items():
            for mark in marks:
                label = mark.text.removeprefix("~")
                venue = label.split(" ")[0]
                if venue in VENUES:
                    seen["grid"][(venue.lower(), label.split(" ", 1)[1], mark.text.startswith("~"))] = day
                elif mark.text.startswith("▸ Start by: "):
                    seen["grid"][("start_by", mark.text.removeprefix("▸ Start by: "))] = day
    return seen


# -- the matrix ----------------------------------------------------------------------------------


@pytest.mark.parametrize("zone_name", sorted(CLOCKS))
async def test_every_consumer_gives_the_same_answer(store, db_path, tmp_path, system_zone, zone_name):
    zone = ZoneInfo(zone_name)
    papers = build(store, zone_name)
    titles = {paper.id: paper.title for paper in store.papers.all()}
    keys = [arg for name in VENUES for arg in ("--venue", name)]
    steps = [{"now": now, "commands": [
        ["today", "--json"], ["today"], ["deadlines", "--json", *keys],
        ["export", "ics", *keys, "-o", str(tmp_path / f"clock{index}.ics")],
        *[["show", str(paper_id), "--json"] for paper_id in papers],
    ]} for index, now in enumerate(CLOCKS[zone_name])]
    cli = run_cli_at(db_path, steps)
    hand_checked = 0

    for index, (clock, outputs) in enumerate(zip(CLOCKS[zone_name], cli)):
        now = datetime.fromisoformat(clock).astimezone(timezone.utc)  # as utcnow() gives it
        with time_machine.travel(now, tick=False):
            per_paper, per_deadline, per_venue, days = expected(store, now, zone)
            seen = await read_screens(store, papers)
        where = f"at {clock} in {zone_name}"

        # The hand-worked answers: the core itself is right.
        for (hand_clock, venue, stage), (left, level, risky, start) in HAND.items():
            if hand_clock != clock:
                continue
            [paper_id] = [i for i, (name, s) in papers.items() if (name, s) == (venue, stage)]
            answer = per_paper[paper_id]
            assert (answer["countdown"], answer["urgency"], answer["at_risk"], answer["start_by"]) == (
                left, level, risky, start), f"{venue} {stage.value} {where}"
            hand_checked += 1
        for (hand_clock, venue, stage), (state, tile) in HAND_STATE.items():
            if hand_clock != clock:
                continue
            [paper_id] = [i for i, (name, s) in papers.items() if (name, s) == (venue, stage)]
            assert (per_paper[paper_id]["state"], per_paper[paper_id]["tile"]) == (state, tile), \
                f"{venue} {stage.value} {where}"
            hand_checked += 1
        for (hand_clock, venue), text in HAND_WHEN.items():
            if hand_clock == clock:
                assert per_deadline[(venue.lower(), 2027, "paper")]["when"] == text
                hand_checked += 1

        today_json = json.loads(outputs[0]["stdout"])
        today_text = outputs[1]["stdout"]
        deadline_rows = json.loads(outputs[2]["stdout"])
        ics = Calendar.from_ical((tmp_path / f"clock{index}.ics").read_bytes())
        shows = {paper_id: json.loads(output["stdout"]) for paper_id, output in zip(papers, outputs[4:])}
        assert today_json["zone"] == zone_name

        # Each paper: Pipeline tile, `show`, the Dashboard and `today`, the .ics and the month grid.
        risky_ids = {pid for pid, answer in per_paper.items() if answer["at_risk"]}
        assert {alert["paper_id"] for alert in today_json["at_risk"]} == risky_ids, where
        assert set(seen["dashboard_risk"]) == risky_ids, where
        milestones = {str(event["UID"]): event.decoded("DTSTART") for event in ics.walk("VEVENT")
                      if "milestone" in str(event.get("CATEGORIES").to_ical())}
        for paper_id, answer in per_paper.items():
            label = f"paper {titles[paper_id]!r} {where}"
            assert seen["tiles"][paper_id] == {"tile": answer["tile"], "at_risk": answer["at_risk"]}, label
            target = shows[paper_id]["target"]
            assert (target["state"], target["status"], target["at_risk"]) == (
                answer["state"], answer["status"], answer["at_risk"]), label
            if answer["countdown"] is not None:
                assert (target["deadline"]["countdown"], target["deadline"]["urgency"]) == (
                    answer["countdown"], answer["urgency"]), label
            assert (target["next_edition"] or {}).get("countdown") == answer["offer"], label
            plan = {item["name"]: item["date"] for item in target["plan"]}
            assert plan.get("start_by") == answer["start_by"], label
            # The .ics and the month grid carry the plan's milestones still to do, of stages not done.
            in_ics = {name: day for name in ("start_by", "experiments_done_by", "draft_by", "submit_by")
                      if (day := milestones.get(f"paper-{paper_id}-{name}@paperdeck")) is not None}
            assert in_ics == answer["milestones"], label
            grid_start = seen["grid"].get(("start_by", titles[paper_id]))
            assert grid_start == answer["milestones"].get("start_by"), label
            if answer["at_risk"]:
                assert seen["dashboard_risk"][paper_id] == answer["reason"], label
                [alert] = [a for a in today_json["at_risk"] if a["paper_id"] == paper_id]
                assert alert["reason"] == answer["reason"], label

        # Each deadline: `deadlines --json`, the Dashboard and `today`, the Venues list and grid.
        rows = {(r["venue"], r["edition_year"], r["kind"]): r for r in deadline_rows}
        assert set(rows) == set(per_deadline), where
        listed = {(d["venue_key"], d["edition_year"], d["kind"]): d for d in today_json["deadlines"]
                  if d["venue_key"] in {name.lower() for name in VENUES}}
        assert set(seen["dashboard"]) == set(listed) <= set(per_deadline), where
        for key, answer in per_deadline.items():
            label = f"{key} {where}"
            row = rows[key]
            assert (row["countdown"], row["urgency"], row["local_day"]) == (
                answer["countdown"], answer["urgency"], answer["local_day"]), label
            if key in listed:
                assert (listed[key]["countdown"], listed[key]["urgency"]) == (answer["countdown"], answer["urgency"])
                assert seen["dashboard"][key] == {"countdown": answer["countdown"], "urgency": answer["urgency"]}
                assert seen["dashboard_when"][key] == answer["when"], label
                assert answer["when"] in today_text, label
        assert set(seen["venues"]) == {name.lower() for name in VENUES}, where
        for venue, shown in seen["venues"].items():
            answer = per_venue[venue]
            assert (shown["countdown"], shown["urgency"]) == (answer["countdown"], answer["urgency"]), venue
            assert shown["when"].startswith(f"{answer['local_day']:%m-%d}"), f"{venue} {where}"
            # The venue's next deadline is the one its papers before submission count down to, while
            # their edition's is open; once it has passed, the next edition they are offered.
            for paper_id, (name, stage) in papers.items():
                if name.lower() == venue and stage in (Stage.IDEATION, Stage.WRITING):
                    mine = per_paper[paper_id]
                    shown_to_paper = mine["countdown"] if mine["state"] == "ahead" else mine["offer"]
                    assert shown_to_paper == answer["countdown"], f"{venue} {stage.value} {where}"
        for (venue, year, kind, estimate), day in days.items():
            if kind == "paper":
                assert seen["grid"][(venue, f"{year} Paper", estimate)] == day, f"{venue} {year} {where}"
    assert hand_checked >= sum(1 for key in [*HAND, *HAND_STATE] if key[0] in CLOCKS[zone_name])
