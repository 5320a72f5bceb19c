"""Content language: the guide's Chinese or English. Default from the locale."""

from __future__ import annotations

import locale
import os

LANGUAGES = ("zh", "en")


def locale_language() -> str:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "zh" if code.lower().startswith("zh") else "en"


def resolve_language(setting: str | None) -> str:
    return setting if setting in LANGUAGES else locale_language()


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`1 day`, `2 days`, `0 days`: an English count with its noun in the right number.
    (Chinese needs no plural: write `{count} 天`.)"""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
