"""My name and its aliases (the `my_name` setting, other spellings after ";"): my author
position found under any of them, in BibTeX imports (the real CLI, a real database) and the
resume."""

from __future__ import annotations

import json

from conftest import run_cli
from paperdeck.domain.snippets import find_my_index, my_names


def test_any_spelling_finds_me():
    assert my_names(" San Zhang ;; Zhang S.; 张三 ") == ["San Zhang", "Zhang S.", "张三"]
    authors = ["Li Si", "张三", "Wang Wu"]
    assert find_my_index(authors, "San Zhang; 张三") == 1
    assert find_my_index(["Li Si", "S. Zhang"], "Zhang S.") == 1  # order-insensitive, as before
    assert find_my_index(authors, "San Zhang") is None
    assert find_my_index(authors, " ; ") is None and find_my_index(authors, "") is None


def test_bib_import_marks_me_under_an_alias(db_path, tmp_path):
    bib = tmp_path / "mine.bib"
    bib.write_text(
        "@inproceedings{a, title = {Mine in Chinese}, author = {Li, Si and 张三}, booktitle = {ICLR}, year = 2024}\n"
        "@inproceedings{b, title = {Not mine}, author = {Wang, Wu}, booktitle = {ICLR}, year = 2024}\n",
        encoding="utf-8")
    db = str(db_path)
    assert run_cli("config", "set", "my_name", "San Zhang; 张三", "--db", db).returncode == 0
    assert run_cli("config", "get", "my_name", "--db", db).stdout.strip().endswith("San Zhang; 张三")
    result = run_cli("import", "bib", str(bib), "--db", db)
    assert result.returncode == 0, result.stderr
    papers = {row["title"]: row for row in json.loads(run_cli("list", "--json", "--db", db).stdout)}
    from paperdeck.store import open_store

    store = open_store(db_path)
    try:
        mine = {p.title: p for p in store.papers.all()}
        assert mine["Mine in Chinese"].my_author_index == 1 and mine["Mine in Chinese"].on_resume
        assert mine["Not mine"].my_author_index is None and not mine["Not mine"].on_resume
    finally:
        store.close()
    assert set(papers) >= {"Mine in Chinese", "Not mine"}
