"""safe_yaml builds plain data from the parser's events and anything else the composing way:
both must give the same value, or the same error, for every document."""

from __future__ import annotations

import pytest
import yaml

from paperdeck.domain import safe_yaml
from paperdeck.domain.safe_yaml import MAX_DEPTH, YamlRefused

# Each document either takes the event path or falls back; the value (or error) is the same.
DOCUMENTS = [
    "", "---\n", "# only a comment\n", "42\n", "'quoted'\n", "~\n", "[]\n", "{}\n",
    "- a\n- 1\n- 1.5\n- .inf\n- -.nan\n- yes\n- No\n- null\n- ~\n- 0x1F\n- 0o17\n- 1_000\n- 2026-05-01\n",
    "- 2026-05-01 23:59:59\n- '2026-05-01 23:59:59'\n- 2026-05-01T12:00:00+08:00\n- \"2026\"\n- 12:30:00\n",
    "a: 1\na: 2\nb: {c: [1, {d: e}], f: ''}\n",
    "? [1, 2]\n: complex key\n",
    "? {a: 1}\n: complex key\n",
    "base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n",
    "<<: {x: 1}\ny: 2\n",
    "'<<': quoted merge key\n",
    "= : value key\n",
    "a: &x 1\n",
    "a: &x 1\nb: *x\n",
    "a: *undefined\n",
    "s: !!str 3\n", "b: !!binary aGVsbG8=\n", "s: !!set {a, b}\n", "o: !!omap [a: 1, b: 2]\n",
    "t: !custom 1\n", "n: ! 12\n",
    "x: " + "9" * 5000 + "\n",
    "- one\n---\n- two\n",
    "a: [1, 2\n", "a: 'unclosed\n", "a:\n\tb: tab\n", "- a\n b: c\n",
    "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1),
    "[" * MAX_DEPTH + "]" * MAX_DEPTH,
    "[" * MAX_DEPTH + "1" + "]" * MAX_DEPTH,
    "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5),
    "text: |\n  two\n  lines\nfolded: >\n  one\n  line\n",
    "cjk: 截稿 🎉\nmarkup: '[red]x[/]'\nesc: \"\\e[31m\"\n",
    "null: 1\ntrue: 2\n3: three\n2026-01-01: day\n",
]


def outcome(load, text: str):
    try:
        return "value", load(text)
    except (yaml.YAMLError, YamlRefused) as error:
        return type(error).__name__, str(error)


@pytest.mark.parametrize("text", DOCUMENTS)
def test_both_paths_agree(text):
    expected = outcome(safe_yaml._load_composed, text)
    assert outcome(safe_yaml.load, text) == expected


def test_plain_tracker_files_take_the_event_path_and_agree():
    from test_deadline_import import _testdata

    files = sorted(_testdata().rglob("*.yml"))
    assert files
    for path in files:
        text = path.read_text("utf-8")
        assert safe_yaml._load_plain(text) == safe_yaml._load_composed(text), path


@pytest.mark.parametrize("text", ["a: &x 1\nb: *x\n", "s: !!str 3\n", "<<: {x: 1}\n", "? [1]\n: v\n",
                                  "[" * MAX_DEPTH + "]" * MAX_DEPTH, "x: " + "9" * 5000 + "\n", "a: [1\n"])
def test_what_the_event_path_hands_over(text):
    with pytest.raises(safe_yaml._NotPlain):
        safe_yaml._load_plain(text)
