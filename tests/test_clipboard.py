"""The clipboard: a real backend (xclip under Xvfb) and none at all."""

from __future__ import annotations

import shutil

import pytest

from paperdeck.tui.clipboard import CopyResult, copy_to_system

from xdisplay import no_clipboard, read_clipboard, xvfb_display  # noqa: F401  (fixtures)


def test_copy_reaches_the_x_clipboard(xvfb_display):
    text = 'Paper: "基于奖励的提示优化", EMNLP 2024 (Main conference)\n- 50% & more 😀'
    assert copy_to_system(text) is None
    assert read_clipboard() == text


def test_without_a_backend_the_reason_is_returned(no_clipboard, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no xclip, xsel or wl-copy either
    problem = copy_to_system("anything")
    # One clean line saying what to install, not pyperclip's text with its URL.
    assert problem == "no clipboard program found (on Linux: install xclip, xsel or wl-clipboard)"


def test_a_program_without_a_display_is_not_told_to_install_one(no_clipboard):
    if not shutil.which("xclip"):
        pytest.skip("xclip is needed (apt-get install -y xclip)")
    problem = copy_to_system("anything")
    assert problem.startswith("no display to copy to (xclip is installed") and "install xclip" not in problem


def test_messages_say_which_route_worked():
    assert CopyResult(True, True).message().startswith("Copied to the system clipboard (and")
    assert "OSC 52" in CopyResult(False, True).message()
    assert CopyResult(True, False).message("zh") == "已复制到系统剪贴板"
    assert not CopyResult(False, False).ok
