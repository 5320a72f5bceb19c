"""Regression: a paper with pitch text must not crash `paperdeck today` or the dashboard."""

from __future__ import annotations


def test_today_counts_a_written_pitch(store, db_path, cli):
    paper = store.papers.add("Sparse MoE for long context 长上下文")
    store.pitches.save_section(paper.id, "pitch.background", "Why this paper? " * 40 + "因为长上下文推理很难。")
    store.close()
    result = cli("today", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert "Sparse MoE" in result.stdout
