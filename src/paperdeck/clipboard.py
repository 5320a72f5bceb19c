"""The system clipboard (pyperclip: xclip/xsel/wl-copy, pbcopy, Windows), for the CLI and the
TUI alike. The TUI adds OSC 52 through the terminal (tui/clipboard.py). Imports no layer."""

from __future__ import annotations


def copy_to_system(text: str) -> str | None:
    """Copy with pyperclip. None on success, else why it failed (for the user)."""
    try:
        import pyperclip
    except ImportError:  # pragma: no cover - a dependency
        return "pyperclip is not installed"
    try:
        # Decide the backend on every copy: $DISPLAY / $WAYLAND_DISPLAY may have changed.
        copy, _paste = pyperclip.determine_clipboard()
        copy(text)
    # A true boundary: pyperclip picks a backend at run time (xclip, xsel, wl-copy, pbcopy,
    # Windows' API), each failing with its own errors; every failure becomes the message shown
    # to the user, who then gets OSC 52 or the text to copy by hand. Nothing is lost.
    except Exception as error:
        return clean_problem(error)
    return None


NO_CLIPBOARD = "no clipboard program found (on Linux: install xclip, xsel or wl-clipboard)"


def clean_problem(error: Exception) -> str:
    """Why a copy failed, in one short line: pyperclip's "could not find a copy/paste
    mechanism ... please visit https://..." becomes what to install; other errors keep their
    first line, without its URL."""
    import re

    from .textsafe import one_line

    text = str(error).strip()
    if "could not find a copy/paste mechanism" in text.lower():
        return NO_CLIPBOARD
    first = text.splitlines()[0] if text else type(error).__name__
    first = re.sub(r"\s*(for more information, )?(please )?(visit|see) https?://\S+", "", first, flags=re.IGNORECASE)
    return one_line(first.strip(" .") or type(error).__name__)[:160]
