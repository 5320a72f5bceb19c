"""Issue 14, data loss 3: opening and saving the paper form unchanged changes nothing - every
link kind (url, pdf, website beside the form's own), authors by BibTeX name rules (`King,
Jr., Martin Luther` stays one author, the equal-contribution marks stay where they were) -
over every shared .bib, imported by the real CLI and saved through the real form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paperdeck.models.papers import LINK_KINDS, STATUSES, TRACKS
from paperdeck.store import open_store
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.screens.paper_form import PaperFormModal
from waiting import app_until

SHARED = Path("/work/shared/testdata/bib")
BIBS = sorted(SHARED.glob("*.bib")) if SHARED.is_dir() else []
PER_FILE = 10  # the most telling entries of each file (a form takes a moment to open)
KING = """@inproceedings{king,
  title = {Dreams at Scale},
  author = {Li*, Anna and King, Jr., Martin Luther* and {van der Goot}, Rob and Chen, Bo},
  booktitle = {NeurIPS},
  year = {2025},
  url = {https://example.org/dreams},
  pdf = {dreams.pdf},
  website = {https://dreams.example.org},
  code = {https://github.com/example/dreams},
}
"""


def _rows(store) -> dict[int, dict]:
    return {row["id"]: dict(row) for row in store.rows("SELECT * FROM papers ORDER BY id")}


def _telling(row: dict) -> int:
    """How much an entry can lose in a lossy form: links it has no field for, commas in
    names, marks, values its lists do not offer."""
    links, authors = json.loads(row["links"]), json.loads(row["authors"])
    return (3 * len(set(links) - set(LINK_KINDS)) + 3 * sum("," in name for name in authors)
            + 2 * bool(json.loads(row["equal_contribution"])) + 2 * (row["track"] not in (None, *TRACKS))
            + 2 * (row["status"] not in (None, *STATUSES)) + bool(links))


async def _save_unchanged(pilot, app, paper_id: int) -> None:
    form = PaperFormModal(paper_id)
    app.push_screen(form)
    await form.view_ready()
    await pilot.press("ctrl+s")
    await app_until(pilot, lambda: app.screen is not form, f"the form of paper {paper_id} closing")


def _import(cli, db, path: Path) -> None:
    result = cli("import", "bib", str(path), env={"PAPERDECK_DB": str(db)})
    assert result.returncode in (0, 1), result.stderr  # 1: some entries skipped (a duplicate key)


@pytest.mark.parametrize("bib", [*BIBS, "king"], ids=lambda b: b if isinstance(b, str) else b.name)
async def test_saving_the_form_unchanged_changes_nothing(bib, seeded_db, cli, tmp_path):
    if bib == "king":
        bib = tmp_path / "king.bib"
        bib.write_text(KING)
    _import(cli, seeded_db, bib)
    store = open_store(seeded_db)
    before = _rows(store)
    assert before, "the import added papers"
    sample = sorted(before, key=lambda pid: (-_telling(before[pid]), pid))[:PER_FILE]
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(120, 50)) as pilot:
        for paper_id in sample:
            await _save_unchanged(pilot, app, paper_id)
    after = _rows(store)
    store.close()
    for paper_id in sample:
        assert after[paper_id] == before[paper_id], f"paper {paper_id} changed by an unchanged save"


async def test_editing_one_field_keeps_links_and_authors_as_they_were(seeded_db, cli, tmp_path):
    bib = tmp_path / "king.bib"
    bib.write_text(KING)
    _import(cli, seeded_db, bib)
    store = open_store(seeded_db)
    [paper] = store.papers.all()
    # Stored first name first, the Jr part last (domain/names.py): "King, Jr., Martin Luther".
    assert paper.authors[1] == "Martin Luther King Jr." and paper.equal_contribution == [0, 1]
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(120, 50)) as pilot:
        form = PaperFormModal(paper.id)
        app.push_screen(form)
        await form.view_ready()
        authors = form.query_one("#f-authors").value
        assert authors == "Anna Li*, Martin Luther King Jr.*, Rob {van der Goot}, Bo Chen"  # braces: one last name
        form.query_one("#f-notes").load_text("edited notes")
        form.query_one("#f-authors").value = authors + ", Zhaomin Wu Jr.*"
        await pilot.press("ctrl+s")
        await app_until(pilot, lambda: app.screen is not form, "the form closing")
    saved = store.papers.get(paper.id)
    store.close()
    assert saved.notes == "edited notes"
    assert saved.links == paper.links and {"url", "project", "code"} <= set(saved.links)  # website: the project page
    assert saved.authors == [*paper.authors, "Zhaomin Wu Jr."]
    assert saved.equal_contribution == [0, 1, 4]


async def test_escape_with_unsaved_edits_asks_before_discarding(store):
    paper = store.papers.add("Asked before discarding")
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(120, 50)) as pilot:
        form = PaperFormModal(paper.id)
        app.push_screen(form)
        await form.view_ready()
        await pilot.press("escape")  # nothing edited: closes at once
        await app_until(pilot, lambda: app.screen is not form, "the unedited form closing")
        form = PaperFormModal(paper.id)
        app.push_screen(form)
        await form.view_ready()
        form.query_one("#f-notes").load_text("half a thought")
        await pilot.press("escape")
        await app_until(pilot, lambda: app.screen.id == "discard-edits", "the question")
        await pilot.press("escape")  # keep editing
        await app_until(pilot, lambda: app.screen is form, "back in the form")
        assert form.query_one("#f-notes").text == "half a thought"
        await pilot.press("escape")
        await app_until(pilot, lambda: app.screen.id == "discard-edits", "the question again")
        await pilot.press("s")  # save, then close
        await app_until(pilot, lambda: app.screen is not form and app.screen.id != "discard-edits", "saved and closed")
    assert store.papers.get(paper.id).notes == "half a thought"


async def test_closing_the_terminal_keeps_unsaved_form_edits_as_a_draft(store):
    """SIGHUP/SIGTERM run the app's save_pending: a form's unsaved edits become a draft."""
    paper = store.papers.add("Open when the terminal closed")
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(120, 50)) as pilot:
        form = PaperFormModal(paper.id)
        app.push_screen(form)
        await form.view_ready()
        form.query_one("#f-notes").load_text("typed, never saved")
        await pilot.pause()
        app.save_pending()
    [draft] = store.drafts.all()
    assert "typed, never saved" in draft.body and "Open when the terminal closed" in draft.about
    assert store.papers.get(paper.id).notes == ""
