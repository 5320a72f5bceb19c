"""The real CLI: Anki export (.apkg opened with sqlite3), CSV/TSV export and import."""

from __future__ import annotations

import csv
import json
import io
import sqlite3
import zipfile

import pytest


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
    assert any(row[2].strip() == "Theory_and_mechanism" for row in notes)  # a human tag, not a key

    second = tmp_path / "again.apkg"
    assert cli("export", "anki", "-o", str(second)).returncode == 0
    assert [row[0] for row in notes_in(second, tmp_path)] == [row[0] for row in notes]

    pitch = tmp_path / "pitch.apkg"
    assert cli("export", "anki", "--deck", "Pitch", "-o", str(pitch)).returncode == 0
    assert len(notes_in(pitch, tmp_path)) == 5


def _collection(apkg, tmp_path):
    with zipfile.ZipFile(apkg) as package:
        target = tmp_path / f"{apkg.stem}.anki2"
        target.write_bytes(package.read("collection.anki2"))
    return sqlite3.connect(target)


def test_anki_export_carries_the_schedule_and_review_log(cli, tmp_path, store):
    from datetime import datetime, timedelta, timezone

    deck = store.cards.add_deck("Progress")
    store.cards.add_deck("Empty deck")
    when = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
    card = store.cards.add(deck.id, "Reviewed twice", now=when)
    store.cards.add(deck.id, "Never reviewed", now=when)
    for rating, at in ((3, when), (3, when + timedelta(minutes=10))):  # Good, Good: graduates
        card = store.cards.get(card.id)
        outcome = store.cards.preview(card, at)[rating]
        store.cards.record_review(card, outcome, reviewed_at=at, duration_ms=4200)
    card = store.cards.get(card.id)
    interval_days = (card.due - card.last_review).days
    assert card.state == 2 and interval_days >= 1
    store.close()

    out = tmp_path / "progress.apkg"
    result = cli("export", "anki", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "with 2 reviews" in result.stderr
    conn = _collection(out, tmp_path)
    try:
        decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
        names = {d["name"] for d in decks.values()}
        assert "paperdeck::Progress" in names and "paperdeck::Empty deck" not in names
        rows = conn.execute(
            "SELECT n.flds, c.type, c.queue, c.due, c.ivl, c.reps, c.data, c.id FROM cards c "
            "JOIN notes n ON n.id = c.nid WHERE n.flds LIKE 'Reviewed twice%' OR n.flds LIKE 'Never%'"
        ).fetchall()
        by_front = {row[0].split("\x1f")[0]: row for row in rows}
        reviewed, fresh = by_front["Reviewed twice"], by_front["Never reviewed"]
        crt = conn.execute("SELECT crt FROM col").fetchone()[0]
        assert reviewed[1:3] == (2, 2)          # a review card in the review queue
        assert reviewed[4] == interval_days and reviewed[5] == 2
        due_day = (card.due - datetime.fromtimestamp(crt, timezone.utc)).days
        assert abs(reviewed[3] - due_day) <= 1  # the day number Anki counts from col.crt
        memory = json.loads(reviewed[6])
        assert memory["s"] == pytest.approx(card.stability, abs=1e-3) and memory["dr"] == 0.9
        assert fresh[1:3] == (0, 0)
        log = conn.execute("SELECT ease, ivl, lastIvl, time, type FROM revlog WHERE cid = ? ORDER BY id",
                           (reviewed[7],)).fetchall()
        assert log == [(3, -600, 0, 4200, 0), (3, interval_days, -600, 4200, 0)]
    finally:
        conn.close()


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
    assert "imported 1 card" in imported.stdout
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


ANKI_NOTES = (
    "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n"
    "a1b2c3\tBasic\tML::Interview\tWhat is <b>KL</b> divergence?\tA &amp; B<br>asymmetric\tml theory\n"
    "d4e5f6\tBasic\tML::Interview\t\"Tab\tinside\"\t\"two\nlines\"\t\n"
    "g7h8i9\tBasic\tML::Interview\t\tonly a back\t\n"
)


def exported_rows(cli, tmp_path, deck):
    out = tmp_path / f"{len(list(tmp_path.iterdir()))}.csv"
    result = cli("export", "cards", "--deck", deck, "-o", str(out), "--raw")
    assert result.returncode == 0, result.stderr
    return [(row["front"], row["front_zh"], row["back"]) for row in csv.DictReader(io.StringIO(out.read_text("utf-8")))]


def test_ankis_plain_text_export_imports_with_its_headers(cli, tmp_path):
    notes = tmp_path / "anki notes.txt"
    notes.write_text(ANKI_NOTES, "utf-8")
    result = cli("import", "cards", str(notes), "--json")
    assert result.returncode == 1, result.stderr  # 1: a note was skipped, and said so
    plan = json.loads(result.stdout)
    assert plan["files"][0]["format"] == "anki" and plan["added"] == 2
    assert plan["summary"].startswith("imported 2 cards;")
    assert [p["line"] for p in plan["files"][0]["problems"]] == [10]  # the note with no question
    assert exported_rows(cli, tmp_path, "ML::Interview") == [
        ("What is KL divergence?", "", "A & B\nasymmetric"),
        ("Tab\tinside", "", "two\nlines"),
    ]


def test_paperdecks_apkg_fields_come_back_through_ankis_text_export(cli, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("#separator:Semicolon\n#html:false\n#columns:Front;FrontZh;Back;Category\n"
                     "#deck:paperdeck::Travel\nWhy?;为什么？;because;Theory\n", "utf-8")
    result = cli("import", "cards", str(notes))
    assert result.returncode == 0, result.stderr
    assert "imported 1 card;" in result.stdout + result.stderr
    assert exported_rows(cli, tmp_path, "Travel") == [("Why?", "为什么？", "because")]
