"""The Settings screen: every setting by its label in both languages, checked as it is saved,
and applied live (theme, language and keymap at once; the Dashboard's horizon on its next read),
whether changed on the screen or by `paperdeck config set` in another process."""

from __future__ import annotations

from paperdeck.domain.settings import CATALOGUE
from paperdeck.tui.app import PaperdeckApp
from waiting import app_until


async def shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


def rows(app) -> str:
    listing = app.screen.query_one("#settings-list")
    return "\n".join(str(option.prompt) for option in listing.options)


async def highlight(pilot, key: str) -> None:
    listing = pilot.app.screen.query_one("#settings-list")
    listing.focus()
    index = next(i for i, option in enumerate(listing.options) if option.id == key)
    listing.highlighted = index
    await pilot.pause()


async def edit(pilot, key: str, text: str) -> None:
    """Open the highlighted setting's editor, replace its text with `text`, press Enter."""
    from textual.widgets import Input

    await highlight(pilot, key)
    await pilot.press("enter")
    await app_until(pilot, lambda: pilot.app.screen.id == "setting-editor", "the editor")
    field = pilot.app.screen.query_one("#setting-value", Input)
    field.value = text
    await pilot.press("enter")
    await pilot.pause()


async def test_every_setting_by_its_label_in_both_languages(store):
    app = PaperdeckApp(store, start_screen="settings", watch=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await shown(pilot)
        text = rows(app)
        for spec in CATALOGUE:
            if spec.internal:
                assert spec.label_en not in text
            else:
                assert spec.label_en in text
        assert "Dashboard" in text and "Flashcards" in text  # group headings
        await pilot.press("f2")
        await shown(pilot)
        text = rows(app)
        assert "截止日期范围（天）" in text and "概览" in text
        assert app.screen.query_one("#settings-list").border_title == "设置"


async def test_a_refused_value_names_the_setting_by_its_label_and_saves_nothing(store):
    app = PaperdeckApp(store, start_screen="settings", watch=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await shown(pilot)
        await edit(pilot, "today_days", "[red]soon[/]")
        error = str(app.screen.query_one("#setting-error").render())
        assert error == "Deadline horizon (days) must be a whole number from 1 to 3660, not '[red]soon[/]'"
        assert store.settings.load().today_days == 30
        await pilot.press("escape")
        await pilot.press("f2")
        await shown(pilot)
        await edit(pilot, "today_days", "0")
        error = str(app.screen.query_one("#setting-error").render())
        assert error == "截止日期范围（天）应为 1 到 3660 之间的整数，而不是 0"
        assert store.settings.load().today_days == 30


async def test_a_saved_horizon_shows_on_the_dashboard(store):
    app = PaperdeckApp(store, start_screen="settings", watch=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await shown(pilot)
        await edit(pilot, "today_days", " 90 ")
        assert store.settings.load().today_days == 90
        await shown(pilot)
        assert "90" in rows(app)
        await pilot.press("1")
        await shown(pilot)
        assert "90" in app.screen.query_one("#dash-deadlines").border_title
        await pilot.press("7")
        await shown(pilot)
        await highlight(pilot, "today_days")
        await pilot.press("d")  # back to the default
        assert store.settings.load().today_days == 30
        assert store.scalar("SELECT count(*) FROM settings WHERE key = 'today_days'") == 0


async def test_a_flag_flips_and_choices_pick_from_a_list(store):
    app = PaperdeckApp(store, start_screen="settings", watch=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await shown(pilot)
        await highlight(pilot, "clipboard_osc52")
        await pilot.press("enter")
        assert store.settings.load().clipboard_osc52 is False
        await highlight(pilot, "resume_format")
        await pilot.press("enter")
        await app_until(pilot, lambda: app.screen.id == "settings-choice", "the choice list")
        await pilot.press("down", "enter")  # txt -> md
        await app_until(pilot, lambda: store.settings.load().resume_format == "md", "the format saved")


async def test_language_theme_and_keymap_apply_at_once(store):
    from paperdeck.tui.screens.help import HelpScreen

    app = PaperdeckApp(store, start_screen="settings", watch=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await shown(pilot)
        assert app.language == "en"
        await highlight(pilot, "language")
        await pilot.press("enter")
        await app_until(pilot, lambda: app.screen.id == "settings-choice", "the choice list")
        await pilot.press("down", "enter")  # auto -> zh
        await app_until(pilot, lambda: app.language == "zh", "the language switched")
        await shown(pilot)
        assert "时区" in rows(app)

        await highlight(pilot, "theme")
        await pilot.press("enter")
        await app_until(pilot, lambda: app.screen.id == "settings-choice", "the theme list")
        dialog = app.screen
        themes = [str(option.prompt).strip("● ").strip() for option in dialog.query_one("#choice-options").options]
        assert "nord" in themes
        dialog.query_one("#choice-options").highlighted = themes.index("nord")
        await pilot.press("enter")
        await app_until(pilot, lambda: app.theme == "nord", "the theme applied")
        assert store.settings.load().theme == "nord"

        await edit(pilot, "keymap", "app.help=f1")
        assert app.user_keymap == {"app.help": "f1"}
        await pilot.press("f1")
        await app_until(pilot, lambda: isinstance(app.screen, HelpScreen), "help on F1")


async def test_auto_language_stays_auto(store):
    store.settings.update(language="zh")
    app = PaperdeckApp(store, start_screen="settings", watch=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await shown(pilot)
        assert app.language == "zh"
        await highlight(pilot, "language")
        await pilot.press("d")  # back to auto: the locale (en_US in tests)
        await app_until(pilot, lambda: app.language == "en", "the locale's language")
        assert store.settings.load().language is None


async def test_a_change_from_the_command_line_applies_while_the_app_runs(seeded_db, cli):
    from paperdeck.store import open_store

    store = open_store(seeded_db)
    app = PaperdeckApp(store)
    async with app.run_test(size=(100, 40)) as pilot:
        await app_until(pilot, lambda: app.database_watcher is not None, "the database watcher")
        await shown(pilot)
        for key, value in (("theme", "nord"), ("language", "zh"), ("keymap", "app.help=f1")):
            result = cli("config", "set", key, value)
            assert result.returncode == 0, result.stderr
        await app_until(pilot, lambda: app.theme == "nord" and app.language == "zh", "theme and language")
        await app_until(pilot, lambda: app.user_keymap == {"app.help": "f1"}, "the keymap")
        await app_until(pilot, lambda: "截止日期" in app.screen.query_one("#dash-deadlines").border_title,
                        "the dashboard in Chinese")
    store.close()
