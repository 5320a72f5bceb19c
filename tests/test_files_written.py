"""Issue 14, "Files written" and "Output": every `-o` through the real CLI, real files in tmp_path.

Each `-o` refuses the database, its -wal/-shm and its backups (by name and by hard link), an
existing file without --force, a symbolic link (never written through), FIFOs and devices
(refused before opening, so no test can hang); a write replaces the file whole or not at all.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from paperdeck.store import open_store

# Every command with -o, and the data it writes; the file name fits the format.
WRITERS = {
    "ics": ("export", "ics"),
    "cards": ("export", "cards"),
    "anki": ("export", "anki"),
    "backup": ("backup",),
}


def target_name(kind: str, stem: str = "out") -> str:
    return f"{stem}.apkg" if kind == "anki" else f"{stem}.db" if kind == "backup" else f"{stem}.{kind}"


@pytest.fixture
def database(db_path):
    store = open_store(db_path)
    store.papers.add("A paper that must survive")
    store.close()
    return db_path


def run(cli, kind: str, *args: str):
    return cli(*WRITERS[kind], *args)


def database_is_intact(db_path: Path) -> bool:
    store = open_store(db_path, seed=False)
    try:
        return [paper.title for paper in store.papers.all()] == ["A paper that must survive"]
    finally:
        store.close()


# Every writer against the database and a backup; every spelling of them against one writer
# (the rule is one function: these show each command goes through it, and what it catches).
PROTECTED_CASES = [(kind, spelling) for kind in WRITERS for spelling in ("db", "backup")] + [
    ("ics", spelling) for spelling in ("db-dotted", "wal", "shm", "hard-link")]


@pytest.mark.parametrize(("kind", "spelling"), PROTECTED_CASES)
def test_the_database_its_companions_and_backups_are_never_an_output(kind, spelling, cli, database, tmp_path):
    assert cli("backup").returncode == 0  # one backup to aim at
    (backup,) = (database.parent / "backups" / database.name).glob("paperdeck-*.db")
    before = backup.read_bytes()
    if spelling == "hard-link":
        os.link(database, tmp_path / "alias.db")
    target = {
        "db": str(database), "db-dotted": str(tmp_path / "." / database.name),
        "wal": f"{database}-wal", "shm": f"{database}-shm",
        "hard-link": str(tmp_path / "alias.db"), "backup": str(backup),
    }[spelling]
    if kind == "anki" and not target.endswith(".apkg"):
        result = run(cli, kind, "-o", target, "--force")
        assert result.returncode == 2  # refused for its suffix already; the rest is shown below
    result = run(cli, kind, "-o", target, "--force")
    assert result.returncode == 2, result.stdout
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert database_is_intact(database)
    assert backup.read_bytes() == before


@pytest.mark.parametrize("kind", WRITERS)
def test_an_existing_file_needs_force_and_is_replaced_whole(kind, cli, database, tmp_path):
    target = tmp_path / target_name(kind)
    target.write_bytes(b"keep me")
    refused = run(cli, kind, "-o", str(target))
    assert refused.returncode == 2 and "exists; add --force" in refused.stderr
    assert target.read_bytes() == b"keep me"

    forced = run(cli, kind, "-o", str(target), "--force")
    assert forced.returncode == 0, forced.stderr
    assert target.read_bytes() != b"keep me" and target.stat().st_size > 100
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]  # no temp file left


@pytest.mark.parametrize("kind", WRITERS)
def test_a_new_file_is_written(kind, cli, database, tmp_path):
    target = tmp_path / target_name(kind, "fresh")
    result = run(cli, kind, "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.is_file() and target.stat().st_size > 100


@pytest.mark.parametrize("kind", WRITERS)
@pytest.mark.parametrize("force", [False, True])
def test_a_symbolic_link_is_never_written_through(kind, force, cli, database, tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("the link's target")
    link = tmp_path / target_name(kind, "link")
    link.symlink_to(elsewhere)
    result = run(cli, kind, "-o", str(link), *(["--force"] if force else []))
    assert result.returncode == 2 and "symbolic link" in result.stderr
    assert elsewhere.read_text() == "the link's target" and link.is_symlink()


def test_a_link_to_the_database_is_refused(cli, database, tmp_path):
    link = tmp_path / "calendar.ics"
    link.symlink_to(database)
    result = cli("export", "ics", "-o", str(link), "--force")
    assert result.returncode == 2
    assert database_is_intact(database)


@pytest.mark.parametrize(("kind", "what"), [(kind, "fifo") for kind in WRITERS] + [
    ("ics", "device"), ("cards", "folder"), ("backup", "missing-folder")])
def test_fifos_devices_and_folders_are_refused_before_opening(kind, what, cli, database, tmp_path):
    if what == "fifo":
        target = tmp_path / target_name(kind, "pipe")
        os.mkfifo(target)
    elif what == "device":
        target = Path("/dev/null")
    elif what == "folder":
        target = tmp_path / target_name(kind, "folder")
        target.mkdir()
    else:
        target = tmp_path / "no-such-folder" / target_name(kind)
    result = run(cli, kind, "-o", str(target), "--force")  # cli() has a timeout: a hang fails
    assert result.returncode == 2, result.stdout
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    if what == "device":
        assert oct(os.stat("/dev/null").st_mode & 0o777) == "0o666"


def test_a_hostile_file_name_is_shown_escaped(cli, database, tmp_path):
    name = tmp_path / "x\x1b]52;c;aGk=\x07.ics"
    name.write_text("old")
    result = cli("export", "ics", "-o", str(name))
    assert result.returncode == 2 and "\x1b" not in result.stderr and "␛]52" in result.stderr


def test_ics_to_standard_output_with_a_dash(cli, database):
    result = cli("export", "ics", "-o", "-")
    assert result.returncode == 0 and result.stdout.startswith("BEGIN:VCALENDAR")


# -- Output: CSV for spreadsheets and terminals --------------------------------------------------

HOSTILE_FRONTS = {
    "formula": ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
    "plus": ("+1+1", "'+1+1"),
    "minus": ("-2+3", "'-2+3"),
    "at": ("@SUM(A1)", "'@SUM(A1)"),
    "escape": ("clear\x1b[2J screen", "clear␛[2J screen"),
    "osc52": ("x\x1b]52;c;aGVsbG8=\x07y", "x␛]52;c;aGVsbG8=␇y"),
    "plain": ("What is attention?", "What is attention?"),
    "inner-minus": ("a - b", "a - b"),
}


@pytest.fixture
def hostile_cards(store):
    deck = store.cards.add_deck("Hostile")
    for front, _ in HOSTILE_FRONTS.values():
        store.cards.add(deck.id, front, back="=cmd|' /C calc'!A0")
    store.close()


def exported_fronts(text: str) -> dict[str, str]:
    rows = list(csv.DictReader(io.StringIO(text)))
    return {row["front"]: row["back"] for row in rows}


def test_csv_to_a_pipe_neutralises_formulas_and_controls(cli, hostile_cards):
    result = cli("export", "cards", "--deck", "Hostile")  # stdout is a pipe (`| head`)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    fronts = exported_fronts(result.stdout)
    assert set(fronts) == {shown for _, shown in HOSTILE_FRONTS.values()}
    assert set(fronts.values()) == {"'=cmd|' /C calc'!A0"}


def test_csv_raw_gives_the_text_as_stored(cli, hostile_cards):
    result = cli("export", "cards", "--deck", "Hostile", "--raw")
    assert result.returncode == 0, result.stderr
    assert set(exported_fronts(result.stdout)) == {stored for stored, _ in HOSTILE_FRONTS.values()}


def test_neutralised_csv_imports_back_to_the_same_text(cli, hostile_cards, tmp_path):
    exported = tmp_path / "cards.csv"
    assert cli("export", "cards", "--deck", "Hostile", "-o", str(exported)).returncode == 0
    text = exported.read_text(encoding="utf-8").replace("Hostile", "Again")
    exported.write_text(text, encoding="utf-8")
    assert cli("import", "cards", str(exported)).returncode == 0
    store = open_store(os.environ["PAPERDECK_DB"])
    try:
        deck = store.cards.find_deck("Again")
        fronts = {card.front for card in store.cards.search(deck_id=deck.id)}
    finally:
        store.close()
    # Formulas come back as typed; control characters stay visible (never raw again).
    expected = {stored if "\x1b" not in stored else shown for stored, shown in HOSTILE_FRONTS.values()}
    assert fronts == expected


def test_csv_to_a_terminal_shows_stand_ins_even_raw(tmp_path, hostile_cards):
    """A real terminal (a pty): even --raw never writes a stored ESC to it."""
    import pty
    import subprocess
    import sys

    primary, secondary = pty.openpty()
    try:
        process = subprocess.run(
            [sys.executable, "-m", "paperdeck.cli.main", "export", "cards", "--deck", "Hostile", "--raw"],
            stdout=secondary, stderr=subprocess.PIPE, timeout=120,
        )
        os.close(secondary)
        secondary = -1
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # EIO: the terminal's other end is closed and drained
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(primary)
        if secondary >= 0:
            os.close(secondary)
    assert process.returncode == 0, process.stderr
    shown = b"".join(chunks).decode("utf-8")
    assert "\x1b" not in shown and "␛[2J" in shown


def test_a_200k_category_is_its_rows_problem_and_the_rest_import(cli, tmp_path):
    """CSV fields up to the file's cap parse; a field too long for its column is its row's problem."""
    source = tmp_path / "long.csv"
    source.write_text("deck,category,front,back\n"
                      f"Mine,{'c' * 200_000},Q1,A1\n"
                      "Mine,,Q2,A2\n", encoding="utf-8")
    result = cli("import", "cards", str(source))
    assert result.returncode == 1
    assert "line 2: category is too long (200,000 characters" in result.stderr
    assert "imported 1 card" in result.stdout
