"""The Dashboard's first view read ahead in a child process (usecases/view_ahead.py).

Each case runs in a fresh Python process, as `paperdeck` does: forking is refused while another
thread runs, and a pytest worker has some. The database is a real file; the checks are on what
the child handed back against a read of the same database in the parent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from paperdeck.models.stages import Stage

SCRIPT = textwrap.dedent("""
    import json, os, sys, time
    from pathlib import Path
    from paperdeck.models.stages import Stage
    from paperdeck.store import open_store
    from paperdeck.usecases.dashboard import dashboard_now, dashboard_view
    from paperdeck.usecases.view_ahead import ViewAhead

    path, case = Path(sys.argv[1]), sys.argv[2]
    ahead = ViewAhead.start(path, dashboard_now)
    report = {"started": ahead is not None}
    if case == "discard":
        ahead.discard()
        try:
            os.waitpid(ahead.pid, os.WNOHANG)
            report["reaped"] = False
        except ChildProcessError:
            report["reaped"] = True
        print(json.dumps(report)); sys.exit()
    store = open_store(path)  # as the app: after the fork
    ahead.begin(store.change_stamp())
    if case == "commit":
        time.sleep(0.5)  # the child has read by now
        store.papers.add("Written after the child read", Stage.IDEATION)
    elif case == "other":
        time.sleep(0.5)
        other = open_store(path)  # another window's commit
        other.papers.add("Written by another window", Stage.IDEATION)
        other.close()
    view = ahead.take(store.change_stamp(), wait=10)
    report["used"] = view is not None and ahead.used
    if view is not None:
        mine = dashboard_view(store, view.summary.now)
        report["same"] = view == mine
        report["titles"] = [paper.title for paper in view.summary.mine.working]
    try:
        os.waitpid(ahead.pid, os.WNOHANG)
        report["reaped"] = False
    except ChildProcessError:
        report["reaped"] = True
    if case.startswith("beside"):
        import subprocess
        read = [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], uri=True); "
                "print(c.execute('SELECT count(*) FROM papers').fetchone()[0])", path.resolve().as_uri() + "?mode=ro"]
        counts = []
        for n in range(3):  # a reader in a third process, the app's connection open and writing
            done = subprocess.run(read, capture_output=True, text=True)
            counts.append(done.stdout.strip() or done.stderr.strip().splitlines()[-1])
            store.papers.add(f"Beside {n}", Stage.IDEATION)
        report["counts"] = counts
    print(json.dumps(report))
""")


def run_case(path, case: str) -> dict:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(path), case], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PAPERDECK_NO_SAMPLES": "1"})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def with_papers(store, seeded_db):
    for n in range(3):
        store.papers.add(f"Paper {n} 论文 [red]", Stage.WRITING)
    store.close()
    return seeded_db


def test_the_view_read_ahead_is_the_view_the_app_would_read(with_papers):
    report = run_case(with_papers, "same")
    assert report["started"] and report["used"] and report["same"], report
    assert "Paper 0 论文 [red]" in report["titles"]
    assert report["reaped"]  # no child left behind


def test_a_commit_after_the_child_read_makes_the_app_read_for_itself(with_papers):
    report = run_case(with_papers, "commit")
    assert report["started"] and not report["used"], report
    assert report["reaped"]


def test_another_windows_commit_after_the_child_read_makes_the_app_read_for_itself(with_papers):
    report = run_case(with_papers, "other")
    assert report["started"] and not report["used"], report
    assert report["reaped"]


def test_readers_beside_the_app_keep_working(with_papers):
    """The parent never opens a database file outside SQLite (closing it would drop the locks
    its connections hold, and the next process to connect would reset the WAL index under them:
    "locking protocol"): a reader in a third process reads each commit."""
    report = run_case(with_papers, "beside")
    assert report["used"]
    first = int(report["counts"][0])
    assert report["counts"] == [str(first), str(first + 1), str(first + 2)], report


def test_a_file_that_is_not_a_database_gives_no_view_and_no_hang(tmp_path):
    path = tmp_path / "paperdeck.db"
    path.write_bytes(b"not a database\x1b[31m" * 100)
    done = subprocess.run([sys.executable, "-c", textwrap.dedent("""
        import json, sys, time
        from pathlib import Path
        from paperdeck.usecases.dashboard import dashboard_now
        from paperdeck.usecases.view_ahead import ViewAhead
        ahead = ViewAhead.start(Path(sys.argv[1]), dashboard_now)
        ahead.begin((0, 0))
        started = time.monotonic()
        view = ahead.take((0, 0), wait=10)
        print(json.dumps({"view": view is not None, "seconds": time.monotonic() - started}))
    """), str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert not report["view"] and report["seconds"] < 5  # the child's failure ends the wait
    assert "\x1b" not in done.stdout + done.stderr  # the child said nothing


def test_a_view_not_needed_is_discarded_and_its_child_reaped(with_papers):
    report = run_case(with_papers, "discard")
    assert report == {"started": True, "reaped": True}


def test_no_fork_while_another_thread_runs(with_papers):
    """Its locks would be copied held into the child: the app reads for itself."""
    import threading

    from paperdeck.usecases.dashboard import dashboard_now
    from paperdeck.usecases.view_ahead import ViewAhead

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert ViewAhead.start(with_papers, dashboard_now) is None
    finally:
        stop.set()
        other.join()
