"""What every setting kind shares: the refusal (SettingError, in English and Chinese) and the
helpers that word it. The kinds themselves: setting_scalars (numbers, flags, dates) and
setting_texts (text, names, choices, zones, key maps, "no value")."""

from __future__ import annotations

import json
from typing import Any

MAX_INPUT = 1000  # longer input is refused before any parsing (int() of 5,000 digits raises)


class SettingError(ValueError):
    """A value a setting refuses; the message is one line, fit to show as is. `str(error)` is
    English; `zh` the same in Chinese (the English when a kind gave none)."""

    def __init__(self, message: str, zh: str = ""):
        super().__init__(message)
        self.zh = zh or message
        self.bare = (message, self.zh)  # without a subject, in English and Chinese

    def text(self, language: str) -> str:
        return self.zh if language == "zh" else str(self)

    def prefixed(self, en: str, zh: str) -> "SettingError":
        """The same refusal after a subject: the key (English), a label (Chinese)."""
        error = SettingError(f"{en} {self}", f"{zh}{self.zh}")
        error.bare = self.bare
        return error


def describe(kind: Any, language: str = "en") -> str:
    """What a kind accepts, in `language` (English for a kind with no Chinese wording)."""
    if language == "zh" and hasattr(kind, "describe_zh"):
        return kind.describe_zh()
    return kind.describe()


def quote(text: str, limit: int = 40) -> str:
    """`text` for a message: repr-quoted (control characters escaped), cut to `limit`."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def shown(value: Any) -> str:
    """A value that is not text (a stored or --json value), as JSON, cut short."""
    if isinstance(value, str):
        return quote(value)
    try:
        text = json.dumps(value, ensure_ascii=False, default=repr)
    except (ValueError, RecursionError):
        text = type(value).__name__
    return text if len(text) <= 40 else text[:39] + "…"


def zh_join(before: str, text: str) -> str:
    """Chinese text then `text`, with a space before a Latin letter or a digit."""
    return f"{before} {text}" if text[:1].isascii() and text[:1].isalnum() else before + text


def needs(kind: Any) -> SettingError:
    return SettingError(f"needs a value: {kind.describe()}", zh_join("不能为空：应为", describe(kind, "zh")))


def refused(kind: Any, what: str) -> SettingError:
    return SettingError(f"must be {kind.describe()}, not {what}", zh_join("应为", f"{describe(kind, 'zh')}，而不是 {what}"))


def one_line_input(text: str) -> str:
    if len(text) > MAX_INPUT:
        raise SettingError(f"is too long ({len(text)} characters)", f"太长（{len(text)} 个字符）")
    return text.strip()

