"""The kinds of value a setting holds: each reads user text, checks a stored (JSON) value,
writes JSON and shows the value. Pure; every refusal is a SettingError with one line for
the user.

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
    """A value a setting refuses; the message is one line, fit to show as is."""


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


def _one_line_input(text: str) -> str:
    if len(text) > MAX_INPUT:
        raise SettingError(f"is too long ({len(text)} characters)")
    return text.strip()


class Whole:
    """A whole number within [low, high]."""

    choices = None

    def __init__(self, low: int, high: int):
        self.low, self.high = low, high

    def describe(self) -> str:
        return f"a whole number from {self.low} to {self.high}"

    def parse(self, text: str) -> int:
        raw = _one_line_input(text)
        if not raw:
            raise SettingError(f"needs a value: {self.describe()}")
        if not re.fullmatch(r"[+-]?[0-9]{1,12}", raw):
            raise SettingError(f"must be {self.describe()}, not {quote(raw)}")
        return self.check(int(raw))

    def check(self, value: Any) -> int:
        if isinstance(value, str):
            return self.parse(value)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise SettingError(f"must be {self.describe()}, not {shown(value)}")
        if not self.low <= value <= self.high:
            raise SettingError(f"must be {self.describe()}, not {value}")
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

    def parse(self, text: str) -> float:
        raw = _one_line_input(text)
        if not raw:
            raise SettingError(f"needs a value: {self.describe()}")
        number_text = raw[:-1].rstrip() if self.percent and raw.endswith("%") else raw
        try:
            number = float(number_text)
        except ValueError:
            raise SettingError(f"must be {self.describe()}, not {quote(raw)}") from None
        if self.percent and (number_text != raw or number > 1):
            number /= 100
        try:
            return self.check(round(number, 6))
        except SettingError:
            raise SettingError(f"must be {self.describe()}, not {quote(raw)}") from None

    def check(self, value: Any) -> float:
        if isinstance(value, str):
            return self.parse(value)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise SettingError(f"must be {self.describe()}, not {shown(value)}")
        number = float(value)
        if not math.isfinite(number) or not self.low <= number <= self.high:
            raise SettingError(f"must be {self.describe()}, not {value:g}")
        return number

    def to_json(self, value: float) -> Any:
        return value

    def show(self, value: float) -> str:
        return f"{value:g}"


_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


class Flag:
    """Yes or no."""

    choices = ("true", "false")

    def describe(self) -> str:
        return "true or false (also yes/no, on/off, 1/0)"

    def parse(self, text: str) -> bool:
        raw = _one_line_input(text).lower()
        if raw in _TRUE:
            return True
        if raw in _FALSE:
            return False
        raise SettingError(f"must be {self.describe()}, not {quote(raw)}" if raw else f"needs a value: {self.describe()}")

    def check(self, value: Any) -> bool:
        if isinstance(value, str):
            return self.parse(value)
        if not isinstance(value, bool):
            raise SettingError(f"must be {self.describe()}, not {shown(value)}")
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

    def parse(self, text: str) -> str:
        return self.check(text)

    def check(self, value: Any) -> str:
        if not isinstance(value, str):
            raise SettingError(f"must be {self.describe()}, not {shown(value)}")
        if len(value) > self.limit:
            raise SettingError(f"is too long ({len(value)} characters; at most {self.limit})")
        if "\n" in value or "\r" in value or "\x00" in value:
            raise SettingError("must be one line of text (no line breaks or NUL)")
        text = value.strip()
        if self.pattern and not re.fullmatch(self.pattern, text):
            raise SettingError(f"must be {self.describe()}, not {quote(text)}")
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

    def parse(self, text: str) -> tuple[str, ...]:
        raw = _one_line_input(text)
        if not raw or raw.lower() == "none":
            return ()
        return self.check([part for part in raw.split(";")])

    def check(self, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            return self.parse(value)
        if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
            raise SettingError(f"must be {self.describe()}, not {shown(value)}")
        names: list[str] = []
        for item in value:
            name = item.strip()
            if not name:
                continue
            if len(name) > 200 or any(ch in name for ch in "\n\r\x00"):
                raise SettingError(f"has a name that is not one short line: {quote(name)}")
            if name not in names:
                names.append(name)
        if len(names) > self.most:
            raise SettingError(f"has too many names ({len(names)}; at most {self.most})")
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

    def parse(self, text: str) -> str:
        raw = _one_line_input(text)
        if not raw:
            raise SettingError(f"needs a value: {self.describe()}")
        return self.check(raw.lower() if raw.lower() in self.choices else raw)

    def check(self, value: Any) -> str:
        if value not in self.choices:
            shown = quote(value) if isinstance(value, str) else repr(value)
            raise SettingError(f"must be {self.describe()}, not {shown}")
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

    def parse(self, text: str) -> str:
        return self.check(_one_line_input(text))

    def check(self, value: Any) -> str:
        from .timezones import UnknownTimezone, resolve

        if not isinstance(value, str):
            raise SettingError(f"must be {self.describe()}, not {shown(value)}")
        text = value.strip()
        if not text:
            raise SettingError(f"needs a value: {self.describe()}")
        if len(text) > 64:
            raise SettingError(f"is not a time zone ({len(text)} characters)")
        try:
            resolve(text)
        except UnknownTimezone:
            raise SettingError(f"must be {self.describe()}, not {quote(text)}") from None
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

    def parse(self, text: str) -> date:
        raw = _one_line_input(text)
        if not raw:
            raise SettingError(f"needs a value: {self.describe()}")
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw):
            raise SettingError(f"must be {self.describe()}, not {quote(raw)}")
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise SettingError(f"is not a real date: {quote(raw)}") from None

    def check(self, value: Any) -> date:
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            return self.parse(value)
        raise SettingError(f"must be {self.describe()}, not {shown(value)}")

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

    def parse(self, text: str) -> tuple[tuple[str, str], ...]:
        raw = _one_line_input(text)
        if not raw:
            raise SettingError(f"needs a value: {self.describe()}")
        if raw.lower() == "none":
            return ()
        pairs = {}
        for item in filter(None, (part.strip() for part in raw.split(";"))):
            binding, equals, keys = item.partition("=")
            if not equals:
                raise SettingError(f"must be {self.describe()}, not {quote(item)}")
            pairs[binding.strip()] = ",".join(key.strip() for key in keys.split(","))
        return self.check(pairs)

    def check(self, value: Any) -> tuple[tuple[str, str], ...]:
        if isinstance(value, str):
            return self.parse(value)
        if isinstance(value, (list, tuple)) and all(isinstance(p, (list, tuple)) and len(p) == 2 for p in value):
            value = dict(value)
        if not isinstance(value, Mapping):
            raise SettingError(f"must be {self.describe()}, not {shown(value)}")
        if len(value) > 200:
            raise SettingError(f"has too many bindings ({len(value)}; at most 200)")
        for binding, keys in value.items():
            if not isinstance(binding, str) or not _BINDING_ID.fullmatch(binding):
                raise SettingError(f"has a bad binding id {quote(str(binding))}: use letters, digits, '.', '-', '_'")
            if not isinstance(keys, str) or not _KEYS.fullmatch(keys):
                raise SettingError(f"has bad keys {quote(str(keys))} for {binding}: write keys like f9 or ctrl+y,f9")
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

    def parse(self, text: str) -> Any:
        if _one_line_input(text).lower() == self.word:
            return None
        try:
            return self.kind.parse(text)
        except SettingError as error:
            raise self._or_word(error) from None

    def _or_word(self, error: SettingError) -> SettingError:
        """The kind's message, saying that the word is accepted too."""
        message, inner = str(error), self.kind.describe()
        if inner in message:
            return SettingError(message.replace(inner, self.describe(), 1))
        return SettingError(f"{message} (or {self.word})")

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
