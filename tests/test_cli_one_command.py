"""`paperdeck COMMAND` builds only COMMAND's parser (start-up speed): the map behind it is
complete, and what it parses, and every error it words, is what the full parser gives."""

from __future__ import annotations

import argparse
import contextlib
import io
import pkgutil
from importlib import import_module

import pytest

from paperdeck.cli import commands as commands_package
from paperdeck.cli.main import COMMAND_MODULES, _command_module, build_parser, parse_args


def _registered(module_name: str) -> set[str]:
    parser = build_parser([module_name])
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(action.choices)


def test_every_command_is_mapped_to_the_module_that_registers_it():
    modules = sorted(info.name for info in pkgutil.iter_modules(commands_package.__path__))
    found = {name: module for module in modules for name in _registered(module)}
    assert found == COMMAND_MODULES
    for module in modules:
        import_module(f"{commands_package.__name__}.{module}")


def _full(argv: list[str]):
    """(namespace or None, exit code, stdout, stderr) from the full parser."""
    return _outcome(lambda: build_parser().parse_args(argv))


def _lazy(argv: list[str]):
    return _outcome(lambda: parse_args(argv))


def _outcome(parse):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            return vars(parse()), None, out.getvalue(), err.getvalue()
        except SystemExit as exit_:
            return None, exit_.code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv", [
    [], ["today"], ["today", "--json", "--days", "7"], ["--db", "/tmp/x.db", "today"], ["--db=/tmp/x.db", "today"],
    ["--screen", "venues"], ["run", "--screen", "pitch"], ["list"], ["--db", "list", "today"],
    ["config", "get", "language"], ["import", "bib", "a.bib"], ["export", "ics", "--all"],
    # errors: worded by the full parser, exit status 2
    ["today", "--days", "x"], ["today", "--bogus"], ["tday"], ["--screen", "nowhere"], ["config"],
    ["import"], ["import", "nothing"], ["--bogus"], ["today", "\x1b[31mred"],
    # help and version
    ["--help"], ["-h", "today"], ["today", "--help"], ["--version"], ["today", "--version"],
])
def test_one_command_parse_is_the_full_parse(argv):
    assert _lazy(argv) == _full(argv)


def test_the_command_is_the_first_word_after_the_options():
    assert _command_module(["--db", "today", "list"]) == "papers"
    assert _command_module(["--screen", "venues"]) == "run"
    assert _command_module(["today", "--help"]) == "today"
    assert _command_module(["--help", "today"]) is None
    assert _command_module(["nothing"]) is None
