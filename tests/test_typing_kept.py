"""Text typed into a dialog survives the app ending under it (tui/screens/typing_kept.py):
kept as a draft a moment after the typing pauses, deleted when the dialog closes as the user
chose, announced at the next start. The kill -9 case runs the real app in tmux."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time

from textual.widgets import Input, TextArea

from key_burst import burst
from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.screens.card_modals import EditCardModal
from paperdeck.usecases.drafts import TYPED_KIND
from tmux_session import paperdeck_argv, tmux_factory  # noqa: F401  (fixture)
from waiting import app_until, open_paper_form, settled


def typed_drafts(store):
    return [draft for draft in store.drafts.all() if draft.kind == TYPED_KIND]


async def open_card_editor(app, pilot, store) -> EditCardModal:
    await settled(pilot)
    modal = EditCardModal(store.cards.decks(), store.cards.categories(), deck_id=store.cards.decks()[0].id)
    await app.push_screen(modal)
    await settled(pilot)
    return modal


async def test_typed_card_text_is_kept_while_the_dialog_is_open_and_goes_with_the_save(store):
    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        modal = await open_card_editor(app, pilot, store)
        modal.query_one("#edit-front", Input).focus()
        burst(app, "Why does reward drift [red]? 奖励漂移 🚀")
        await pilot.click("#edit-back")
        burst(app, "Point one\nPoint two")
        await app_until(pilot, lambda: len(typed_drafts(store)) == 1 and "Point two" in typed_drafts(store)[0].body,
                        "the typed text kept as a draft")
        draft = typed_drafts(store)[0]
        assert draft.about == "new card"
        assert "## Question (English)\nWhy does reward drift [red]? 奖励漂移 🚀" in draft.body
        assert "## Talking points\nPoint one\nPoint two" in draft.body
        assert "Question (Chinese)" not in draft.body  # not typed into
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert not isinstance(app.screen, EditCardModal)
        assert typed_drafts(store) == []
        assert any(card.front == "Why does reward drift [red]? 奖励漂移 🚀" for card in store.cards.cards())


async def test_cancelling_the_dialog_drops_its_draft_and_a_filled_dialog_keeps_none(store):
    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("n")
        await settled(pilot)
        burst(app, "A title typed")
        await app_until(pilot, lambda: len(typed_drafts(store)) == 1, "the draft")
        await pilot.press("escape")
        await settled(pilot)
        assert typed_drafts(store) == []
        # A dialog filled by the app (a card opened for editing) keeps nothing until typed into.
        card = store.cards.cards()[0]
        modal = EditCardModal(store.cards.decks(), store.cards.categories(), card=card)
        await app.push_screen(modal)
        await settled(pilot)
        await app.action_quit()
    assert typed_drafts(store) == []


async def test_quitting_with_the_dialog_open_keeps_the_text_and_the_next_start_says_so(store):
    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        modal = await open_card_editor(app, pilot, store)
        await pilot.click("#edit-back")
        burst(app, "typed just before quitting")
        await app_until(pilot, lambda: modal.query_one("#edit-back", TextArea).text.endswith("quitting"), "the text")
        await app.action_quit()  # before the pause that would have kept it
    kept = typed_drafts(store)
    assert len(kept) == 1 and kept[0].body.endswith("typed just before quitting")
    again = PaperdeckApp(store, watch=False)
    async with again.run_test(size=(120, 40)) as pilot:
        await app_until(pilot, lambda: any(f"drafts --show {kept[0].id}" in n.message for n in again._notifications),
                        "the notice of the kept draft")


def test_kill_9_while_typing_in_a_dialog_loses_nothing_typed(seeded_db, tmux_factory):
    """The real app in a real terminal, killed without warning a moment after the typing."""
    session = tmux_factory(100, 30)
    session.start(paperdeck_argv(seeded_db), {})
    session.wait_for("paperdeck", timeout=30)
    session.keys("2")
    session.wait_for("Stage ▶")
    session.keys("n")
    session.wait_for("Title, then Enter")
    session.type("Killed mid-title 标题 [b]")
    session.wait_for("Killed mid-title")
    deadline = time.monotonic() + 20
    while True:  # the draft is written a moment after the typing pauses
        conn = sqlite3.connect(f"{seeded_db.resolve().as_uri()}?mode=ro", uri=True)
        try:
            bodies = [row[0] for row in conn.execute("SELECT body FROM drafts WHERE kind = ?", (TYPED_KIND,))]
        finally:
            conn.close()
        if bodies or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    shell = session.tmux("display-message", "-p", "-t", session.target, "#{pane_pid}").strip()
    app_pid = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout.split()[0]
    os.kill(int(app_pid), signal.SIGKILL)
    assert bodies and "Killed mid-title 标题 [b]" in bodies[0]
    again = tmux_factory(100, 30)
    again.start(paperdeck_argv(seeded_db), {})
    screen = again.wait_for("drafts --show", timeout=30)
    assert "kept as a draft" in screen


async def test_the_paper_forms_edits_are_kept_per_opening(store, make_app):
    """The paper form (kept and refilled per opening) keeps its edits, not its filled fields;
    discarding them drops the draft; the next paper's opening starts with none."""
    store.papers.add("Alpha", Stage.IDEATION)
    store.papers.add("Beta", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_paper_form(pilot)
        await pilot.click("#f-notes")
        burst(app, "Alpha: a thought typed 想法")
        await app_until(pilot, lambda: len(typed_drafts(store)) == 1, "the form's draft")
        [draft] = typed_drafts(store)
        assert draft.about == "paper “Alpha”" and draft.body.endswith("Alpha: a thought typed 想法")
        assert "Title" not in draft.body  # only what was edited
        await pilot.press("escape")
        await settled(pilot)
        await pilot.press("d")  # discard
        await app_until(pilot, lambda: not typed_drafts(store), "the draft dropped with the edits")
        await pilot.press("j")
        again = await open_paper_form(pilot)
        assert again is form
        await pilot.click("#f-notes")
        burst(app, "Beta's note")
        await app_until(pilot, lambda: len(typed_drafts(store)) == 1, "the second opening's draft")
        await app.action_quit()
    [draft] = typed_drafts(store)
    assert draft.about == "paper “Beta”" and draft.body.endswith("Beta's note") and "Alpha" not in draft.body


async def test_pasted_text_is_kept_too(store):
    """A paste (bracketed: one event, no keys) counts as typed: talking points pasted in are kept."""
    from textual import events

    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        modal = await open_card_editor(app, pilot, store)
        back = modal.query_one("#edit-back", TextArea)
        back.focus()
        await settled(pilot)
        app.post_message(events.Paste("Pasted point 粘贴\nsecond line"))  # as a terminal's paste arrives
        await app_until(pilot, lambda: len(typed_drafts(store)) == 1, "the pasted text kept as a draft")
        assert typed_drafts(store)[0].body.endswith("Pasted point 粘贴\nsecond line")
        assert back.text == "Pasted point 粘贴\nsecond line"  # pasted once, not twice
        await app.action_quit()
