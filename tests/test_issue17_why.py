"""Issue 17's "Why" findings, each replayed the way it was measured (the real CLI on the shared
.bib files, a new user's database with the guide's sample papers) and shown fixed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import bibtexparser
import pytest

BIB = Path(__file__).parent / "data" / "bib"
SHARED = [str(path) for path in sorted(BIB.glob("*.bib"))]


def run(db: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PAPERDECK_DB": str(db), **(env or {})}
    full.pop("PAPERDECK_NO_SAMPLES", None)  # a new user's database: the guide's two sample papers too
    return subprocess.run([sys.executable, "-m", "paperdeck.cli.main", *args], capture_output=True, text=True,
                          env=full, timeout=120)


@pytest.fixture(scope="module")
def everything(tmp_path_factory):
    """A new user's database with every shared .bib imported, no name set (as measured)."""
    db = tmp_path_factory.mktemp("why") / "paperdeck.db"
    imported = run(db, "import", "bib", *SHARED)
    assert imported.returncode == 1, imported.stderr  # mainlp's duplicate key is reported, the rest imported
    bib = run(db, "snippet", "--format", "bib")
    assert bib.returncode == 0, bib.stderr
    return db, bib.stdout


# -- `paperdeck snippet --format bib` --------------------------------------------------------------

def test_no_booktitle_is_a_year(everything):
    _db, text = everything
    entries = bibtexparser.parse_string(text).entries
    assert len(entries) > 240
    booktitles = [e["booktitle"] for e in entries if "booktitle" in e.fields_dict]
    assert len(booktitles) > 150 and not [b for b in booktitles if re.fullmatch(r"\d{4}", b.strip())]


def test_journal_papers_are_articles_with_their_journal(everything):
    _db, text = everything
    entries = {e.key: e for e in bibtexparser.parse_string(text).entries}
    tkde = entries["li2022flsurvey"]
    assert tkde.entry_type == "article" and tkde["journal"] == r"IEEE Transactions on Knowledge \& Data Engineering"
    assert "booktitle" not in tkde.fields_dict


def test_a_frontiers_journals_name_is_kept(everything):
    db, text = everything
    entries = [e for e in bibtexparser.parse_string(text).entries if e.get("journal") is not None]
    assert "Frontiers in Robotics and AI" in {e["journal"] for e in entries}
    listing = run(db, "snippet").stdout
    assert "[Frontiers in Robotics and AI 2025] A survey of model compression techniques" in listing


def test_two_papers_never_share_a_key_and_the_file_parses_whole(everything):
    _db, text = everything
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    keys = [e.key.lower() for e in library.entries]
    assert len(keys) == len(set(keys))
    maibaam = [e for e in library.entries if "maibaam" in e.key.lower()]
    assert sorted(e.key for e in maibaam) == ["blaschke-etal-2024-maibaam", "blaschke2024maibaam"]


def test_the_original_cite_keys_are_kept(everything):
    _db, text = everything
    keys = {e.key for e in bibtexparser.parse_string(text).entries}
    originals = set()
    for path in SHARED:
        originals |= {e.key for e in bibtexparser.parse_file(path).entries}
    # The guide's two example papers are not the user's publications: never exported.
    assert keys <= originals and len(keys) > 240


def test_the_guides_examples_are_not_on_a_new_users_resume(tmp_path):
    result = run(tmp_path / "fresh.db", "snippet", "--format", "bib")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == "paperdeck: no paper belongs on the resume yet (accepted, under review or on arXiv)\n"


def test_a_paper_without_authors_gets_mine_once_my_name_is_set(tmp_path):
    path = tmp_path / "a.bib"
    path.write_text("@inproceedings{k, title={T}, booktitle={ICLR}, year=2026}", "utf-8")
    db = tmp_path / "fresh.db"
    assert run(db, "import", "bib", str(path)).returncode == 0
    before = run(db, "snippet", "--format", "bib")
    assert [e.get("author") for e in bibtexparser.parse_string(before.stdout).entries] == [None]  # none invented...
    assert "1 entry has no author" in before.stderr                                            # ...and the user is told
    assert run(db, "config", "set", "my_name", "Si Li").returncode == 0
    after = bibtexparser.parse_string(run(db, "snippet", "--format", "bib").stdout).entries
    assert [e["author"] for e in after] == ["Li, Si"]


# -- labels ---------------------------------------------------------------------------------------

def test_findings_and_workshop_labels_agree_between_single_and_list(everything):
    db, _text = everything
    listing = run(db, "snippet").stdout.splitlines()
    assert not [line for line in listing if re.match(r"- \[\d{4}\]", line)], "a label is never a bare year"
    # The ACL chapters by their names: NAACL under its old name too (five entries), never its full name.
    assert not [line for line in listing if "Chapter of the Association" in line]
    assert sum(line.startswith("- [NAACL 20") for line in listing) >= 6
    findings = next(line for line in listing if line.startswith("- [ACL 2025 Findings] Federated"))
    single = run(db, "snippet", "Federated Data-Efficient Instruction Tuning").stdout.splitlines()[0]
    assert findings and single.endswith('", ACL 2025 Findings')
    workshop = next(line for line in listing if "MIB Shared Task" in line)
    assert workshop.startswith("- [BlackboxNLP Workshop 2025]")
    for fmt in ("md", "tex"):
        text = run(db, "snippet", "--format", fmt).stdout
        assert "ACL 2025 Findings" in text and "BlackboxNLP Workshop 2025" in text


# -- a survey's references are not my resume --------------------------------------------------------

def test_a_surveys_references_stay_off_my_resume_and_the_summary_says_so(tmp_path):
    db = tmp_path / "survey.db"
    run(db, "config", "set", "my_name", "Zhaomin Wu")
    result = run(db, "import", "bib", str(BIB / "YerbaPage_custom.bib"))
    assert "0 mine, 0 on the resume, 134 kept off it" in result.stdout
    assert "none lists Zhaomin Wu as an author, so none goes on the resume" in result.stderr
    assert run(db, "snippet").returncode == 1  # nothing on the resume (the guide's examples never are)
    mine = run(db, "import", "bib", str(BIB / "JerryLife_papers.bib"))
    assert "21 mine, 21 on the resume" in mine.stdout


def test_bulk_hide_takes_many_off_in_one_undoable_step(tmp_path):
    from paperdeck.store import open_store
    from paperdeck.usecases.imports import run_import
    from paperdeck.usecases.resume import put_on_resume, resume_entries

    store = open_store(tmp_path / "bulk.db")
    try:
        run_import(store, "bib", [str(BIB / "YerbaPage_custom.bib")])
        shown = resume_entries(store).shown
        assert len(shown) >= 130
        assert put_on_resume(store, [e.paper_id for e in shown], False) == len(shown)
        assert resume_entries(store).shown == []
        assert store.papers.undo() == f"{len(shown)} papers off the resume"
        assert len(resume_entries(store).shown) == len(shown)
    finally:
        store.close()


# -- duplicates -------------------------------------------------------------------------------------

def test_a_distinct_paper_sharing_an_arxiv_id_is_not_lost(tmp_path):
    db = tmp_path / "dup.db"
    result = run(db, "import", "bib", "--dry-run", str(BIB / "594zyc_papers.bib"))
    line = next(line for line in result.stdout.splitlines() if "zhang2020improved" in line)
    assert line.startswith("add ")
    assert "shares its arXiv id 1811.01331 with entry dai2021elastic but not its title" in line
    assert "13 entries: 13 imported, 0 duplicates skipped" in result.stdout


# -- the rest -----------------------------------------------------------------------------------------

def test_roles_awards_grouping_and_links_reach_the_resume(tmp_path):
    db = tmp_path / "jerry.db"
    run(db, "config", "set", "my_name", "Zhaomin Wu")
    run(db, "import", "bib", str(BIB / "JerryLife_papers.bib"))
    single = run(db, "snippet", "Beyond Prompt-Induced Lies").stdout
    assert "ICLR 2026 (Oral, 1%)" in single                             # award read from `award`
    md = run(db, "snippet", "Mining Intrinsic Rewards", "--format", "md").stdout
    assert "**Zhaomin Wu†**" in md and "† corresponding author" in md     # the † mark kept, me in bold
    tex = run(db, "snippet", "VertiBench", "--format", "tex").stdout
    assert "\\href{https://github.com/Xtra-Computing/VertiBench}{[Code]}" in tex
    assert "\\href{https://vertibench.xtra.science/}{[Project]}" in tex
    by_year = run(db, "snippet", "--group", "year").stdout.splitlines()
    assert by_year[0] == "Selected Publication:" and "2026:" in by_year and "2022:" in by_year
    by_type = run(db, "snippet", "--group", "type").stdout.splitlines()
    assert "Journal Articles:" in by_type and "Preprints:" in by_type


def test_award_text_alone_is_read(tmp_path):
    path = tmp_path / "a.bib"
    path.write_text("@inproceedings{k, title={T}, author={Li, Si}, booktitle={ICLR}, year=2026,\n"
                    "  award_text={This paper was selected for oral presentation (1\\%) at ICLR 2026}}", "utf-8")
    db = tmp_path / "award.db"
    run(db, "import", "bib", str(path))
    assert run(db, "snippet", "T").stdout.startswith('Paper: "T", ICLR 2026 (Oral)')


def test_a_windows_1252_bib_keeps_its_smart_quotes(tmp_path):
    path = tmp_path / "cp1252.bib"
    path.write_bytes("@article{k, title={\u201cSmart\u201d quotes \u2013 caf\u00e9}, journal={TKDE}, year=2021}".encode("cp1252"))
    db = tmp_path / "enc.db"
    planned = run(db, "import", "bib", "--json", "--dry-run", str(path))
    assert json.loads(planned.stdout)["files"][0]["encoding"] == "windows-1252"
    result = run(db, "import", "bib", str(path))
    assert result.stderr.splitlines() == [f"paperdeck: {path}: read as Windows-1252 (cp1252) (not UTF-8)"]
    listing = run(db, "snippet", "--format", "bib").stdout
    assert "\u201cSmart\u201d quotes" in listing and "\u0093" not in listing


def one_paper(tmp_path) -> Path:
    """A database with one accepted paper on the resume."""
    path = tmp_path / "one.bib"
    path.write_text("@inproceedings{k, title={T}, author={Li, Si}, booktitle={ICLR}, year=2026}", "utf-8")
    db = tmp_path / "copy.db"
    assert run(db, "import", "bib", str(path)).returncode == 0
    return db


def test_snippet_copy_without_a_clipboard_is_one_clean_line(tmp_path):
    db = one_paper(tmp_path)
    result = run(db, "snippet", "--copy", env={"DISPLAY": "", "WAYLAND_DISPLAY": "", "PATH": "/nonexistent"})
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("paperdeck: not copied: no clipboard program found")
    assert "pyperclip" not in result.stderr.lower() and "http" not in result.stderr


def test_snippet_copy_with_a_program_but_no_display_says_so(tmp_path):
    """Over SSH xclip may be installed with no display to reach: telling the user to install
    it would be wrong."""
    import shutil

    if not shutil.which("xclip"):
        pytest.skip("xclip is needed (apt-get install -y xclip)")
    db = one_paper(tmp_path)
    result = run(db, "snippet", "--copy", env={"DISPLAY": "", "WAYLAND_DISPLAY": ""})
    assert result.returncode == 1 and result.stdout.startswith("Selected Publication:")
    assert result.stderr.splitlines() == [
        "paperdeck: not copied: no display to copy to (xclip is installed, but DISPLAY and WAYLAND_DISPLAY "
        "are not set); the text is printed above"]
