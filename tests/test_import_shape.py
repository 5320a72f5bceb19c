"""One import shape for bib, deadlines and cards: the plan (--dry-run), one transaction (a
failure mid-apply leaves the database as it was), one undo step, the shared files' counts."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from paperdeck.models.imports import Action
from paperdeck.store import ConflictError
from paperdeck.usecases.imports import run_import, undo_last_import

BIB = Path(__file__).parent / "data" / "bib"
CARDS = "deck,front,front_zh,back\nMine,First,,a\nMine,Second,,b\nOther,Third,第三,c\n"
TINY_YAML = ("- title: TinyConf\n  year: 2027\n  deadline: '2027-02-01 23:59'\n  timezone: AoE\n"
             "- title: TinyConf\n  year: 2028\n  deadline: '2028-02-01 23:59'\n  timezone: AoE\n")


def shared(*parts: str) -> Path:
    from tests.test_deadline_import import _testdata

    return _testdata().parent.joinpath(*parts)


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    cards, tiny = tmp_path / "cards.csv", tmp_path / "tiny.yml"
    cards.write_text(CARDS, "utf-8")
    tiny.write_text(TINY_YAML, "utf-8")
    return {"bib": BIB / "594zyc_papers.bib", "deadlines": tiny, "cards": cards}


def dump(store) -> list[str]:
    return list(store.conn.iterdump())


# -- the plan --------------------------------------------------------------------------------

def test_a_dry_run_prints_the_plan_and_changes_nothing(cli, files, db_path):
    for kind, path in files.items():
        result = cli("import", kind, str(path), "--dry-run")
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[0].startswith("add ")
        assert "(dry run)" in result.stdout and "undo" not in result.stdout
    counts = json.loads(cli("info", "--json").stdout)["counts"]
    assert (counts["papers"], counts["cards"]) == (0, 18)  # 18: the seeded interview questions
    assert "TinyConf" not in cli("deadlines", "--all").stdout


def test_the_plan_as_json_names_every_item_with_its_source(cli, files):
    plan = json.loads(cli("import", "deadlines", str(files["deadlines"]), "--json").stdout)
    assert plan["applied"] and plan["undo_label"] == "import deadlines from tiny.yml"
    assert (plan["added"], plan["venues_added"]) == (2, 1)
    venue, first, second = plan["items"]
    assert (venue["action"], venue["kind"], venue["subject"]) == ("add", "venue", "TinyConf (new venue)")
    assert (first["action"], first["subject"], first["entry"]) == ("add", "TinyConf 2027: Paper deadline", "TinyConf 2027")
    assert first["file"] == str(files["deadlines"])
    moved = files["deadlines"].parent / "moved.yml"
    moved.write_text(TINY_YAML.replace("2027-02-01 23:59", "2027-02-03 23:59"), "utf-8")
    again = json.loads(cli("import", "deadlines", str(moved), "--json", "--dry-run").stdout)
    [update] = [item for item in again["items"] if item["action"] == "update"]
    assert update["changes"] == [{"field": "at_utc", "old": "2027-02-02T11:59:00Z", "new": "2027-02-04T11:59:00Z",
                                  "old_source": "huggingface:tiny.yml", "new_source": "huggingface:moved.yml"}]
    assert not again["applied"] and again["unchanged"] == 1


def test_cards_plan_adds_decks_once_and_skips_what_is_present(store, files):
    plan = run_import(store, "cards", [str(files["cards"])])
    assert [(i.action, i.kind, i.subject) for i in plan.items if i.kind == "deck"] == [
        (Action.ADD, "deck", "Mine (new deck)"), (Action.ADD, "deck", "Other (new deck)")]
    assert plan.count(Action.ADD, "card") == 3
    again = run_import(store, "cards", [str(files["cards"])])
    assert not again.applied and {i.why for i in again.items} == {"already in the deck Mine", "already in the deck Other"}


# -- one transaction -------------------------------------------------------------------------

FAILURES = {  # a real failure on a row in the middle of each import, raised by SQLite itself
    "bib": ("papers", "title", "Elastic CRFs for Open-Ontology Slot Filling"),
    "deadlines": ("deadlines", "edition_year", 2028),
    "cards": ("cards", "front", "Second"),
}


@pytest.mark.parametrize("kind", FAILURES)
def test_a_failure_mid_apply_leaves_the_database_unchanged(store, files, kind):
    table, column, value = FAILURES[kind]
    store.conn.execute(f"CREATE TRIGGER import_fails BEFORE INSERT ON {table} WHEN NEW.{column} = ? "
                       "BEGIN SELECT RAISE(ABORT, 'the disk is on fire'); END".replace("?", repr(value)))
    before = dump(store)
    with pytest.raises(sqlite3.IntegrityError, match="on fire"):
        run_import(store, kind, [str(files[kind])])
    assert dump(store) == before  # rows inserted before the failure are gone, no undo entry


# -- undo, one step --------------------------------------------------------------------------

def test_each_import_is_undone_as_one_step_newest_first(cli, files, db_path):
    from paperdeck.store import open_store

    for kind in ("bib", "deadlines", "cards"):
        assert cli("import", kind, str(files[kind])).returncode == 0
    undone = [cli("import", "undo").stdout.strip() for _ in range(3)]
    assert undone == ["undone: import 3 cards from cards.csv", "undone: import deadlines from tiny.yml",
                      "undone: import 13 papers from 594zyc_papers.bib"]
    nothing = cli("import", "undo")
    assert nothing.returncode == 1 and nothing.stderr.strip() == "paperdeck: no import to undo"
    store = open_store(db_path)
    try:
        assert store.counts()["papers"] == 0 and store.counts()["cards"] == 18
        assert store.venues.find("TinyConf") is None
    finally:
        store.close()


def test_undo_refuses_when_an_imported_row_changed_since(store, files):
    run_import(store, "deadlines", [str(files["deadlines"])])
    [deadline, _] = store.venues.deadlines("TinyConf")
    store.venues.update_deadline(deadline.id, label="my own label")
    before = dump(store)
    with pytest.raises(ConflictError, match="some of its deadlines were changed since"):
        undo_last_import(store)
    assert dump(store) == before


def test_a_bib_import_is_one_step_of_the_pipeline_undo(store, files):
    plan = run_import(store, "bib", [str(files["bib"])])
    assert store.counts()["papers"] == 13
    assert store.papers.undo() == plan.undo_label
    assert store.counts()["papers"] == 0
    assert store.papers.redo() == plan.undo_label and store.counts()["papers"] == 13
    store.papers.add("Added by hand afterwards")
    with pytest.raises(ConflictError, match="a later change .*comes after it"):
        undo_last_import(store)


# -- the shared files ------------------------------------------------------------------------

BIB_COUNTS = {"YerbaPage_custom.bib": 139, "mainlp_papers.bib": 106, "JerryLife_papers.bib": 21, "594zyc_papers.bib": 13}


def test_the_shared_files_import_with_their_readme_counts(cli):
    bib = json.loads(cli("import", "bib", *(str(shared("bib", name)) for name in BIB_COUNTS), "--json").stdout)
    assert {Path(f["file"]).name: f["entries"] for f in bib["files"]} == BIB_COUNTS
    assert bib["added"] + bib["skipped"] == sum(BIB_COUNTS.values())
    flat = json.loads(cli("import", "deadlines", str(shared("deadlines", "ai-deadlines", "conferences.yml")), "--json").stdout)
    [read] = flat["files"]
    assert (read["format"], read["entries"], read["skipped"]) == ("ai-deadlines", 169, 2)
