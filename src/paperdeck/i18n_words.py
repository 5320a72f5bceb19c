"""Words every screen and command shares, in both languages: decisions, statuses, days and
months, resume formats. (Stage and deadline-kind names live with their enums in models/;
key labels in i18n_keys.py.) A word is looked up here, never spelt again at its use."""

from __future__ import annotations

import re
from datetime import date, datetime

DECISION_NAMES: dict[str, tuple[str, str]] = {
    "accepted": ("已录用", "accepted"),
    "rejected": ("未录用", "rejected"),
    "withdrawn": ("已撤稿", "withdrawn"),
}
STATUS_NAMES: dict[str, tuple[str, str]] = {
    "active": ("进行中", "active"),
    "paused": ("暂停", "paused"),
    "dropped": ("放弃", "dropped"),
    "accepted": ("已录用", "accepted"),
    "under_review": ("审稿中", "under review"),
    "preprint": ("预印本", "preprint"),
}
FORMAT_NAMES: dict[str, tuple[str, str]] = {
    "txt": ("纯文本（指南格式）", "Plain text (guide)"),
    "md": ("Markdown", "Markdown"),
    "tex": ("LaTeX", "LaTeX"),
    "bib": ("BibTeX", "BibTeX"),
}
RESUME_GROUP_NAMES: dict[str, tuple[str, str]] = {  # how the resume list is grouped
    "selected": ("精选 + 其余", "Selected + Other"),
    "year": ("按年份", "by year"),
    "type": ("按类型", "by type"),
}
WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
ESTIMATE = ("估计", "est.")
SELECT_PROMPT = ("请选择", "Select")
NONE_CHOSEN = ("（无）", "(none)")
# A setting's value words (what `paperdeck config set` reads), as the Settings list shows them.
SETTING_WORDS: dict[str, tuple[str, str]] = {
    "true": ("是", "true"),
    "false": ("否", "false"),
    "none": ("无", "none"),
    "system": ("跟随系统", "system"),
    "auto": ("自动", "auto"),
}


def has_chinese(text: str) -> bool:
    """True when `text` has a CJK ideograph (a label the user or the guide wrote in Chinese)."""
    return any("\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" for char in text)


def word(table: dict[str, tuple[str, str]], key: str | None, language: str) -> str:
    """`key`'s name in `language`; an unknown key is shown as it is (it is the user's)."""
    if not key:
        return ""
    zh, en = table.get(key, (key, key))
    return zh if language == "zh" else en


def pick(pair: tuple[str, str], language: str) -> str:
    return pair[0] if language == "zh" else pair[1]


# The day formats: English "Fri 29 Jan", Chinese "1月29日 周五".
DAY_EN = "%a %d %b"
DAY_ZH = "%-m月%-d日 {weekday}"


def day_text(day: date | datetime, language: str, *, weekday: bool = True) -> str:
    """A day as people write it in `language` (no year): "Fri 29 Jan" / "1月29日 周五"."""
    if language == "zh":
        text = f"{day.month}月{day.day}日"
        return f"{text} {WEEKDAYS_ZH[day.weekday()]}" if weekday else text
    return day.strftime(DAY_EN if weekday else "%d %b")


def short_weekday(day: date | datetime, language: str) -> str:
    """"Fri" / "周五"."""
    return WEEKDAYS_ZH[day.weekday()] if language == "zh" else day.strftime("%a")


# strftime formats with the day written the Chinese way; `in_chinese` then names the weekday.
ZH_MINUTE = "%m月%d日 %a %H:%M"
ZH_DAY = "%m月%d日 %a"
_EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def in_chinese(text: str) -> str:
    """A text formatted with ZH_MINUTE / ZH_DAY, its weekdays named in Chinese and its
    leading zeros dropped: "01月29日 Fri 23:59" -> "1月29日 周五 23:59"."""
    for english, chinese in zip(_EN_WEEKDAYS, WEEKDAYS_ZH):
        text = text.replace(f" {english}", f" {chinese}")
    return re.sub(r"(?<!\d)0(\d)(?=[月日])", r"\1", text)
