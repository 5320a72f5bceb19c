"""The kinds of value a setting holds: each reads user text, checks a stored (JSON) value,
writes JSON and shows the value. Pure; every refusal is a SettingError with one line for
the user, in English (`str(error)`, what the CLI prints) and in Chinese (`error.zh`).

A refusal is written to follow the setting's name: "must be a whole number from 1 to 3660,
not 'x'" reads "today_days must be ..." on the command line and "Deadline horizon (days) must
be ..." / "截止日期范围（天）应为 ..." on the Settings screen.

One rule for "no value": an empty text is refused (a whole number cannot be empty) except by
`Text`, where it clears the text; a setting that may be unset names its unset value with a
word (`auto`, `system`, `none`), which is also how that value is shown.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from datetime import date
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


def _zh(before: str, text: str) -> str:
    """Chinese text then `text`, with a space before a Latin letter or a digit."""
    return f"{before} {text}" if text[:1].isascii() and text[:1].isalnum() else before + text


def _needs(kind: Any) -> SettingError:
    return SettingError(f"needs a value: {kind.describe()}", _zh("不能为空：应为", describe(kind, "zh")))


def _not(kind: Any, what: str) -> SettingError:
    return SettingError(f"must be {kind.describe()}, not {what}", _zh("应为", f"{describe(kind, 'zh')}，而不是 {what}"))


def _one_line_input(text: str) -> str:
    if len(text) > MAX_INPUT:
        raise SettingError(f"is too long ({len(text)} characters)", f"太长（{len(text)} 个字符）")
    return text.strip()


class Whole:
    """A whole number within [low, high]."""

    choices = None

    def __init__(self, low: int, high: int):
        self.low, self.high = low, high

    def describe(self) -> str:
        return f"a whole number from {self.low} to {self.high}"

    def describe_zh(self) -> str:
        return f"{self.low} 到 {self.high} 之间的整数"

    def parse(self, text: str) -> int:
        raw = _one_line_input(text)
        if not raw:
            raise _needs(self)
        if not re.fullmatch(r"[+-]?[0-9]{1,12}", raw):
            raise _not(self, quote(raw))
        return self.check(int(raw))

    def check(self, value: Any) -> int:
        if isinstance(value, str):
            return self.parse(value)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise _not(self, shown(value))
        if not self.low <= value <= self.high:
            raise _not(self, str(value))
        return value

    def to_json(self, value: int) -> Any:
        return value

    def show(self, value: int) -> str:
        return str(value)


class Number:
    """A number within [low, high]; with `percent`, "90%" (or 90) reads as 0.9."""

    choices = None

    def __init__(self, low: float, high: float, *, percent: bool = False):
        self.low, self.high, self.percent = low, high, percent

    def describe(self) -> str:
        if self.percent:
            return f"a number from {self.low:g} to {self.high:g} (or {self.low:.0%} to {self.high:.0%})"
        return f"a number from {self.low:g} to {self.high:g}"

    def describe_zh(self) -> str:
        if self.percent:
            return f"{self.low:g} 到 {self.high:g} 之间的数（或 {self.low:.0%} 到 {self.high:.0%}）"
        return f"{self.low:g} 到 {self.high:g} 之间的数"

    def parse(self, text: str) -> float:
        raw = _one_line_input(text)
        if not raw:
            raise _needs(self)
        number_text = raw[:-1].rstrip() if self.percent and raw.endswith("%") else raw
        try:
            number = float(number_text)
        except ValueError:
            raise _not(self, quote(raw)) from None
        if self.percent and (number_text != raw or number > 1):
            number /= 100
        try:
            return self.check(round(number, 6))
        except SettingError:
            raise _not(self, quote(raw)) from None

    def check(self, value: Any) -> float:
        if isinstance(value, str):
            return self.parse(value)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _not(self, shown(value))
        number = float(value)
        if not math.isfinite(number) or not self.low <= number <= self.high:
            raise _not(self, f"{value:g}")
        return number

    def to_json(self, value: float) -> Any:
        return value

    def show(self, value: float) -> str:
        return f"{value:g}"


class MinuteRange:
    """A span of minutes, "5-8" (or "5–8"), or one length, "10": a pitch's target. Kept as
    (low, high), both within [low, high] minutes."""

    choices = None

    def __init__(self, low: float, high: float):
        self.low, self.high = low, high

    def describe(self) -> str:
        return f"minutes such as 5-8 or 10 (from {self.low:g} to {self.high:g})"

    def describe_zh(self) -> str:
        return f"分钟数，如 5-8 或 10（{self.low:g} 到 {self.high:g}）"

    def parse(self, text: str) -> tuple[float, float]:
        raw = _one_line_input(text)
        if not raw:
            raise _needs(self)
        parts = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)\s*(?:(?:-|–|—|~|to)\s*([0-9]+(?:\.[0-9]+)?))?\s*(?:min|minutes|分钟)?", raw)
        if parts is None:
            raise _not(self, quote(raw))
        low = float(parts.group(1))
        high = float(parts.group(2)) if parts.group(2) else low
        return self.check([low, high])

    def check(self, value: Any) -> tuple[float, float]:
        if isinstance(value, str):
            return self.parse(value)
        if (not isinstance(value, (list, tuple)) or len(value) != 2
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)):
            raise _not(self, shown(value))
        low, high = (float(v) for v in value)
        if not (math.isfinite(low) and math.isfinite(high)) or not self.low <= low <= high <= self.high:
            raise _not(self, quote(self.show((low, high))))
        return (low, high)

    def to_json(self, value: tuple[float, float]) -> Any:
        return list(value)

    def show(self, value: tuple[float, float]) -> str:
        low, high = value
        return f"{low:g}" if low == high else f"{low:g}-{high:g}"


_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


class Flag:
    """Yes or no."""

    choices = ("true", "false")

    def describe(self) -> str:
        return "true or false (also yes/no, on/off, 1/0)"

    def describe_zh(self) -> str:
        return "true 或 false（也可写 yes/no、on/off、1/0）"

    def parse(self, text: str) -> bool:
        raw = _one_line_input(text).lower()
        if raw in _TRUE:
            return True
        if raw in _FALSE:
            return False
        raise _not(self, quote(raw)) if raw else _needs(self)

    def check(self, value: Any) -> bool:
        if isinstance(value, str):
            return self.parse(value)
        if not isinstance(value, bool):
            raise _not(self, shown(value))
        return value

    def to_json(self, value: bool) -> Any:
        return value

    def show(self, value: bool) -> str:
        return "true" if value else "false"


class Text:
    """One line of text, stored as typed (markup and escapes included; shown made visible),
    surrounding spaces trimmed. Empty clears it."""

    choices = None

    def __init__(self, limit: int, pattern: str | None = None):
        self.limit = limit
        self.pattern = pattern  # a regular expression the whole text must match, if any

    def describe(self) -> str:
        if self.pattern:
            return f"a name of letters, digits, '.', '-' or '_', at most {self.limit} characters"
        return f"one line of text, at most {self.limit} characters"

    def describe_zh(self) -> str:
        if self.pattern:
            return f"由字母、数字、'.'、'-' 或 '_' 组成的名称，最多 {self.limit} 个字符"
        return f"一行文字，最多 {self.limit} 个字符"

    def parse(self, text: str) -> str:
        return self.check(text)

    def check(self, value: Any) -> str:
        if not isinstance(value, str):
            raise _not(self, shown(value))
        if len(value) > self.limit:
            raise SettingError(f"is too long ({len(value)} characters; at most {self.limit})",
                               f"太长（{len(value)} 个字符，最多 {self.limit}）")
        if "\n" in value or "\r" in value or "\x00" in value:
            raise SettingError("must be one line of text (no line breaks or NUL)", "只能是一行文字（不能有换行或 NUL）")
        text = value.strip()
        if self.pattern and not re.fullmatch(self.pattern, text):
            raise _not(self, quote(text))
        return text

    def to_json(self, value: str) -> Any:
        return value

    def show(self, value: str) -> str:
        return value


class Names:
    """A few names (other ways my name is written): text `Z. Wu; 吴兆民`, or a JSON list; none clears."""

    choices = None
    most = 20

    def describe(self) -> str:
        return "names separated by ';' (such as 'Z. Wu; 吴兆民'), or none"

    def describe_zh(self) -> str:
        return "以 ';' 分隔的名字（如 'Z. Wu; 吴兆民'），或 none"

    def parse(self, text: str) -> tuple[str, ...]:
        raw = _one_line_input(text)
        if not raw or raw.lower() == "none":
            return ()
        return self.check([part for part in raw.split(";")])

    def check(self, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            return self.parse(value)
        if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
            raise _not(self, shown(value))
        names: list[str] = []
        for item in value:
            name = item.strip()
            if not name:
                continue
            if len(name) > 200 or any(ch in name for ch in "\n\r\x00"):
                raise SettingError(f"has a name that is not one short line: {quote(name)}",
                                   f"有一个名字不是简短的一行：{quote(name)}")
            if name not in names:
                names.append(name)
        if len(names) > self.most:
            raise SettingError(f"has too many names ({len(names)}; at most {self.most})",
                               f"名字太多（{len(names)} 个；最多 {self.most} 个）")
        return tuple(names)

    def to_json(self, value: tuple[str, ...]) -> Any:
        return list(value)

    def show(self, value: tuple[str, ...]) -> str:
        return "; ".join(value) or "none"


class Choice:
    """One of a few words."""

    def __init__(self, choices: tuple[str, ...]):
        self.choices = choices

    def describe(self) -> str:
        return "one of " + ", ".join(self.choices)

    def describe_zh(self) -> str:
        return "、".join(self.choices) + " 之一"

    def parse(self, text: str) -> str:
        raw = _one_line_input(text)
        if not raw:
            raise _needs(self)
        return self.check(raw.lower() if raw.lower() in self.choices else raw)

    def check(self, value: Any) -> str:
        if value not in self.choices:
            raise _not(self, quote(value) if isinstance(value, str) else repr(value))
        return value

    def to_json(self, value: str) -> Any:
        return value

    def show(self, value: str) -> str:
        return value


class Zone:
    """A time zone the deadlines code resolves: an IANA name, UTC±N, AoE, PT, CET... Stored as
    typed, so `UTC+8` stays `UTC+8`."""

    choices = None

    def describe(self) -> str:
        return "a time zone: an IANA name such as Asia/Shanghai, UTC±N (-12 to +14), AoE, PT or CET"

    def describe_zh(self) -> str:
        return "IANA 时区名（如 Asia/Shanghai）、UTC±N（-12 到 +14）、AoE、PT 或 CET"

    def parse(self, text: str) -> str:
        return self.check(_one_line_input(text))

    def check(self, value: Any) -> str:
        from .timezones import UnknownTimezone, resolve

        if not isinstance(value, str):
            raise _not(self, shown(value))
        text = value.strip()
        if not text:
            raise _needs(self)
        if len(text) > 64:
            raise SettingError(f"is not a time zone ({len(text)} characters)", f"不是时区（{len(text)} 个字符）")
        try:
            resolve(text)
        except UnknownTimezone:
            raise _not(self, quote(text)) from None
        return text

    def to_json(self, value: str) -> Any:
        return value

    def show(self, value: str) -> str:
        return value


class Day:
    """A calendar date, written YYYY-MM-DD."""

    choices = None

    def describe(self) -> str:
        return "a date written YYYY-MM-DD, such as 2026-12-15"

    def describe_zh(self) -> str:
        return "YYYY-MM-DD 格式的日期，如 2026-12-15"

    def parse(self, text: str) -> date:
        raw = _one_line_input(text)
        if not raw:
            raise _needs(self)
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw):
            raise _not(self, quote(raw))
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise SettingError(f"is not a real date: {quote(raw)}", f"不是存在的日期：{quote(raw)}") from None

    def check(self, value: Any) -> date:
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            return self.parse(value)
        raise _not(self, shown(value))

    def to_json(self, value: date) -> Any:
        return value.isoformat()

    def show(self, value: date) -> str:
        return value.isoformat()


_BINDING_ID = re.compile(r"[A-Za-z0-9_.\-]{1,64}")
_KEYS = re.compile(r"[A-Za-z0-9_+\-]{1,40}(?:,[A-Za-z0-9_+\-]{1,40}){0,7}")


class Keymap:
    """Binding id -> keys (Textual's keymap): text `pitch.copy=f9,ctrl+y; help=f1`, or a JSON
    object. Kept as sorted (id, keys) pairs so the settings object stays immutable."""

    choices = None

    def describe(self) -> str:
        return "binding-id=keys pairs separated by ';' (such as 'pitch.copy=f9,ctrl+y; help=f1'), or none"

    def describe_zh(self) -> str:
        return "以 ; 分隔的“绑定ID=按键”（如 'pitch.copy=f9,ctrl+y; help=f1'），或 none"

    def parse(self, text: str) -> tuple[tuple[str, str], ...]:
        raw = _one_line_input(text)
        if not raw:
            raise _needs(self)
        if raw.lower() == "none":
            return ()
        pairs = {}
        for item in filter(None, (part.strip() for part in raw.split(";"))):
            binding, equals, keys = item.partition("=")
            if not equals:
                raise _not(self, quote(item))
            pairs[binding.strip()] = ",".join(key.strip() for key in keys.split(","))
        return self.check(pairs)

    def check(self, value: Any) -> tuple[tuple[str, str], ...]:
        if isinstance(value, str):
            return self.parse(value)
        if isinstance(value, (list, tuple)) and all(isinstance(p, (list, tuple)) and len(p) == 2 for p in value):
            value = dict(value)
        if not isinstance(value, Mapping):
            raise _not(self, shown(value))
        if len(value) > 200:
            raise SettingError(f"has too many bindings ({len(value)}; at most 200)", f"绑定太多（{len(value)} 个，最多 200）")
        for binding, keys in value.items():
            if not isinstance(binding, str) or not _BINDING_ID.fullmatch(binding):
                bad = quote(str(binding))
                raise SettingError(f"has a bad binding id {bad}: use letters, digits, '.', '-', '_'",
                                   f"中的绑定 ID {bad} 无效：只能用字母、数字、'.'、'-'、'_'")
            if not isinstance(keys, str) or not _KEYS.fullmatch(keys):
                bad = quote(str(keys))
                raise SettingError(f"has bad keys {bad} for {binding}: write keys like f9 or ctrl+y,f9",
                                   f"中 {binding} 的按键 {bad} 无效：写法如 f9 或 ctrl+y,f9")
        return tuple(sorted(value.items()))

    def to_json(self, value: tuple[tuple[str, str], ...]) -> Any:
        return dict(value)

    def show(self, value: tuple[tuple[str, str], ...]) -> str:
        return "; ".join(f"{binding}={keys}" for binding, keys in value) or "none"


class Nullable:
    """`kind`, or no value at all, written and shown as `word` ("auto", "system", "none")."""

    def __init__(self, kind: Any, word: str):
        self.kind, self.word = kind, word

    @property
    def choices(self) -> tuple[str, ...] | None:
        inner = self.kind.choices
        return None if inner is None else (self.word, *inner)

    def describe(self) -> str:
        return f"{self.kind.describe()}, or {self.word}"

    def describe_zh(self) -> str:
        return f"{describe(self.kind, 'zh')}，或 {self.word}"

    def parse(self, text: str) -> Any:
        if _one_line_input(text).lower() == self.word:
            return None
        try:
            return self.kind.parse(text)
        except SettingError as error:
            raise self._or_word(error) from None

    def _or_word(self, error: SettingError) -> SettingError:
        """The kind's message, saying that the word is accepted too."""
        return SettingError(self._with_word(str(error), self.kind.describe(), self.describe(), f" (or {self.word})"),
                            self._with_word(error.zh, describe(self.kind, "zh"), self.describe_zh(),
                                            f"（或 {self.word}）"))

    @staticmethod
    def _with_word(message: str, inner: str, whole: str, suffix: str) -> str:
        return message.replace(inner, whole, 1) if inner in message else message + suffix

    def check(self, value: Any) -> Any:
        if value is None or (isinstance(value, str) and value.strip().lower() == self.word):
            return None
        try:
            return self.kind.check(value)
        except SettingError as error:
            raise self._or_word(error) from None

    def to_json(self, value: Any) -> Any:
        return None if value is None else self.kind.to_json(value)

    def show(self, value: Any) -> str:
        return self.word if value is None else self.kind.show(value)
