"""A deck per paper from question templates: idempotent, never resets progress."""

from __future__ import annotations

from datetime import datetime, timezone

from paperdeck.models.cards import EASY, paper_deck_key
from paperdeck.domain.card_templates import TEMPLATES, render

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)
FIELDS = dict(
    method="reward-aware prompt sampling", baseline="PPO", dataset="UltraFeedback",
    result="+12% MT-Bench win-rate", contribution="DPO via policy distillation under a real RM",
    problem="reward drift in RLHF", limitations="English-only evaluation",
)


def test_render_fills_fields_and_skips_templates_missing_them():
    cards = render({"title": "RAPO", **FIELDS})
    assert len(cards) == len(TEMPLATES)
    method = next(c for c in cards if c.key == "tpl.method.explain")
    assert "“RAPO”" in method.front and "reward-aware prompt sampling" in method.front
    assert "《RAPO》" in method.front_zh
    assert {c.key for c in render({"title": "Only a title"})} == set()
    assert {c.category_key for c in render({"title": "X", "baseline": "PPO"})} == {"qcat.comparison"}


def test_paper_text_is_put_in_verbatim():
    cards = render({"title": "{method} [red]x[/]", "method": "uses {title} and {0} braces\x1b[2J"})
    front = cards[0].front
    assert "{method} [red]x[/]" in front and "uses {title} and {0} braces" in front
    assert "\x1b" not in front


def test_huge_fields_are_shortened_in_questions():
    cards = render({"title": "T", "method": "很长" * 500})
    assert len(cards[0].front) < 400 and "…" in cards[0].front


def test_generation_is_idempotent_and_keeps_progress(store):
    paper = store.papers.add("Reward-Aware Prompt Optimization", **FIELDS)
    deck, added, updated = store.cards.generate_paper_deck(paper)
    assert (added, updated) == (len(TEMPLATES), 0)
    assert deck.key == paper_deck_key(paper.id) and deck.paper_id == paper.id
    cards = {card.key: card for card in store.cards.cards(deck.id)}
    reviewed = cards["tpl.method.explain"]
    outcome = store.cards.preview(reviewed, NOW)[EASY]
    store.cards.record_review(reviewed, outcome, reviewed_at=NOW, duration_ms=1)
    edited = store.cards.edit(cards["tpl.method.basis"].id, front="My own wording")
    store.cards.delete(cards["tpl.baseline.compare"].id)

    again, added, updated = store.cards.generate_paper_deck(paper)
    assert again.id == deck.id and (added, updated) == (0, 0)
    assert len(store.cards.cards(deck.id)) == len(TEMPLATES) - 1
    assert len([d for d in store.cards.decks() if d.paper_id == paper.id]) == 1

    # The paper changes: unedited cards follow, progress and the user's wording stay.
    with store.transaction() as conn:
        conn.execute("UPDATE papers SET method = 'contrastive reward shaping', title = 'New title' WHERE id = ?", (paper.id,))
    paper = store.papers.get(paper.id)
    deck, added, updated = store.cards.generate_paper_deck(paper)
    assert added == 0 and updated >= 1 and deck.name == "Paper: New title"
    after = store.cards.get(reviewed.id)
    assert "contrastive reward shaping" in after.front
    assert (after.due, after.stability, after.state) == (outcome.due, outcome.stability, outcome.state)
    assert store.cards.get(edited.id).front == "My own wording"


def test_a_paper_without_the_asked_fields_gets_no_deck(store):
    bare = store.papers.add("Imported from BibTeX")
    deck, added, updated = store.cards.generate_paper_deck(bare)
    assert (deck, added, updated) == (None, 0, 0)
    assert not [d for d in store.cards.decks() if d.paper_id == bare.id]


def test_questions_read_naturally_around_a_field_that_is_a_sentence():
    cards = render({"title": "RAPO", "result": "+12% win-rate on MT-Bench; open-sourced on Hugging Face."})
    significance = next(c for c in cards if c.key == "tpl.result.significance")
    assert significance.front == ("What is your headline result (“+12% win-rate on MT-Bench; open-sourced on "
                                  "Hugging Face”) compared against, and is the gain significant?")
    assert significance.front_zh.startswith("你的核心结果（“+12% win-rate") and "Face”）是和谁比的？" in significance.front_zh


def test_problem_and_limitations_are_asked_about():
    cards = {c.key: c for c in render({"title": "RAPO", "problem": "reward drift in RLHF.",
                                       "limitations": "English-only evaluation"})}
    assert set(cards) == {"tpl.problem.why", "tpl.limitations.next"}
    assert cards["tpl.problem.why"].front == (
        "What problem does “RAPO” solve (reward drift in RLHF), and why does it matter now?")
    assert cards["tpl.problem.why"].front_zh == "《RAPO》要解决什么问题（reward drift in RLHF）？为什么现在值得做？"
    assert cards["tpl.limitations.next"].back == "English-only evaluation"
    assert cards["tpl.limitations.next"].category_key == "qcat.comparison"
