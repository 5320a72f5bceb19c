"""A BibTeX import previewed, edited (what is imported, what goes on the resume) and applied as
edited; applied only if the database still says what the preview said."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from paperdeck.models.imports import Action
from paperdeck.models.papers import Stage
from paperdeck.usecases.imports import PlanOutdated, apply_plan, execute, prepare
from paperdeck.usecases.imports import bib as bib_import

BIB = Path(__file__).parent / "data" / "bib"
MINE = """
@inproceedings{mine1, title = {My First Paper}, author = {Wu, Zhaomin and Li, Si}, booktitle = {ICLR}, year = 2024}
@inproceedings{mine2, title = {My Second Paper}, author = {Z. Wu and Chen, Bo}, booktitle = {EMNLP}, year = 2023}
@article{theirs, title = {Someone Else's Survey}, author = {Chen, Bo}, journal = {TKDE}, year = 2022}
@misc{dup, title = {An Old Preprint}, author = {Wu, Zhaomin}, eprint = {2401.00001}, archivePrefix = {arXiv}}
"""


@pytest.fixture
def bib_file(tmp_path):
    path = tmp_path / "mine.bib"
    path.write_text(MINE, "utf-8")
    return path


async def open_import_dialog(app, pilot):
    """The Resume screen's import dialog, opened once the screen shows its view."""
    from paperdeck.tui.screens.import_dialog import ImportDialog

    await pilot.pause()
    await app.screen.view_ready()
    await pilot.press("i")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ImportDialog)
    return dialog


async def preview_in(dialog, pilot, path) -> None:
    """Type `path` into the dialog and wait for its preview (F3)."""
    dialog.query_one("#import-path").value = str(path)
    await pilot.press("f3")
    await asyncio.wait_for(dialog.worker.wait(), timeout=10)
    await pilot.pause()


def preview(store, path):
    prepared = prepare("bib", [str(path)])
    return prepared, execute(store, prepared, dry_run=True)


def by_key(plan):
    return {item.source.entry: item for item in plan.items}


def test_my_papers_by_name_and_alias_go_on_the_resume(store, bib_file):
    store.settings.update(my_name="Zhaomin Wu")
    _prepared, plan = preview(store, bib_file)
    items = by_key(plan)
    assert [key for key, item in items.items() if bib_import.is_mine(item.values)] == ["mine1", "mine2", "dup"]
    assert not bib_import.on_resume(items["theirs"])
    assert "4 entries: 4 imported, 0 duplicates skipped, 0 malformed; 3 mine, 3 on the resume, 1 kept off it" \
        == bib_import.summary(plan)


def test_an_edited_preview_is_applied_as_edited_in_one_undo_step(store, bib_file):
    store.settings.update(my_name="Zhaomin Wu")
    existing = store.papers.add("An old preprint", Stage.DECISION, arxiv_id="2401.00001")
    prepared, plan = preview(store, bib_file)
    items = by_key(plan)
    assert items["dup"].action is Action.SKIP and items["dup"].why == f"same arXiv id and title as paper #{existing.id} in the database"
    bib_import.include(items["mine2"], False)          # leave one out
    bib_import.include(items["dup"], True)             # import a duplicate anyway
    bib_import.set_on_resume(items["theirs"], True)    # and someone else's paper on the resume
    assert "3 imported, 0 duplicates skipped, 1 left out" in bib_import.summary(plan)
    applied = apply_plan(store, prepared, plan)
    assert applied.applied
    titles = {p.title: p for p in store.papers.all()}
    assert "My Second Paper" not in titles
    assert titles["Someone Else's Survey"].on_resume and titles["An Old Preprint"].on_resume
    assert titles["Someone Else's Survey"].cite_key == "theirs"
    assert store.papers.undo() == applied.undo_label
    assert [p.title for p in store.papers.all()] == ["An old preprint"]


@pytest.mark.parametrize("change", ["a paper", "my name"])
def test_a_preview_is_not_applied_once_the_database_changed(store, bib_file, change):
    prepared, plan = preview(store, bib_file)
    if change == "a paper":
        store.papers.add("My First Paper", Stage.IDEATION)   # the preview called it new
    else:
        store.settings.update(my_name="Bo Chen")              # the preview's "mine" no longer holds
    before = store.counts()["papers"]
    with pytest.raises(PlanOutdated, match="preview again"):
        apply_plan(store, prepared, plan)
    assert store.counts()["papers"] == before


def test_a_plan_is_applied_once(store, bib_file):
    prepared, plan = preview(store, bib_file)
    apply_plan(store, prepared, plan)
    with pytest.raises(ValueError, match="applied already"):
        apply_plan(store, prepared, plan)


def test_only_mine_and_all_on_resume(store, bib_file):
    store.settings.update(my_name="Zhaomin Wu")
    _prepared, plan = preview(store, bib_file)
    for item in plan.items:
        bib_import.set_on_resume(item, True)
    bib_import.only_mine(plan)
    assert [bib_import.on_resume(item) for item in plan.items] == [True, True, False, True]


# -- the CLI --------------------------------------------------------------------------------------

def test_cli_says_which_are_mine_and_what_stays_off_the_resume(cli, db_path, bib_file):
    assert cli("config", "set", "my_name", "Zhaomin Wu").returncode == 0
    result = cli("import", "bib", "--dry-run", str(bib_file))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "add      theirs: Someone Else's Survey [off the resume]" in lines
    assert "add      mine1: My First Paper [mine, on the resume]" in lines
    assert lines[-1].endswith("3 mine, 3 on the resume, 1 kept off it")
    everything = cli("import", "bib", "--resume", "all", "--json", str(bib_file))
    data = json.loads(everything.stdout)
    assert [(i["entry"], i["mine"], i["on_resume"]) for i in data["items"]] == [
        ("mine1", True, True), ("mine2", True, True), ("theirs", False, True), ("dup", True, True)]


def test_cli_without_my_name_says_how_to_keep_others_off(cli, db_path):
    result = cli("import", "bib", str(BIB / "YerbaPage_custom.bib"))
    assert result.returncode == 0
    assert "no name of yours is set, so every paper goes on the resume" in result.stderr
    assert "paperdeck config set my_name" in result.stderr
    assert result.stdout.splitlines()[-2].endswith("0 mine, 134 on the resume")


# -- the dialog -----------------------------------------------------------------------------------

async def test_the_dialog_previews_edits_and_imports(store, bib_file):
    from paperdeck.tui.app import PaperdeckApp
    from paperdeck.tui.widgets.plan_list import PlanList

    store.settings.update(my_name="Zhaomin Wu")
    app = PaperdeckApp(store, start_screen="resume", watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_import_dialog(app, pilot)
        await preview_in(dialog, pilot, bib_file)
        plan_list = dialog.query_one("#import-plan", PlanList)
        assert plan_list.has_focus and plan_list.display
        rows = [str(option.prompt) for option in plan_list.options]
        assert rows[0].startswith("[x] ★ ◉ [ICLR 2024] mine1: My First Paper")
        assert rows[2].startswith("[x]     [TKDE 2022] theirs:") and rows[3].startswith("[x] ★ ◉ [arXiv] dup:")
        await pilot.press("space")          # mine1: not imported
        await pilot.press("r")              # mine2: off the resume
        assert "2 mine, 1 on the resume" in str(dialog.query_one("#import-result").render())
        assert store.counts()["papers"] == 0  # a preview writes nothing
        await pilot.press("enter")
        await asyncio.wait_for(dialog.worker.wait(), timeout=10)
        await pilot.pause()
        assert "Imported: 4 entries: 3 imported" in str(dialog.query_one("#import-result").render())
        papers = {p.title: p for p in store.papers.all()}
        assert set(papers) == {"My Second Paper", "Someone Else's Survey", "An Old Preprint"}
        assert not papers["My Second Paper"].on_resume and papers["An Old Preprint"].on_resume
        await pilot.press("escape")
        await pilot.pause()
        await app.screen.view_ready()
        assert [e.title for e in app.screen.entries] == ["An Old Preprint"]


async def test_the_dialog_previews_again_when_the_database_changed(store, bib_file):
    from paperdeck.tui.app import PaperdeckApp

    app = PaperdeckApp(store, start_screen="resume", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_import_dialog(app, pilot)
        await preview_in(dialog, pilot, bib_file)
        store.papers.add("My First Paper", Stage.IDEATION)   # another window adds it meanwhile
        await pilot.press("enter")
        await asyncio.wait_for(dialog.worker.wait(), timeout=10)
        await pilot.pause()
        await asyncio.wait_for(dialog.worker.wait(), timeout=10)  # the new preview
        await pilot.pause()
        assert any("database changed since the preview" in n.message for n in app._notifications)
        assert store.counts()["papers"] == 1
        rows = [str(option.prompt) for option in dialog.query_one("#import-plan").options]
        assert "same title as paper #1 in the database" in rows[0]


# -- encodings ---------------------------------------------------------------------------------

def encoded_files(folder: Path) -> dict[str, Path]:
    """The same kind of entry in plain UTF-8, UTF-8 with a byte-order mark and Windows-1252."""
    entry = "@article{{{key}, title={{\u201cSmart\u201d quotes \u2013 caf\u00e9 {key}}}, journal={{TKDE}}, year=2021}}"
    files = {"plain": ("utf-8", b""), "bom": ("utf-8", b"\xef\xbb\xbf"), "cp1252": ("cp1252", b"")}
    paths = {}
    for key, (codec, prefix) in files.items():
        paths[key] = folder / f"{key}.bib"
        paths[key].write_bytes(prefix + entry.format(key=key).encode(codec))
    return paths


def test_cli_names_each_files_encoding(cli, db_path, tmp_path):
    paths = encoded_files(tmp_path)
    result = cli("import", "bib", "--dry-run", str(paths["plain"]), str(paths["bom"]), str(paths["cp1252"]))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"(dry run) {paths['plain']} (bibtex, UTF-8, 1 entries)") for line in lines)
    assert any(line.startswith(f"(dry run) {paths['bom']} (bibtex, UTF-8 with BOM, 1 entries)") for line in lines)
    assert any(line.startswith(f"(dry run) {paths['cp1252']} (bibtex, Windows-1252 (cp1252), 1 entries)") for line in lines)
    # One file alone: the summary line, and how the file was read when it was not plain UTF-8.
    alone = cli("import", "bib", "--dry-run", str(paths["bom"]))
    assert alone.stderr.splitlines() == [f"paperdeck: {paths['bom']}: read as UTF-8 with BOM"]
    cp1252 = cli("import", "bib", str(paths["cp1252"]))
    assert cp1252.stderr.splitlines() == [f"paperdeck: {paths['cp1252']}: read as Windows-1252 (cp1252) (not UTF-8)"]
    plain = cli("import", "bib", "--dry-run", str(paths["plain"]))
    assert "read as" not in plain.stderr


async def test_the_dialog_says_how_a_file_was_read(store, tmp_path):
    from paperdeck.tui.app import PaperdeckApp

    path = encoded_files(tmp_path)["cp1252"]
    app = PaperdeckApp(store, start_screen="resume", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_import_dialog(app, pilot)
        await preview_in(dialog, pilot, path)
        shown = str(dialog.query_one("#import-result").render())
        assert f"{path}: read as Windows-1252 (cp1252) (not UTF-8)" in shown
        rows = [str(option.prompt) for option in dialog.query_one("#import-plan").options]
        assert "\u201cSmart\u201d quotes \u2013 caf\u00e9" in rows[0]


async def test_f3_right_behind_the_typed_path_previews_the_whole_path(store):
    """A terminal delivers a burst of keys at once (fast typing, a paste without bracketed
    paste, tmux): F3, a priority binding, must not read the path before its characters landed."""
    from paperdeck.tui.app import PaperdeckApp

    from key_burst import burst

    path = str(BIB / "594zyc_papers.bib")
    app = PaperdeckApp(store, start_screen="resume", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_import_dialog(app, pilot)
        burst(app, path, "f3")
        result = dialog.query_one("#import-result")
        for _ in range(500):   # until the preview started, or the dialog answered without one
            await pilot.pause()
            if dialog.worker is not None or str(result.render()).strip():
                break
        if dialog.worker is not None:
            await asyncio.wait_for(dialog.worker.wait(), timeout=10)
            await pilot.pause()
        shown = str(result.render())
        assert shown.startswith("Preview (nothing changed yet): 13 entries"), shown
