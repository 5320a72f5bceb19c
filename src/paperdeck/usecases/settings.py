"""Settings as rows to list, show and change: what `paperdeck config` and the Settings screen
ask. Reading, checking and saving are the store's (`store.settings`); the catalogue is
`domain/settings.py`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.setting_kinds import SettingError
from ..domain.settings import CATALOGUE, GROUPS, Setting, setting
from ..store.errors import ValidationError

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True, slots=True)
class SettingRow:
    spec: Setting
    value: Any

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def text(self) -> str:
        """The value as a user writes it (raw: make it printable before showing it)."""
        return self.spec.show(self.value)

    @property
    def is_default(self) -> bool:
        return self.value == self.spec.default

    def to_json(self) -> dict[str, Any]:
        spec = self.spec
        return {
            "key": spec.key, "value": spec.to_json(self.value), "default": spec.to_json(spec.default),
            "is_default": self.is_default, "group": spec.group, "group_zh": GROUPS[spec.group][0],
            "group_en": GROUPS[spec.group][1], "label_zh": spec.label_zh, "label_en": spec.label_en,
            "help_zh": spec.help_zh, "help_en": spec.help_en, "accepts": spec.describe(),
            "choices": list(spec.choices) if spec.choices else None, "internal": spec.internal,
        }


def setting_rows(store: "Store") -> list[SettingRow]:
    """Every setting with its current value, in catalogue order."""
    current = store.settings.load()
    return [SettingRow(spec, getattr(current, spec.key)) for spec in CATALOGUE]


def setting_row(store: "Store", key: str) -> SettingRow:
    """One setting; ValidationError for a key the catalogue does not know."""
    spec = _spec(key)
    return SettingRow(spec, getattr(store.settings.load(), spec.key))


@dataclass(frozen=True, slots=True)
class SettingsView:
    """The Settings screen's rows: every setting a user sets (not the app's own bookkeeping),
    in catalogue order, which is group order."""

    rows: tuple[SettingRow, ...]

    def row(self, key: str) -> SettingRow | None:
        return next((row for row in self.rows if row.key == key), None)


def settings_view(store: "Store") -> SettingsView:
    return SettingsView(tuple(row for row in setting_rows(store) if not row.spec.internal))


def save_typed_text(store: "Store", key: str, text: str) -> SettingRow:
    """Save what a user typed on the Settings screen. A refusal is the kind's SettingError in
    both languages, without the key (the screen names the setting by its label); nothing is
    saved then."""
    spec = setting(key)
    value = spec.kind.parse(text)
    store.settings.update(**{spec.key: value})
    return SettingRow(spec, getattr(store.settings.load(), spec.key))


def reset_setting(store: "Store", key: str) -> SettingRow:
    """Back to the default (the stored value is removed, so a later default applies too)."""
    spec = _spec(key)
    store.settings.reset(spec.key)
    return SettingRow(spec, getattr(store.settings.load(), spec.key))


def change_setting(store: "Store", key: str, value: str, *, as_json: bool = False) -> SettingRow:
    """Save `value` for `key`: text as a user types it, or (`as_json`) a JSON value.
    ValidationError, one line, when refused; nothing is saved then."""
    spec = _spec(key)
    if not as_json:
        return SettingRow(spec, store.settings.set_text(spec.key, value))
    try:
        decoded = json.loads(value)
    except (ValueError, RecursionError):
        raise ValidationError(f"{spec.key}: the value is not JSON (without --json, write it as text)",
                              field=spec.key) from None
    saved = getattr(store.settings.update(**{spec.key: decoded}), spec.key)
    return SettingRow(spec, saved)


def _spec(key: str) -> Setting:
    try:
        return setting(key)
    except SettingError as error:
        raise ValidationError(str(error), field=key) from None
