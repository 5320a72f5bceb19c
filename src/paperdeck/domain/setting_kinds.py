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

from .setting_errors import MAX_INPUT, SettingError, describe, quote, shown
from .setting_scalars import Day, Flag, MinuteRange, Number, Whole
from .setting_texts import Choice, Keymap, Names, Nullable, Text, Zone

__all__ = [
    "MAX_INPUT", "SettingError", "describe", "quote", "shown",
    "Whole", "Number", "MinuteRange", "Flag", "Day",
    "Text", "Names", "Choice", "Zone", "Keymap", "Nullable",
]
