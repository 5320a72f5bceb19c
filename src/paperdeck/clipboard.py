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
    except Exception as error:  # PyperclipException, or a backend's own error
        message = str(error).strip().splitlines()
        return message[0] if message else type(error).__name__
    return None
