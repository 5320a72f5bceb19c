"""Keys reach a text field in the order they were typed, bound keys included.

Textual types a letter in the field at once but runs a bound key (Backspace, arrows, Delete,
Ctrl+W…) only after its event has bubbled up to the app (Textual issue #6605): in a burst of
keys (a loaded machine, a macro, a chorded keyboard) the letters typed after a Backspace went
in first, and the Backspace then deleted the wrong one. Seen in the tmux journey: "x",
Backspace, then a line left "x" in the pitch and the line's last character gone.
"""

from __future__ import annotations

from textual.widgets import Input, TextArea

from key_burst import burst
from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from waiting import app_until, settled
from xdisplay import xvfb_display  # noqa: F401  (fixture)


def pitch_app(store) -> PaperdeckApp:
    return PaperdeckApp(store, start_screen="pitch", watch=False)


async def in_first_editor(pilot) -> TextArea:
    """The Pitch screen's view shown, the focus in part 1's editor."""
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.click("#editor-1")
    return pilot.app.screen.query_one("#editor-1", TextArea)


async def test_a_burst_with_backspace_and_arrows_edits_the_pitch_in_order(store):
    paper = store.papers.add("Ordered keys", Stage.WRITING)
    app = pitch_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await in_first_editor(pilot)
        burst(app, "x", "backspace")
        burst(app, "abd", "left")
        burst(app, "c", "end")
        burst(app, "e")
        await app_until(pilot, lambda: len(editor.text) >= 5, "the burst typed")
        await settled(pilot)
        assert editor.text == "abcde"
        await app.action_quit()
    assert store.pitches.bodies(paper.id)["pitch.background"] == "abcde"


async def test_a_burst_with_backspace_edits_a_one_line_field_in_order(store):
    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("n")  # quick capture: a one-line title field
        await settled(pilot)
        field = app.focused
        assert isinstance(field, Input)
        burst(app, "Tix", "backspace")
        burst(app, "tle", "home", "delete")
        burst(app, "N")
        await app_until(pilot, lambda: field.value.endswith("tle") and field.value.startswith("N"), "the burst typed")
        await settled(pilot)
        assert field.value == "Nitle"


async def test_keys_typed_before_the_pitch_editors_exist_keep_their_order(store, monkeypatch):
    """Entering Pitch, the first keys come before its editors: they are kept, Backspace and
    Enter included, and typed into the first part once it shows."""
    from paperdeck.tui.screens.pitch import PitchScreen
    from waiting import hold_loads

    paper = store.papers.add("Typed early", Stage.WRITING)
    hold, read, release = hold_loads(monkeypatch, PitchScreen)
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        hold()
        await pilot.press("5")
        await app_until(pilot, read.is_set, "the Pitch's first load")
        burst(app, "abx", "backspace", "enter")
        burst(app, "c")
        await pilot.pause()
        assert not app.screen.query("#editor-1"), "the editors came before the keys: nothing tested"
        release.set()
        await app_until(pilot, lambda: bool(app.screen.query("#editor-1")), "the editors")
        editor = app.screen.query_one("#editor-1", TextArea)
        await app_until(pilot, lambda: editor.text == "ab\nc", f"the early keys in order (editor: {editor.text!r})")
        await app.action_quit()
    assert store.pitches.bodies(paper.id)["pitch.background"] == "ab\nc"


async def test_ctrl_s_right_behind_typed_text_versions_all_of_it(store):
    """Pitch's keys are priority bindings: they run as they arrive, before the editor took the
    letters typed just ahead of them. Ctrl+S (a version now) waits for those letters."""
    paper = store.papers.add("Saved at once", Stage.WRITING)
    app = pitch_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await in_first_editor(pilot)
        burst(app, "Typed")
        await app_until(pilot, lambda: store.pitches.bodies(paper.id)["pitch.background"] == "Typed", "the autosave")
        before = len(store.pitches.versions(paper.id))
        burst(app, " fast 快速", "ctrl+s")
        await app_until(pilot, lambda: len(store.pitches.versions(paper.id)) > before, "the version Ctrl+S takes")
        assert store.pitches.versions(paper.id)[0].sections == {"pitch.background": "Typed fast 快速"}
        await app.action_quit()


async def test_f9_right_behind_typed_text_copies_all_of_it(store, xvfb_display):
    from xdisplay import read_clipboard

    store.papers.add("Copied at once", Stage.WRITING)
    app = pitch_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await in_first_editor(pilot)
        burst(app, "Copied fast 复制", "f9")
        await app_until(pilot, lambda: any("clipboard" in n.message for n in app._notifications), "the copy")
        assert "Copied fast 复制" in read_clipboard()
        await app.action_quit()
