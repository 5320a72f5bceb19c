"""Setting kinds that hold one scalar: whole numbers, numbers, a minute range, a flag, a date."""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from .setting_errors import SettingError, needs, one_line_input, quote, refused, shown


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
        raw = one_line_input(text)
        if not raw:
            raise needs(self)
        if not re.fullmatch(r"[+-]?[0-9]{1,12}", raw):
            raise refused(self, quote(raw))
        return self.check(int(raw))

    def check(self, value: Any) -> int:
        if isinstance(value, str):
            return self.parse(value)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise refused(self, shown(value))
        if not self.low <= value <= self.high:
            raise refused(self, str(value))
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
        raw = one_line_input(text)
        if not raw:
            raise needs(self)
        number_text = raw[:-1].rstrip() if self.percent and raw.endswith("%") else raw
        try:
            number = float(number_text)
        except ValueError:
            raise refused(self, quote(raw)) from None
        if self.percent and (number_text != raw or number > 1):
            number /= 100
        try:
            return self.check(round(number, 6))
        except SettingError:
            raise refused(self, quote(raw)) from None

    def check(self, value: Any) -> float:
        if isinstance(value, str):
            return self.parse(value)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise refused(self, shown(value))
        number = float(value)
        if not math.isfinite(number) or not self.low <= number <= self.high:
            raise refused(self, f"{value:g}")
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
        raw = one_line_input(text)
        if not raw:
            raise needs(self)
        parts = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)\s*(?:(?:-|–|—|~|to)\s*([0-9]+(?:\.[0-9]+)?))?\s*(?:min|minutes|分钟)?", raw)
        if parts is None:
            raise refused(self, quote(raw))
        low = float(parts.group(1))
        high = float(parts.group(2)) if parts.group(2) else low
        return self.check([low, high])

    def check(self, value: Any) -> tuple[float, float]:
        if isinstance(value, str):
            return self.parse(value)
        if (not isinstance(value, (list, tuple)) or len(value) != 2
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)):
            raise refused(self, shown(value))
        low, high = (float(v) for v in value)
        if not (math.isfinite(low) and math.isfinite(high)) or not self.low <= low <= high <= self.high:
            raise refused(self, quote(self.show((low, high))))
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
        raw = one_line_input(text).lower()
        if raw in _TRUE:
            return True
        if raw in _FALSE:
            return False
        raise refused(self, quote(raw)) if raw else needs(self)

    def check(self, value: Any) -> bool:
        if isinstance(value, str):
            return self.parse(value)
        if not isinstance(value, bool):
            raise refused(self, shown(value))
        return value

    def to_json(self, value: bool) -> Any:
        return value

    def show(self, value: bool) -> str:
        return "true" if value else "false"


class Day:
    """A calendar date, written YYYY-MM-DD."""

    choices = None

    def describe(self) -> str:
        return "a date written YYYY-MM-DD, such as 2026-12-15"

    def describe_zh(self) -> str:
        return "YYYY-MM-DD 格式的日期，如 2026-12-15"

    def parse(self, text: str) -> date:
        raw = one_line_input(text)
        if not raw:
            raise needs(self)
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw):
            raise refused(self, quote(raw))
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise SettingError(f"is not a real date: {quote(raw)}", f"不是存在的日期：{quote(raw)}") from None

    def check(self, value: Any) -> date:
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            return self.parse(value)
        raise refused(self, shown(value))

    def to_json(self, value: date) -> Any:
        return value.isoformat()

    def show(self, value: date) -> str:
        return value.isoformat()

