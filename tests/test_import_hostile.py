"""Hostile import files, through the real CLI: each gives one line naming the file and the entry,
the command ends at once, and what could be imported is (bounded inputs: no test takes long)."""

from __future__ import annotations

import os

import pytest

from paperdeck.domain.safe_yaml import MAX_DEPTH, YamlRefused, load
from paperdeck.domain.trackers import parse_text


def alias_bomb(levels: int = 12) -> str:
    """The "billion laughs": each level nine aliases of the one before (9**12 strings expanded)."""
    lines = ['- title: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        lines.append(f"  l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    lines.append(f"  year: *l{levels - 1}")
    return "\n".join(lines) + "\n"


def test_the_alias_bomb_is_refused_before_any_value_is_built():
    result = parse_text(alias_bomb(), "bomb.yml")
    [problem] = result.problems
    assert problem.entry == "(file)" and "YAML alias" in problem.message and "line 1" in problem.message
    assert result.deadlines == []
    with pytest.raises(YamlRefused):
        load("a: &x 1\nb: *x\n")  # even one alias: tracker files have none


def test_deep_nesting_and_huge_numbers_are_one_problem_each():
    deep = parse_text("[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5), "deep.yml")
    assert [p.message for p in deep.problems] == [f"not imported: it is nested more than {MAX_DEPTH} levels deep (line 1)"]
    huge = parse_text("- title: X\n  year: " + "9" * 5000 + "\n", "huge.yml")
    assert len(huge.problems) == 1 and "a value cannot be read" in huge.problems[0].message
    assert load("[[1, 2], {a: [3]}]") == [[1, 2], {"a": [3]}]


def one_line_about(result, *names: str) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert all(name in lines[0] for name in names), lines[0]
    assert "Traceback" not in result.stderr
    return lines[0]


def test_files_that_are_not_files(cli, tmp_path, db_path):
    fifo = tmp_path / "pipe.bib"
    os.mkfifo(fifo)
    # The check runs before open: a FIFO without a writer would otherwise block forever.
    line = one_line_about(result := cli("import", "bib", str(fifo)), str(fifo), "named pipe")
    assert result.returncode == 2 and line.startswith("paperdeck: ")
    assert cli("import", "deadlines", "/dev/zero").returncode == 2
    one_line_about(cli("import", "cards", "/dev/zero"), "/dev/zero", "is a device")
    one_line_about(cli("import", "cards", str(tmp_path)), str(tmp_path), "is a folder")
    big = tmp_path / "big.csv"
    with open(big, "wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)
    one_line_about(result := cli("import", "cards", str(big)), "big.csv", "larger than 20 MB")
    assert result.returncode == 2
    assert not db_path.exists()  # refused before the database is even opened


def test_one_refused_file_stops_the_whole_import(cli, tmp_path):
    good = tmp_path / "good.yml"
    good.write_text("- title: GoodConf\n  year: 2027\n  deadline: '2027-02-01 23:59'\n  timezone: AoE\n", "utf-8")
    result = cli("import", "deadlines", str(good), str(tmp_path / "missing.yml"), "/dev/zero")
    assert result.returncode == 2
    assert [line.split(": ", 2)[2] for line in result.stderr.strip().splitlines()] == ["no such file", "is a device, not a regular file; not opened"]
    assert "GoodConf" not in cli("deadlines", "--all").stdout


def test_the_alias_bomb_through_the_cli(cli, tmp_path):
    bomb = tmp_path / "bomb.yml"
    bomb.write_text(alias_bomb(), "utf-8")
    result = cli("import", "deadlines", str(bomb))
    assert result.returncode == 1
    one_line_about(result, "bomb.yml: (file): not imported: it uses a YAML alias")


def test_a_200k_character_field_is_its_rows_problem_and_the_rest_import(cli, tmp_path):
    source = tmp_path / "long.csv"
    source.write_text(
        "deck,front,back\n"
        f'Mine,"{"x" * 200_000}",points\n'    # line 2
        "Mine,After the long one,ok\n"         # line 3
        "Mine,And another,ok\n",               # line 4
        encoding="utf-8",
    )
    result = cli("import", "cards", str(source))
    assert result.returncode == 1
    one_line_about(result, "long.csv: line 2: front is too long (200,000 characters; at most 2,000)")
    assert "imported 2 cards" in result.stdout
    listed = cli("export", "cards", "--deck", "Mine").stdout
    assert "After the long one" in listed and "And another" in listed


def test_an_unclosed_quote_is_reported_where_it_opens(cli, tmp_path):
    source = tmp_path / "quote.csv"
    source.write_text('front,back\nGood,ok\n"Broken,starts here\nswallowed,row\n', encoding="utf-8")
    result = cli("import", "cards", str(source))
    one_line_about(result, "quote.csv: line 3: a quoted field opens here and never closes; lines 3-4 not imported")
    assert "imported 1 card" in result.stdout
