"""Settings, loaded and saved in one place: the `settings` table (key -> JSON) <-> `Settings`.

What each setting is (kind, default, bounds, labels) lives in `domain/settings.py`. Rows
for keys the catalogue does not know (the seed's bookkeeping) are left alone.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..domain.setting_kinds import SettingError
from ..domain.settings import Settings, setting
from .errors import ValidationError

if TYPE_CHECKING:
    from datetime import tzinfo

    from .store import Store


class SettingsRepo:
    def __init__(self, store: "Store"):
        self.store = store

    def load(self) -> Settings:
        """The current settings (one query); an unreadable stored value reads as its default."""
        stored: dict[str, Any] = {}
        for row in self.store.rows("SELECT key, value FROM settings"):
            try:
                stored[row["key"]] = json.loads(row["value"])
            except (TypeError, ValueError):
                continue
        return Settings.from_stored(stored)

    def update(self, **changes: Any) -> Settings:
        """Check and save typed values, all in one transaction; ValidationError names the key."""
        values = {}
        for key, value in changes.items():
            try:
                spec = setting(key)
                values[key] = spec.to_json(spec.check(value))
            except SettingError as error:
                raise ValidationError(str(error), field=key) from None
        with self.store.transaction() as conn:
            conn.executemany(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [(key, json.dumps(value, ensure_ascii=False)) for key, value in values.items()],
            )
        return self.load()

    def reset(self, key: str) -> None:
        """Forget the stored value of `key`: it reads as its default."""
        try:
            setting(key)  # an unknown key is refused, never deleted blindly
        except SettingError as error:
            raise ValidationError(str(error), field=key) from None
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM settings WHERE key = ?", (key,))

    def set_text(self, key: str, text: str) -> Any:
        """Save what a user typed for `key` (a form, a prompt, `paperdeck config set`);
        returns the typed value saved. ValidationError with one line when refused."""
        try:
            value = setting(key).parse(text)
        except SettingError as error:
            raise ValidationError(str(error), field=key) from None
        self.update(**{key: value})
        return value

    def zone(self, settings: Settings | None = None) -> "tzinfo":
        """The user's time zone: the `timezone` setting, else the system's."""
        from ..clock import system_zone

        return (settings or self.load()).zone(system_zone())

