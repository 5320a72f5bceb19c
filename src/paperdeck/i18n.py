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
