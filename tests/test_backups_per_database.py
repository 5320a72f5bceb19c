"""Issue 14, "Backups per database": two databases in one folder, a clock once set to 2030, a
symlinked backups folder, backups of another database. Real files, the real CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from paperdeck.paths import backups_dir, backups_root
from paperdeck.store import DatabaseCorrupt, open_store
from paperdeck.store.backup import backup_store, list_backups

CLI_CLOCK = Path(__file__).with_name("cli_clock.py")


def make_db(path: Path, title: str) -> Path:
    store = open_store(path)
    store.papers.add(title)
    store.close()
    return path


def titles(path: Path) -> list[str]:
    store = open_store(path, seed=False)
    try:
        return [paper.title for paper in store.papers.all()]
    finally:
        store.close()


def garble(path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    data = path.read_bytes()
    middle = len(data) // 2
    path.write_bytes(data[:middle] + bytes((i * 37 + 11) % 256 for i in range(8192)) + data[middle + 8192:])


def at_times(steps: list[tuple[str, list[list[str]]]]) -> list[list[dict]]:
    """Run CLI commands in-process at frozen instants (tests/cli_clock.py), TZ=UTC."""
    payload = json.dumps([{"now": now, "commands": commands} for now, commands in steps])
    result = subprocess.run([sys.executable, str(CLI_CLOCK), payload], capture_output=True, text=True,
                            timeout=300, env={**os.environ, "TZ": "UTC"})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def two_databases(tmp_path):
    return make_db(tmp_path / "personal.db", "personal paper"), make_db(tmp_path / "work.db", "work paper")


def test_each_database_backs_up_into_its_own_folder(two_databases, cli):
    personal, work = two_databases
    for db in (personal, work):
        assert cli("backup", "--db", str(db)).returncode == 0
    assert {b.path.parent for b in list_backups(personal)} == {backups_dir(personal)}
    assert {b.path.parent for b in list_backups(work)} == {backups_dir(work)}
    assert backups_dir(personal) != backups_dir(work)
    assert backups_dir(personal).parent == backups_dir(work).parent == backups_root(personal)


def test_a_damaged_database_is_offered_only_its_own_backup(two_databases, cli):
    personal, work = two_databases
    store = open_store(personal)
    own = backup_store(store)
    store.close()
    assert cli("backup", "--db", str(work)).returncode == 0  # newer, of the other database
    garble(personal)
    with pytest.raises(DatabaseCorrupt) as caught:
        open_store(personal)
    assert caught.value.backup is not None and caught.value.backup.path == own
    result = cli("list", "--db", str(personal))
    assert result.returncode == 2 and str(own) in result.stderr and "work" not in result.stderr


def test_another_databases_backup_moved_in_is_not_offered_nor_restored_unasked(two_databases, cli):
    personal, work = two_databases
    store = open_store(personal)
    own = backup_store(store)
    store.close()
    store = open_store(work)
    theirs = backup_store(store)
    store.close()
    intruder = backups_dir(personal) / "paperdeck-29991231-235959.db"  # newest by name
    shutil.copy(theirs, intruder)
    data = personal.read_bytes()
    garble(personal)
    with pytest.raises(DatabaseCorrupt) as caught:
        open_store(personal)
    assert caught.value.backup is not None and caught.value.backup.path == own

    personal.write_bytes(data)  # sound again: an explicit restore of the other one is refused
    refused = cli("restore", str(theirs), "--db", str(personal))
    assert refused.returncode == 2 and "another database" in refused.stderr
    assert titles(personal) == ["personal paper"]
    forced = cli("restore", str(theirs), "--db", str(personal), "--force")
    assert forced.returncode == 0, forced.stderr
    assert titles(personal) == ["work paper"]


def test_pruning_counts_only_the_databases_own_backups(two_databases):
    personal, work = two_databases
    steps = [(f"2026-03-{day:02d}T09:00:00+00:00", [["config", "set", "backups_kept", "2", "--db", str(work)],
                                                    ["today", "--db", str(work)]]) for day in range(1, 6)]
    steps.append(("2026-03-06T09:00:00+00:00", [["today", "--db", str(personal)]]))
    at_times(steps)
    assert len(list_backups(work)) == 2
    assert len(list_backups(personal)) == 1


def test_a_clock_once_in_2030_does_not_prune_correctly_dated_backups(tmp_path):
    db = make_db(tmp_path / "paperdeck.db", "p")
    setting = ["config", "set", "backups_kept", "3", "--db", str(db)]
    future = [(f"2030-01-{day:02d}T09:00:00+00:00", [setting, ["today", "--db", str(db)]]) for day in range(1, 5)]
    at_times(future)
    assert [b.taken_at.year for b in list_backups(db)] == [2030, 2030, 2030]

    today = at_times([("2026-03-02T09:00:00+00:00", [["today", "--db", str(db)]])])
    assert today[0][0]["status"] == 0
    kept = list_backups(db)
    assert any(b.taken_at.year == 2026 for b in kept), "the backup just made survives its own pruning"
    assert len(kept) == 3

    # Days later, correctly dated backups outrank the 2030 ones, which go first.
    at_times([(f"2026-03-{day:02d}T09:00:00+00:00", [["today", "--db", str(db)]]) for day in range(3, 6)])
    assert sorted(b.taken_at.day for b in list_backups(db)) == [3, 4, 5]
    assert {b.taken_at.year for b in list_backups(db)} == {2026}


@pytest.mark.parametrize("linked", ["root", "own-folder"])
def test_a_symlinked_backups_folder_is_refused(linked, tmp_path, cli):
    db = make_db(tmp_path / "paperdeck.db", "p")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o755)
    unrelated = elsewhere / "paperdeck-20200101-000000.db"  # looks like a backup: must survive
    unrelated.write_bytes(b"not mine")
    os.chmod(elsewhere, 0o755)
    if linked == "root":
        backups_root(db).symlink_to(elsewhere)
    else:
        backups_root(db).mkdir()
        backups_dir(db).symlink_to(elsewhere)

    daily = cli("list", "--db", str(db))  # the day's automatic backup: a warning, the command works
    assert daily.returncode == 0 and "symbolic link" in daily.stderr and "p" in daily.stdout
    manual = cli("backup", "--db", str(db))
    assert manual.returncode == 2 and "symbolic link" in manual.stderr
    assert len(manual.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in elsewhere.iterdir()) == [unrelated.name]
    assert unrelated.read_bytes() == b"not mine"
    assert oct(elsewhere.stat().st_mode & 0o777) == "0o755"  # never chmod-ed through the link


def test_backups_of_the_shared_folder_are_listed_never_pruned_nor_offered(tmp_path, cli):
    db = make_db(tmp_path / "paperdeck.db", "p")
    backups_root(db).mkdir()
    old = backups_root(db) / "paperdeck-20200101-000000.db"
    shutil.copy(db, old)
    listing = cli("backup", "--list", "--db", str(db))
    assert listing.returncode == 0 and "older backups" in listing.stdout and old.name in listing.stdout
    garble(db)
    with pytest.raises(DatabaseCorrupt) as caught:
        open_store(db)
    assert caught.value.backup is None
    assert old.exists()
