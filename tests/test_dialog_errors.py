"""Dialogs answer errors in place (issue 15): the BibTeX import dialog stays open with the
message, in the user's language; what is typed next goes to the dialog, never to the Resume
screen below; patterns expand; no failure is announced as a finished import."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.screens.import_dialog import ImportDialog

BIB = Path("/work/shared/testdata/bib")
ENTRY = "@inproceedings{{{key},\n  title = {{{title}}},\n  author = {{Doe, Jane}},\n  booktitle = {{ICLR}},\n  year = {{2025}}\n}}\n"


async def open_import(pilot, app) -> ImportDialog:
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(app.screen, ImportDialog)
    return app.screen


async def enter(pilot, dialog: ImportDialog, value: str) -> str:
    dialog.query_one("#import-path").value = value
    await pilot.press("enter")
    await asyncio.wait_for(dialog.worker.wait(), timeout=10)
    await pilot.pause()
    return str(dialog.query_one("#import-result").render())


async def test_an_error_keeps_the_bibtex_dialog_open_and_the_next_keys_in_it(store, tmp_path):
    store.settings.update(language="zh")
    paper = store.papers.add("已发表的论文", Stage.DECISION, status="accepted", venue_key="iclr", target_year=2025)
    app = PaperdeckApp(store, start_screen="resume", watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dialog = await open_import(pilot, app)
        shown = await enter(pilot, dialog, str(tmp_path / "missing.bib"))
        assert app.screen is dialog and "missing.bib" in shown
        assert not any(ch.isascii() and ch.isalpha() for ch in shown.replace(str(tmp_path / "missing.bib"), "")), shown
        await pilot.press("x", "s", "y")  # Resume's hide, select, copy: typed into the dialog instead
        assert app.screen is dialog and dialog.query_one("#import-path").value.endswith("xsy")
        assert store.papers.get(paper.id).on_resume and not store.papers.get(paper.id).selected
        assert not any("导入完成" in (n.title or "") or "Import done" in (n.title or "") for n in app._notifications)
        buttons = [str(button.label) for button in dialog.query("Button")]
        assert buttons[0].startswith("导入") and any(label.startswith("预览") for label in buttons)


async def test_a_pattern_imports_every_matching_bib_file(store, tmp_path):
    for index, title in enumerate(("Sparse Mixtures for Long Context", "Reward Models in the Loop")):
        (tmp_path / f"part{index}.bib").write_text(ENTRY.format(key=f"k{index}", title=title), "utf-8")
    app = PaperdeckApp(store, start_screen="resume", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        dialog = await open_import(pilot, app)
        shown = await enter(pilot, dialog, f"{tmp_path}/*.bib")
        assert shown.startswith("Imported: "), shown
        titles = {p.title for p in store.papers.all()}
        assert {"Sparse Mixtures for Long Context", "Reward Models in the Loop"} <= titles


async def test_form_errors_are_said_in_chinese(store):
    store.settings.update(language="zh")
    paper = store.papers.add("一篇论文", Stage.WRITING)
    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.screen.view_ready()
        await pilot.press("n", "space", "enter")  # a blank title
        await pilot.pause()
        assert "标题不能为空" in str(app.screen.query_one("#capture-error").render())
        await pilot.press("escape")
        await pilot.pause()
        from paperdeck.domain.validation import clean_paper_form

        _fields, errors = clean_paper_form({"title": "x", "year": "20x6", "link_code": "ftp://a.b"}, "zh")
        assert errors == {"year": "年份须为四位数字，如 2026（输入为 '20x6'）",
                          "link_code": "只保存 http 和 https 链接（输入为 ftp://）"}
    assert store.papers.get(paper.id).title == "一篇论文"
