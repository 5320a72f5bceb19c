"""PaperRepo.add_many (an import's save): every paper checked as `add` and `validate` check it,
all or nothing, and each row written as `add` writes the same fields."""

from __future__ import annotations

import pytest

from paperdeck.models.papers import Stage
from paperdeck.store import ValidationError

# Columns the store sets itself, different for every write.
OWN = {"id", "position", "stage_entered_at", "created_at", "updated_at", "checklist_from_template"}


def _row(store, paper_id: int) -> dict:
    row = store.row("SELECT * FROM papers WHERE id = ?", (paper_id,))
    return {name: row[name] for name in row.keys() if name not in OWN}


@pytest.mark.parametrize("fields, message", [
    ({"links": ["https://a.example"]}, "links must be a dict"),
    ({"authors": {"a": 1}}, "authors must be a list"),
    ({"authors": "[not json"}, "authors: not valid JSON"),
    ({"bib_entry": "[1, 2]"}, "bib_entry must be a dict"),
    ({"nonsense": 1}, "unknown paper field"),
    ({"target_year": 20260}, "out of range"),
    ({"title": "   "}, "needs a title"),
])
def test_a_bad_paper_refuses_the_whole_batch(store, fields, message):
    good = {"title": "Fine", "stage": "decision", "authors": ["Ada Lovelace"]}
    bad = {"title": "Bad", "stage": "decision", **fields}
    with pytest.raises(ValidationError, match=message):
        store.papers.validate(bad)
    with pytest.raises(ValidationError, match=message):
        store.papers.add_many([good, bad], "import")
    assert store.scalar("SELECT count(*) FROM papers WHERE title IN ('Fine', 'Bad')") == 0


def test_rows_are_what_add_writes(store):
    fields = [
        {"title": "  Spaced  ", "stage": "decision", "authors": '["Ada Lovelace", "Alan Turing"]',
         "links": None, "bib_entry": {"type": "article", "fields": {"journal": "JMLR"}}, "doi": "10.1/x",
         "target_year": 2024, "on_resume": 0, "equal_contribution": [0, 1], "cite_key": "k1"},
        {"title": "Other columns", "stage": Stage.WRITING, "notes": "from a file", "selected": 1},
        {"title": "Default stage"},
    ]
    ids = store.papers.add_many(fields, "import")
    for paper_id, given in zip(ids, fields):
        given = dict(given)
        twin = store.papers.add(given.pop("title"), Stage(given.pop("stage", "ideation")), **given)
        assert _row(store, paper_id) == _row(store, twin.id)
    first = store.papers.get(ids[0])
    assert (first.title, first.authors, first.links) == ("Spaced", ["Ada Lovelace", "Alan Turing"], {})
    assert [store.papers.get(i).stage for i in ids] == [Stage.DECISION, Stage.WRITING, Stage.IDEATION]


def test_each_paper_goes_to_the_end_of_its_column(store, add_paper):
    last = add_paper("Already there", Stage.DECISION)
    ids = store.papers.add_many([{"title": f"P{n}", "stage": "decision" if n % 2 else "writing"}
                                 for n in range(4)], "import")
    positions = {i: store.papers.get(i).position for i in ids}
    assert positions[ids[1]] == last.position + 1 and positions[ids[3]] == last.position + 2
    column = [row["id"] for row in store.rows("SELECT id FROM papers WHERE stage = 'writing' ORDER BY position")]
    assert column[-2:] == [ids[0], ids[2]]
    assert [row["to_stage"] for row in store.rows(
        f"SELECT to_stage FROM stage_history WHERE paper_id IN ({', '.join(map(str, ids))}) ORDER BY paper_id")] == [
        "writing", "decision", "writing", "decision"]


def test_rows_validate_returned_are_written_as_the_unchecked_fields_would_be(store):
    """validate's row, given to add_many(checked=True), is the row add_many checks and writes."""
    fields = {"title": "  Spaced  ", "stage": "decision", "authors": '["Ada Lovelace"]', "links": None,
              "bib_entry": {"type": "article"}, "target_year": 2024, "on_resume": 0}
    checked = store.papers.validate(fields)
    assert (checked["title"], checked["stage"], checked["authors"], checked["links"]) == (
        "Spaced", "decision", ["Ada Lovelace"], {})
    [ours] = store.papers.add_many([checked], "import", checked=True)
    [theirs] = store.papers.add_many([fields], "import")
    assert _row(store, ours) == _row(store, theirs)


def test_a_bib_import_checks_each_entry_once(store, tmp_path, monkeypatch):
    """The plan checks every entry (naming each bad one); the save trusts those checks."""
    from paperdeck.store import papers
    from paperdeck.usecases.imports import run_import

    calls = []
    checked = papers._checked
    monkeypatch.setattr(papers, "_checked", lambda fields, **options: calls.append(1) or checked(fields, **options))
    path = tmp_path / "three.bib"
    path.write_text("".join(f"@article{{k{n},\n  title = {{Paper {n}}},\n  year = {{2024}},\n}}\n" for n in range(3))
                    + "@article{huge,\n  title = {" + "Long " * 1000 + "},\n}\n", "utf-8")
    plan = run_import(store, "bib", [str(path)])
    assert plan.applied and len(calls) == 3  # once each (the huge title is refused before), not twice
    assert [str(problem) for problem in plan.problems] == [
        f"{path}: huge (line 13): the title is too long (4999 characters; at most 4000) (skipped)"]
    assert store.scalar("SELECT count(*) FROM papers WHERE title LIKE 'Paper %'") == 3
