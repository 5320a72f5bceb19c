"""`paperdeck today` reads the cards and the pitch list in a child process (usecases/view_ahead.py)
while it reads the papers' deadlines and targets itself.

Each case runs the real command in a fresh Python process (forking is refused while another
thread runs, and a pytest worker has some), on a real database file, with the clock frozen so
that two runs can be compared line for line. `ViewAhead.take` is wrapped only to record whether
the child's read was used (and, in one case, to let another window commit first).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from paperdeck.models.stages import Stage

SCRIPT = textwrap.dedent("""
    import contextlib, io, json, sys, threading
    from datetime import datetime, timezone

    import time_machine

    from paperdeck.cli.main import main
    from paperdeck.usecases import view_ahead

    path, mode, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    taken = []
    real_begin, real_take = view_ahead.ViewAhead.begin, view_ahead.ViewAhead.take

    def begin(self, stamp):
        real_begin(self, stamp)
        if mode == "commit":  # another window adds a paper once the child may read
            from paperdeck.models.stages import Stage
            from paperdeck.store import open_store

            other = open_store(path)
            other.papers.add("Added by another window", Stage.WRITING)
            other.close()

    def take(self, stamp, wait=view_ahead.ANSWER_WAIT):
        view = real_take(self, stamp, wait)
        taken.append(view is not None)
        return view

    view_ahead.ViewAhead.begin, view_ahead.ViewAhead.take = begin, take
    if mode == "in-process":  # forking is refused while another thread runs: all read here
        threading.Thread(target=threading.Event().wait, daemon=True).start()
    out = io.StringIO()
    with time_machine.travel(datetime(2026, 11, 30, 9, tzinfo=timezone.utc), tick=False):
        with contextlib.redirect_stdout(out):
            status = main(["--db", path, "today", *extra])
    print(json.dumps({"status": status, "taken": taken, "out": out.getvalue()}))
""")


def _today(path, mode: str, *extra: str) -> dict:
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(path), mode, *extra],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["status"] == 0
    return report


@pytest.fixture
def busy_db(store, db_path):
    """Papers being pitched (one with a part written), more than the text lists, and the seeded cards."""
    first = store.papers.add("Pitched [red]paper[/] 讲稿", Stage.WRITING)
    store.pitches.save_section(first.id, store.pitches.parts()[0].key, "We cut the KV cache in half. 我们压缩了缓存。")
    for n in range(12):
        store.papers.add(f"Paper {n} under review", Stage.UNDER_REVIEW)
    store.close()
    return db_path


@pytest.mark.parametrize("extra", [(), ("--json",)], ids=["text", "json"])
def test_the_child_read_gives_the_same_summary_as_reading_here(busy_db, extra):
    ahead = _today(busy_db, "ahead", *extra)
    here = _today(busy_db, "in-process", *extra)
    assert ahead["taken"] == [True]  # the child's cards and pitch list were used
    assert here["taken"] == []       # no child: read in the process
    assert ahead["out"] == here["out"]
    assert "Pitched [red]paper[/] 讲稿" in ahead["out"]


def test_a_commit_after_the_child_began_is_read_here(busy_db):
    report = _today(busy_db, "commit", "--json")
    assert report["taken"] == [False]  # another window committed: the child's read is not used
    titles = [item["title"] for item in json.loads(report["out"])["pitch"]]
    assert "Added by another window" in titles
