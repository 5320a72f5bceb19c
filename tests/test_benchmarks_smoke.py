"""A quick smoke of the benchmark harness (tiny size, one run). The benchmarks themselves are
`make bench`, never part of the test suite."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import REPO


def test_generator_writes_the_sizes_rows_through_the_store(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(REPO))
    from benchmarks.generate import SIZES, generate
    from paperdeck.store import open_store

    path = tmp_path / "tiny.db"
    generate(path, SIZES["tiny"])
    store = open_store(path)
    try:
        counts = store.counts()
        assert counts["papers"] == 5 and counts["reviews"] == 60
        assert store.scalar("SELECT count(*) FROM cards WHERE key LIKE 'bench.%'") == 20
        titles = " ".join(paper.title for paper in store.papers.all())
        assert any("\u4e00" <= char <= "\u9fff" for char in titles) or "#" in titles
    finally:
        store.close()


def test_visible_text_drops_escape_sequences(monkeypatch):
    monkeypatch.syspath_prepend(str(REPO))
    from benchmarks.terminal import visible_text

    raw = b"\x1b[?2026h\x1b[1;1H\x1b[38;2;1;2;3mPapers\x1b[0m \xe8\xae\xba\xe6\x96\x87\x1b]0;t\x07\x1b[?2026l"
    assert visible_text(raw) == "Papers 论文"


def test_runner_measures_and_writes_the_table(tmp_path):
    output = tmp_path / "RESULTS.md"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--sizes", "tiny", "--runs", "1", "--key-runs", "1",
         "--presses", "2", "--actions", "", "--data-dir", str(tmp_path / "data"),
         "--import-scale", "0.005", "--output", str(output)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    text = output.read_text("utf-8")
    for expected in ("| Measure |", "first frame", "peak RSS", "`paperdeck today`", "key: bare app",
                     "bare Textual app", "live: another process's commit shown", "quit (Ctrl+Q)",
                     "first showing: resume", "`export ics --all`", "import: 150 deadline rows", "import: 50 .bib entries",
                     "CPU", "Textual", "SQLite"):
        assert expected in text
    first_frame = next(line for line in text.splitlines() if line.startswith("| first frame | tiny"))
    assert " ms (" in first_frame and "n/a" not in first_frame
    for measure in ("first showing: pipeline", "import: 50 .bib entries"):
        line = next(line for line in text.splitlines() if line.startswith(f"| {measure}"))
        assert "n/a" not in line, line
    assert "| Measure |" in completed.stdout
