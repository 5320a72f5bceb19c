"""Day one: a fresh database (with the guide's example papers) through the real CLI and app.

The nearest deadlines are listed even when none falls inside the horizon, the user's own
target first; a first-run hint in the guide's words; the user's papers by stage with their next
milestone; the guide's examples marked on the board and never listed as the user's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FROZEN_NOW

CLI_CLOCK = Path(__file__).with_name("cli_clock.py")
WITH_SAMPLES = {"PAPERDECK_NO_SAMPLES": "0", "TZ": "UTC"}


def at_now(*commands: list[str], now: str = FROZEN_NOW) -> list[dict]:
    """The real CLI's commands, in-process at a frozen instant (tests/cli_clock.py)."""
    payload = json.dumps([{"now": now, "commands": list(commands)}])
    result = subprocess.run([sys.executable, str(CLI_CLOCK), payload], capture_output=True, text=True,
                            timeout=300, env={**os.environ, **WITH_SAMPLES})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)[0]


def test_today_on_a_fresh_database_lists_the_nearest_deadlines_and_what_to_do_first(tmp_path):
    db = str(tmp_path / "fresh.db")
    text, data = at_now(["today", "--db", db], ["today", "--json", "--db", db])
    assert text["status"] == 0, text["stderr"]
    out = text["stdout"]
    # Nothing inside the 30-day horizon on 29 Nov 2026: the nearest ones past it, never nothing.
    assert "none in the next 30 days" in out
    later = out.split("Later (the nearest past 30 days)\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(later) >= 3, out
    summary = json.loads(data["stdout"])
    assert len(summary["deadlines"]) >= 3 and all(item["later"] for item in summary["deadlines"])
    # The first-run hint, in the guide's words (its first stage, its tasks, its preparation rule).
    assert "No paper of your own yet." in out
    assert "First step (Ideation): Read papers + Think about unsolved problems" in out
    assert "Recommended preparation time: at least 6-10 weeks" in out
    assert "The 2 papers marked “example” on the board are the guide's" in out
    # The guide's accepted examples are neither the user's papers nor their pitches.
    assert "Reward-Aware" not in out and "Quantization-Aware" not in out
    assert summary["mine"] == {"by_stage": [], "working": []}
    assert summary["first_run"]["examples"] == 2


def test_my_target_is_listed_first_even_past_the_horizon(tmp_path):
    db = str(tmp_path / "mine.db")
    added, text, data = at_now(
        ["add", "Sparse attention", "--venue", "ICML", "--year", "2027", "--stage", "Writing", "--db", db],
        ["today", "--db", db], ["today", "--json", "--db", db])
    assert added["status"] == 0, added["stderr"]
    out = text["stdout"]
    later = out.split("Later (the nearest past 30 days)\n", 1)[1].splitlines()
    assert later[0].startswith("  ★ ICML 2027"), out
    assert "No paper of your own yet." not in out
    # My papers: by stage, with the target's countdown and the next milestone the stage has not met.
    assert "My papers  1 writing" in out
    mine = json.loads(data["stdout"])["mine"]
    assert mine["by_stage"] == [["writing", 1]]
    (paper,) = mine["working"]
    assert paper["venue"] == "ICML 2027" and paper["countdown"].startswith("~")
    assert paper["next_en"] == "Draft by"  # not "Experiments done by": a Writing paper met that one


def test_snippet_leaves_the_guide_examples_out_and_list_marks_them(tmp_path):
    db = str(tmp_path / "fresh.db")
    listing, papers, data = at_now(["snippet", "--db", db], ["list", "--db", db], ["list", "--json", "--db", db])
    assert listing["status"] == 1
    assert "Reward-Aware" not in listing["stdout"]
    assert "no paper belongs on the resume yet" in listing["stderr"]
    assert papers["stdout"].count("(the guide's example, not yours)") == 2
    assert [row["example"] for row in json.loads(data["stdout"])] == [True, True]


@pytest.fixture
def with_examples(store, monkeypatch, frozen_clock, utc_zone):
    from paperdeck.store.seed import seed_all

    monkeypatch.setenv("PAPERDECK_NO_SAMPLES", "0")
    seed_all(store)
    assert sum(paper.is_example for paper in store.papers.all()) == 2
    return store


async def view_shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


def panel_text(app, panel_id: str) -> str:
    return "\n".join(str(option.prompt) for option in app.screen.query_one(panel_id).options)


async def test_dashboard_day_one_in_both_languages(with_examples):
    from paperdeck.tui.app import PaperdeckApp

    app = PaperdeckApp(with_examples, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        deadlines = panel_text(app, "#dash-deadlines")
        assert "None in the next 30 days" in deadlines and "Later (the nearest past 30 days)" in deadlines
        assert deadlines.count(" est.") >= 3
        mine = panel_text(app, "#dash-attention")
        assert app.screen.query_one("#dash-attention").border_title == "My papers"
        assert "No paper of your own yet." in mine and "Reward-Aware" not in mine
        assert "No paper far enough along to pitch" in panel_text(app, "#dash-pitch")
        await pilot.press("f2")
        await view_shown(pilot)
        assert "30 天内没有截止日期" in panel_text(app, "#dash-deadlines")
        assert "还没有你自己的论文。" in panel_text(app, "#dash-attention")
        assert "第一步（选题阶段）：阅读论文 + 思考未解决问题" in panel_text(app, "#dash-attention")


async def test_dashboard_horizon_key_changes_the_setting_and_the_list(with_examples):
    from paperdeck.tui.app import PaperdeckApp

    app = PaperdeckApp(with_examples, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("h")
        await pilot.pause()
        editor = app.screen
        field = editor.query_one("#setting-value")
        field.value = "0"
        await pilot.press("enter")
        await pilot.pause()
        assert "Deadline horizon (days) must be" in str(editor.query_one("#setting-error").render())
        assert with_examples.settings.load().today_days == 30  # nothing saved
        field.value = "60"
        await pilot.press("enter")
        await pilot.pause()
        await view_shown(pilot)
        assert with_examples.settings.load().today_days == 60
        assert "next 60 days" in app.screen.query_one("#dash-deadlines").border_title
        deadlines = panel_text(app, "#dash-deadlines")
        assert "None in the next 60 days" not in deadlines  # IJCAI, ACL and ICML fall inside now


async def test_board_marks_the_examples_and_does_not_count_them(with_examples):
    from paperdeck.models.papers import Stage
    from paperdeck.tui.app import PaperdeckApp

    app = PaperdeckApp(with_examples, watch=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("2")
        await view_shown(pilot)
        column = app.screen.column(Stage.DECISION)
        assert str(column.border_title) == "Decision 0"  # the two examples are not the user's
        lines = [column.render_line(y).text for y in range(12)]
        assert sum("example · " in line for line in lines) == 2, lines
