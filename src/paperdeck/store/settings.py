"""Settings: key -> JSON value, with defaults in one place."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import tzinfo

    from .store import Store

_UNSET = object()

DEFAULTS: dict[str, Any] = {
    "language": None,            # None: follow the locale
    "theme": "textual-dark",
    "wip_limit": 5,              # soft limit per pipeline column
    "stalled_days": 14,
    "today_days": 30,            # deadline horizon of the Dashboard and `paperdeck today`
    "new_cards_per_day": 20,
    "desired_retention": 0.9,
    "day_rollover_hour": 4,
    "answer_seconds": 90,          # default target answer length of a new deck
    "timezone": None,              # IANA name for the study day; None: the system's
    "interview_date": None,        # YYYY-MM-DD of the next interview (cram mode)
    "words_per_minute": 130,
    "cjk_chars_per_minute": 220,
    "backups_kept": 10,
    "my_name": "",
    "clipboard_osc52": True,     # also copy through the terminal (OSC 52; works over SSH)
    "resume_format": "txt",      # the Resume screen's format: txt, md, tex, bib
    "pitch_paper_id": None,      # the paper the Pitch screen shows first
}


class SettingsRepo:
    def __init__(self, store: "Store"):
        self.store = store

    def get(self, key: str, default: Any = _UNSET) -> Any:
        """The stored value, else `default` if given, else the built-in default."""
        raw = self.store.scalar("SELECT value FROM settings WHERE key = ?", (key,))
        if raw is not None:
            return json.loads(raw)
        return DEFAULTS.get(key) if default is _UNSET else default

    def set(self, key: str, value: Any) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )

    def zone(self) -> "tzinfo":
        """The user's time zone: the `timezone` setting, else the system's."""
        from ..clock import system_zone
        from ..domain.timezones import local_zone

        return local_zone(self.get("timezone"), system_zone())

    def all(self) -> dict[str, Any]:
        stored = {row["key"]: json.loads(row["value"]) for row in self.store.rows("SELECT key, value FROM settings")}
        return {**DEFAULTS, **stored}
