"""Issue 14, "Output": a clipboard payload holds no control character but newline and tab, by
every route: pyperclip (xclip under Xvfb, read back with xclip), `snippet --copy`, and OSC 52
from the app in a real terminal (tmux keeps what OSC 52 sets in its paste buffer)."""

from __future__ import annotations

import json
import os

import pytest

from hostile import raw_controls
from paperdeck.clipboard import clipboard_payload, copy_to_system
from paperdeck.models.papers import Stage
from tmux_session import paperdeck_argv, tmux_factory  # noqa: F401  (fixture)
from xdisplay import read_clipboard, xvfb_display  # noqa: F401  (fixture)

# A title from a hostile .bib: ends bracketed paste, then a command and a newline (Enter).
PASTE_ESCAPE = "Nice title\x1b[201~ touch /tmp/pwned\r\n"
PAYLOADS = {
    "bracketed-paste-end": (PASTE_ESCAPE, "Nice title␛[201~ touch /tmp/pwned\n"),
    "osc52": ("x\x1b]52;c;aGVsbG8=\x07y", "x␛]52;c;aGVsbG8=␇y"),
    "c1-csi": ("a\x9b2Jb", "a\\u009b2Jb"),
    "bidi": ("abc\u202edcba", "abc\\u202edcba"),
    "nul-del": ("a\x00b\x7fc", "a␀b␡c"),
    "lone-cr": ("visible\rhidden", "visible\nhidden"),
    "kept": ("line one\n\tindented 论文 😀", "line one\n\tindented 论文 😀"),
}


@pytest.mark.parametrize("name", PAYLOADS)
def test_the_payload_keeps_newline_and_tab_only(name):
    given, expected = PAYLOADS[name]
    assert clipboard_payload(given) == expected
    assert not raw_controls(clipboard_payload(given))


@pytest.mark.parametrize("name", PAYLOADS)
def test_the_system_clipboard_gets_the_payload(name, xvfb_display):
    given, expected = PAYLOADS[name]
    assert copy_to_system(given) is None
    assert read_clipboard() == expected


def add_hostile_paper(store):
    paper = store.papers.add(PASTE_ESCAPE.strip("\n"), Stage.DECISION, venue_key="emnlp", target_year=2024,
                             track="main", decision="accepted",
                             bullets=json.dumps(["Bullet with \x1b]52;c;ZXZpbA==\x07 inside"]))
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return paper


def test_snippet_copy_puts_no_control_characters_on_the_clipboard(store, cli, xvfb_display):
    paper = add_hostile_paper(store)
    result = cli("snippet", str(paper.id), "--copy")
    assert result.returncode == 0, result.stderr
    copied = read_clipboard()
    assert "touch /tmp/pwned" in copied and "␛[201~" in copied
    assert not raw_controls(copied) and "\r" not in copied
    assert not raw_controls(result.stdout)


@pytest.mark.tmux
def test_the_apps_copy_sends_the_same_payload_by_osc52_and_pyperclip(store, db_path, tmux_factory, xvfb_display):
    add_hostile_paper(store)
    store.close()
    session = tmux_factory(120, 40)
    env = {key: os.environ[key] for key in ("PATH", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "LANG")
           if key in os.environ}
    import paperdeck

    env.update({"TERM": "xterm-256color", "DISPLAY": xvfb_display, "PAPERDECK_NO_SAMPLES": "1",
                "PYTHONPATH": os.path.dirname(os.path.dirname(paperdeck.__file__))})
    session.start([*paperdeck_argv(db_path), "--screen", "resume"], env)
    session.wait_for("touch /tmp/pwned", timeout=30)
    session.keys("y")
    session.wait_for("Copied", timeout=15)
    by_osc52 = session.clipboard_buffer()
    by_pyperclip = read_clipboard()
    session.keys("C-q")
    for copied in (by_osc52, by_pyperclip):
        assert "touch /tmp/pwned" in copied and "␛[201~" in copied and "␛]52" in copied
        assert not raw_controls(copied) and "\r" not in copied
