"""The CLI as a subprocess: --help/--version/--db on every command, bad database files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from paperdeck import __version__
from paperdeck.cli.main import build_parser


def _command_names() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)


# `paperdeck NAME --help` and `NAME --version` for every command, through the real entry point
# in one real subprocess (a process per command only repeated Python's start-up).
HELP_AND_VERSION = """
import contextlib, io, json, sys
from paperdeck.cli.main import main

answers = {}
for name in json.loads(sys.argv[1]):
    for flag in ("--help", "--version"):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main([name, flag])
            except SystemExit as exit_:
                code = exit_.code
        answers[f"{name} {flag}"] = [code, out.getvalue(), err.getvalue()]
print(json.dumps(answers))
"""


@pytest.fixture(scope="module")
def help_and_version(tmp_path_factory) -> dict[str, list]:
    env = {**os.environ, "HOME": str(tmp_path_factory.mktemp("home")), "PAPERDECK_DB": "/nonexistent/paperdeck.db"}
    done = subprocess.run([sys.executable, "-c", HELP_AND_VERSION, json.dumps(_command_names())],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("name", _command_names())
def test_every_command_has_help_version_and_db(name, help_and_version):
    code, out, err = help_and_version[f"{name} --help"]
    assert code == 0, err
    assert "--db" in out
    code, out, err = help_and_version[f"{name} --version"]
    assert code == 0, err
    assert __version__ in out


def test_info_json_reports_paths_schema_and_counts(cli, tmp_path):
    db = tmp_path / "custom.db"
    result = cli("info", "--json", "--db", str(db))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["database"] == str(db)
    assert data["schema_version"] >= 1
    assert data["counts"]["venues"] >= 12
    assert data["counts"]["guide_items"] > 50


def test_db_option_before_the_command_and_env_var(cli, tmp_path):
    db = tmp_path / "a.db"
    result = cli("--db", str(db), "info", "--json")
    assert json.loads(result.stdout)["database"] == str(db)
    env_db = tmp_path / "env.db"
    result = cli("info", "--json", env={"PAPERDECK_DB": str(env_db)})
    assert json.loads(result.stdout)["database"] == str(env_db)


@pytest.mark.parametrize("content", [b"just some notes\n", b"\x00\x01garbage" * 50])
def test_a_file_that_is_not_a_paperdeck_database(cli, tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    result = cli("info", "--db", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and "Traceback" not in result.stderr
    assert path.read_bytes() == content


def test_an_unwritable_location_gets_a_message(cli, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = cli("today", "--db", str(blocker / "deeper" / "p.db"))
    assert result.returncode == 2
    assert "cannot create" in result.stderr and "Traceback" not in result.stderr


def test_app_refuses_to_start_without_a_terminal(cli):
    result = cli()
    assert result.returncode == 2
    assert "terminal" in result.stderr


def test_default_database_lives_in_the_user_data_dir(cli, tmp_path, monkeypatch):
    result = cli("info", "--json", env={"PAPERDECK_DB": ""})
    data = json.loads(result.stdout)
    assert data["database"].startswith(str(tmp_path / "home" / "data"))
    assert data["database"].endswith("paperdeck.db")


def test_a_new_database_starts_with_the_guides_example_papers(cli, tmp_path):
    db = str(tmp_path / "fresh.db")
    listed = cli("list", "--json", "--db", db, env={"PAPERDECK_NO_SAMPLES": ""})
    titles = {row["title"] for row in json.loads(listed.stdout)}
    assert "Reward-Aware Prompt Optimization for LLM Alignment" in titles
    empty = cli("list", "--json", "--db", str(tmp_path / "empty.db"), env={"PAPERDECK_NO_SAMPLES": "1"})
    assert json.loads(empty.stdout) == []
