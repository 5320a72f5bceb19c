"""Issue 14, data loss 1 and 2: two windows (two apps, each with its own connection) on one
database file, and the app beside the CLI. A stale save asks keep mine / take theirs / keep
both; a paper deleted elsewhere stops its pitch editors and keeps the unsaved text as a
draft, never saved into another paper's pitch."""

from __future__ import annotations

from contextlib import AsyncExitStack

import pytest
from textual.widgets import TextArea

from paperdeck.domain.merge import both_texts
from paperdeck.models.papers import Stage
from paperdeck.store import open_store
from paperdeck.tui.app import PaperdeckApp
from paperdeck.usecases.pitch import save_pitch_part
from waiting import app_until


async def shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


def stored(store, paper_id: int, part: str = "pitch.method") -> str:
    return store.pitches.bodies(paper_id)[part]


@pytest.mark.parametrize(("key", "outcome"), [
    ("k", "from window two"),
    ("r", "from window one"),
    ("b", both_texts("from window one", "from window two")),
], ids=["keep mine", "take theirs", "keep both"])
async def test_two_windows_typing_one_pitch_part_are_asked_not_overwritten(seeded_db, key, outcome):
    one_store, two_store = open_store(seeded_db), open_store(seeded_db)
    paper = one_store.papers.add("Pitched in two windows", Stage.WRITING)
    one, two = (PaperdeckApp(s, start_screen="pitch", watch=False) for s in (one_store, two_store))
    async with AsyncExitStack() as stack:
        pilot_one = await stack.enter_async_context(one.run_test(size=(120, 40)))
        pilot_two = await stack.enter_async_context(two.run_test(size=(120, 40)))
        await shown(pilot_one)
        await shown(pilot_two)
        await pilot_one.click("#editor-2")
        await pilot_one.press(*"from window one")
        await app_until(pilot_one, lambda: stored(one_store, paper.id) == "from window one", "window one's autosave")
        # Window two still shows the part as it was loaded (empty) and types over it. Its
        # autosave holds the part (no dialog pops up under the typing: "t" would answer it).
        await pilot_two.click("#editor-2")
        await pilot_two.press(*"from window two")
        await app_until(pilot_two, lambda: "pitch.method" in two.screen.guard.held, "window two's autosave holding the part")
        assert two.screen.id != "conflict"
        assert two.screen.query_one("#editor-2", TextArea).text == "from window two"
        await pilot_two.press("ctrl+s")  # asked now, because the user asked
        await app_until(pilot_two, lambda: two.screen.id == "conflict" and two.screen.query("#choice-message"),
                        "the conflict dialog in window two, composed")
        message = str(two.screen.query_one("#choice-message").render())
        assert "from window one" in message and "from window two" in message  # both sides shown
        assert stored(two_store, paper.id) == "from window one"  # nothing overwritten yet
        await pilot_two.press(key)
        await app_until(pilot_two, lambda: stored(two_store, paper.id) == outcome, "the chosen text stored")
        await pilot_two.pause()
        assert two.screen.query_one("#editor-2", TextArea).text == outcome
        # The history holds both sides, whatever was chosen.
        kept = [version.sections.get("pitch.method") for version in two_store.pitches.versions(paper.id)]
        assert "from window one" in kept
        assert two_store.drafts.all() == []  # the held text's draft goes once answered
        # Typing on in window two saves without asking again (it holds the stored version now).
        await pilot_two.press("end", "!")
        await app_until(pilot_two, lambda: "!" in stored(two_store, paper.id), "the next autosave")
        assert two.screen.id != "conflict"
    one_store.close()
    two_store.close()


async def type_into_a_part_saved_elsewhere(pilot, store, paper_id: int) -> None:
    """The method part saved as "theirs" by another window after the load, then "mine" typed
    into it here: its autosave holds it."""
    await shown(pilot)
    save_pitch_part(store, paper_id, "pitch.method", "theirs", None)
    await pilot.click("#editor-2")
    await pilot.press(*"mine")
    await app_until(pilot, lambda: "pitch.method" in pilot.app.screen.guard.held, "the autosave holding the part")


async def test_a_part_held_by_autosave_takes_no_typed_letter_as_an_answer(seeded_db):
    """Autosave meeting a part saved elsewhere opens no dialog under the typing: the letters
    typed next (k, r, t, b answer the conflict dialog) stay text, the other parts still save,
    the held text is kept in one draft until Ctrl+S asks."""
    store = open_store(seeded_db)
    paper = store.papers.add("Held while typing", Stage.WRITING)
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_into_a_part_saved_elsewhere(pilot, store, paper.id)
        await pilot.press(*" then k r t b")
        await app_until(pilot, lambda: [d.body.splitlines()[1:] for d in store.drafts.all()] == [["mine then k r t b"]],
                        "the held text in its draft")
        assert app.screen.id != "conflict"
        assert app.screen.query_one("#editor-2", TextArea).text == "mine then k r t b"
        assert stored(store, paper.id) == "theirs"
        assert "changed elsewhere · Ctrl+S" in str(app.screen.query_one("#head-2").render())
        await pilot.click("#editor-1")  # another part saves as usual meanwhile
        await pilot.press(*"background")
        await app_until(pilot, lambda: stored(store, paper.id, "pitch.background") == "background", "the other part saved")
        await pilot.press("ctrl+s")
        await app_until(pilot, lambda: app.screen.id == "conflict" and app.screen.query("#choice-message"), "the dialog")
        await pilot.press("k")
        await app_until(pilot, lambda: stored(store, paper.id) == "mine then k r t b", "mine saved")
        assert store.drafts.all() == [] and not app.screen.guard.held
        await pilot.pause()
        assert "changed elsewhere" not in str(app.screen.query_one("#head-2").render())
    store.close()


async def test_a_held_part_left_for_another_paper_stays_a_draft(seeded_db):
    store = open_store(seeded_db)
    paper = store.papers.add("Held then left", Stage.WRITING)
    other = store.papers.add("The paper switched to", Stage.WRITING)
    store.settings.update(pitch_paper_id=paper.id)
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_into_a_part_saved_elsewhere(pilot, store, paper.id)
        app.screen.show_item(str(other.id))
        await app_until(pilot, lambda: app.screen.paper_id == other.id, "the other paper")
        await shown(pilot)
        assert app.screen.query_one("#editor-2", TextArea).text == ""  # nothing of the held part here
        assert not app.screen.guard.held
        assert [draft.body.splitlines()[1:] for draft in store.drafts.all()] == [["mine"]]
        await pilot.press(*"x")
        await app_until(pilot, lambda: stored(store, other.id) == "x", "the other paper's autosave")
        assert stored(store, paper.id) == "theirs"  # and mine is in the draft
    store.close()


async def test_a_paper_deleted_in_another_window_stops_its_pitch_and_keeps_a_draft(seeded_db):
    one_store, two_store = open_store(seeded_db), open_store(seeded_db)
    doomed = one_store.papers.add("Deleted in window two", Stage.WRITING)
    other = one_store.papers.add("The paper that must stay empty", Stage.IDEATION)
    one_store.settings.update(pitch_paper_id=doomed.id)
    app = PaperdeckApp(one_store, start_screen="pitch", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        assert app.screen.paper_id == doomed.id
        two_store.papers.delete(doomed.id)  # window two, while window one has it open
        await pilot.click("#editor-2")
        await pilot.press(*"typed after the delete")
        await app_until(pilot, lambda: app.screen.guard.stopped, "the pitch editors stopping")
        drafts = one_store.drafts.all()
        assert drafts and "typed after the delete" in drafts[0].body and "Deleted in window two" in drafts[0].about
        assert all(editor.disabled for editor in app.screen.query(".part-editor"))
        assert stored(one_store, other.id) == ""  # never saved into another paper
        assert one_store.scalar("SELECT count(*) FROM pitch_sections WHERE body LIKE '%typed after%'") == 0
        gauge = str(app.screen.query_one("#pitch-gauge").render())
        assert "deleted elsewhere" in gauge and f"#{drafts[0].id}" in gauge
        # A reload (another commit) keeps it stopped: no other paper is put under the editors.
        app.refresh_screens()
        await shown(pilot)
        assert app.screen.paper_id is None and app.screen.guard.stopped
        # Picking a paper starts editing again.
        app.screen.show_item(str(other.id))
        await app_until(pilot, lambda: app.screen.paper_id == other.id, "the picked paper")
        await shown(pilot)
        assert not app.screen.query_one("#editor-2", TextArea).disabled
    one_store.close()
    two_store.close()


async def test_a_paper_removed_by_the_cli_while_its_pitch_is_typed(seeded_db, cli, tmp_path):
    """The app beside the CLI: `import bib` adds a paper, the app types its pitch, `import
    undo` removes the paper; the text is a draft that `paperdeck drafts` prints."""
    bib = tmp_path / "one.bib"
    bib.write_text("@inproceedings{k, title={Imported then undone}, author={Li, A.}, year={2025}}\n")
    env = {"PAPERDECK_DB": str(seeded_db)}
    assert cli("import", "bib", str(bib), env=env).returncode == 0
    store = open_store(seeded_db)
    [paper] = [p for p in store.papers.all() if p.title == "Imported then undone"]
    store.settings.update(pitch_paper_id=paper.id)
    # No watcher: the next autosave is what meets the deletion (with one, a reload may see it
    # first, before anything unsaved was typed: then there is nothing to keep).
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        await pilot.click("#editor-1")
        await pilot.press(*"before")
        await app_until(pilot, lambda: stored(store, paper.id, "pitch.background") == "before", "the autosave")
        assert cli("import", "undo", env=env).returncode == 0
        await pilot.press(*" and after")
        await app_until(pilot, lambda: app.screen.guard.stopped, "the editors stopping")
    store.close()
    listed = cli("drafts", env=env)
    assert "Imported then undone" in listed.stdout
    draft_id = listed.stdout.split()[0].lstrip("#")
    shown_draft = cli("drafts", "--show", draft_id, env=env)
    assert "before and after" in shown_draft.stdout


async def test_switching_paper_during_a_rehearsal_asks(store):
    first = store.papers.add("Rehearsed first", Stage.WRITING)
    store.papers.add("Switched to", Stage.WRITING)
    store.settings.update(pitch_paper_id=first.id)
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        await pilot.press("f5")  # start rehearsing
        await pilot.press("f5")  # one lap done
        app.screen.query_one("#pitch-paper").focus()
        await pilot.press("right_square_bracket")
        await app_until(pilot, lambda: app.screen.id == "end-rehearsal", "the question")
        await pilot.press("escape")  # keep rehearsing: nothing switched, nothing lost
        await pilot.pause()
        assert app.screen.paper_id == first.id and app.screen.stopwatch.running
        await pilot.press("right_square_bracket")
        await app_until(pilot, lambda: app.screen.id == "end-rehearsal", "the question again")
        await pilot.press("s")  # save the run so far, then switch
        await app_until(pilot, lambda: app.screen.paper_id not in (None, first.id), "the switch")
    assert len(store.pitches.rehearsals(first.id)) == 1


async def test_resume_bullets_saved_in_two_windows_are_asked_and_kept_both(seeded_db):
    one_store, two_store = open_store(seeded_db), open_store(seeded_db)
    paper = one_store.papers.add("Bulleted in two windows", Stage.UNDER_REVIEW, venue_key="acl")
    app = PaperdeckApp(one_store, start_screen="resume", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        assert app.screen.current.paper_id == paper.id
        two_store.papers.update(paper.id, None, bullets=["theirs: from window two"])  # after window one read it
        await pilot.press("e")
        await app_until(pilot, lambda: app.screen.__class__.__name__ == "BulletsDialog", "the bullets dialog")
        await pilot.press(*"mine: from window one", "f10")
        await app_until(pilot, lambda: app.screen.id == "conflict" and app.screen.query("#choice-message"),
                        "the conflict dialog, composed")
        message = str(app.screen.query_one("#choice-message").render())
        assert "theirs: from window two" in message and "mine: from window one" in message
        await pilot.press("b")
        await app_until(pilot, lambda: len(one_store.papers.get(paper.id).bullets) == 2, "both bullets stored")
    assert one_store.papers.get(paper.id).bullets == ["theirs: from window two", "mine: from window one"]
    one_store.close()
    two_store.close()


async def test_a_card_edited_in_two_windows_asks_and_keeps_both(seeded_db):
    from paperdeck.tui.screens.card_modals import EditCardModal

    one_store, two_store = open_store(seeded_db), open_store(seeded_db)
    deck = one_store.cards.decks()[0]
    card = one_store.cards.add(deck.id, "Why does it work?", back="first points")
    app = PaperdeckApp(one_store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        modal = EditCardModal(one_store.cards.decks(), one_store.cards.categories(), card=card)
        app.push_screen(modal)
        await pilot.pause()
        two_store.cards.edit(card.id, back="their points", expected_version=card.version)
        modal.query_one("#edit-back").load_text("my points")
        await pilot.press("ctrl+s")
        await app_until(pilot, lambda: app.screen.id == "conflict" and app.screen.query("#choice-message"),
                        "the conflict dialog, composed")
        message = str(app.screen.query_one("#choice-message").render())
        assert "their points" in message and "my points" in message
        await pilot.press("b")
        await app_until(pilot, lambda: "my points" in one_store.cards.get(card.id).back, "both kept")
    assert one_store.cards.get(card.id).back == both_texts("their points", "my points")
    one_store.close()
    two_store.close()
