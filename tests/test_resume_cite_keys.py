"""BibTeX cite keys on the Resume screen: read only while BibTeX is shown or copied (not with
every view), and the same keys as ever: unique across the whole database, original keys
first, a clash suffixed b, c, ... by paper id, the papers off the resume counted too."""

from __future__ import annotations

import json
import re

import pytest
from textual.widgets import TextArea

from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.screens.copy_dialog import CopyDialog
from paperdeck.tui.screens.resume import ResumeScreen
from paperdeck.usecases.resume import resume_entries, resume_view

from test_resume_screen import view_shown
from waiting import app_until, hold_loads
from xdisplay import no_clipboard  # noqa: F401  (fixture)

ZHANG = json.dumps(["San Zhang", "Si Li"])


@pytest.fixture
def clashing(store):
    """Four papers whose keys clash; the lowest id (an idea, never on the resume) is made first."""
    idea = store.papers.add("Efficient Attention for Everyone", Stage.IDEATION, authors=ZHANG, target_year=2023)
    made = store.papers.add("Efficient Transformers", Stage.DECISION, venue_key="iclr", target_year=2023,
                            decision="accepted", authors=ZHANG)
    kept = store.papers.add("Efficient Decoding", Stage.DECISION, venue_key="acl", target_year=2023,
                            decision="accepted", authors=ZHANG, cite_key="Zhang2023Efficient")
    later = store.papers.add("The Efficient Frontier", Stage.DECISION, venue_key="emnlp", target_year=2023,
                             decision="accepted", authors=ZHANG)
    return store, {"idea": idea.id, "made": made.id, "kept": kept.id, "later": later.id}


# Original keys first (by id), then made ones by id; a key differing only in case clashes.
EXPECTED = {"kept": "Zhang2023Efficient", "idea": "zhang2023efficientb", "made": "zhang2023efficientc",
            "later": "zhang2023efficientd"}


def keys_in(text: str) -> list[str]:
    return re.findall(r"^@\w+\{([^,]+),", text, flags=re.M)


def test_a_view_read_with_the_keys_has_the_databases_keys(clashing):
    store, ids = clashing
    view = resume_view(store, cite_keys=True)
    assert {e.paper_id: e.cite_key for e in view.entries} == {ids[n]: EXPECTED[n] for n in ("made", "kept", "later")}
    assert view.cite_keys == {ids[n]: key for n, key in EXPECTED.items()}
    # The CLI's read (resume_entries) assigns the same keys.
    assert {e.paper_id: e.cite_key for e in resume_entries(store).shown} == {e.paper_id: e.cite_key for e in view.entries}


def test_a_view_for_another_format_reads_no_keys(clashing):
    store, _ids = clashing
    view = resume_view(store)  # the stored format: plain text
    assert view.cite_keys is None
    store.settings.update(resume_format="bib")
    assert resume_view(store).cite_keys is not None


async def test_bibtex_shown_later_has_the_same_keys(clashing):
    store, ids = clashing
    app = PaperdeckApp(store, start_screen="resume", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        assert app.screen.view.cite_keys is None  # plain text: not read
        await pilot.press("f", "f", "f")  # txt -> md -> tex -> bib
        await view_shown(pilot)
        whole = app.screen.query_one("#resume-whole").document
        shown = {entry.paper_id for entry in app.screen.view.entries}
        assert sorted(keys_in(whole)) == sorted(EXPECTED[n] for n, i in ids.items() if i in shown)
        preview = str(app.screen.query_one("#resume-preview").render())
        assert keys_in(preview)[0] in EXPECTED.values()


async def test_a_bibtex_copy_pressed_before_the_keys_are_read_copies_them(clashing, no_clipboard, monkeypatch):
    store, ids = clashing
    app = PaperdeckApp(store, start_screen="resume", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        hold, read, release = hold_loads(monkeypatch, ResumeScreen)
        hold()
        await pilot.press("f", "f", "f", "Y")  # the list copied at once, the keys still being read
        await app_until(pilot, read.is_set, "the read with the keys")
        assert "Making the BibTeX cite keys" in str(app.screen.query_one("#resume-preview").render())
        assert not isinstance(app.screen, CopyDialog)  # nothing copied without the keys
        release.set()
        await app_until(pilot, lambda: isinstance(app.screen, CopyDialog), "the copy")
        text = app.screen.query_one("#copy-text", TextArea).text
        assert sorted(keys_in(text)) == sorted(EXPECTED[n] for n in ("made", "kept", "later"))


async def test_keys_follow_a_change_made_while_bibtex_is_shown(clashing):
    """A paper added with a clashing key: the view is read again, its keys with it."""
    store, ids = clashing
    store.settings.update(resume_format="bib")
    app = PaperdeckApp(store, start_screen="resume", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        assert app.screen.view.cite_keys[ids["later"]] == "zhang2023efficientd"
        newer = store.papers.add("Efficient Everything", Stage.DECISION, venue_key="iclr", target_year=2023,
                                 decision="accepted", authors=ZHANG)
        app.screen.refresh_data()  # what the app does on a commit it sees
        await view_shown(pilot)
        assert app.screen.view.cite_keys[newer.id] == "zhang2023efficiente"
        assert "zhang2023efficiente" in keys_in(app.screen.query_one("#resume-whole").document)
