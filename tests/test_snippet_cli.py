"""`paperdeck snippet` and `paperdeck import bib` as real subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

from paperdeck.models.papers import Stage

BIB = Path(__file__).parent / "data" / "bib"


def settle(store):
    """Checkpoint, so a second process reads a complete header (a fresh file's is in the WAL)."""
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def add_guide_paper(store):
    paper = store.papers.add(
        "Reward-Aware Prompt Optimization for LLM Alignment", Stage.DECISION,
        venue_key="emnlp", target_year=2024, track="main", decision="accepted",
        bullets=json.dumps(["Proposed a reward-guided prompt distillation framework for scalable RLHF."]),
    )
    settle(store)
    return paper


def test_snippet_prints_the_guide_format(store, cli):
    paper = add_guide_paper(store)
    result = cli("snippet", str(paper.id))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        'Paper: "Reward-Aware Prompt Optimization for LLM Alignment", EMNLP 2024 (Main conference)\n'
        "- Proposed a reward-guided prompt distillation framework for scalable RLHF.\n"
    )
    assert result.stderr == ""


def test_snippet_formats_and_whole_list(store, cli):
    add_guide_paper(store)
    store.papers.add("Under review paper", Stage.UNDER_REVIEW, venue_key="acl")
    settle(store)
    listing = cli("snippet")
    assert listing.stdout.splitlines() == [
        "Selected Publication:", "- [EMNLP 2024] Reward-Aware Prompt Optimization for LLM Alignment",
        "Other:", "- ACL / Under Review",  # the guide's anonymised line
    ]
    by_type = cli("snippet", "--group", "type")
    assert by_type.stdout.splitlines() == [
        "Conference Papers:", "- [EMNLP 2024] Reward-Aware Prompt Optimization for LLM Alignment",
        "Under Review:", "- ACL / Under Review",
    ]
    assert cli("config", "set", "resume_review_titles", "true").returncode == 0
    assert cli("snippet").stdout.splitlines()[-1] == "- [ACL / Under Review] Under review paper"
    tex = cli("snippet", "reward", "--format", "tex")
    assert tex.stdout.startswith("\\textbf{Reward-Aware Prompt Optimization for LLM Alignment}, EMNLP 2024")
    bib = cli("snippet", "--format", "bib")
    assert bib.stdout.count("@") == 2 and "@unpublished{" in bib.stdout
    assert "2 entries have no author" in bib.stderr and "my_name" in bib.stderr


def test_snippet_errors_are_clear(store, cli):
    settle(store)
    empty = cli("snippet")
    assert empty.returncode == 1 and "no paper belongs on the resume" in empty.stderr
    add_guide_paper(store)
    missing = cli("snippet", "nothing like this")
    assert missing.returncode == 2 and "no paper on the resume matches" in missing.stderr
    bad = cli("snippet", "--format", "docx")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_snippet_never_prints_escape_codes(store, cli):
    store.papers.add("Evil \x1b[2J title", Stage.UNDER_REVIEW)
    store.settings.update(resume_review_titles=True)
    settle(store)
    result = cli("snippet")
    assert "\x1b" not in result.stdout and "␛[2J" in result.stdout


def test_snippet_copy_without_a_clipboard_says_so_in_one_clean_line(store, cli):
    add_guide_paper(store)
    result = cli("snippet", "1", "--copy", env={"DISPLAY": "", "WAYLAND_DISPLAY": "", "PATH": "/nonexistent"})
    assert result.returncode == 1
    assert result.stdout.startswith('Paper: "Reward-Aware')  # still printed
    assert result.stderr == (
        "paperdeck: not copied: no clipboard program found (on Linux: install xclip, xsel or wl-clipboard); "
        "the text is printed above\n"
    )


def test_import_bib_cli(cli, db_path, seeded_db):
    result = cli("import", "bib", str(BIB / "mainlp_papers.bib"))
    assert result.returncode == 1  # the file has a malformed (duplicate-key) entry
    assert "106 entries: 105 imported, 0 duplicates skipped, 1 malformed" in result.stdout
    assert "lutgen-etal-2025-neural (line 1471): Duplicate entry key" in result.stderr
    again = cli("import", "bib", "--quiet", str(BIB / "mainlp_papers.bib"))
    assert "0 imported, 105 duplicates skipped" in again.stdout
    info = cli("info", "--json")
    assert json.loads(info.stdout)["counts"]["papers"] == 105


def test_import_bib_dry_run_and_bad_files(cli, tmp_path, seeded_db):
    dry = cli("import", "bib", "--dry-run", str(BIB / "594zyc_papers.bib"))
    assert dry.returncode == 0 and "(dry run) 13 entries: 13 imported" in dry.stdout
    assert '"papers": 0' in cli("info", "--json").stdout
    missing = cli("import", "bib", str(tmp_path / "nope.bib"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    (tmp_path / "empty.bib").write_text("")
    empty = cli("import", "bib", str(tmp_path / "empty.bib"))
    assert empty.returncode == 1 and "no BibTeX entries" in empty.stderr
    piped = cli("import", "bib", "-", input="@misc{k, title={From stdin}, eprint={2401.00001}}")
    assert piped.returncode == 0 and "1 imported" in piped.stdout
