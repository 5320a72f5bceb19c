"""Every setting in one catalogue: its key, kind, default, bounds, zh/en label and help.

`Settings` is the typed, immutable object the app reads (`store.settings.load()`); each of
its fields is one setting, declared once below. `CATALOGUE` lists them in order, with all a
Settings screen or `paperdeck config` needs. A stored value that is not valid reads as the
default. Adding a setting is one field here; its readers use the attribute.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, tzinfo
from typing import Any, Mapping, NamedTuple

from ..i18n import LANGUAGES
from ..models.stages import RESUME_FORMATS, RESUME_GROUPS
from .scheduling import MAX_RETENTION, MIN_RETENTION
from .setting_kinds import (
    Choice, Day, Flag, Keymap, MinuteRange, Names, Nullable, Number, SettingError, Text, Whole, Zone, describe, quote,
)
from .speaking import DEFAULT_CJK_CPM, DEFAULT_WPM, Rates

MAX_HORIZON_DAYS = 3660
ANSWER_SECONDS = (5, 3600)  # a deck's target answer length, in seconds
PITCH_MINUTES = (0.5, 60)   # a pitch's target length, in minutes

GROUPS: dict[str, tuple[str, str]] = {  # key -> (zh, en), in the order a screen shows them
    "you": ("你", "You"),
    "time": ("时间", "Time"),
    "dashboard": ("概览", "Dashboard"),
    "pipeline": ("流水线", "Pipeline"),
    "study": ("闪卡", "Flashcards"),
    "pitch": ("讲稿", "Pitch"),
    "app": ("应用", "App"),
}


def _setting(kind: Any, default: Any, group: str, label: tuple[str, str], help: tuple[str, str],
             *, internal: bool = False) -> Any:
    return field(default=default, metadata={"setting": (kind, group, label, help, internal)})


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting, typed, with its default (see `_setting`)."""

    my_name: str = _setting(
        Text(200), "", "you", ("我的名字（及别名）", "My name (and aliases)"),
        ("在简历与 BibTeX 导入中标出我的作者位置；别的写法用 ; 隔开，如 San Zhang; Zhang S.; 张三",
         "Marks my author position in the resume and in BibTeX imports; other spellings after ;, "
         "such as San Zhang; Zhang S.; 张三"))
    my_aliases: tuple[str, ...] = _setting(
        Names(), (), "you", ("我的其他署名", "Other forms of my name"),
        ("论文里我的名字的其他写法，用 ; 分隔（如 Z. Wu; 吴兆民）；用来认出我的论文并加粗",
         "How else papers write my name, separated by ';' (such as Z. Wu; 吴兆民): finds my papers and sets me in bold"))
    timezone: str | None = _setting(
        Nullable(Zone(), "system"), None, "time", ("时区", "Time zone"),
        ("截止日期与学习日按此时区显示；system 表示跟随系统",
         "Deadlines and the study day are shown in this zone; system follows the computer"))
    day_rollover_hour: int = _setting(
        Whole(0, 23), 4, "time", ("新一天开始于（时）", "New day starts at (hour)"),
        ("几点之后算作新的学习日（0–23）", "The hour a new study day begins (0-23)"))
    today_days: int = _setting(
        Whole(1, MAX_HORIZON_DAYS), 30, "dashboard", ("截止日期范围（天）", "Deadline horizon (days)"),
        ("概览与 paperdeck today 列出未来多少天内的截止日期",
         "How many days ahead the Dashboard and `paperdeck today` list deadlines"))
    stalled_days: int = _setting(
        Whole(1, 3650), 14, "dashboard", ("停滞天数", "Stalled after (days)"),
        ("论文在同一阶段停留超过这些天即标为停滞", "A paper this many days in one stage is flagged as stalled"))
    wip_limit: int = _setting(
        Whole(0, 999), 5, "pipeline", ("每列在制上限", "WIP limit per column"),
        ("流水线每列的软上限，超出时标出；0 表示不限", "A soft limit per Pipeline column, flagged when exceeded; 0: none"))
    new_cards_per_day: int = _setting(
        Whole(0, 9999), 20, "study", ("每天新卡上限", "New cards per day"),
        ("每个学习日最多引入多少张新卡（所有卡组合计）", "How many new cards a study day introduces at most, all decks together"))
    desired_retention: float = _setting(
        Number(MIN_RETENTION, MAX_RETENTION, percent=True), 0.9, "study", ("期望记忆率", "Desired retention"),
        ("FSRS 安排复习的目标记忆率，70%–99%", "The recall rate FSRS schedules for, 70%-99%"))
    answer_seconds: int = _setting(
        Whole(*ANSWER_SECONDS), 90, "study", ("回答目标时长（秒）", "Answer target (seconds)"),
        ("新卡组的默认口头回答时长", "The default spoken answer length of a new deck"))
    interview_date: date | None = _setting(
        Nullable(Day(), "none"), None, "study", ("面试日期", "Interview date"),
        ("下一次面试的日期（冲刺模式）", "The date of the next interview (cram mode)"))
    words_per_minute: float = _setting(
        Number(10, 1000), DEFAULT_WPM, "pitch", ("英文语速（词/分钟）", "English speaking rate (words/min)"),
        ("尚未排练时估算讲稿时长所用的语速", "The rate a pitch is timed at before any rehearsal"))
    cjk_chars_per_minute: float = _setting(
        Number(10, 2000), DEFAULT_CJK_CPM, "pitch", ("中文语速（字/分钟）", "Chinese speaking rate (chars/min)"),
        ("尚未排练时估算中文讲稿时长所用的语速", "The rate a Chinese pitch is timed at before any rehearsal"))
    pitch_minutes: tuple[float, float] | None = _setting(
        Nullable(MinuteRange(*PITCH_MINUTES), "guide"), None, "pitch", ("讲稿目标时长（分钟）", "Pitch target (minutes)"),
        ("讲一篇论文的目标时长，如 5-8、3 或 10；guide 表示指南的 5~8 分钟",
         "How long a paper's pitch should run, such as 5-8, 3 or 10; guide: the guide's 5-8 minutes"))
    pitch_paper_id: int | None = _setting(
        Nullable(Whole(1, 999_999_999_999), "none"), None, "pitch", ("讲稿论文", "Pitch paper"),
        ("讲稿页面首先打开的论文（编号）", "The paper (id) the Pitch screen opens first"), internal=True)
    language: str | None = _setting(
        Nullable(Choice(LANGUAGES), "auto"), None, "app", ("语言", "Language"),
        ("界面与内容语言；auto 表示跟随系统区域设置", "Interface and content language; auto follows the locale"))
    theme: str = _setting(
        Text(60, pattern=r"[A-Za-z0-9][A-Za-z0-9_.-]*"), "textual-dark", "app", ("主题", "Theme"),
        ("Textual 主题名，如 textual-dark、nord；未知名称时使用默认主题",
         "A Textual theme name such as textual-dark or nord; an unknown name uses the default"))
    keymap: tuple[tuple[str, str], ...] = _setting(
        Keymap(), (), "app", ("按键映射", "Key bindings"),
        ("把快捷键绑定 ID 映射到按键，如 pitch.copy=f9,ctrl+y；none 表示不改",
         "Binding id to keys, such as pitch.copy=f9,ctrl+y; none keeps the defaults"))
    resume_format: str = _setting(
        Choice(RESUME_FORMATS), "txt", "app", ("简历格式", "Resume format"),
        ("简历页面使用的格式", "The format the Resume screen shows"))
    resume_group: str = _setting(
        Choice(RESUME_GROUPS), "selected", "app", ("简历分组", "Resume grouping"),
        ("精选论文在前，其余：selected 合为 Other，year 按年份，type 按类型（会议、期刊、研讨会、预印本）",
         "Selected papers first, then the rest: selected as one Other list, year by year, type by kind "
         "(conference, journal, workshop, preprint)"))
    resume_review_titles: bool = _setting(
        Flag(), False, "app", ("简历显示在审论文标题", "Show titles of papers under review"),
        ("false：按指南匿名写作 “ACL ARR x2 / Under Review”；true：同时写出标题与作者",
         "false: the guide's anonymised line \"ACL ARR x2 / Under Review\"; true: with the title and authors"))
    clipboard_osc52: bool = _setting(
        Flag(), True, "app", ("经终端复制（OSC 52）", "Copy through the terminal (OSC 52)"),
        ("也通过终端复制，SSH 下同样可用", "Also copy through the terminal, which works over SSH"))
    backups_kept: int = _setting(
        Whole(1, 1000), 10, "app", ("保留备份数", "Backups kept"),
        ("每日自动备份保留的份数", "How many daily automatic backups are kept"))

    @property
    def my_names(self) -> tuple[str, ...]:
        """My name and its other forms: who is me in an author list."""
        from .names import split_names

        names = [*split_names(self.my_name), *self.my_aliases]
        return tuple(name for index, name in enumerate(names) if name.strip() and name not in names[:index])

    def zone(self, system: tzinfo) -> tzinfo:
        """The user's zone: the `timezone` setting, else `system`."""
        from .timezones import local_zone

        return local_zone(self.timezone, system)

    def speaking_rates(self) -> Rates:
        """The rates a pitch is timed at before any rehearsal measured the user's own."""
        return Rates(self.words_per_minute, self.cjk_chars_per_minute)

    @classmethod
    def from_stored(cls, values: Mapping[str, Any]) -> "Settings":
        """The settings from stored (JSON) values; an unknown key is ignored, an invalid value
        reads as its default."""
        known = {}
        for spec in CATALOGUE:
            if spec.key in values:
                try:
                    known[spec.key] = spec.kind.check(values[spec.key])
                except SettingError:
                    pass
        return cls(**known)

    def value(self, key: str) -> Any:
        return getattr(self, setting(key).key)

    def changed(self, **changes: Any) -> "Settings":
        """A copy with `changes` checked (SettingError names the key)."""
        return replace(self, **{key: setting(key).check(value) for key, value in changes.items()})


class Setting(NamedTuple):
    """One setting as the catalogue describes it."""

    key: str
    kind: Any
    default: Any
    group: str
    label_zh: str
    label_en: str
    help_zh: str
    help_en: str
    internal: bool  # written by the app for itself (a Settings screen may leave it out)

    def label(self, language: str) -> str:
        return self.label_zh if language == "zh" else self.label_en

    def help(self, language: str) -> str:
        return self.help_zh if language == "zh" else self.help_en

    @property
    def choices(self) -> tuple[str, ...] | None:
        return self.kind.choices

    def describe(self, language: str = "en") -> str:
        """What the setting accepts."""
        return describe(self.kind, language)

    def parse(self, text: str) -> Any:
        """The typed value from what a user typed; SettingError("KEY ...", zh "LABEL ...")."""
        try:
            return self.kind.parse(text)
        except SettingError as error:
            raise error.prefixed(self.key, self.label_zh) from None

    def check(self, value: Any) -> Any:
        """The typed value from a typed or stored (JSON) one; SettingError("KEY ...")."""
        try:
            return self.kind.check(value)
        except SettingError as error:
            raise error.prefixed(self.key, self.label_zh) from None

    def refusal(self, error: SettingError, language: str) -> str:
        """A refusal of the kind after this setting's label, as a screen shows it."""
        en, zh = error.bare
        return f"{self.label_zh}{zh}" if language == "zh" else f"{self.label_en} {en}"

    def to_json(self, value: Any) -> Any:
        return self.kind.to_json(value)

    def show(self, value: Any) -> str:
        """The value as a user writes it (what `parse` reads back)."""
        return self.kind.show(value)


CATALOGUE: tuple[Setting, ...] = tuple(
    Setting(item.name, kind, item.default, group, *label, *help_text, internal)
    for item in fields(Settings)
    for kind, group, label, help_text, internal in [item.metadata["setting"]]
)
_BY_KEY = {spec.key: spec for spec in CATALOGUE}


def setting(key: str) -> Setting:
    """The catalogue's entry for `key`; SettingError (with a suggestion) when there is none."""
    found = _BY_KEY.get(key) if isinstance(key, str) else None
    if found is None:
        text = str(key)
        from difflib import get_close_matches

        close = get_close_matches(text.lower(), list(_BY_KEY), n=1)
        hint = f"; did you mean {close[0]}?" if close else "; `paperdeck config list` shows them all"
        hint_zh = f"；是不是 {close[0]}？" if close else "；`paperdeck config list` 列出全部设置"
        raise SettingError(f"unknown setting {quote(text)}{hint}", f"没有设置 {quote(text)}{hint_zh}")
    return found
