"""Every CLI argument, and every stored text the CLI prints, against the hostile table.

The argument matrix walks the real parser, so a command added later is covered without
editing this file. It runs the CLI in-process for speed (hundreds of runs); a sample runs as
a real subprocess too. Each run must end with a message or a result, never a traceback, and
no user text may reach the terminal with a raw control character.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import pytest

from hostile import HOSTILE, argv_safe, raw_controls
from paperdeck.cli.main import build_parser, main

SKIP_OPTIONS = {"-h", "--help", "--version"}


def leaf_parsers(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    """(command path, parser) for every runnable command, nested ones (import bib) included."""
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subparsers:
        yield prefix, parser
        return
    if prefix == ():
        yield prefix, parser  # `paperdeck` alone starts the app
    for name, child in subparsers[0].choices.items():
        yield from leaf_parsers(child, (*prefix, name))


def argument_cases() -> list[tuple[tuple[str, ...], str]]:
    """(command path, the option string or positional dest to feed) for each value-taking argument."""
    cases = []
    for path, parser in leaf_parsers(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction) or action.nargs == 0:
                continue
            if set(action.option_strings) & SKIP_OPTIONS:
                continue
            target = action.option_strings[-1] if action.option_strings else action.dest
            if target == "--db" and path != ("info",):
                continue  # the same shared option on every command: fed once
            cases.append((path, target))
    return cases


def build_argv(path: tuple[str, ...], target: str, value: str, db: Path) -> list[str]:
    parser = dict(leaf_parsers(build_parser()))[path]
    argv = list(path)
    for action in parser._actions:
        if action.option_strings or isinstance(action, argparse._SubParsersAction):
            continue
        if action.dest == target:
            argv.append(value)
        elif action.nargs not in ("?", "*"):
            argv.append("1")  # a plain value for the other required positionals
    if target.startswith("-"):
        argv += [f"{target}={value}"] if target.startswith("--") else [target, value]
    if target != "--db":
        argv += ["--db", str(db)]
    return argv


def run_in_process(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.BytesIO(), io.BytesIO()
    streams = [io.TextIOWrapper(buffer, encoding="utf-8", write_through=True) for buffer in (out, err)]
    saved = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr, sys.stdin = streams[0], streams[1], io.StringIO("")
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse's own refusals
        code = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        sys.stdout, sys.stderr, sys.stdin = saved
        captured = [buffer.getvalue().decode("utf-8") for buffer in (out, err)]
        for stream in streams:
            stream.detach() if not stream.closed else None
    return code, captured[0], captured[1]


def problems_of(code: int, stdout: str, stderr: str) -> list[str]:
    found = []
    if code not in (0, 1, 2):
        found.append(f"exit {code}")
    if code != 0 and not stderr.strip():
        found.append("failed without a message")
    for name, stream in (("stdout", stdout), ("stderr", stderr)):
        if raw_controls(stream):
            found.append(f"raw control characters on {name}: {raw_controls(stream)}")
    return found


@pytest.fixture
def work_db(seeded_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # arguments taken as file names land here
    return seeded_db


@pytest.mark.parametrize(("path", "target"), argument_cases(), ids=lambda v: "-".join(v) if isinstance(v, tuple) else v)
def test_every_argument_answers_every_hostile_value(path, target, work_db):
    failures = []
    for name, value in HOSTILE.items():
        if not argv_safe(value):
            continue
        argv = build_argv(path, target, value, work_db)
        try:
            code, stdout, stderr = run_in_process(argv)
        except Exception as error:  # a crash: what this suite exists to catch
            failures.append(f"{name}: crashed with {type(error).__name__}: {str(error)[:200]}")
            continue
        failures += [f"{name}: {problem}" for problem in problems_of(code, stdout, stderr)]
    assert not failures, f"paperdeck {' '.join(path)} {target}:\n" + "\n".join(failures)


def test_the_matrix_covers_the_commands():
    covered = {case[0] for case in argument_cases()}
    for command in [("backup",), ("restore",), ("today",), ("snippet",), ("import", "bib")]:
        assert command in covered


@pytest.mark.parametrize("name", ["osc52-clipboard", "huge"])
def test_sample_as_a_real_subprocess(name, work_db, cli):
    value = HOSTILE[name]
    for argv in (["restore", value], ["snippet", value], ["import", "bib", value], ["backup", "-o", value + "/x"]):
        result = cli(*argv, "--db", str(work_db))
        assert result.returncode in (1, 2) and "Traceback" not in result.stderr, (argv[0], result.stderr[:300])
        assert not raw_controls(result.stdout + result.stderr), (argv[0], result.stderr[:300])
