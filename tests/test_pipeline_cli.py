"""`paperdeck add | list | move | show` as real subprocesses."""

from __future__ import annotations

import json


def test_add_list_move_show_round_trip(cli, seeded_db):
    added = cli("add", "Sparse [bold]attention[/] 稀疏", "--venue", "ICLR", "--year", "2027", "--stage", "writing", "--json")
    assert added.returncode == 0, added.stderr
    paper = json.loads(added.stdout)
    assert {key: paper[key] for key in ("title", "stage", "venue", "year")} == {
        "title": "Sparse [bold]attention[/] 稀疏", "stage": "writing", "venue": "iclr", "year": 2027,
    }
    moved = cli("move", str(paper["id"]), "UNDER REVIEW")
    assert moved.returncode == 0 and "Writing -> Under review" in moved.stdout
    rows = json.loads(cli("list", "--stage", "under_review", "--json").stdout)
    assert [(row["id"], row["title"], row["stage"], row["venue"], row["year"]) for row in rows] == [
        (paper["id"], "Sparse [bold]attention[/] 稀疏", "under_review", "iclr", 2027),
    ]
    everything = json.loads(cli("list", "--json").stdout)
    assert {"id", "title", "stage", "venue", "year"} <= set(everything[0])
    shown = json.loads(cli("show", str(paper["id"]), "--json").stdout)
    assert [step["to"] for step in shown["history"]] == ["writing", "under_review"]
    text = cli("show", str(paper["id"])).stdout
    assert "Sparse [bold]attention[/] 稀疏" in text and "Under review" in text


def test_bad_arguments_get_a_message_and_status_2(cli, seeded_db):
    for args, message in [
        (("move", "1", "nowhere"), "unknown stage 'nowhere'"),
        (("move", "9999", "writing"), "no paper with id 9999"),
        (("show", "9999"), "no paper with id 9999"),
        (("show", "abc"), "paper id must be a number"),
        (("list", "--stage", "limbo"), "unknown stage"),
        (("add", "x", "--year", "20245"), "four digits"),
        (("add", "   "), "title is required"),
        (("add", "x", "--venue", "NoSuchConf"), "unknown venue"),
    ]:
        result = cli(*args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert message in result.stderr, (args, result.stderr)


def test_control_characters_are_refused_or_shown_harmlessly(cli, store):
    refused = cli("add", "evil \x1b[2J title")
    assert refused.returncode == 2 and "control characters" in refused.stderr
    store.papers.add("imported \x1b[2J title")  # e.g. from an old import: stored as is
    listing = cli("list").stdout
    assert "\x1b" not in listing and "␛[2J" in listing
