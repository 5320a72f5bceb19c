"""The paper form's fields by name (PaperFormModal.fields): an edit in any tab is saved, asked
about and kept as a draft; closing it unchanged re-reads nothing."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from paperdeck.models.papers import Stage
from paperdeck.tui.screens.paper_form import PaperFormModal
from waiting import open_paper_form, settled


async def test_an_edit_in_the_links_tab_is_asked_about_saved_and_kept_as_a_draft(store, make_app):
    paper = store.papers.add("Beta", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_paper_form(pilot)
        assert isinstance(form, PaperFormModal)
        assert form._edited() == {} and "link_code" not in form.fields  # built when first shown
        # Styled once mounted: Input(compact=True) sets its class before it is in the DOM (the app
        # skips restyling such widgets), and the compact look still applies: one line, no border.
        assert form.fields["title"].region.height == 1
        await form.show_tab("tab-links")
        assert form.fields["link_code"].has_class("-textual-compact") and "link_code" in form.loaded
        await pilot.pause()
        assert form.fields["link_code"].region.height == 1
        form.query_one("#f-link_code", Input).value = "https://github.com/me/beta"
        assert form._edited() == {"link_code": "https://github.com/me/beta"}
        await pilot.press("escape")  # unsaved: asks first
        await settled(pilot)
        assert app.screen is not form and form.is_attached
        await pilot.press("escape")  # keep editing
        await settled(pilot)
        app.save_pending()  # the app closing: the edit becomes a draft
        [draft] = store.drafts.all()
        assert "https://github.com/me/beta" in draft.body
        await pilot.press("ctrl+s")
        await settled(pilot)
    assert store.papers.get(paper.id).links.get("code") == "https://github.com/me/beta"


async def test_closing_the_form_unchanged_reads_nothing_and_keys_do_not_wait(store, make_app):
    store.papers.add("Delta", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        board = app.screen
        reads: list = []
        request = board.view_request

        def counted():
            reads.append(request())
            return reads[-1]

        board.view_request = counted
        await pilot.press("e")
        await settled(pilot)
        await pilot.press("escape")  # nothing edited, ticked or recorded
        await settled(pilot)
        assert reads == [] and not board._settling
        await pilot.press("e")  # acts at once: no re-read to wait for
        assert isinstance(app.screen, PaperFormModal)
        await settled(pilot)


@pytest.mark.parametrize(("language", "expected"), [("en", "Discard your edits to Title, Code (GitHub)?"),
                                                    ("zh", "放弃对以下字段的修改？标题、代码（GitHub）")])
async def test_closing_with_edits_names_the_fields_as_the_form_labels_them(store, make_app, language, expected):
    paper = store.papers.add("Gamma", Stage.IDEATION)
    store.settings.update(language=language)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_paper_form(pilot)
        form.query_one("#f-title", Input).value = "Gamma 2"
        await form.show_tab("tab-links")
        form.query_one("#f-link_code", Input).value = "https://github.com/me/gamma"
        await pilot.press("escape")
        await settled(pilot)
        assert app.screen.id == "discard-edits"
        assert expected in str(app.screen.query_one("#choice-message").render())
        await pilot.press("escape")  # keep editing
        await settled(pilot)
        app.save_pending()  # the draft names them alike
        [draft] = store.drafts.all()
        assert draft.body.startswith("## 标题\nGamma 2" if language == "zh" else "## Title\nGamma 2")
    assert store.papers.get(paper.id).title == "Gamma"
