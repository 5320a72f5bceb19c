"""A valid, non-default value for every setting: typed, and as a user writes it."""

from __future__ import annotations

from datetime import date

# A valid value other than the default for every setting, as typed and as a user writes it.
# Adding a setting without a sample here fails `test_every_setting_has_a_sample`.
SAMPLES: dict[str, tuple[object, str]] = {
    "my_name": ("Si Li", "Si Li"),
    "my_aliases": (("S. Li", "李四"), "S. Li; 李四"),
    "timezone": ("Asia/Shanghai", "Asia/Shanghai"),
    "day_rollover_hour": (0, "0"),
    "today_days": (60, "60"),
    "stalled_days": (7, "7"),
    "wip_limit": (0, "0"),
    "new_cards_per_day": (5, "5"),
    "desired_retention": (0.85, "85%"),
    "answer_seconds": (120, "120"),
    "interview_date": (date(2026, 12, 15), "2026-12-15"),
    "words_per_minute": (100.0, "100"),
    "cjk_chars_per_minute": (250.5, "250.5"),
    "pitch_minutes": ((3.0, 5.0), "3-5"),
    "pitch_paper_id": (7, "7"),
    "language": ("zh", "zh"),
    "theme": ("nord", "nord"),
    "keymap": ((("help", "f1"), ("pitch.copy", "f9,ctrl+y")), "pitch.copy=f9,ctrl+y; help=f1"),
    "resume_format": ("md", "md"),
    "resume_group": ("year", "year"),
    "resume_review_titles": (True, "true"),
    "clipboard_osc52": (False, "off"),
    "backups_kept": (3, "3"),
}
