"""Making stored text safe to show: no escape sequence from a title may reach the terminal.

Control characters (C0, DEL, C1) are replaced by visible stand-ins, so `\\x1b[2J` shows as
`␛[2J` instead of clearing the screen, and an OSC 52 payload cannot write the clipboard.
Used by the CLI and the TUI alike; it imports neither Rich nor Textual.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_ALL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _stand_in(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block: ␀ ␛ ␍ ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\u{code:04x}"


def printable(text: str, *, keep_newlines: bool = True) -> str:
    """`text` with every control character made visible; tabs and newlines kept if asked."""
    pattern = _CONTROL if keep_newlines else _CONTROL_ALL
    return pattern.sub(_stand_in, text)


def one_line(text: str) -> str:
    """A single display line: newlines and tabs become spaces, other controls visible."""
    return printable(text.replace("\r\n", " ").replace("\n", " ").replace("\t", " "), keep_newlines=False)
