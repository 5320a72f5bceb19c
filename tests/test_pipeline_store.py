"""PaperRepo against a real SQLite file: moves, reorder, undo/redo across reopening, submissions."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from paperdeck.models.papers import PaperFilter, Stage, stage_spans
from paperdeck.domain import plan
from paperdeck.store import open_store
from paperdeck.store.errors import ConflictError, NotFound, ValidationError
from paperdeck.store.seed import seed_all

SAMPLE_TITLES = {"Reward-Aware Prompt Optimization for LLM Alignment", "Efficient LLM Training with Quantization-Aware LoRA"}


def mine(store):
    return [paper for paper in store.papers.all() if paper.seed_key is None]


def column(store, stage):
    return [paper.title for paper in store.papers.by_stage(stage)]


def test_move_records_history_and_stage_entry(store, frozen_clock):
    paper = store.papers.add("Sparse attention")
    frozen_clock.shift(3 * 86400)
    moved = store.papers.move(paper.id, Stage.EXPERIMENTS)
    assert moved.stage is Stage.EXPERIMENTS
    assert moved.stage_entered_at == datetime(2026, 12, 2, 9, tzinfo=timezone.utc)
    assert moved.version == paper.version + 1
    history = store.papers.history(paper.id)
    assert [(m.from_stage, m.to_stage) for m in history] == [(None, Stage.IDEATION), (Stage.IDEATION, Stage.EXPERIMENTS)]
    frozen_clock.shift(2 * 86400)
    spans = {span.stage: span.days for span in stage_spans(history, datetime(2026, 12, 4, 9, tzinfo=timezone.utc))}
    assert spans == {Stage.IDEATION: 3.0, Stage.EXPERIMENTS: 2.0}


def test_reorder_and_place_keep_a_stable_order(store):
    a, b, c = (store.papers.add(title).id for title in "ABC")
    assert column(store, Stage.IDEATION) == ["A", "B", "C"]
    assert store.papers.reorder(c, -1)
    assert column(store, Stage.IDEATION) == ["A", "C", "B"]
    assert store.papers.reorder(a, 5)  # clamps to the end
    assert column(store, Stage.IDEATION) == ["C", "B", "A"]
    assert not store.papers.reorder(c, -1)  # already first
    store.papers.place(a, c, after=False)
    assert column(store, Stage.IDEATION) == ["A", "C", "B"]
    # Many halvings exhaust float precision: the column is renumbered, order kept.
    for _ in range(80):
        store.papers.place(b, a, after=True)
        store.papers.place(c, b, after=True)
    assert column(store, Stage.IDEATION) == ["A", "B", "C"]


def test_update_checks_the_version(store):
    paper = store.papers.add("Draft")
    store.papers.update(paper.id, paper.version, title="Draft v2")
    with pytest.raises(ConflictError, match="changed elsewhere"):
        store.papers.update(paper.id, paper.version, title="stale edit")
    assert store.papers.get(paper.id).title == "Draft v2"
    with pytest.raises(ValidationError):
        store.papers.update(paper.id, None, target_year=20245)
    with pytest.raises(ValidationError):
        store.papers.update(paper.id, None, title="   ")
    with pytest.raises(NotFound):
        store.papers.move(9999, Stage.WRITING)


def test_undo_redo_survive_reopening_the_store(db_path):
    store = open_store(db_path)
    paper = store.papers.add("Persistent [bold]undo[/]")
    store.papers.move(paper.id, Stage.DESIGN)
    store.papers.update(paper.id, None, title="Renamed 论文")
    store.close()

    store = open_store(db_path)
    assert store.papers.undo() == "edit"
    assert store.papers.get(paper.id).title == "Persistent [bold]undo[/]"
    assert store.papers.undo() == "move to Design"
    assert store.papers.get(paper.id).stage is Stage.IDEATION
    assert len(store.papers.history(paper.id)) == 1
    store.close()

    store = open_store(db_path)
    assert store.papers.redo() == "move to Design"
    assert store.papers.get(paper.id).stage is Stage.DESIGN
    assert store.papers.redo() == "edit"
    assert store.papers.get(paper.id).title == "Renamed 论文"
    assert store.papers.redo() is None
    # A new change after an undo drops the redo stack.
    store.papers.undo()
    store.papers.add("Fresh")
    assert store.papers.redo() is None
    store.close()


def test_undo_of_delete_restores_everything(store):
    paper = store.papers.add("To delete", Stage.WRITING)
    item = store.papers.checklist(paper.id, Stage.WRITING)[0]
    store.papers.set_checklist_done(item.id, True)
    store.papers.submit(paper.id, "ICLR", venue_key="iclr", year=2027)
    before = (store.papers.get(paper.id), store.papers.history(paper.id), store.papers.checklist(paper.id), store.papers.submissions(paper.id))
    store.papers.delete(paper.id)
    with pytest.raises(NotFound):
        store.papers.get(paper.id)
    assert store.scalar("SELECT count(*) FROM checklist_items WHERE paper_id = ?", (paper.id,)) == 0
    assert store.papers.undo().startswith("delete")
    restored = store.papers.get(paper.id)
    assert (restored.title, restored.stage) == (before[0].title, before[0].stage)
    assert store.papers.history(paper.id) == before[1]
    assert store.papers.checklist(paper.id) == before[2]
    assert store.papers.submissions(paper.id) == before[3]
    assert store.papers.redo().startswith("delete")
    with pytest.raises(NotFound):
        store.papers.get(paper.id)


def test_undo_refuses_when_the_paper_changed_since(store):
    paper = store.papers.add("Contested")
    store.papers.move(paper.id, Stage.DESIGN)
    store.papers.set_checklist_done(store.papers.checklist(paper.id)[0].id, True)  # journaled too
    store.papers.undo()  # the tick
    # Something edits the paper without the journal (an older paperdeck, a hand-made UPDATE).
    with store.transaction() as conn:
        conn.execute("UPDATE papers SET notes = 'by hand', version = version + 1 WHERE id = ?", (paper.id,))
    with pytest.raises(ConflictError, match="changed since"):
        store.papers.undo()
    assert store.papers.get(paper.id).stage is Stage.DESIGN


def test_rejection_sends_the_paper_back_to_writing_and_keeps_history(store):
    paper = store.papers.add("Resubmitted", Stage.SUBMISSION)
    first = store.papers.submit(paper.id, "ACL ARR", year=2026, submitted_on="2026-02-15")
    assert store.papers.get(paper.id).stage is Stage.UNDER_REVIEW
    back = store.papers.decide(first.id, "Rejected", scores="3/3/2.5")
    assert back.stage is Stage.WRITING and back.decision is None
    second = store.papers.submit(paper.id, "ACL ARR", year=2026, submitted_on="2026-06-15")
    accepted = store.papers.decide(second.id, "accepted")
    assert accepted.stage is Stage.DECISION and accepted.decision == "accepted"
    history = store.papers.submissions(paper.id)
    assert [(s.submitted_on, s.decision, s.scores) for s in history] == [
        ("2026-02-15", "rejected", "3/3/2.5"), ("2026-06-15", "accepted", ""),
    ]
    stages = [move.to_stage for move in store.papers.history(paper.id)]
    assert stages == [Stage.SUBMISSION, Stage.UNDER_REVIEW, Stage.WRITING, Stage.UNDER_REVIEW, Stage.DECISION]
    with pytest.raises(ValidationError, match="unknown decision"):
        store.papers.decide(first.id, "maybe")
    with pytest.raises(ValidationError):
        store.papers.submit(paper.id, "   ")


def test_checklists_come_from_the_guide_per_stage(store):
    paper = store.papers.add("Checklisted")
    experiments = [item.text for item in store.papers.checklist(paper.id, Stage.EXPERIMENTS)]
    assert experiments[:3] == ["Parameter sweeps", "Ablation studies", "Comparison experiments"] or len(experiments) >= 6
    assert {"Tool: wandb", "Tool: accelerate", "Tool: Optuna"} <= set(experiments)
    writing = store.papers.checklist(paper.id, Stage.WRITING)
    assert "tip.diagrams" in {item.seed_key for item in writing}
    assert store.papers.checklist(paper.id, Stage.UNDER_REVIEW) == []
    ideation = store.papers.checklist(paper.id, Stage.IDEATION)
    store.papers.set_checklist_done(ideation[0].id, True)
    extra = store.papers.add_checklist_item(paper.id, Stage.IDEATION, "Talk to [red]Alice[/]")
    tile = store.papers.tiles(paper_id=paper.id)[0]
    assert (tile.checklist_done, tile.checklist_total) == (1, len(ideation) + 1)
    store.papers.edit_checklist_item(extra, "Talk to Bob")
    store.papers.delete_checklist_item(ideation[1].id)
    assert [i.text for i in store.papers.checklist(paper.id, Stage.IDEATION)][-1] == "Talk to Bob"
    with pytest.raises(ValidationError):
        store.papers.add_checklist_item(paper.id, Stage.IDEATION, "  ")


def test_filters_by_text_venue_topic_and_stage(store):
    store.papers.add("Agents with memory 记忆", venue_key="acl", topic_key="topic.agent-frameworks")
    store.papers.add("LoRA at scale", Stage.WRITING, venue_key="iclr", topic_key="topic.lightweight-architecture")
    titles = lambda wanted: sorted(p.title for p in store.papers.filtered(wanted) if p.seed_key is None)  # noqa: E731
    assert titles(PaperFilter(text="记忆")) == ["Agents with memory 记忆"]
    assert titles(PaperFilter(text="lora")) == ["LoRA at scale"]
    assert titles(PaperFilter(venue_key="ICLR")) == ["LoRA at scale"]
    assert titles(PaperFilter(topic_key="topic.agent-frameworks")) == ["Agents with memory 记忆"]
    assert titles(PaperFilter(stage=Stage.WRITING)) == ["LoRA at scale"]
    assert titles(PaperFilter(text="%")) == []  # no LIKE wildcards
    assert [c.title for c in store.papers.tiles(PaperFilter(text="memory"))] == ["Agents with memory 记忆"]


def test_sample_papers_are_seeded_once_and_never_resurrected(store, monkeypatch):
    from paperdeck.store import seed

    monkeypatch.delenv("PAPERDECK_NO_SAMPLES")
    seed_all(store)
    samples = {p.title: p for p in store.papers.all() if p.seed_key}
    assert set(samples) == SAMPLE_TITLES
    emnlp = samples["Reward-Aware Prompt Optimization for LLM Alignment"]
    assert (emnlp.venue_label, emnlp.track, emnlp.stage) == ("EMNLP 2024", "main", Stage.DECISION)
    assert emnlp.bullets[1].startswith("Achieved +12% win-rate on MT-Bench")
    assert samples["Efficient LLM Training with Quantization-Aware LoRA"].award == "Spotlight"
    store.papers.delete(emnlp.id)
    seed_all(store)
    seed_all(store)
    assert {p.title for p in store.papers.all() if p.seed_key} == {"Efficient LLM Training with Quantization-Aware LoRA"}


def test_backward_plan_and_risk(store):
    paper = store.papers.add("Planned", venue_key="iclr")
    deadline = date(2027, 2, 1)
    milestones = plan.milestones(paper, deadline)
    assert [m.name for m in milestones] == ["start_by", "experiments_done_by", "draft_by", "submit_by"]
    assert milestones[0].date == date(2026, 11, 23) and milestones[-1].date == deadline
    assert [m.date for m in milestones] == sorted(m.date for m in milestones)
    assert plan.overdue_milestone(paper, milestones, date(2026, 11, 20)) is None
    assert plan.overdue_milestone(paper, milestones, date(2026, 11, 29)) is not None  # still an idea after the start date
    moved = store.papers.move(paper.id, Stage.EXPERIMENTS)
    assert plan.overdue_milestone(moved, milestones, date(2026, 12, 20)) is None
    assert plan.overdue_milestone(moved, milestones, date(2027, 1, 10)).name == "experiments_done_by"
    workshop = store.papers.update(paper.id, None, track="workshop")
    assert plan.milestones(workshop, deadline)[0].date == date(2026, 12, 21)  # the 6-week minimum
