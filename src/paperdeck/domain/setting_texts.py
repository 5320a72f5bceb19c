"""Setting kinds that hold text: one line, names, a choice, a time zone, key bindings, and
`Nullable` (any kind, or no value named by a word)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .setting_errors import SettingError, describe, needs, one_line_input, quote, refused, shown


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
            raise refused(self, shown(value))
        if len(value) > self.limit:
            raise SettingError(f"is too long ({len(value)} characters; at most {self.limit})",
                               f"太长（{len(value)} 个字符，最多 {self.limit}）")
        if "\n" in value or "\r" in value or "\x00" in value:
            raise SettingError("must be one line of text (no line breaks or NUL)", "只能是一行文字（不能有换行或 NUL）")
        text = value.strip()
        if self.pattern and not re.fullmatch(self.pattern, text):
            raise refused(self, quote(text))
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
        raw = one_line_input(text)
        if not raw or raw.lower() == "none":
            return ()
        return self.check([part for part in raw.split(";")])

    def check(self, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            return self.parse(value)
        if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
            raise refused(self, shown(value))
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
        raw = one_line_input(text)
        if not raw:
            raise needs(self)
        return self.check(raw.lower() if raw.lower() in self.choices else raw)

    def check(self, value: Any) -> str:
        if value not in self.choices:
            raise refused(self, quote(value) if isinstance(value, str) else repr(value))
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
        return self.check(one_line_input(text))

    def check(self, value: Any) -> str:
        from .timezones import UnknownTimezone, resolve

        if not isinstance(value, str):
            raise refused(self, shown(value))
        text = value.strip()
        if not text:
            raise needs(self)
        if len(text) > 64:
            raise SettingError(f"is not a time zone ({len(text)} characters)", f"不是时区（{len(text)} 个字符）")
        try:
            resolve(text)
        except UnknownTimezone:
            raise refused(self, quote(text)) from None
        return text

    def to_json(self, value: str) -> Any:
        return value

    def show(self, value: str) -> str:
        return value



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
        raw = one_line_input(text)
        if not raw:
            raise needs(self)
        if raw.lower() == "none":
            return ()
        pairs = {}
        for item in filter(None, (part.strip() for part in raw.split(";"))):
            binding, equals, keys = item.partition("=")
            if not equals:
                raise refused(self, quote(item))
            pairs[binding.strip()] = ",".join(key.strip() for key in keys.split(","))
        return self.check(pairs)

    def check(self, value: Any) -> tuple[tuple[str, str], ...]:
        if isinstance(value, str):
            return self.parse(value)
        if isinstance(value, (list, tuple)) and all(isinstance(p, (list, tuple)) and len(p) == 2 for p in value):
            value = dict(value)
        if not isinstance(value, Mapping):
            raise refused(self, shown(value))
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
        if one_line_input(text).lower() == self.word:
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
