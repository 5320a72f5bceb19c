"""The TUI shell: one registry of screens read by MODES, the keys, the palette and `--screen`;
key hints from bindings (after the user's keymap); the one choice dialog."""

from __future__ import annotations

from contextlib import asynccontextmanager

import pytest

from paperdeck.cli.main import build_parser
from paperdeck.models.papers import Stage
from paperdeck.tui.actions import APP_ACTIONS
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.registry import SCREEN_NAMES, SCREENS
from paperdeck.tui.screens.base import PaperdeckScreen
from tmux_session import paperdeck_argv, tmux_factory  # noqa: F401  (fixture)


def test_every_registered_screen_is_a_mode_a_key_and_a_screen_class():
    assert tuple(PaperdeckApp.MODES) == SCREEN_NAMES
    keys = {a.action: a.key for a in APP_ACTIONS}
    for number, entry in enumerate(SCREENS, start=1):
        assert issubclass(entry.screen_class(), PaperdeckScreen)
        assert keys[f"app.show('{entry.name}')"] == str(number)
        assert entry.zh and entry.en


@pytest.mark.parametrize("argv", [["--screen", "venues"], ["run", "--screen", "venues"]])
def test_screen_option_at_the_top_and_on_run(argv):
    assert build_parser().parse_args(argv).screen == "venues"


def test_no_screen_option_leaves_the_default_to_the_app():
    assert not hasattr(build_parser().parse_args([]), "screen")
    assert not hasattr(build_parser().parse_args(["run"]), "screen")


def test_an_unknown_screen_is_a_usage_error(cli):
    result = cli("--screen", "nowhere")
    assert result.returncode == 2
    assert "invalid choice: 'nowhere'" in result.stderr and "pipeline" in result.stderr


def test_paperdeck_screen_opens_that_screen_in_a_terminal(tmp_path, tmux_factory):
    import os

    session = tmux_factory(100, 30)
    env = {key: os.environ[key] for key in ("PATH", "HOME", "XDG_DATA_HOME", "LANG") if key in os.environ}
    env |= {"TERM": "xterm-256color", "PYTHONPATH": os.pathsep.join(_src()), "PAPERDECK_NO_SAMPLES": "1"}
    session.start([*paperdeck_argv(tmp_path / "e2e.db"), "--screen", "flashcards"], env)
    session.wait_for("Interview follow-ups", timeout=30)  # the deck list, with no key pressed
    session.keys("C-q")
    assert session.wait_exit() == "0"


def _src() -> list[str]:
    import os

    import paperdeck

    return [os.path.dirname(os.path.dirname(paperdeck.__file__))]


async def palette_run(pilot, query: str) -> None:
    """Open the palette, search, run the first hit."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("down", "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_palette_runs_another_screens_action_by_name(store):
    paper = store.papers.add("Alpha", Stage.IDEATION)
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.current_mode == "dashboard"
        await palette_run(pilot, "paper to the next stage")
        assert app.current_mode == "pipeline"
        assert store.papers.get(paper.id).stage is Stage.DESIGN


async def test_the_palette_offers_every_screens_actions(store):
    from paperdeck.tui.commands import PaperdeckCommands
    from paperdeck.tui.keys import class_bindings

    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        provider = PaperdeckCommands(app.screen)
        await provider.startup()
        offered = {command.run.args for command in provider._commands() if command.run.args[:1] != ("app.",)}
        for entry in SCREENS:
            for binding in class_bindings(entry.screen_class()):
                if binding.description:
                    assert (entry.name, binding.action) in offered


async def test_dialog_buttons_show_the_key_after_the_users_keymap(store):
    store.settings.update(keymap={"confirm.yes": "z", "pipeline.undo": "ctrl+z"})
    paper = store.papers.add("Alpha", Stage.IDEATION)
    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert dialog.id == "confirm"
        labels = [str(button.label) for button in dialog.query("Button")]
        assert labels == ["Delete (z)", "Cancel (n)"]
        assert "(^z undoes)" in str(dialog.query_one("#choice-message").render())
        await pilot.press("y")  # remapped away: nothing happens
        await pilot.pause()
        assert app.screen is dialog
        await pilot.press("z")
        await pilot.pause()
    assert [p.id for p in store.papers.all()] == []


async def test_help_is_titled_with_the_registered_label_in_the_language(store):
    app = PaperdeckApp(store, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2", "question_mark")
        await pilot.pause()
        assert app.screen.query_one(".dialog").border_title == "按键 — 会议"


def test_escape_then_a_digit_within_the_escape_delay_types_nothing():
    """Textual read ESC + digit as WezTerm's Option+digit and typed "§" (ESC 6): Escape then 6
    pressed quickly typed it into the Pitch editor. Now it is alt+6, which has no character."""
    import paperdeck.tui.app  # noqa: F401  (applies the fixes)
    from textual._xterm_parser import XTermParser

    parser = XTermParser()
    for digit in "1234567890":
        keys = list(parser.feed("\x1b")) + list(parser.feed(digit))
        assert [(key.key, key.character) for key in keys] == [(f"alt+{digit}", None)]


@asynccontextmanager
async def in_the_pitch_editor(store):
    """The Pitch screen on a paper, the cursor in its first part's editor: (pilot, app, editor)."""
    from textual.widgets import TextArea

    from paperdeck.models.papers import Stage
    from paperdeck.tui.app import PaperdeckApp
    from waiting import settled

    store.papers.add("Pitched", Stage.WRITING)
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        editor = app.screen.focused
        assert isinstance(editor, TextArea)
        yield pilot, app, editor


@pytest.mark.parametrize("keys", [["alt+6"], ["escape", "6"]])
async def test_escape_then_a_digit_in_the_pitch_editor_opens_that_screen_and_types_nothing(store, keys):
    from waiting import app_until

    async with in_the_pitch_editor(store) as (pilot, app, editor):
        before = editor.text
        await pilot.press(*keys)
        await app_until(pilot, lambda: app.current_mode == "resume", "the Resume screen")
        assert editor.text == before


async def test_escape_then_a_letter_typed_quickly_in_the_pitch_editor_is_that_key_not_text(store):
    """ESC r arrives as alt+r with the character "r": Textual typed it into the editor. It
    leaves the editor and starts a rehearsal, as Escape then r does."""
    from textual.widgets import TextArea

    from waiting import app_until

    async with in_the_pitch_editor(store) as (pilot, app, editor):
        before = editor.text
        await pilot.press("alt+r")
        await app_until(pilot, lambda: app.screen.stopwatch is not None and app.screen.stopwatch.running, "the rehearsal")
        assert editor.text == before and not isinstance(app.screen.focused, TextArea)


async def test_in_a_dialog_escape_then_a_letter_answers_nothing(store):
    """In a dialog alt+x stays Textual's: an Escape there may ask a question, which the letter
    must not answer unseen."""
    from paperdeck.models.papers import Stage
    from paperdeck.tui.app import PaperdeckApp
    from paperdeck.tui.screens.paper_form import PaperFormModal
    from waiting import app_until, settled

    paper = store.papers.add("Edited in the form", Stage.IDEATION)
    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("e")
        await app_until(pilot, lambda: isinstance(app.screen, PaperFormModal) and app.screen.query("Input"), "the form")
        await settled(pilot)
        await pilot.press("end", "x", "alt+d")
        await settled(pilot)
        assert isinstance(app.screen, PaperFormModal)  # not closed, nothing discarded
        assert app.screen.fields["title"].value.startswith("Edited in the form")
    assert store.papers.get(paper.id).title == "Edited in the form"
