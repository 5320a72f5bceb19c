"""The real CLI: Anki export (.apkg opened with sqlite3), CSV/TSV export and import."""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile


def notes_in(apkg, tmp_path):
    with zipfile.ZipFile(apkg) as package:
        assert "collection.anki2" in package.namelist()
        target = tmp_path / f"{apkg.stem}.anki2"
        target.write_bytes(package.read("collection.anki2"))
    conn = sqlite3.connect(target)
    try:
        return conn.execute("SELECT guid, flds, tags FROM notes ORDER BY guid").fetchall()
    finally:
        conn.close()


def test_anki_export_holds_every_note_with_stable_guids(cli, tmp_path, db_path, seeded_db):
    first = tmp_path / "all.apkg"
    result = cli("export", "anki", "-o", str(first))
    assert result.returncode == 0, result.stderr
    notes = notes_in(first, tmp_path)
    assert len(notes) == 18
    fields = [row[1].split("\x1f") for row in notes]
    assert any("What is the mathematical basis" in f[0] and "数学依据" in f[1] for f in fields)
    assert any(row[2].strip() == "qcat.theory" for row in notes)

    second = tmp_path / "again.apkg"
    assert cli("export", "anki", "-o", str(second)).returncode == 0
    assert [row[0] for row in notes_in(second, tmp_path)] == [row[0] for row in notes]

    pitch = tmp_path / "pitch.apkg"
    assert cli("export", "anki", "--deck", "Pitch", "-o", str(pitch)).returncode == 0
    assert len(notes_in(pitch, tmp_path)) == 5


def test_anki_export_escapes_user_text(cli, tmp_path, store):
    deck = store.cards.add_deck("Mine")
    store.cards.add(deck.id, "<b>[red]x[/]</b>\x1b[2J", back="a\nb")
    store.close()
    out = tmp_path / "mine.apkg"
    assert cli("export", "anki", "--deck", "Mine", "-o", str(out)).returncode == 0
    (fields,) = [row[1].split("\x1f") for row in notes_in(out, tmp_path)]
    assert fields[0] == "&lt;b&gt;[red]x[/]&lt;/b&gt;␛[2J" and fields[2] == "a<br>b"


def test_anki_export_bad_arguments(cli, tmp_path, seeded_db):
    wrong = cli("export", "anki", "--deck", "No such deck", "-o", str(tmp_path / "x.apkg"))
    assert wrong.returncode == 2 and "no deck named" in wrong.stderr and "Pitch" in wrong.stderr
    assert cli("export", "anki", "-o", str(tmp_path / "x.zip")).returncode == 2
    missing_dir = cli("export", "anki", "-o", str(tmp_path / "nope" / "x.apkg"))
    assert missing_dir.returncode == 2 and "no such folder" in missing_dir.stderr


def test_cards_round_trip_through_tsv(cli, tmp_path, store):
    deck = store.cards.add_deck("Mine")
    card = store.cards.add(deck.id, "[red]Why?[/]", "为什么？", back="one\ntwo\tthree", category_key="qcat.theory")
    store.cards.set_suspended(card.id, True)
    store.close()
    exported = tmp_path / "cards.tsv"
    result = cli("export", "cards", "--deck", "Mine", "-o", str(exported))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(exported.read_text("utf-8")), delimiter="\t"))
    assert rows == [{"deck": "Mine", "category": "qcat.theory", "front": "[red]Why?[/]", "front_zh": "为什么？",
                     "back": "one\ntwo\tthree", "suspended": "1"}]
    other_db = tmp_path / "other.db"
    imported = cli("import", "cards", str(exported), "--db", str(other_db))
    assert imported.returncode == 0, imported.stderr
    assert "imported 1 cards" in imported.stdout
    again = cli("import", "cards", str(exported), "--db", str(other_db))
    assert "imported 0 cards; 1 already present" in again.stdout

    from paperdeck.store import open_store

    other = open_store(other_db)
    try:
        (copy,) = other.cards.search("[red]Why")
        assert (copy.front, copy.back, copy.suspended, copy.category_key) == ("[red]Why?[/]", "one\ntwo\tthree", True, "qcat.theory")
    finally:
        other.close()


def test_csv_import_reports_bad_rows_by_line_and_skips_them(cli, tmp_path, seeded_db):
    source = tmp_path / "in.csv"
    source.write_text(
        "deck,front,front_zh,back,suspended\n"
        "Mine,Good one,,points,no\n"          # line 2
        "Mine,,,only a back,0\n"              # line 3: empty question
        "Mine,too,few\n"                      # line 4: wrong field count
        'Mine,"multi\nline 🙂",,x,yes\n'       # lines 5-6
        "Mine,bad flag,,x,maybe\n"            # line 7
        "Mine,中文问题,问题,,\n",               # line 8
        encoding="utf-8",
    )
    result = cli("import", "cards", str(source))
    assert result.returncode == 1
    assert "imported 3 cards" in result.stdout and "3 malformed rows skipped" in result.stdout
    assert "line 3: the question is empty" in result.stderr
    assert "line 4: expected 5 fields, found 3" in result.stderr
    assert "line 7: suspended must be" in result.stderr


def test_csv_import_refuses_unusable_files(cli, tmp_path, seeded_db):
    assert "no such file" in cli("import", "cards", str(tmp_path / "missing.csv")).stderr
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    result = cli("import", "cards", str(empty))
    assert result.returncode == 1 and "empty.csv: (file): the file is empty" in result.stderr
    no_question = tmp_path / "nq.csv"
    no_question.write_text("deck,back\nx,y\n")
    assert "no 'front'" in cli("import", "cards", str(no_question)).stderr
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"\x00\x01garbage\xff")
    refused = cli("import", "cards", str(binary))
    assert refused.returncode == 2 and "bin.csv: not a text file" in refused.stderr
