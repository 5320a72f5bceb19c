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


def test_edit_sets_the_papers_own_facts_that_its_deck_asks_about(cli, db_path):
    import json

    from paperdeck.store.store import open_store

    added = json.loads(cli("add", "Bare paper", "--json").stdout)
    result = cli("edit", str(added["id"]), "--method", "reward-aware prompt sampling", "--baseline", "PPO, DPO",
                 "--dataset", "UltraFeedback")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"#{added['id']} Bare paper: method set; baseline set; dataset set"
    shown = cli("show", str(added["id"]))
    assert "method: reward-aware prompt sampling" in shown.stdout and "baseline: PPO, DPO" in shown.stdout
    store = open_store(db_path)
    try:
        deck, count, _ = store.cards.generate_paper_deck(store.papers.get(added["id"]))
        assert deck is not None and count == 7  # the method, baseline and data templates
    finally:
        store.close()
    cleared = cli("edit", str(added["id"]), "--dataset", "")
    assert "dataset cleared" in cleared.stdout
    assert "dataset:" not in cli("show", str(added["id"])).stdout
    for bad, message in ((["--result", "better"], "--result: give the result with its numbers"),
                         (["--method", "a\nb"], "--method: the method must be one line"), ([], "nothing to change")):
        refused = cli("edit", str(added["id"]), *bad)
        assert refused.returncode == 2 and message in refused.stderr
    assert "no paper with id 999" in cli("edit", "999", "--method", "x").stderr
