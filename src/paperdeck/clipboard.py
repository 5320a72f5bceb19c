"""The system clipboard (pyperclip: xclip/xsel/wl-copy, pbcopy, Windows), for the CLI and the
TUI alike. The TUI adds OSC 52 through the terminal (tui/clipboard.py). Imports no layer.

Every payload, by either route, goes through `clipboard_payload()`: no control character but
newline and tab reaches the clipboard, so a title holding `ESC[201~` cannot end a shell's
bracketed paste and run what follows when the user pastes it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from .textsafe import printable


def clipboard_payload(text: str) -> str:
    """`text` fit for a clipboard: CRLF/CR line ends become newlines; every other control
    character (C0 but tab and newline, DEL, C1, bidi overrides) becomes a visible stand-in."""
    return printable(text.replace("\r\n", "\n").replace("\r", "\n"))


@contextmanager
def _output_detached() -> Iterator[None]:
    """Standard output and error on /dev/null for the copy: xclip and xsel stay running to serve
    the selection and would hold the command's output open (`paperdeck snippet --copy | less`
    would never end). Only for the CLI: the TUI's output is the terminal, written meanwhile."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        os.dup2(null, 2)
        yield
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, null):
            os.close(fd)


def copy_to_system(text: str, *, detach_output: bool = False) -> str | None:
    """Copy with pyperclip. None on success, else why it failed (for the user).
    `detach_output`: a command-line copy, whose output a pipe may be waiting on to end."""
    text = clipboard_payload(text)
    if detach_output:
        with _output_detached():
            return _copy(text)
    return _copy(text)


def _copy(text: str) -> str | None:
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
NO_DISPLAY = "no display to copy to ({program} is installed, but DISPLAY and WAYLAND_DISPLAY are not set)"
LINUX_PROGRAMS = ("xclip", "xsel", "wl-copy")


def no_clipboard_reason() -> str:
    """Why pyperclip found no way to copy: no program, or (over SSH, in a container) a program
    but no display for it to reach; installing one more would not help then."""
    import shutil

    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        program = next((name for name in LINUX_PROGRAMS if shutil.which(name)), None)
        if program:
            return NO_DISPLAY.format(program=program)
    return NO_CLIPBOARD


def clean_problem(error: Exception) -> str:
    """Why a copy failed, in one short line: pyperclip's "could not find a copy/paste
    mechanism ... please visit https://..." becomes what to install; other errors keep their
    first line, without its URL."""
    import re

    from .textsafe import one_line

    text = str(error).strip()
    if "could not find a copy/paste mechanism" in text.lower():
        return no_clipboard_reason()
    first = text.splitlines()[0] if text else type(error).__name__
    first = re.sub(r"\s*(for more information, )?(please )?(visit|see) https?://\S+", "", first, flags=re.IGNORECASE)
    return one_line(first.strip(" .") or type(error).__name__)[:160]
