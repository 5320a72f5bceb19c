"""Editions: a paper targets an edition and its stage decides what it waits for next; cycles and
phases; estimates per kind. Each of issue 13's "Why" bullets measured on main is checked here
(or in test_import_precedence.py, test_bounds.py, test_deadline_agreement.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from paperdeck.domain.editions import VenueEditions, assign_cycles, labelled_cycle
from paperdeck.domain.targets import TargetState, paper_target
from paperdeck.domain.timezones import wall_to_utc
from paperdeck.models.papers import Paper, Stage
from paperdeck.models.venues import Deadline, DeadlineKind
from paperdeck.usecases.imports import run_import
from paperdeck.usecases.paper_targets import paper_targets

DATA = Path("/work/shared/testdata/deadlines")
NOW = "2026-11-29T09:00:00+00:00"   # as measured on main: ICLR 2027's deadline passed on 25 Sep
SHANGHAI = ZoneInfo("Asia/Shanghai")
UTC = timezone.utc


def cli_at(db: Path, now: str, *commands: list[str], tz: str = "UTC") -> list[dict]:
    """The real CLI in one subprocess with the clock frozen at `now` (tests/cli_clock.py)."""
    helper = Path(__file__).with_name("cli_clock.py")
    result = subprocess.run([sys.executable, str(helper), json.dumps([{"now": now, "commands": list(commands)}])],
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "TZ": tz, "PAPERDECK_DB": str(db)})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)[0]


def ok(output: dict) -> str:
    assert output["status"] == 0, output["stderr"]
    return output["stdout"]


# -- the "Why" bullets, through the real CLI ----------------------------------------------

def test_wrong_edition_is_gone(db_path, store):
    store.settings.update(timezone="UTC")
    store.close()
    adds = [["add", "Speculative decoding", "--venue", "ICLR", "--year", "2027", "--stage", "submission"],
            ["add", "Prompt tuning", "--venue", "NAACL", "--year", "2027", "--stage", "writing"],
            ["add", "Old idea", "--venue", "ICML", "--year", "1999", "--stage", "ideation"],
            ["add", "Decided", "--venue", "ICLR", "--year", "2023", "--stage", "decision"],
            ["add", "Waiting", "--venue", "ICLR", "--year", "2027", "--stage", "under review"]]
    outputs = cli_at(db_path, NOW, *adds, *[["show", str(n), "--json"] for n in range(1, 6)], ["today", "--json"],
                     ["list"])
    shows = [json.loads(ok(o))["target"] for o in outputs[5:10]]
    iclr, naacl, icml, decided, waiting = shows
    # ICLR 2027's deadline passed on 25 Sep 2026: the card says so, and offers ICLR 2028 by name.
    assert iclr["state"] == "passed" and iclr["edition"]["year"] == 2027 and iclr["status"] == "passed"
    assert iclr["deadline"]["edition_year"] == 2027 and iclr["deadline"]["countdown"] == "passed"
    assert iclr["next_edition"]["edition_year"] == 2028 and iclr["next_edition"]["is_estimate"]
    assert iclr["text"].startswith("ICLR 2027 deadline passed 25 Sep 2026; next: ICLR 2028 (est. ")
    assert naacl["state"] == "passed" and naacl["text"].startswith("NAACL 2027 deadline passed 12 Oct 2026")
    # ICML 1999: past, not at risk against ICML 2027's plan; it is offered ICML 2027, named.
    assert icml["state"] == "passed" and icml["deadline"] is None and icml["plan"] == []
    assert icml["reason"].startswith("ICML 1999 has passed; next: ICML 2027")
    # A decided paper counts down to nothing; under review waits for ICLR 2027's notification.
    assert decided["state"] == "done" and decided["deadline"] is None and "294" not in decided["text"]
    assert waiting["state"] == "ahead" and waiting["deadline"]["kind"] == "notification"
    assert waiting["deadline"]["edition_year"] == 2027 and waiting["deadline"]["is_estimate"]
    today = json.loads(ok(outputs[10]))
    reasons = {alert["title"]: alert["reason"] for alert in today["at_risk"]}
    assert reasons["Speculative decoding"].startswith("ICLR 2027 deadline passed")
    assert "2028" not in reasons["Old idea"].split(";")[0]
    # `list`: stage order, venue names as the venues write them.
    lines = ok(outputs[11]).splitlines()
    assert [line.split()[1] for line in lines] == ["Ideation", "Writing", "Submission", "Under", "Decision"]
    assert "[ICLR 2027]" in lines[2] and "[NAACL 2027]" in lines[1]


def test_resubmission_retargets_and_decisions_are_scriptable(db_path, store):
    store.close()
    steps = [["add", "Spec", "--venue", "icml", "--year", "2027", "--stage", "writing"],
             ["submit", "1", "--venue", "ICML", "--track", "main"],
             ["decide", "1", "rejected"],
             ["submit", "1", "--venue", "nips", "--year", "2027"],
             ["show", "1", "--json"],
             ["decide", "1", "accepted", "--award", "Oral"],
             ["show", "1", "--json"],
             ["list"],
             ["decide", "1", "accepted"],
             ["submit", "1", "--venue", "NoSuchVenue"],
             ["submit", "1", "--venue", "ICML", "--year", "2101"]]
    out = cli_at(db_path, NOW, *steps)
    assert "submitted to ICML 2027" in ok(out[1]) and "Under review" in ok(out[1])
    assert "rejected at ICML 2027" in ok(out[2]) and "Writing" in ok(out[2])
    resubmitted = json.loads(ok(out[4]))
    assert (resubmitted["venue_name"], resubmitted["year"], resubmitted["stage"]) == ("NeurIPS", 2027, "under_review")
    assert resubmitted["target"]["deadline"]["venue"] == "neurips"
    assert [s["venue"] for s in resubmitted["submissions"]] == ["ICML", "NeurIPS"]
    accepted = json.loads(ok(out[6]))
    assert (accepted["decision"], accepted["award"], accepted["stage"]) == ("accepted", "Oral", "decision")
    assert accepted["target"]["deadline"]["kind"] in ("camera_ready", "conference_start")
    assert "[NeurIPS 2027]" in ok(out[7])
    assert out[8]["status"] == 2 and "no pending submission" in out[8]["stderr"]
    assert out[9]["status"] == 2 and "unknown venue 'NoSuchVenue'" in out[9]["stderr"]
    assert out[10]["status"] == 2 and "out of range (1970-2100)" in out[10]["stderr"]


def test_plan_follows_the_stage_in_show_and_the_ics(db_path, store, tmp_path):
    store.venues.add_deadline("icml", 2027, "paper", at=wall_to_utc(datetime(2027, 3, 26, 23, 59), "AoE"))
    store.close()
    ics = tmp_path / "plan.ics"
    out = cli_at(db_path, NOW, ["add", "W", "--venue", "icml", "--year", "2027", "--stage", "writing"],
                 ["show", "1", "--json"], ["export", "ics", "--venue", "icml", "-o", str(ics)])
    plan = json.loads(ok(out[1]))["target"]["plan"]
    assert [(m["name"], m["done"]) for m in plan] == [
        ("start_by", True), ("experiments_done_by", True), ("draft_by", False), ("submit_by", False)]
    ok(out[2])
    text = ics.read_text("utf-8")
    # A paper in Writing gets no "Start by" nor "Experiments done by" in the .ics.
    assert "paper-1-draft_by@paperdeck" in text and "paper-1-submit_by@paperdeck" in text
    assert "start_by" not in text and "experiments_done_by" not in text


# -- the core, with plain data ----------------------------------------------------------------------

def aoe(edition: int, kind: DeadlineKind, year: int, month: int, day: int, label: str = "", venue: str = "kdd",
        ordinal: int = 1) -> Deadline:
    return Deadline(0, venue, edition, kind, wall_to_utc(datetime(year, month, day, 23, 59, 59), "AoE"), None, "AoE",
                    label=label, uid=f"{venue}-{edition}-{kind.value}-{ordinal}@paperdeck", venue_name=venue.upper())


KDD_2026 = [
    aoe(2026, DeadlineKind.ABSTRACT, 2025, 7, 24, "Abstract submission (First Cycle)"),
    aoe(2026, DeadlineKind.PAPER, 2025, 7, 31, "Paper submission (First Cycle)"),
    aoe(2026, DeadlineKind.NOTIFICATION, 2025, 11, 23, "Notification (First Cycle)"),
    aoe(2026, DeadlineKind.ABSTRACT, 2026, 2, 1, "Abstract submission (Second Cycle)", ordinal=2),
    aoe(2026, DeadlineKind.PAPER, 2026, 2, 8, "Paper submission (Second Cycle)", ordinal=2),
    aoe(2026, DeadlineKind.NOTIFICATION, 2026, 5, 16, "Notification (Second Cycle)", ordinal=2),
]


@pytest.mark.parametrize(("label", "cycle"), [
    ("Paper submission (Second Cycle)", 2), ("Cycle 3 deadline", 3), ("1st round", 1), ("Round 2", 2),
    ("Phase 1 rejection notifications", None), ("Paper deadline", None), ("", None), ("cycle 0", None),
])
def test_a_label_names_its_cycle(label, cycle):
    assert labelled_cycle(label) == cycle


def test_cycles_from_labels_or_from_several_paper_deadlines():
    assert [c for _, c in assign_cycles(KDD_2026)] == [1, 1, 1, 2, 2, 2]
    arr = [aoe(2022, DeadlineKind.PAPER, 2021, m, 15, "Paper deadline", "acl", n) for n, m in enumerate((9, 10, 11), 1)]
    conference = Deadline(0, "acl", 2022, DeadlineKind.CONFERENCE_START, None, date(2022, 5, 22), "AoE", uid="c")
    assert [c for _, c in assign_cycles([*arr, conference])] == [1, 2, 3, 0]
    assert [c for _, c in assign_cycles(arr[:1])] == [0]


@pytest.mark.parametrize(("now", "stage", "cycle", "state", "kind", "label"), [
    # Before cycle 2's deadline, a paper naming no cycle works toward the first cycle still open.
    ("2025-12-01", Stage.WRITING, None, "ahead", DeadlineKind.ABSTRACT, "Abstract submission (Second Cycle)"),
    # One that named cycle 1 has missed it, and is offered cycle 2 of the same edition.
    ("2025-12-01", Stage.WRITING, 1, "passed", DeadlineKind.PAPER, "Paper submission (First Cycle)"),
    # Under review in cycle 2 (it was submitted after cycle 1 closed): cycle 2's notification.
    ("2026-03-01", Stage.UNDER_REVIEW, None, "ahead", DeadlineKind.NOTIFICATION, "Notification (Second Cycle)"),
    ("2025-09-01", Stage.UNDER_REVIEW, 1, "ahead", DeadlineKind.NOTIFICATION, "Notification (First Cycle)"),
])
def test_a_paper_in_a_cycle(now, stage, cycle, state, kind, label):
    clock = datetime.fromisoformat(now).replace(tzinfo=UTC)
    paper = Paper(1, "p", stage, venue_key="kdd", target_year=2026, target_cycle=cycle)
    target = paper_target(paper, VenueEditions("kdd", KDD_2026, "KDD"), clock, SHANGHAI)
    assert (target.state.value, target.deadline.kind, target.deadline.label) == (state, kind, label)
    if state == "passed":
        assert target.offer.label == "Abstract submission (Second Cycle)" and target.offer.edition_year == 2026


def test_an_edition_with_no_dates_is_unknown_until_its_year_is_over():
    venue = VenueEditions("mlsys", [], "MLSys")
    paper = Paper(1, "p", Stage.IDEATION, venue_key="mlsys", target_year=2027)
    now = datetime(2026, 11, 29, tzinfo=UTC)
    assert paper_target(paper, venue, now, UTC).state is TargetState.UNKNOWN
    old = Paper(2, "p", Stage.IDEATION, venue_key="mlsys", target_year=2024)
    assert paper_target(old, venue, now, UTC).state is TargetState.PASSED
    assert paper_target(Paper(3, "p", Stage.IDEATION), venue, now, UTC).state is TargetState.NONE


# -- estimates per kind (the "Estimates wiped" and "Ranges mix cycles" bullets) ---------------------

def test_one_real_deadline_replaces_only_its_own_estimate(store, frozen_clock):
    now = datetime.fromisoformat(NOW)
    store.settings.update(timezone="Asia/Shanghai")
    before = {(e.edition_year, e.kind) for e in store.venues.estimates(now, ["icml"])}
    assert {(2027, DeadlineKind.ABSTRACT), (2027, DeadlineKind.PAPER), (2027, DeadlineKind.NOTIFICATION)} <= before
    # The user types ICML 2027's paper deadline in their own zone.
    store.venues.add_deadline("icml", 2027, "paper", at=wall_to_utc(datetime(2027, 1, 29, 19, 59), "Asia/Shanghai"),
                              tz_label="Asia/Shanghai")
    after = store.venues.estimates(now, ["icml"])
    kinds = {(e.edition_year, e.kind) for e in after}
    assert (2027, DeadlineKind.PAPER) not in kinds
    assert {(2027, DeadlineKind.ABSTRACT), (2027, DeadlineKind.NOTIFICATION), (2027, DeadlineKind.CONFERENCE_START),
            (2027, DeadlineKind.CONFERENCE_END)} <= kinds
    # ICML 2028 keeps its abstract estimate, in the venue's own zone (not the user's).
    icml_2028 = paper_targets(store, [Paper(1, "p", Stage.IDEATION, venue_key="icml", target_year=2028)], now)[1]
    assert icml_2028.deadline.kind is DeadlineKind.ABSTRACT and icml_2028.deadline.tz_label == "AoE"
    assert all(e.tz_label == "AoE" for e in after)


def test_cycles_and_phases_are_estimated_apart(store):
    plan = run_import(store, "deadlines", [str(DATA / "huggingface-ai-deadlines" / name) for name in ("kdd.yml", "aaai.yml")])
    assert plan.applied
    now = datetime(2026, 6, 1, tzinfo=UTC)
    kdd = VenueEditions("kdd", store.venues.deadlines("kdd"), "KDD").edition(2027)
    papers = kdd.of([DeadlineKind.PAPER])
    assert [p.label for p in papers] == ["Paper submission (First Cycle)", "Paper submission (Second Cycle)"]
    for estimate in papers:
        # Each range stays in its own part of the year (was 2026-07-24 to 2027-02-03).
        assert (estimate.range_end - estimate.range_start).days < 30, estimate
    assert kdd.cycles == (1, 2)
    aaai = VenueEditions("aaai", store.venues.deadlines("aaai"), "AAAI").edition(2027)
    notes = aaai.of([DeadlineKind.NOTIFICATION])
    assert [n.label for n in notes] == ["Phase 1 rejection notifications", "Final acceptance/rejection notices"]
    phase1, final = notes
    assert phase1.based_on == (2026,) and final.based_on == (2025, 2026)  # AAAI 2025 had one, final, notice
    assert phase1.range_end < final.range_start
    assert all(n.is_estimate for n in notes) and now  # estimates, never mixed in one range


def test_today_stars_only_the_editions_papers_target(db_path, store):
    """The "today lists it under ICLR 2028 estimates" bullet: a paper targeting ICLR 2027 does
    not make ICLR 2028's estimate its own."""
    store.settings.update(timezone="UTC", today_days=400)
    store.close()
    out = cli_at(db_path, NOW, ["add", "Spec", "--venue", "ICLR", "--year", "2027", "--stage", "writing"],
                 ["add", "Any year", "--venue", "ICML", "--stage", "writing"], ["today", "--json"])
    listed = {(d["venue_key"], d["edition_year"]): d["is_target"] for d in json.loads(ok(out[2]))["deadlines"]}
    assert listed[("iclr", 2028)] is False
    assert listed[("icml", 2027)] is True  # a paper naming no year works toward the next edition
