"""`paperdeck deadlines`, `import deadlines` and `export ics` as real subprocesses."""

from __future__ import annotations

import json


from tests.test_deadline_import import _testdata



def test_deadlines_json_rows(cli, tmp_path, seeded_db):
    result = cli("deadlines", "--venue", "neurips", "--venue", "ICLR", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and {row["venue"] for row in rows} <= {"neurips", "iclr"}
    for row in rows:
        assert set(row) >= {"venue", "edition_year", "kind", "when", "timezone", "is_estimate"}
        if row["date_only"]:
            assert len(row["when"]) == 10
        else:
            assert row["when"].endswith("Z")
    every = json.loads(cli("deadlines", "--venue", "neurips", "--all", "--json").stdout)
    paper_2026 = next(r for r in every if r["edition_year"] == 2026 and r["kind"] == "paper")
    assert paper_2026 == {**paper_2026, "when": "2026-05-07T11:59:59Z", "timezone": "AoE", "is_estimate": False}


def test_deadlines_text_and_bad_arguments(cli, seeded_db):
    listed = cli("deadlines", "--all", "--venue", "icml")
    assert listed.returncode == 0 and "ICML 2026" in listed.stdout and "AoE" in listed.stdout
    unknown = cli("deadlines", "--venue", "\x1b[2J[red]nope")
    assert unknown.returncode == 2 and "no venue" in unknown.stderr and "\x1b" not in unknown.stderr
    assert cli("deadlines", "--days", "-3").returncode == 2


def test_import_counts_twice_and_force(cli, tmp_path, seeded_db):
    data = _testdata()
    files = [str(data / "ccf-deadlines" / "AI" / "acl.yml"), str(data / "huggingface-ai-deadlines" / "kdd.yml")]
    first = cli("import", "deadlines", *files, "--json")
    assert first.returncode == 1, first.stderr  # ACL 2027's "TBD" deadline is skipped
    summary = json.loads(first.stdout)
    acl, kdd = summary["files"]
    assert acl["format"] == "ccf-deadlines" and acl["skipped"] == 1
    assert acl["problems"][0]["entry"] == "ACL 2027 (acl27), timeline #1" and "TBD" in acl["problems"][0]["message"]
    assert kdd["added"] == 19 and kdd["venues_added"] == 1
    again = json.loads(cli("import", "deadlines", *files, "--json").stdout)
    assert (again["added"], again["updated"]) == (0, 0)
    text = cli("import", "deadlines", files[0])
    assert "0 added, 0 updated" in text.stdout and "TBD" in text.stderr and "acl.yml" in text.stderr
    # A newer file moves a date.
    newer = tmp_path / "kdd.yml"
    newer.write_text((data / "huggingface-ai-deadlines" / "kdd.yml").read_text("utf-8").replace(
        "2026-02-08 23:59:59", "2026-02-09 23:59:59"), "utf-8")
    moved = json.loads(cli("import", "deadlines", str(newer), "--json").stdout)
    assert moved["updated"] == 1 and moved["added"] == 0


def test_import_bad_files(cli, tmp_path, seeded_db):
    missing = cli("import", "deadlines", str(tmp_path / "none.yml"))
    assert missing.returncode == 2 and "none.yml: no such file" in missing.stderr
    garbage = tmp_path / "g.yml"
    garbage.write_text("just: a mapping\n", "utf-8")
    result = cli("import", "deadlines", str(garbage))
    assert result.returncode == 1 and "not a deadline list" in result.stderr


def test_export_ics_round_trip_with_stable_uids(cli, tmp_path, seeded_db):
    from icalendar import Calendar

    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert cli("export", "ics", "--all", "--reminders", "-o", str(first)).returncode == 0
    assert cli("export", "ics", "--all", "-o", str(second)).returncode == 0
    one, two = (Calendar.from_ical(p.read_bytes()) for p in (first, second))
    uids_one = [str(e["UID"]) for e in one.walk("VEVENT")]
    uids_two = [str(e["UID"]) for e in two.walk("VEVENT")]
    assert uids_one == uids_two and len(set(uids_one)) == len(uids_one) > 100
    events = {str(e["UID"]): e for e in one.walk("VEVENT")}
    paper = events["neurips-2026-paper-1@paperdeck"]
    start = paper.decoded("DTSTART")
    assert start.isoformat() == "2026-05-07T11:59:59+00:00"
    assert "DTSTAMP" in paper and b"DTSTART:20260507T115959Z" in first.read_bytes()
    assert [str(a["TRIGGER"].to_ical(), "ascii") if hasattr(a["TRIGGER"], "to_ical") else a["TRIGGER"]
            for a in paper.walk("VALARM")] == ["-P7D", "-P1D"]
    conference = events["neurips-2026-conference@paperdeck"]
    assert conference.decoded("DTSTART").isoformat() == "2026-12-06"
    assert conference.decoded("DTEND").isoformat() == "2026-12-13"  # the day after the last
    assert not list(two.walk("VALARM"))
    stdout = cli("export", "ics", "--venue", "iclr")
    assert stdout.returncode == 0 and stdout.stdout.startswith("BEGIN:VCALENDAR")
