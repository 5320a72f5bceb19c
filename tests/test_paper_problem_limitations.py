"""A paper's problem and limitations: set in the form and with `paperdeck edit`, shown by
`paperdeck show`, asked about by its interview deck. Real database, real app, real CLI."""

from __future__ import annotations

import json

from conftest import run_cli
from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp


def test_cli_edit_sets_and_clears_them(seeded_db):
    db = str(seeded_db)
    added = run_cli("add", "RAPO [x]", "--db", db)
    assert added.returncode == 0, added.stderr
    result = run_cli("edit", "1", "--problem", "reward drift in RLHF", "--limitations", "只在英文上评估 🚧", "--db", db)
    assert result.returncode == 0, result.stderr
    assert "problem set" in result.stdout and "limitations set" in result.stdout
    shown = json.loads(run_cli("show", "1", "--json", "--db", db).stdout)
    assert shown["problem"] == "reward drift in RLHF" and shown["limitations"] == "只在英文上评估 🚧"
    text = run_cli("show", "1", "--db", db).stdout
    assert "problem: reward drift in RLHF" in text and "limitations: 只在英文上评估 🚧" in text
    bad = run_cli("edit", "1", "--problem", "x" * 5000, "--db", db)
    assert bad.returncode != 0 and "--problem" in bad.stderr and "\n" not in bad.stderr.strip()
    assert run_cli("edit", "1", "--limitations", "", "--db", db).returncode == 0
    assert json.loads(run_cli("show", "1", "--json", "--db", db).stdout)["limitations"] == ""


async def test_the_form_saves_them_and_the_deck_asks_about_them(store, frozen_clock):
    paper = store.papers.add("Form paper", Stage.WRITING)
    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.screen.view_ready()
        app.show_item("pipeline", str(paper.id))
        await pilot.pause()
        await app.screen.view_ready()
        await pilot.press("enter")
        await pilot.pause()
        await app.screen.view_ready()
        form = app.screen
        form.query_one("#f-problem").value = "[red]reward drift[/] 奖励漂移"
        form.query_one("#f-limitations").value = "English-only evaluation"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = store.papers.get(paper.id)
    assert saved.problem == "[red]reward drift[/] 奖励漂移" and saved.limitations == "English-only evaluation"
    deck, added, _updated = store.cards.generate_paper_deck(saved)
    fronts = [card.front for card in store.cards.cards(deck.id)]
    assert added == 2
    assert "What problem does “Form paper” solve ([red]reward drift[/] 奖励漂移), and why does it matter now?" in fronts
