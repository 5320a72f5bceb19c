"""The Resume screen: y / Y copy (real X clipboard, or the manual-copy dialog), formats,
bullets, Selected marks, BibTeX import from the screen; snapshot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.screens.copy_dialog import CopyDialog

from xdisplay import no_clipboard, read_clipboard, xvfb_display  # noqa: F401  (fixtures)

BIB = Path(__file__).parent / "data" / "bib"


@pytest.fixture
def papers(store):
    store.settings.update(my_name="Si Li")
    store.papers.add("Reward-Aware Prompt Optimization for LLM Alignment", Stage.DECISION, venue_key="emnlp",
                     target_year=2024, track="main", decision="accepted",
                     bullets=json.dumps(["Proposed a reward-guided prompt distillation framework for scalable RLHF."]))
    store.papers.add("[red]Efficient[/] LLM Training 中文 🚀", Stage.DECISION, venue_key="iclr", target_year=2023,
                     decision="accepted", award="Spotlight", authors=json.dumps(["San Zhang", "Si Li"]),
                     equal_contribution=json.dumps([0, 1]))
    store.papers.add("Scaling Laws for Reward Models", Stage.UNDER_REVIEW, venue_key="acl")
    store.papers.add("Just an idea", Stage.IDEATION)  # not on a resume
    return store


def app_for(store) -> PaperdeckApp:
    return PaperdeckApp(store, start_screen="resume", watch=False)


async def view_shown(pilot) -> None:
    """Wait until the screen in view rendered its newest view (it loads in a worker); the first
    pause lets a posted event (a dismissed dialog) start its load."""
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


def rows(app) -> list[str]:
    return [str(option.prompt).strip() for option in app.screen.query_one("#resume-list").options]


async def test_lists_resume_papers_grouped_like_the_copied_list(papers):
    app = app_for(papers)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        assert rows(app) == [
            "Selected Publication (2)",
            "[EMNLP 2024] Reward-Aware Prompt Optimization for LLM Alignment",
            "[ICLR 2023] [red]Efficient[/] LLM Training 中文 🚀 (Spotlight)",
            "Other (1)",
            "[ACL / Under Review] Scaling Laws for Reward Models",
        ]
        await pilot.press("g")  # by year
        assert rows(app)[0] == "Under Review (1)" and "2024 (1)" in rows(app) and "2023 (1)" in rows(app)
        await pilot.press("g")  # by type
        assert rows(app)[0] == "Conference Papers (2)" and rows(app)[3] == "Under Review (1)"
        assert papers.settings.load().resume_group == "type"
        await pilot.press("f2")  # Chinese headings
        await view_shown(pilot)
        assert rows(app)[0] == "会议论文 (2)"
        bar = str(app.screen.query_one("#resume-format").render())
        assert "纯文本（指南格式）" in bar and "分组：按类型" in bar and "Plain text" not in bar


async def test_y_copies_the_snippet_to_the_x_clipboard(papers, xvfb_display):
    app = app_for(papers)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert read_clipboard() == (
            'Paper: "Reward-Aware Prompt Optimization for LLM Alignment", EMNLP 2024 (Main conference)\n'
            "- Proposed a reward-guided prompt distillation framework for scalable RLHF."
        )
        assert any("Copied to the system clipboard" in n.message for n in app._notifications)
        await pilot.press("f", "down", "y")  # Markdown, second paper: my name in bold
        await pilot.pause()
        assert "San Zhang\\*, **Si Li\\***" in read_clipboard()
        await pilot.press("l")  # one plain line
        await pilot.pause()
        assert read_clipboard() == "[ICLR 2023] [red]Efficient[/] LLM Training 中文 🚀 (Spotlight)"
        await pilot.press("f", "f", "f", "Y")  # back to txt, whole list: the guide's anonymised line
        await pilot.pause()
        assert read_clipboard().splitlines()[0] == "Selected Publication:"
        assert read_clipboard().splitlines()[-2:] == ["Other:", "- ACL / Under Review"]


async def test_without_any_clipboard_a_dialog_shows_the_text(papers, no_clipboard):
    app = app_for(papers)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("Y")
        await pilot.pause()
        assert isinstance(app.screen, CopyDialog)
        text = app.screen.query_one("#copy-text", TextArea).text
        assert text.startswith("Selected Publication:\n- [EMNLP 2024]")
        await pilot.press("escape")
        assert not isinstance(app.screen, CopyDialog)


async def test_edit_bullets_and_selected_marks(papers):
    app = app_for(papers)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("down", "down", "e")
        await pilot.pause()
        await pilot.press(*"Found scaling laws", "enter", *"- Open-sourced code", "f10")
        await view_shown(pilot)
        review = next(p for p in papers.papers.all() if p.title.startswith("Scaling"))
        assert review.bullets == ["Found scaling laws", "Open-sourced code"]
        assert "Found scaling laws" in str(app.screen.query_one("#resume-preview").render())
        await pilot.press("s")
        await view_shown(pilot)
        assert next(p for p in papers.papers.all() if p.id == review.id).selected
        assert app.screen.current.paper_id == review.id and rows(app)[0] == "Selected Publication (1)"
        await pilot.press("x")
        await view_shown(pilot)
        assert len(app.screen.entries) == 2 and not papers.papers.get(review.id).on_resume
        # The cursor stays where the hidden paper was (the paper now at its place).
        assert app.screen.current is not None and app.screen.current.title.startswith("Reward-Aware")
        await pilot.press("u")  # undo: back on the resume
        await view_shown(pilot)
        assert len(app.screen.entries) == 3


async def test_bullets_typed_just_before_f10_are_all_saved(papers):
    """F10 is a priority binding: a fast typist's last keys must still be in the saved text."""
    from key_burst import burst
    from paperdeck.tui.screens.resume_dialogs import BulletsDialog

    app = app_for(papers)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, BulletsDialog)
        burst(app, "Open-sourced the code\n", "f10")   # a new first line, typed fast
        for _ in range(500):   # until the dialog closed (the save dismisses it)
            await pilot.pause()
            if app.screen is not dialog:
                break
        await view_shown(pilot)
        entry = app.screen.current
        assert papers.papers.get(entry.paper_id).bullets == [
            "Open-sourced the code", "Proposed a reward-guided prompt distillation framework for scalable RLHF."]


async def test_bulk_mark_hide_show_hidden_and_put_back(papers):
    app = app_for(papers)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("space", "space")           # mark the two accepted papers
        assert app.screen.marked and len(app.screen.marked) == 2
        assert rows(app)[1].startswith("■") and rows(app)[2].startswith("■")
        await pilot.press("x")
        await view_shown(pilot)
        assert [e.title for e in app.screen.entries] == ["Scaling Laws for Reward Models"]
        assert any("2 taken off the resume" in n.message for n in app._notifications)
        await pilot.press("h")                         # the hidden papers
        assert len(app.screen.entries) == 2 and "Off the resume (2)" in app.screen.query_one("#resume-list").border_title
        await pilot.press("a", "x")                    # mark all, put back
        await view_shown(pilot)
        assert app.screen.entries == [] and all(p.on_resume for p in papers.papers.all())
        await pilot.press("u")                         # undo: both off again, as one step
        await view_shown(pilot)
        assert len(app.screen.entries) == 2
        assert sum(p.on_resume for p in papers.papers.all()) == 2  # the review paper and the idea


async def test_the_whole_list_follows_the_papers_the_format_and_the_grouping(papers):
    app = app_for(papers)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        whole = app.screen.query_one("#resume-whole")
        assert "Reward-Aware Prompt Optimization" in whole.document and "@" not in whole.document
        await pilot.press("down")                      # a cursor move keeps it
        assert "Reward-Aware Prompt Optimization" in whole.document
        await pilot.press("f", "f", "f")               # txt -> md -> tex -> bib
        await view_shown(pilot)                        # read again with the cite keys
        assert whole.document.startswith("@") and "Reward-Aware Prompt Optimization" in whole.document
        await pilot.press("up", "space", "x")          # that paper off the resume: a new view
        await view_shown(pilot)
        assert "Reward-Aware Prompt Optimization" not in whole.document and whole.document.startswith("@")
        await pilot.press("f")                         # back to plain text, grouped
        before = whole.document
        assert not before.startswith("@")
        await pilot.press("g")                         # by year: other headings
        assert whole.document != before and "Under Review" in whole.document


async def test_the_first_showing_draws_the_rows_and_whole_list_made_with_the_view(papers):
    """Made in the worker with the view (ReadResume): as the screen makes them itself."""
    papers.settings.update(resume_format="bib", resume_group="type")
    app = app_for(papers)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        whole = app.screen.query_one("#resume-whole")
        first, shown = whole.document, rows(app)
        assert first.startswith("@") and "Reward-Aware Prompt Optimization" in first
        await pilot.press("a", "a")                    # every row marked, then not: rows made on the UI thread
        await pilot.press("g", "g", "g", "f", "f", "f", "f")  # every grouping and format, back to type and bib
        assert rows(app) == shown and whole.document == first


async def test_import_bib_from_the_screen(store):
    from paperdeck.tui.screens.import_dialog import ImportDialog

    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        dialog.query_one("#import-path", Input).value = str(BIB / "594zyc_papers.bib")
        await pilot.press("enter")
        await dialog.worker.wait()
        await pilot.pause()
        assert "13 entries: 13 imported" in str(dialog.query_one("#import-result").render())
        await pilot.press("escape")
        await view_shown(pilot)  # the Resume screen loads its entries again
        assert len(app.screen.entries) == 13


def test_resume_snapshot(papers, frozen_clock, utc_zone, snap_compare):
    assert snap_compare(app_for(papers), terminal_size=(120, 40), run_before=view_shown)
