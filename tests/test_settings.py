"""The settings catalogue, the typed Settings object and the store's one load/save place."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest

from paperdeck.domain.setting_kinds import SettingError
from paperdeck.domain.settings import CATALOGUE, GROUPS, Settings, setting
from paperdeck.store import ValidationError
from setting_samples import SAMPLES

# Per setting, what a user might type that must be refused, one of each kind that applies.
REFUSED: dict[str, list[str]] = {
    "day_rollover_hour": ["24", "-1", "four", "4.5", "", "\x1b[2J", "9" * 5000],
    "today_days": ["0", "3661", "1e3"],
    "new_cards_per_day": ["-1", "x", "1e9", "10000"],
    "desired_retention": ["abc", "50%", "1.5", "", "nan", "inf", "0.999"],
    "words_per_minute": ["0", "-130", "fast", "1e309"],
    "timezone": ["Mars/Olympus", "UTC+15", "", "a" * 200, "Asia/\x1bShanghai"],
    "interview_date": ["2026-02-30", "15/12/2026", "tomorrow", ""],
    "language": ["fr", "", "[red]"],
    "theme": ["[red]x[/]", "two words", "", "x" * 61],
    "keymap": ["pitch.copy", "=f9", "pitch copy=f9", "help=f1 f2", "help=\x1b"],
    "resume_format": ["pdf", ""],
    "clipboard_osc52": ["maybe", ""],
    "my_name": ["line\nbreak", "a\x00b", "x" * 201],
    "pitch_paper_id": ["0", "-3", "paper"],
    "pitch_minutes": ["0", "8-5", "61", "five", "5-", "nan", ""],
}


def test_every_setting_is_a_field_with_labels_help_and_a_valid_default():
    assert [spec.key for spec in CATALOGUE] == [item.name for item in fields(Settings)]
    for spec in CATALOGUE:
        assert spec.group in GROUPS, spec.key
        for text in (spec.label_zh, spec.label_en, spec.help_zh, spec.help_en, spec.describe()):
            assert text.strip() and "\n" not in text, spec.key
        assert spec.check(spec.default) == spec.default, spec.key
        assert spec.parse(spec.show(spec.default)) == spec.default, spec.key
        assert getattr(Settings(), spec.key) == spec.default


def test_every_setting_has_a_sample():
    assert set(SAMPLES) == {spec.key for spec in CATALOGUE}


@pytest.mark.parametrize("key", list(SAMPLES))
def test_sample_parses_checks_and_shows_back(key):
    spec = setting(key)
    value, text = SAMPLES[key]
    assert value != spec.default
    assert spec.parse(text) == value
    assert spec.check(spec.to_json(value)) == value  # what the store writes reads back
    assert spec.parse(spec.show(value)) == value     # what `config get` shows, `config set` takes


@pytest.mark.parametrize(("key", "text"), [(key, text) for key, texts in REFUSED.items() for text in texts])
def test_bad_text_is_refused_with_one_line_naming_the_setting(key, text):
    with pytest.raises(SettingError) as caught:
        setting(key).parse(text)
    message = str(caught.value)
    assert message.startswith(f"{key} ") and "\n" not in message
    assert len(message) < 300  # a huge input is not echoed whole
    assert "\x1b" not in message  # control characters are quoted, never passed on
    # In Chinese too, after the setting's label (what the Settings screen shows).
    spec = setting(key)
    zh = spec.refusal(caught.value, "zh")
    assert zh.startswith(spec.label_zh) and "\n" not in zh and "\x1b" not in zh and len(zh) < 300
    assert zh != spec.label_zh + message.removeprefix(key + " ")  # written in Chinese, not the English
    assert spec.refusal(caught.value, "en") == f"{spec.label_en} {message.removeprefix(key + ' ')}"


def test_values_a_user_writes_several_ways():
    assert setting("desired_retention").parse("90") == pytest.approx(0.9)
    assert setting("desired_retention").parse(" 0.9 ") == pytest.approx(0.9)
    assert setting("language").parse("ZH") == "zh"
    assert setting("language").parse("auto") is None
    assert setting("timezone").parse("system") is None
    assert setting("timezone").parse("UTC+8") == "UTC+8"  # kept as typed
    assert setting("keymap").parse("none") == ()
    assert setting("interview_date").parse("none") is None
    assert setting("my_name").parse("  ") == ""  # empty text clears it
    assert setting("my_name").parse("[red]Li[/] \x1b[2J") == "[red]Li[/] \x1b[2J"  # stored as typed
    assert setting("pitch_minutes").parse("5–8") == (5.0, 8.0)
    assert setting("pitch_minutes").parse("3 min") == (3.0, 3.0)
    assert setting("pitch_minutes").parse("10 to 12") == (10.0, 12.0)
    assert setting("pitch_minutes").parse("guide") is None
    assert setting("pitch_minutes").show((3.0, 3.0)) == "3"


def test_unknown_key_suggests_the_closest():
    with pytest.raises(SettingError, match="did you mean timezone"):
        setting("time_zone")
    with pytest.raises(SettingError, match="config list"):
        setting("\x1b[2J")


def test_invalid_stored_values_read_as_defaults():
    garbage = {
        "today_days": -5, "stalled_days": "many", "wip_limit": True, "new_cards_per_day": 1e12,
        "desired_retention": "NaN", "day_rollover_hour": [4], "timezone": "Nowhere/Land",
        "interview_date": "2026-13-01", "words_per_minute": None, "language": "fr", "theme": {"a": 1},
        "keymap": ["not", "pairs"], "resume_format": 3, "clipboard_osc52": "perhaps",
        "backups_kept": 0, "my_name": 42, "pitch_paper_id": -1, "answer_seconds": 4,
        "cjk_chars_per_minute": "fast", "no_such_setting": 1,
    }
    assert Settings.from_stored(garbage) == Settings()


def test_store_loads_defaults_for_rows_it_cannot_read(store):
    with store.transaction() as conn:
        conn.executemany("INSERT INTO settings(key, value) VALUES (?, ?)",
                         [("today_days", "{not json"), ("wip_limit", '"lots"'), ("my_name", "null"),
                          ("timezone", '"Nowhere/Land"'), ("stalled_days", "9")])
    loaded = store.settings.load()
    assert loaded == Settings(stalled_days=9)
    assert store.settings.zone() == store.settings.zone(Settings())


def test_store_update_checks_saves_and_round_trips_every_setting(store, db_path):
    from paperdeck.store import open_store

    store.settings.update(**{key: value for key, (value, _text) in SAMPLES.items()})
    reopened = open_store(db_path, seed=False)
    try:
        loaded = reopened.settings.load()
    finally:
        reopened.close()
    for key, (value, _text) in SAMPLES.items():
        assert getattr(loaded, key) == value, key
    stored = dict(store.rows("SELECT key, value FROM settings"))
    assert json.loads(stored["interview_date"]) == "2026-12-15"
    assert json.loads(stored["keymap"]) == {"help": "f1", "pitch.copy": "f9,ctrl+y"}


def test_store_refuses_bad_values_and_saves_nothing_of_the_change(store):
    before = store.settings.load()
    with pytest.raises(ValidationError) as caught:
        store.settings.update(wip_limit=3, day_rollover_hour=25)
    assert caught.value.field == "day_rollover_hour"
    with pytest.raises(ValidationError) as caught:
        store.settings.update(no_such_setting=1)
    assert caught.value.field == "no_such_setting"
    with pytest.raises(ValidationError):
        store.settings.set_text("timezone", "Mars/Olympus")
    assert store.settings.load() == before


def test_set_text_returns_the_typed_value(store):
    assert store.settings.set_text("desired_retention", "85%") == pytest.approx(0.85)
    assert store.settings.set_text("timezone", "UTC-5") == "UTC-5"
    assert store.settings.load().zone(None).utcoffset(None).total_seconds() == -5 * 3600
    assert store.settings.set_text("timezone", "system") is None
    assert store.settings.load().timezone is None


def test_the_seed_bookkeeping_row_is_not_a_setting(store):
    from paperdeck.store.seed import SEED_HASH_SETTING, seed_if_needed

    assert store.scalar("SELECT count(*) FROM settings WHERE key = ?", (SEED_HASH_SETTING,)) == 1
    assert seed_if_needed(store) is False  # the stored hash still matches
    with pytest.raises(SettingError):
        setting(SEED_HASH_SETTING)
