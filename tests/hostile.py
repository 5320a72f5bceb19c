"""The bad-input table every text field and argument is fed (see test_bad_input_*.py)."""

from __future__ import annotations

import re

HOSTILE: dict[str, str] = {
    "empty": "",
    "huge": "paper " + "长" * 20_000 + "x" * 40_000,  # 100 KB in UTF-8
    "clear-screen": "before\x1b[2Jafter",
    "osc52-clipboard": "x\x1b]52;c;aGVsbG8=\x07y",
    "carriage-return": "visible\rhidden",
    "nul": "a\x00b",
    "c1-csi": "a\x9b2Jb",
    "bidi-override": "abc\u202edcba",
    "markup": "[red]red[/] [/] [link=x]link[/link] [bold",
    "cjk-emoji-combining": "论文标题 📄👩\u200d🔬 e\u0301 ｆｕｌｌ",
    "sql": "'; DROP TABLE papers; -- \" OR 1=1",
    "bad-date": "2026-02-30",
    "five-digit-year": "20245",
}

# What may never reach a terminal from user text: C0 controls (but \t, \n), DEL, C1, bidi overrides.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def argv_safe(value: str) -> bool:
    """A command-line argument cannot hold NUL (the OS refuses it before paperdeck runs)."""
    return "\x00" not in value


def raw_controls(text: str) -> list[str]:
    """Raw control characters in output; CRLF line ends (iCalendar's) are harmless and allowed."""
    return sorted({repr(match) for match in RAW_CONTROL.findall(text.replace("\r\n", "\n"))})
