"""Help is laid out to the terminal's width ($COLUMNS, else the terminal, else 80), as
argparse's own formatter lays it out (cli/main.py measures it without shutil)."""

from __future__ import annotations

from conftest import run_cli


def _help(*args: str, columns: str) -> str:
    result = run_cli(*args, "--help", env={"COLUMNS": columns})
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_help_follows_columns():
    for args in ((), ("today",), ("config", "set")):
        narrow, wide = _help(*args, columns="50"), _help(*args, columns="200")
        assert len(narrow.splitlines()) > len(wide.splitlines()), args
        assert " ".join(narrow.split()) == " ".join(wide.split()), args  # the same words, wrapped


def test_help_without_a_terminal_or_columns_is_80_wide():
    for args in ((), ("today",)):
        assert _help(*args, columns="") == _help(*args, columns="80") != _help(*args, columns="120")
