"""An imported paper's checklist is read from the templates until its first change (no rows
copied at import: issue 18), and reads, changes, undo and redo as a paper with its own rows."""

from __future__ import annotations

import sqlite3

import pytest

from paperdeck.models.papers import Stage
from paperdeck.store import NotFound, open_store
from paperdeck.store.migrate import MIGRATIONS
from paperdeck.usecases.imports import run_import, undo_last_import

from older_files import before_review_state, reopened


BIB = """@inproceedings{first2024,
  title = {First Imported Paper},
  author = {Doe, Jane},
  booktitle = {Proceedings of ACL 2024},
  year = {2024},
}
@article{second2023, title = {Second [red]Imported[/] 论文}, journal = {TACL}, year = 2023}
"""


def as_read(items):
    """A checklist as the user sees it (ids aside)."""
    return [(item.stage, item.seed_key, item.text, item.position, item.done) for item in items]


@pytest.fixture
def imported(store, tmp_path):
    """(ids of two imported papers, a paper added by hand at the same stage)."""
    path = tmp_path / "two.bib"
    path.write_text(BIB, encoding="utf-8")
    alone = store.papers.add("Added by hand", Stage.DECISION)
    run_import(store, "bib", [str(path)])
    ids = [row[0] for row in store.rows("SELECT id FROM papers WHERE id > ? ORDER BY id", (alone.id,))]
    assert len(ids) == 2
    return ids, alone


def rows_of(store, paper_id):
    return store.scalar("SELECT count(*) FROM checklist_items WHERE paper_id = ?", (paper_id,))


def test_an_imported_paper_reads_the_templates_without_rows(store, imported):
    (first, second), alone = imported
    assert rows_of(store, first) == rows_of(store, second) == 0
    assert rows_of(store, alone.id) > 20
    for paper_id in (first, second):
        assert as_read(store.papers.checklist(paper_id)) == as_read(store.papers.checklist(alone.id))
        for stage in Stage:
            assert as_read(store.papers.checklist(paper_id, stage)) == as_read(store.papers.checklist(alone.id, stage))
    assert all(item.id < 0 for item in store.papers.checklist(first))
    # Counted as items all the same (`paperdeck info`).
    assert store.counts()["checklist_items"] == 3 * rows_of(store, alone.id) + store.scalar(
        "SELECT count(*) FROM checklist_items WHERE paper_id NOT IN (?, ?, ?)", (first, second, alone.id))


def test_the_board_counts_the_templates_of_the_stage_the_paper_is_in(store, imported):
    (first, _second), alone = imported
    store.papers.move(first, Stage.WRITING)
    store.papers.move(alone.id, Stage.WRITING)
    tiles = {tile.id: tile for tile in store.papers.tiles()}
    writing = len(store.papers.checklist(alone.id, Stage.WRITING))
    assert writing > 0
    assert (tiles[first].checklist_done, tiles[first].checklist_total) == (0, writing)
    assert (tiles[alone.id].checklist_done, tiles[alone.id].checklist_total) == (0, writing)


def test_the_first_tick_copies_the_templates_and_undo_puts_the_paper_back_on_them(store, imported):
    (first, second), alone = imported
    template = store.papers.checklist(first, Stage.WRITING)
    store.papers.set_checklist_done(template[1].id, True)
    owned = store.papers.checklist(first, Stage.WRITING)
    assert all(item.id > 0 for item in owned) and rows_of(store, first) == rows_of(store, alone.id)
    assert [item.done for item in owned] == [n == 1 for n in range(len(owned))]
    assert [item.text for item in owned] == [item.text for item in template]
    assert rows_of(store, second) == 0  # the other imported paper still reads the templates
    # A form opened before the tick still holds template ids: they name the same items.
    store.papers.set_checklist_done(template[2].id, True)
    assert [item.done for item in store.papers.checklist(first, Stage.WRITING)][:3] == [False, True, True]

    assert store.papers.undo() == "tick checklist item"
    assert store.papers.undo() == "tick checklist item"
    assert rows_of(store, first) == 0
    assert as_read(store.papers.checklist(first)) == as_read(store.papers.checklist(alone.id))
    assert store.papers.redo() == "tick checklist item"
    assert [item.done for item in store.papers.checklist(first, Stage.WRITING)][:2] == [False, True]


def test_edit_add_and_delete_on_a_paper_reading_the_templates(store, imported):
    (first, _second), alone = imported
    template = store.papers.checklist(first, Stage.WRITING)
    store.papers.edit_checklist_item(template[0].id, "My own [bold]wording[/] 🚀")
    store.papers.delete_checklist_item(template[1].id)
    added = store.papers.add_checklist_item(first, Stage.WRITING, "Ask 王老师")
    texts = [item.text for item in store.papers.checklist(first, Stage.WRITING)]
    assert texts == ["My own [bold]wording[/] 🚀", *[item.text for item in template[2:]], "Ask 王老师"]
    assert store.papers.checklist(first, Stage.WRITING)[0].seed_key is None  # the user's own now
    assert added > 0
    for label in ("add checklist item", "delete checklist item", "edit checklist item"):
        assert store.papers.undo() == label
    assert rows_of(store, first) == 0
    assert as_read(store.papers.checklist(first)) == as_read(store.papers.checklist(alone.id))


def test_adding_the_first_item_copies_the_templates_before_it(store, imported):
    (first, _second), alone = imported
    store.papers.add_checklist_item(first, Stage.IDEATION, "First of mine")
    ideation = store.papers.checklist(first, Stage.IDEATION)
    assert [item.text for item in ideation] == [item.text for item in store.papers.checklist(alone.id, Stage.IDEATION)] + ["First of mine"]


def test_an_unknown_template_item_is_not_found(store, imported):
    from paperdeck.store.paper_parts import template_item_id

    with pytest.raises(NotFound):
        store.papers.set_checklist_done(template_item_id(999_999, 0), True)
    (first, _second), _alone = imported
    with pytest.raises(NotFound):
        store.papers.set_checklist_done(template_item_id(first, 998), True)
    # Refused inside the change's transaction: nothing was copied.
    assert rows_of(store, first) == 0 and store.papers.checklist(first)


def test_undo_of_the_import_and_its_redo_keep_the_papers_on_their_templates(store, imported):
    (first, second), alone = imported
    before = as_read(store.papers.checklist(first))
    assert undo_last_import(store)
    assert store.scalar("SELECT count(*) FROM papers WHERE id IN (?, ?)", (first, second)) == 0
    assert store.papers.redo()
    assert rows_of(store, first) == 0 and as_read(store.papers.checklist(first)) == before


def test_the_form_view_of_an_imported_paper_ticks_through_the_use_case(store, imported):
    from paperdeck.usecases.paper_form import paper_form, tick_checklist_item

    (first, _second), _alone = imported
    store.papers.move(first, Stage.WRITING)
    view = paper_form(store, first)
    assert view.checklist and all(item.id < 0 for item in view.checklist)
    tick_checklist_item(store, view.checklist[0].id, True)
    assert paper_form(store, first).checklist[0].done


def test_a_database_from_before_keeps_its_checklists_as_rows(tmp_path):
    """Opening a file of the version before: the column comes with 0 (its rows are its checklist)."""
    version = next(number for number, name in MIGRATIONS if "checklist_from_template" in name)
    path = tmp_path / "old.db"
    store = open_store(path)
    paper = store.papers.add("Old paper", Stage.WRITING)
    before = as_read(store.papers.checklist(paper.id))

    def before_checklist_from_template(conn: sqlite3.Connection) -> None:
        before_review_state(conn)  # the migrations after it undone first
        conn.execute("ALTER TABLE papers DROP COLUMN checklist_from_template")
        conn.execute(f"PRAGMA user_version = {version - 1}")

    store = reopened(store, before_checklist_from_template)
    try:
        assert store.scalar("SELECT checklist_from_template FROM papers WHERE id = ?", (paper.id,)) == 0
        assert as_read(store.papers.checklist(paper.id)) == before and all(i.id > 0 for i in store.papers.checklist(paper.id))
    finally:
        store.close()


async def test_ticking_an_imported_papers_checklist_in_the_form(store, imported):
    """Space on the form's checklist ticks a template item; the next Space ticks the next item
    (the list now holds the copied rows), and the board's tile counts both."""
    from textual.widgets import SelectionList

    from paperdeck.tui.app import PaperdeckApp
    from waiting import settled

    (first, _second), _alone = imported
    store.papers.move(first, Stage.IDEATION)
    while store.papers.reorder(first, -1):
        pass
    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("e")
        await settled(pilot)
        await app.screen.view_ready()
        await app.screen.show_tab("tab-checklist")
        checklist = app.screen.query_one("#form-checklist", SelectionList)
        assert checklist.option_count == len(store.papers.checklist(first, Stage.IDEATION)) > 1
        checklist.focus()
        checklist.highlighted = 0
        await pilot.press("space")
        await settled(pilot)
        checklist.highlighted = 1
        await pilot.press("space")
        await settled(pilot)
        assert [item.done for item in store.papers.checklist(first, Stage.IDEATION)][:3] == [True, True, False]
    tile = next(tile for tile in store.papers.tiles() if tile.id == first)
    assert (tile.checklist_done, tile.checklist_total) == (2, len(store.papers.checklist(first, Stage.IDEATION)))
