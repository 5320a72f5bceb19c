"""Copying text out: the system clipboard (pyperclip) and OSC 52 through the terminal.

pyperclip reaches the local clipboard (xclip/xsel/wl-copy, pbcopy, Windows); OSC 52 asks the
terminal to set it, which also works over SSH. Both are tried; the user is told which worked,
and when neither can, a dialog shows the text to copy by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..clipboard import clipboard_payload, copy_to_system

if TYPE_CHECKING:
    from textual.app import App


@dataclass(frozen=True, slots=True)
class CopyResult:
    system: bool
    osc52: bool
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.system or self.osc52

    def message(self, language: str = "en") -> str:
        if self.system and self.osc52:
            return "已复制到系统剪贴板（并经 OSC 52 发送到终端）" if language == "zh" else "Copied to the system clipboard (and sent to the terminal by OSC 52)"
        if self.system:
            return "已复制到系统剪贴板" if language == "zh" else "Copied to the system clipboard"
        if self.osc52:
            return ("系统剪贴板不可用，已经 OSC 52 发送到终端" if language == "zh"
                    else "System clipboard unavailable; sent to the terminal's clipboard by OSC 52")
        return "无法复制" if language == "zh" else "Could not copy"


def problem_text(problem: str, language: str) -> str:
    """Why the system clipboard failed, for the user: pyperclip's own English, or in Chinese."""
    if language != "zh":
        return problem
    if "copy/paste mechanism" in problem:  # pyperclip finds no xclip, xsel, wl-copy, ...
        return "找不到系统的复制工具（如 xclip、xsel、wl-clipboard）"
    return "系统剪贴板出错"


def osc52_possible(app: "App") -> bool:
    """OSC 52 needs a real terminal behind the app (not headless) and the user's consent."""
    settings = getattr(app, "settings", None)  # the app's, read at start and on outside changes
    if settings is not None and not settings.clipboard_osc52:
        return False
    return not app.is_headless and app._driver is not None


def copy_text(app: "App", text: str) -> CopyResult:
    """Copy by every route available; show a notification, or the manual-copy dialog."""
    text = clipboard_payload(text)  # the same payload by every route, OSC 52 included
    problem = copy_to_system(text)
    osc52 = osc52_possible(app)
    if osc52:
        app.copy_to_clipboard(text)
    result = CopyResult(system=problem is None, osc52=osc52, problem=problem)
    language = getattr(app, "language", "en")
    if result.ok:
        app.notify(result.message(language), title="paperdeck")
    else:
        from .screens.copy_dialog import CopyDialog

        app.push_screen(CopyDialog(text, problem or ""))
    return result
