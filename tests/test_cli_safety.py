"""Issue 14, "CLI" and the database path: every case through the real CLI (a subprocess, with a
timeout: a FIFO that hung would fail the test, not stall it), real files in tmp_path.

Every refusal is one line on stderr, exit status 2, no traceback, no raw control character.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from hostile import raw_controls
from paperdeck.store import open_store


def one_line_refusal(result, *needles: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and not raw_controls(result.stderr)
    for needle in needles:
        assert needle in result.stderr, result.stderr


@pytest.fixture
def one_paper(db_path):
    store = open_store(db_path)
    store.papers.add("A paper")
    store.close()
    return db_path


# -- ids -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("argv", [
    ["move", "999999999999999999999999", "writing"],
    ["show", "9" * 400],
    ["show", "9223372036854775808"],        # 2**63: one past SQLite's largest integer
    ["show", "²"],                            # a digit to str.isdigit, not to int()
    ["show", "-1"],
    ["move", "1e5", "writing"],
    ["snippet", "99999999999999999999999999"],
], ids=lambda argv: " ".join(argv)[:40])
def test_ids_out_of_range_or_not_numbers_are_one_line(argv, cli, one_paper):
    result = cli(*argv)
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not raw_controls(result.stderr)


def test_the_largest_id_is_a_not_found(cli, one_paper):
    one_line_refusal(cli("show", "9223372036854775807"), "9223372036854775807")


# -- TZ --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("zone", ["UTC+24", "UTC-24", "XYZ+99", "Foo/Bar", "Mars/Olympus_Mons", "garbage\x1b[2J", "UTC+",
                                  "../../etc/passwd"])
def test_an_unusable_tz_falls_back_to_utc_with_one_warning(zone, cli, one_paper):
    for argv in (["today"], ["deadlines", "--json"]) if zone == "UTC+24" else (["today"],):
        result = cli(*argv, env={"TZ": zone})
        assert result.returncode == 0, result.stderr
        assert result.stderr.count("\n") == 1 and "using UTC" in result.stderr
        assert "Traceback" not in result.stderr and not raw_controls(result.stderr)


@pytest.mark.parametrize("zone", ["Europe/Berlin", "UTC", "JST-9", "<+0530>-5:30", "CET-1CEST,M3.5.0,M10.5.0/3",
                                  "EST5EDT", ":Asia/Shanghai"])
def test_a_usable_tz_gives_no_warning(zone, cli, one_paper):
    result = cli("today", env={"TZ": zone})
    assert result.returncode == 0 and result.stderr == "", result.stderr


# -- argparse --------------------------------------------------------------------------------------

@pytest.mark.parametrize("argv", [
    ["lst"],
    ["list", "--foo", "\x1b]52;c;aGVsbG8=\x07"],
    ["today", "--days", "x\x1b[2J"],
    ["move"],
    ["export"],
    ["export", "ics", "--venue"],
    ["snippet", "--format", "pdf\x9b31m"],
    ["list", "x" * 5000],
], ids=lambda argv: repr(argv)[:40])
def test_usage_errors_are_one_line_with_controls_escaped(argv, cli, one_paper):
    result = cli(*argv)
    one_line_refusal(result, "--help")
    assert len(result.stderr) < 700


# -- the database path -----------------------------------------------------------------------------

def test_dev_null_as_database_is_refused_and_never_chmod_ed(cli):
    before = stat.S_IMODE(os.stat("/dev/null").st_mode)
    one_line_refusal(cli("list", "--db", "/dev/null"), "device")
    assert stat.S_IMODE(os.stat("/dev/null").st_mode) == before


@pytest.mark.parametrize("kind", ["fifo", "folder"])
@pytest.mark.parametrize("argv", [["list"], ["add", "x"], ["backup"], ["restore", "{path}"]])
def test_a_fifo_or_folder_as_database_is_refused_before_opening(kind, argv, cli, tmp_path):
    path = tmp_path / "special"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    args = [arg.format(path=path) for arg in argv]
    one_line_refusal(cli(*args, "--db", str(path)), "FIFO" if kind == "fifo" else "folder")


def test_restore_from_a_fifo_is_refused_before_opening(cli, one_paper, tmp_path):
    pipe = tmp_path / "pipe.db"
    os.mkfifo(pipe)
    one_line_refusal(cli("restore", str(pipe)), "FIFO")


# -- a read-only database --------------------------------------------------------------------------

READING = [["list"], ["today"], ["show", "1"], ["deadlines"], ["info"], ["export", "ics"], ["export", "cards"],
           ["snippet", "--format", "md"], ["backup"], ["backup", "--list"], ["config", "list"]]
WRITING = [["add", "another"], ["move", "1", "writing"], ["config", "set", "language", "en"]]


@pytest.fixture
def read_only_db(one_paper):
    os.chmod(one_paper, 0o400)
    yield one_paper
    os.chmod(one_paper, 0o600)


@pytest.mark.parametrize("argv", READING, ids=" ".join)
def test_reading_commands_open_a_read_only_database_read_only(argv, cli, read_only_db):
    before = read_only_db.read_bytes()
    result = cli(*argv)
    assert result.returncode in (0, 1), result.stderr  # snippet: 1 = nothing on the resume yet
    assert "Traceback" not in result.stderr and "read-only" not in result.stderr
    assert read_only_db.read_bytes() == before
    assert stat.S_IMODE(read_only_db.stat().st_mode) == 0o400  # never chmod-ed back to 0600


@pytest.mark.parametrize("argv", WRITING, ids=" ".join)
def test_writing_commands_refuse_a_read_only_database_in_one_line(argv, cli, read_only_db):
    before = read_only_db.read_bytes()
    one_line_refusal(cli(*argv), "read-only")
    assert read_only_db.read_bytes() == before
    assert stat.S_IMODE(read_only_db.stat().st_mode) == 0o400


def test_a_backup_of_a_read_only_database_is_a_sound_copy(cli, read_only_db, tmp_path):
    target = tmp_path / "copy.db"
    result = cli("backup", "-o", str(target))
    assert result.returncode == 0, result.stderr
    store = open_store(target, seed=False)
    try:
        assert [paper.title for paper in store.papers.all()] == ["A paper"]
    finally:
        store.close()


def test_a_read_only_database_in_a_read_only_folder_as_another_user(tmp_path):
    """True permissions, not only mode bits: run the CLI as `nobody` (needs root and setpriv)."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv to run as another user")
    folder = Path(tempfile.mkdtemp(prefix="pd-ro-"))
    try:
        db = folder / "shared.db"
        store = open_store(db)
        store.papers.add("Readable by all")
        store.close()
        for suffix in ("-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        os.chmod(db, 0o444)
        os.chmod(folder, 0o555)
        src = Path(__file__).resolve().parents[1] / "src"
        result = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
             sys.executable, "-m", "paperdeck.cli.main", "list", "--db", str(db)],
            capture_output=True, text=True, timeout=120,
            env={"PATH": os.environ["PATH"], "HOME": str(folder), "PYTHONPATH": str(src), "LANG": "C.UTF-8"},
        )
        assert result.returncode == 0, result.stderr
        assert "Readable by all" in result.stdout and result.stderr == ""
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)


# -- schema drift ----------------------------------------------------------------------------------

REBUILD_SETTINGS = """
CREATE TABLE settings_new (key TEXT PRIMARY KEY, value TEXT NOT NULL, owner TEXT NOT NULL);
INSERT INTO settings_new SELECT key, value, 'me' FROM settings;
DROP TABLE settings;
ALTER TABLE settings_new RENAME TO settings;
"""

DRIFTS = {
    "dropped column": ("ALTER TABLE papers DROP COLUMN notes", "table papers has no column notes"),
    "renamed column": ("ALTER TABLE papers RENAME COLUMN title TO name", "table papers has no column title"),
    "renamed table": ("ALTER TABLE decks RENAME TO my_decks", "table decks is missing"),
    "dropped index": ("DROP INDEX deadlines_when", "index deadlines_when is missing"),
    "required column": (REBUILD_SETTINGS, "required column paperdeck does not fill: owner"),
}
HARMLESS = {
    "extra nullable column": "ALTER TABLE venues ADD COLUMN my_note TEXT",
    "extra table": "CREATE TABLE my_scratch (x)",
    "extra index": "CREATE INDEX my_index ON papers(title)",
}


def edit_by_hand(db: Path, script: str) -> None:
    conn = sqlite3.connect(db)
    try:
        conn.executescript(script)
    finally:
        conn.close()


@pytest.mark.parametrize("name", DRIFTS)
def test_schema_drift_is_one_line_naming_it(name, cli, one_paper):
    script, named = DRIFTS[name]
    edit_by_hand(one_paper, script)
    before = one_paper.read_bytes()
    for argv in (["list"], ["add", "x"]):
        one_line_refusal(cli(*argv), "changed outside paperdeck", named)
    assert one_paper.read_bytes() == before  # left untouched


@pytest.mark.parametrize("name", HARMLESS)
def test_harmless_hand_edits_still_open(name, cli, one_paper):
    edit_by_hand(one_paper, HARMLESS[name])
    result = cli("add", "after the edit")
    assert result.returncode == 0, result.stderr
    assert "after the edit" in cli("list").stdout
