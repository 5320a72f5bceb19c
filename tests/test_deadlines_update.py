"""`paperdeck deadlines update` against a local HTTP server on 127.0.0.1 (http.server in a thread)
serving the shared tracker files in the ccfddl and Hugging Face repository layouts: conditional
requests (304 Not Modified), a venue a tracker does not list (404), a timeout, a malformed file,
and offline. No test here reaches the internet: every run names both trackers' addresses."""

from __future__ import annotations

import json

import pytest
from tracker_server import ICML_2027, hf_file, server  # noqa: F401 - the fixture


def update(cli, server, *args: str):
    _, ccf, hf = server
    return cli("deadlines", "update", "--source", f"ccfddl={ccf}", "--source", f"hf={hf}", *args)


def test_the_followed_venues_are_read_then_not_modified(cli, server):
    tracker = server[0]
    assert cli("add", "A paper", "--venue", "ICML", "--year", "2027").returncode == 0
    first = update(cli, server, "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["venues"] == ["icml"]  # followed: targeted by a paper (nothing starred yet)
    assert {(r["tracker"], r["path"], r["outcome"]) for r in report["reads"]} == {
        ("ccfddl", "conference/AI/icml.yml", "ok"), ("hf", "src/data/conferences/icml.yml", "ok")}
    # The second run asks conditionally, is told 304, and reads nothing new.
    again = update(cli, server)
    assert again.returncode == 0, again.stderr
    assert "nothing new since the last update" in again.stdout
    assert "ccfddl: 1 read (1 unchanged since the last update)" in again.stdout
    conditional = [r for r in tracker.requests if r[0].endswith("/icml.yml") and r[1]]
    assert {r[2] for r in conditional} == {"304"} and len(conditional) == 2


def test_a_new_deadline_replaces_its_estimate_and_says_so(cli, server):
    assert cli("add", "A paper", "--venue", "ICML", "--year", "2027", "--stage", "writing").returncode == 0
    before = json.loads(cli("show", "1", "--json").stdout)["target"]["deadline"]
    assert before["is_estimate"] and before["kind"] == "abstract"
    icml = hf_file(server, "icml.yml")
    icml.write_text(icml.read_text("utf-8") + ICML_2027, "utf-8")
    result = update(cli, server)
    assert result.returncode == 0, result.stderr
    said = before["when"][8:10]
    assert f"ICML 2027 Paper Submission announced: 22 Jan 23:59 AoE (estimate said " in result.stdout
    assert f"ICML 2027 Abstract Submission announced: 15 Jan 23:59 AoE (estimate said {int(said):02d} Jan)" \
        in result.stdout
    after = json.loads(cli("show", "1", "--json").stdout)["target"]["deadline"]
    assert not after["is_estimate"] and after["when"] == "2027-01-16T11:59:59Z"
    # One undo entry takes the whole update back.
    assert cli("import", "undo").returncode == 0
    assert json.loads(cli("show", "1", "--json").stdout)["target"]["deadline"]["is_estimate"]


def test_a_venue_a_tracker_does_not_list_is_a_404_not_an_error(cli, server):
    tracker = server[0]
    assert cli("add", "A paper", "--venue", "COLM", "--year", "2027").returncode == 0  # not in ccfddl's AI folder
    result = update(cli, server, "--venue", "COLM", "--venue", "ICLR")
    assert result.returncode == 0, result.stderr
    assert "ccfddl: 1 read; not listed there: colm" in result.stdout
    assert "Hugging Face ai-deadlines: 2 read" in result.stdout
    misses = [r for r in tracker.requests if "colm" in r[0] and r[0].startswith("/ccf/")]
    assert misses and {r[2] for r in misses} == {"404"}


def test_a_timeout_is_retried_once_then_reported_and_the_rest_imported(cli, server):
    tracker = server[0]
    tracker.hang.add("/hf/src/data/conferences/icml.yml")
    result = update(cli, server, "--venue", "ICML", "--timeout", "0.5", "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert "timed out" in report["unreachable"]["hf"]
    assert [r["tracker"] for r in report["reads"]] == ["ccfddl"]  # ccfddl's file was still read and planned
    assert report["plan"] is not None and not report["ok"]


def test_a_malformed_file_is_reported_and_read_in_full_next_time(cli, server):
    tracker = server[0]
    hf_file(server, "iclr.yml").write_text("- title: ICLR\n  year: [unclosed\n", "utf-8")
    result = update(cli, server, "--venue", "ICLR")
    assert result.returncode == 1
    assert "iclr.yml: (file): not valid YAML" in result.stderr
    update(cli, server, "--venue", "ICLR")
    broken = [r for r in tracker.requests if r[0] == "/hf/src/data/conferences/iclr.yml"]
    assert [r[1] for r in broken] == ["", ""]  # never asked conditionally: it was not imported


def test_offline_is_one_line_exit_1_and_nothing_changed(cli, db_path):
    assert cli("add", "A paper", "--venue", "ICML", "--year", "2027").returncode == 0
    before = cli("deadlines", "--all", "--json").stdout
    result = cli("deadlines", "update", "--source", "ccfddl=http://127.0.0.1:9/", "--source", "hf=http://127.0.0.1:9/")
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("paperdeck: cannot reach the trackers") and "nothing changed" in result.stderr
    assert cli("deadlines", "--all", "--json").stdout == before


def test_a_dry_run_changes_nothing_and_keeps_no_validators(cli, server):
    tracker = server[0]
    icml = hf_file(server, "icml.yml")
    icml.write_text(icml.read_text("utf-8") + ICML_2027, "utf-8")
    before = cli("deadlines", "--all", "--json").stdout
    result = update(cli, server, "--venue", "ICML", "--dry-run")
    assert result.returncode == 0 and "(dry run)" in result.stdout and "announced" in result.stdout
    assert cli("deadlines", "--all", "--json").stdout == before
    update(cli, server, "--venue", "ICML", "--dry-run")
    assert not [r for r in tracker.requests if r[1]]  # nothing was kept to ask conditionally with


@pytest.mark.parametrize(("args", "message"), [
    (["--source", "ftp=http://x/"], "--source takes ccfddl=URL or hf=URL"),
    (["--source", "hf=file:///etc/passwd"], "an http(s) address is needed"),
    (["--timeout", "0"], "--timeout must be between"),
    (["--venue", "NoSuchVenue", "--source", "hf=none", "--source", "ccfddl=none"], "unknown venue 'NoSuchVenue'"),
])
def test_bad_arguments_are_one_line(cli, args, message):
    result = cli("deadlines", "update", *args)
    assert result.returncode == 2 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_with_nothing_followed_it_says_how_to_follow(cli):
    result = cli("deadlines", "update", "--source", "hf=none", "--source", "ccfddl=none")
    assert result.returncode == 1 and "you follow no venue yet" in result.stderr
