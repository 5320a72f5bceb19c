"""The app against the hostile table: stored text on every screen, and pasted into text fields.

What the app would write to the terminal is taken from the compositor (the exact bytes the
driver sends) and searched for any escape sequence other than the app's own cursor moves and
colours, and for raw control characters: stored text must never move the cursor, clear the
screen or write the clipboard.
"""

from __future__ import annotations

import re

import pytest
from textual import events

from hostile import HOSTILE
from paperdeck.store import open_store
from paperdeck.tui.app import PaperdeckApp
from test_bad_input_stored import store_everywhere
from waiting import app_until, workers_done

# The app's own output: cursor moves (CSI row;col H) and colours/styles (CSI ... m), hyperlinks
# Textual makes for its own links (OSC 8) - nothing else may appear.
OWN_SEQUENCE = re.compile(r"\x1b\[[0-9;:]*[mH]|\x1b\]8;[^\x1b\x07]*(?:\x1b\\|\x07)")
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_output(app) -> str:
    update = app.screen._compositor.render_full_update()
    return update.render_segments(app.console)


def foreign(output: str) -> list[str]:
    rest = OWN_SEQUENCE.sub("", output)
    return sorted({repr(found) for found in FORBIDDEN.findall(rest.replace("\n", ""))})


async def assert_clean(app, pilot, where: str) -> None:
    await pilot.pause()
    assert app.is_running, f"{where}: the app stopped"
    problems = foreign(terminal_output(app))
    assert not problems, f"{where}: raw control output {problems}"


@pytest.fixture(scope="module")
def hostile_db(seeded_template, tmp_path_factory):
    import shutil

    path = tmp_path_factory.mktemp("hostile") / "paperdeck.db"
    shutil.copyfile(seeded_template, path)
    opened = open_store(path)
    store_everywhere(opened)
    opened.close()
    return path


@pytest.fixture
def hostile_store(hostile_db, tmp_path):
    import shutil

    copy = tmp_path / "hostile.db"
    shutil.copy(hostile_db, copy)
    opened = open_store(copy)
    yield opened
    opened.close()


SCREENS_AND_KEYS = [
    ("dashboard", []),
    ("pipeline", []),
    ("venues", []),
    ("flashcards", []),
    ("flashcards", ["b"]),  # the card browser
    ("flashcards", ["s"]),  # statistics
    ("flashcards", ["a", "space"]),  # a review with the answer shown
    ("pitch", []),
    ("resume", []),
    ("resume", ["f"]),  # another snippet format
]


@pytest.mark.parametrize("size", [(80, 24), (160, 50)], ids=["80x24", "160x50"])
async def test_stored_hostile_text_on_every_screen(hostile_store, size):
    """One app per size visits every screen and what its keys open (an app per screen only
    repeated the start-up)."""
    app = PaperdeckApp(hostile_store, start_screen="dashboard", watch=False)
    async with app.run_test(size=size) as pilot:
        for screen, keys in SCREENS_AND_KEYS:
            await app.switch_mode(screen)
            await workers_done(pilot)
            await assert_clean(app, pilot, screen)
            for key in keys:
                await pilot.press(key)
                await workers_done(pilot)
                await assert_clean(app, pilot, f"{screen} after {key}")
            while len(app.screen_stack) > 1:  # back to the screen itself for the next keys
                await app.pop_screen()
                await pilot.pause()


def focused_text_widgets(app):
    from textual.widgets import Input, TextArea

    return [w for w in app.screen.query("Input, TextArea") if isinstance(w, (Input, TextArea)) and not getattr(w, "read_only", False)
            and not w.disabled]


@pytest.mark.parametrize("name", [n for n in HOSTILE if n != "empty"])
async def test_pasting_hostile_text_into_the_pitch_editors(store, name):
    from textual.widgets import TextArea

    paper = store.papers.add("Paste target")
    value = HOSTILE[name]
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.screen.view_ready()  # the editors are mounted with the first view
        editor = app.screen.query_one("#editor-1", TextArea)
        editor.focus()
        await pilot.pause()
        app.post_message(events.Paste(value))  # as the terminal driver delivers a paste
        await app_until(pilot, lambda: store.pitches.bodies(paper.id)["pitch.background"], f"the autosave of {name}")
        await assert_clean(app, pilot, f"pitch after pasting {name}")
    saved = store.pitches.bodies(paper.id)["pitch.background"]
    # Stored as pasted, control characters as their visible stand-ins (what the user saw).
    from paperdeck.tui.widgets.safe_text import visible

    assert saved == visible(value), (name, saved[:80])


@pytest.mark.parametrize("name", list(HOSTILE))
async def test_hostile_text_into_the_input_fields_of_the_flashcards_screens(store, name):
    """The card browser's search and every prompt on the Flashcards screen (deck name,
    target time, retention, new cards per day, interview date) take the value: a message or a result."""
    value = HOSTILE[name]
    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key in ["n", "t", "r", "l", "i", "b"]:
            await pilot.press(key)
            await pilot.pause()
            fields = focused_text_widgets(app)
            if fields:
                fields[0].focus()
                await pilot.pause()
                app.post_message(events.Paste(value))
                await pilot.pause()
                await pilot.press("enter")
                await assert_clean(app, pilot, f"flashcards {key} with {name}")
            while len(app.screen_stack) > 1 and app.screen.id != "_default":
                if type(app.screen).__name__ in ("FlashcardsScreen",):
                    break
                await pilot.press("escape")
                await pilot.pause()
        await assert_clean(app, pilot, f"flashcards after {name}")


async def test_the_detector_sees_raw_text_that_was_not_made_literal():
    """Without `literal()`, an escape in a Text reaches the terminal: the check above would fail."""
    from rich.text import Text
    from textual.app import App
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self):
            yield Static(Text("a\x1b[2Jb\x1b]52;c;aGVsbG8=\x07"))

    app = Bare()
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        assert foreign(terminal_output(app))


@pytest.mark.parametrize("name", list(HOSTILE))
async def test_hostile_paper_titles_through_quick_capture_and_the_paper_form(store, name):
    from paperdeck.textsafe import one_line

    value = HOSTILE[name]
    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        app.post_message(events.Paste(value))
        await pilot.pause()
        await pilot.press("enter")
        await assert_clean(app, pilot, f"capture {name}")
        titles = [paper.title for paper in store.papers.all()]
        if titles:  # stored as shown in the field (controls as visible stand-ins)
            # (a paste into a one-line field keeps its first line, as terminals' inputs do)
            assert titles[0] in (one_line(value).strip(), one_line(value.splitlines()[0]).strip()), (name, titles[0][:80])
            await pilot.press("enter")  # the paper form
            await assert_clean(app, pilot, f"paper form {name}")
        else:  # refused: the reason is on screen, nothing stored
            assert "required" in terminal_output(app) or "long" in terminal_output(app), name
