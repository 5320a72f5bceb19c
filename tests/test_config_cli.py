"""`paperdeck config` as a subprocess: round trips, every kind of bad value, and the value
reaching the other commands and the running app."""

from __future__ import annotations

import asyncio
import json
import sqlite3

from hostile import raw_controls
from setting_samples import SAMPLES

from paperdeck.domain.settings import CATALOGUE

# One setting of each kind: text, zone, whole, percent, date, keymap, flag, choice, number.
ROUND_TRIP = ["my_name", "timezone", "today_days", "desired_retention", "interview_date", "keymap",
              "clipboard_osc52", "language", "words_per_minute"]


def config(cli, db_path, *args):
    return cli("config", *args, "--db", str(db_path))


def listed(cli, db_path) -> dict[str, object]:
    result = config(cli, db_path, "list", "--json")
    assert result.returncode == 0, result.stderr
    return {row["key"]: row["value"] for row in json.loads(result.stdout)}


def test_list_shows_every_setting_with_its_default(cli, db_path):
    text = config(cli, db_path, "list")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert [line.split("=")[0].strip() for line in lines] == [spec.key for spec in CATALOGUE]
    assert "timezone             = system" in lines and "desired_retention    = 0.9" in lines
    rows = json.loads(config(cli, db_path, "list", "--json").stdout)
    assert all(row["is_default"] and row["label_zh"] and row["label_en"] and row["accepts"] for row in rows)


def test_set_then_get_and_list_round_trip(cli, db_path):
    for key in ROUND_TRIP:
        _value, text = SAMPLES[key]
        result = config(cli, db_path, "set", key, text)
        assert result.returncode == 0, (key, result.stderr)
        assert result.stdout.startswith(f"{key} = ")
    values = listed(cli, db_path)
    assert values["my_name"] == "Si Li" and values["timezone"] == "Asia/Shanghai"
    assert values["today_days"] == 60 and values["desired_retention"] == 0.85
    assert values["interview_date"] == "2026-12-15" and values["language"] == "zh"
    assert values["keymap"] == {"help": "f1", "pitch.copy": "f9,ctrl+y"}
    assert values["clipboard_osc52"] is False and values["words_per_minute"] == 100
    shown = config(cli, db_path, "get", "keymap")
    assert shown.stdout == "help=f1; pitch.copy=f9,ctrl+y\n"
    # What `get` prints, `set` takes back unchanged.
    again = config(cli, db_path, "set", "keymap", shown.stdout.strip())
    assert again.returncode == 0 and listed(cli, db_path)["keymap"] == values["keymap"]


def test_json_in_and_out(cli, db_path):
    result = config(cli, db_path, "set", "keymap", '{"pitch.copy": "f9"}', "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"keymap": {"pitch.copy": "f9"}}
    assert json.loads(config(cli, db_path, "get", "keymap", "--json").stdout) == {"pitch.copy": "f9"}
    assert config(cli, db_path, "set", "interview_date", "null", "--json").returncode == 0
    assert config(cli, db_path, "get", "interview_date").stdout == "none\n"


def test_bad_values_are_refused_in_one_line_with_status_2(cli, db_path):
    before = listed(cli, db_path)
    cases = [
        (("set", "today_days", "many"), "today_days must be a whole number from 1 to 3660, not 'many'"),
        (("set", "today_days", "true", "--json"), "today_days must be a whole number from 1 to 3660, not true"),
        (("set", "day_rollover_hour", "24"), "day_rollover_hour must be a whole number from 0 to 23, not 24"),
        (("set", "desired_retention", "50%"), "desired_retention must be a number from 0.7 to 0.99"),
        (("set", "time_zone", "UTC"), "unknown setting 'time_zone'; did you mean timezone?"),
        (("get", "no_such_key"), "unknown setting 'no_such_key'"),
        (("set", "timezone", "Mars/Olympus"), "timezone must be a time zone"),
        (("set", "new_cards_per_day", ""), "new_cards_per_day needs a value"),
        (("set", "wip_limit", "\x1b[2J\x07"), "wip_limit must be a whole number from 0 to 999, not '\\x1b[2J\\x07'"),
        (("set", "my_name", "x" * 100_000), "my_name is too long (100000 characters; at most 200)"),
        (("set", "stalled_days", "9" * 100_000), "stalled_days is too long (100000 characters)"),
        (("set", "keymap", "[[[", "--json"), "keymap: the value is not JSON"),
        (("set", "language", "fr"), "language must be one of zh, en, or auto, not 'fr'"),
    ]
    for args, message in cases:
        result = config(cli, db_path, *args)
        assert result.returncode == 2, (args[:2], result.stdout, result.stderr)
        assert result.stdout == "" and "Traceback" not in result.stderr
        assert result.stderr.startswith(f"paperdeck: {message}"), (args[:2], result.stderr)
        assert result.stderr.count("\n") == 1 and len(result.stderr) < 400, args[:2]
        assert not raw_controls(result.stderr)
    missing = config(cli, db_path, "set", "today_days")
    assert missing.returncode == 2 and "VALUE" in missing.stderr
    assert listed(cli, db_path) == before  # nothing of a refused value was saved


def test_reset_puts_a_setting_back_to_its_default(cli, db_path):
    assert config(cli, db_path, "set", "today_days", "90").returncode == 0
    result = config(cli, db_path, "reset", "today_days")
    assert result.returncode == 0 and result.stdout == "today_days = 30\n"
    assert listed(cli, db_path)["today_days"] == 30
    refused = config(cli, db_path, "reset", "today_dayz")
    assert refused.returncode == 2 and "did you mean today_days" in refused.stderr


def test_control_characters_in_text_are_stored_and_shown_visible(cli, db_path, store):
    name = "Li\x1b[2J\x07 [red]x[/] 李"
    result = config(cli, db_path, "set", "my_name", name)
    assert result.returncode == 0, result.stderr
    assert store.settings.load().my_name == name  # stored exactly as typed
    for output in (result.stdout, config(cli, db_path, "get", "my_name").stdout, config(cli, db_path, "list").stdout):
        assert "Li␛[2J␇ [red]x[/] 李" in output and not raw_controls(output)
    assert json.loads(config(cli, db_path, "get", "my_name", "--json").stdout) == name


def test_invalid_stored_values_read_as_defaults_everywhere(cli, db_path, store):
    with store.transaction() as conn:
        conn.executemany("INSERT INTO settings(key, value) VALUES (?, ?)",
                         [(spec.key, '{"not a binding id": "f1"}') for spec in CATALOGUE])
    values = listed(cli, db_path)
    assert values == {spec.key: spec.to_json(spec.default) for spec in CATALOGUE}
    for argv in (("today",), ("today", "--json"), ("deadlines",), ("snippet",)):
        result = cli(*argv, "--db", str(db_path))
        assert result.returncode in (0, 1) and "Traceback" not in result.stderr, (argv, result.stderr[-300:])


def test_other_commands_read_the_new_value(cli, db_path):
    assert json.loads(cli("today", "--json", "--db", str(db_path)).stdout)["days"] == 30
    assert config(cli, db_path, "set", "today_days", "45").returncode == 0
    assert json.loads(cli("today", "--json", "--db", str(db_path)).stdout)["days"] == 45


async def test_the_running_app_reads_a_value_set_from_the_cli(cli, db_path, store):
    from paperdeck.models.papers import Stage
    from paperdeck.tui.app import PaperdeckApp

    store.papers.add("Alpha", Stage.IDEATION)
    store.papers.add("Beta", Stage.IDEATION)
    app = PaperdeckApp(store, start_screen="pipeline")  # watching the file, as a user runs it
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        column = app.screen.column(Stage.IDEATION)
        assert not column.has_class("-over-limit")
        result = await asyncio.to_thread(config, cli, db_path, "set", "wip_limit", "1")
        assert result.returncode == 0, result.stderr
        for _ in range(300):  # the watcher notices the commit and the board re-reads
            if column.has_class("-over-limit"):
                break
            await pilot.pause(0.02)
        assert "2/1" in str(column.border_title) and column.has_class("-over-limit")


def test_sqlite_sees_plain_json(db_path, cli):
    assert config(cli, db_path, "set", "interview_date", "2026-12-15").returncode == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT value FROM settings WHERE key = 'interview_date'").fetchone() == ('"2026-12-15"',)
