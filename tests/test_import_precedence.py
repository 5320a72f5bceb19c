"""Import precedence: each value remembers its source, a less trusted source never replaces a
more trusted one, every change is reported per field with its sources, and the shared tracker
files imported in any order give the same database."""

from __future__ import annotations

import itertools
import json
import sqlite3
from pathlib import Path

import pytest

from paperdeck.domain.provenance import Verdict, decide, family, trust
from paperdeck.models.imports import Action
from paperdeck.store import open_store
from paperdeck.usecases.imports import run_import

DATA = Path("/work/shared/testdata/deadlines")
SETS = {
    "ccfddl": sorted(str(p) for p in (DATA / "ccf-deadlines" / "AI").glob("*.yml")),
    "hf": sorted(str(p) for p in (DATA / "huggingface-ai-deadlines").glob("*.yml")),
    "pwc": [str(DATA / "ai-deadlines" / "conferences.yml")],
}


@pytest.mark.parametrize(("source", "name", "rank"), [
    ("huggingface:iclr.yml", "huggingface", 30), ("ccf-deadlines:icml.yml", "ccfddl", 20),
    ("ai-deadlines:conferences.yml", "paperswithcode", 10), ("user", "user", 100),
    ("huggingface/ai-deadlines src/data/conferences/<venue>.yml at de9f41b (2026-07-16), MIT", "huggingface", 30),
    ("ccfddl/ccf-deadlines conference/AI/<venue>.yml at 5f8dce3 (2026-08-20), MIT", "ccfddl", 20),
    ("paperswithcode/ai-deadlines _data/conferences.yml at 4d6b247 (2024-03-18), MIT", "paperswithcode", 10),
])
def test_every_source_has_its_family_and_trust(source, name, rank):
    assert (family(source), trust(source)) == (name, rank)


def test_the_precedence_rule():
    hf, ccf, pwc = "huggingface:a.yml", "ccf-deadlines:a.yml", "ai-deadlines:a.yml"
    assert decide("when", 1, ccf, 2, hf).verdict is Verdict.REPLACE
    assert decide("when", 2, hf, 1, ccf).verdict is Verdict.KEEP
    assert decide("when", 2, hf, 1, ccf).why == "Hugging Face ai-deadlines (a.yml) is trusted over ccfddl"
    assert decide("when", 1, ccf, 2, "ccf-deadlines:b.yml").verdict is Verdict.REPLACE  # same tracker, newer read
    assert decide("when", 1, "user", 2, hf).verdict is Verdict.KEEP
    assert decide("when", 1, "user", 2, hf, force=True).verdict is Verdict.REPLACE
    assert decide("note", "kept", ccf, "", hf).verdict is Verdict.SAME  # a source with no note takes no part
    assert decide("when", 1, pwc, 2, pwc, same=True).verdict is Verdict.REPLACE
    # Same trust, less specific (a date where a time is known): never replaces.
    assert decide("when", 1, ccf, 2, ccf + "x", old_specific=1, new_specific=0).verdict is Verdict.KEEP


def _database(path: Path, order: tuple[str, ...]) -> tuple[list, list]:
    store = open_store(path)
    try:
        for name in order:
            run_import(store, "deadlines", SETS[name])
    finally:
        store.close()
    conn = sqlite3.connect(path)
    deadlines = conn.execute(
        "SELECT v.key, d.uid, d.edition_year, d.kind, d.label, d.at_utc, d.on_date, d.tz_label, d.note, d.source, "
        "d.field_sources, d.user_edited FROM deadlines d JOIN venues v ON v.id = d.venue_id ORDER BY d.uid").fetchall()
    venues = conn.execute("SELECT key, name, full_name, field_sources, hidden FROM venues ORDER BY key").fetchall()
    conn.close()
    return deadlines, venues


def test_the_shared_files_in_every_order_give_one_database(tmp_path, cli):
    orders = list(itertools.permutations(SETS))
    found = {order: _database(tmp_path / f"{'-'.join(order)}.db", order) for order in orders}
    first = found[orders[0]]
    assert len(first[0]) > 700 and len(first[1]) > 90
    for order, database in found.items():
        assert database == first, f"{order} differs from {orders[0]}"
    # What `paperdeck deadlines --all --json` prints is identical too.
    printed = {cli("--db", str(tmp_path / f"{'-'.join(order)}.db"), "deadlines", "--all", "--json").stdout
               for order in (orders[0], orders[-1])}
    assert len(printed) == 1 and json.loads(printed.pop())


def test_hugging_face_then_ccfddl_keeps_the_trusted_facts(store):
    """The "Import order changes facts" bullet: ICLR 2026 (23-27 Apr) became 1-5 May, NeurIPS
    2026 a one-day conference, and the report said only "2 updated"."""
    run_import(store, "deadlines", SETS["hf"])
    plan = run_import(store, "deadlines", SETS["ccfddl"])

    def days(venue: str, year: int) -> tuple[str, ...]:
        return tuple(d.on_date.isoformat() for d in store.venues.deadlines(venue, year)
                     if d.kind.value.startswith("conference"))

    assert days("iclr", 2026) == ("2026-04-23", "2026-04-27")
    assert days("neurips", 2026) == ("2026-12-06", "2026-12-12")
    [kept] = [i for i in plan.items if i.subject == "ICLR 2026: Conference starts"]
    # (The seed holds Hugging Face's facts already: the value keeps the seed's record of its source.)
    assert kept.action is Action.KEEP and kept.why == "Hugging Face ai-deadlines is trusted over ccfddl"
    change = kept.changes[0]
    assert (change.field, change.old, change.new) == ("on_date", "2026-04-23", "2026-05-01")
    assert change.old_source.startswith("huggingface/ai-deadlines") and change.new_source == "ccf-deadlines:iclr.yml"


CCF_TINY = """- title: TinyConf
  description: Tiny Conference
  sub: AI
  confs:
    - year: 2027
      id: tiny27
      timeline:
        - deadline: '2027-01-10 23:59:59'
      timezone: UTC-12
      date: May 01-05, 2027
"""
HF_TINY = """- title: TinyConf
  year: 2027
  id: tiny27
  full_name: The Tiny Conference
  deadlines:
    - type: paper
      label: Paper submission
      date: '2027-01-10 23:59:59'
      timezone: AoE
  start: 2027-04-23
  end: 2027-04-27
"""


def test_updates_are_reported_per_field_with_both_sources(cli, tmp_path):
    (tmp_path / "ccf").mkdir()
    (tmp_path / "hf").mkdir()
    ccf, hf = tmp_path / "ccf" / "tiny.yml", tmp_path / "hf" / "tiny.yml"
    ccf.write_text(CCF_TINY, "utf-8")
    hf.write_text(HF_TINY, "utf-8")
    assert cli("import", "deadlines", str(ccf)).returncode == 0
    result = cli("import", "deadlines", str(hf), "--dry-run")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("update")]
    assert ("update   TinyConf 2027: Conference starts: on_date 2027-05-01 -> 2027-04-23 "
            "(from Hugging Face ai-deadlines (tiny.yml); was ccfddl (tiny.yml))") in lines
    assert ("update   TinyConf: full name: full_name Tiny Conference -> The Tiny Conference "
            "(from Hugging Face ai-deadlines (tiny.yml); was ccfddl (tiny.yml))") in lines
    # The same moment written AoE instead of UTC-12: the trusted wording, no move.
    plan = json.loads(cli("import", "deadlines", str(hf), "--json").stdout)
    [end] = [i for i in plan["items"] if i["subject"] == "TinyConf 2027: Conference ends"]
    assert end["action"] == "update" and end["changes"] == [
        {"field": "on_date", "old": "2027-05-05", "new": "2027-04-27",
         "old_source": "ccf-deadlines:tiny.yml", "new_source": "huggingface:tiny.yml"},
        # The label is the same: it is now Hugging Face's (so the order of imports does not matter).
        {"field": "label source", "old": "ccf-deadlines:tiny.yml", "new": "huggingface:tiny.yml",
         "old_source": "ccf-deadlines:tiny.yml", "new_source": "huggingface:tiny.yml"}]
    [paper] = [i for i in plan["items"] if i["subject"] == "TinyConf 2027: Paper submission"]
    assert [c["field"] for c in paper["changes"]] == ["tz_label", "label"]
    # Back to the less trusted file: nothing moves, and the report says why.
    again = cli("import", "deadlines", str(ccf), "--dry-run")
    assert "keep     TinyConf 2027: Conference starts: on_date 2027-04-23 -> 2027-05-01 (Hugging Face " \
           "ai-deadlines (tiny.yml) is trusted over ccfddl)" in again.stdout
    assert "2 kept from a more trusted source" in again.stdout


def test_the_users_edit_always_wins(store):
    [paper] = [d for d in store.venues.deadlines("iclr", 2026) if d.kind.value == "paper"]
    store.venues.update_deadline(paper.id, label="My own label")
    for name in ("hf", "ccfddl", "pwc"):
        run_import(store, "deadlines", SETS[name])
    assert store.venues.get_deadline(paper.id).label == "My own label"
