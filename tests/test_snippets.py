"""Golden tests for every resume format: the guide's own examples, LaTeX escaping, CJK titles."""

from __future__ import annotations

import pytest

from paperdeck.models.papers import Paper, Stage, Submission
from paperdeck.domain.snippets import (
    build_entry, escape_latex, find_entry, render, render_list,
)

VENUES = {"emnlp": "EMNLP", "iclr": "ICLR", "acl": "ACL"}
GUIDE_BULLETS = [
    "Proposed a reward-guided prompt distillation framework for scalable RLHF.",
    "Achieved +12% win-rate on MT-Bench; open-sourced implementation on Hugging Face.",
]


def guide_paper(**extra) -> Paper:
    fields = dict(
        id=1, title="Reward-Aware Prompt Optimization for LLM Alignment", stage=Stage.DECISION,
        venue_key="emnlp", target_year=2024, track="main", decision="accepted", bullets=GUIDE_BULLETS,
    )
    return Paper(**{**fields, **extra})


def lora_paper() -> Paper:
    return Paper(
        id=2, title="Efficient LLM Training with Quantization-Aware LoRA", stage=Stage.DECISION,
        venue_key="iclr", target_year=2023, decision="accepted", award="Spotlight",
        authors=["San Zhang", "Si Li", "Wu Wang"], my_author_index=1, equal_contribution=[0, 1],
    )


def review_paper(title="Scaling Laws for Reward Models") -> tuple[Paper, list[Submission]]:
    paper = Paper(id=3, title=title, stage=Stage.UNDER_REVIEW)
    history = [
        Submission(1, 3, "arr", "ACL ARR", 2025, None, "2025-02-15", "", "rejected", ""),
        Submission(2, 3, "arr", "ACL ARR", 2025, None, "2025-06-15", "", None, ""),
    ]
    return paper, history


def test_single_paper_is_the_guides_standard_format():
    text = render(build_entry(guide_paper(), venue_names=VENUES), "txt")
    assert text == (
        'Paper: "Reward-Aware Prompt Optimization for LLM Alignment", EMNLP 2024 (Main conference)\n'
        "- Proposed a reward-guided prompt distillation framework for scalable RLHF.\n"
        "- Achieved +12% win-rate on MT-Bench; open-sourced implementation on Hugging Face."
    )


def test_list_is_the_guides_selected_and_other_layout():
    paper, history = review_paper()
    entries = [
        build_entry(guide_paper(), venue_names=VENUES),
        build_entry(lora_paper(), venue_names=VENUES),
        build_entry(paper, history),
    ]
    assert render_list(entries, "txt") == (
        "Selected Publication:\n"
        "- [EMNLP 2024] Reward-Aware Prompt Optimization for LLM Alignment\n"
        "- [ICLR 2023] Efficient LLM Training with Quantization-Aware LoRA (Spotlight)\n"
        "Other:\n"
        "- [ACL ARR x2 / Under Review] Scaling Laws for Reward Models"
    )


def test_selected_marks_choose_the_selected_block():
    entries = [build_entry(guide_paper(selected=True), venue_names=VENUES), build_entry(lora_paper(), venue_names=VENUES)]
    text = render_list(entries, "txt")
    assert text.splitlines() == [
        "Selected Publication:", "- [EMNLP 2024] Reward-Aware Prompt Optimization for LLM Alignment",
        "Other:", "- [ICLR 2023] Efficient LLM Training with Quantization-Aware LoRA (Spotlight)",
    ]


def test_my_name_in_bold_and_equal_contribution_marks():
    entry = build_entry(lora_paper(), venue_names=VENUES)
    assert render(entry, "md") == (
        "**Efficient LLM Training with Quantization-Aware LoRA**  \n"
        "*ICLR 2023 (Spotlight)*  \n"
        "San Zhang\\*, **Si Li\\***, Wu Wang (\\* equal contribution)"
    )
    assert render(entry, "tex") == (
        "\\textbf{Efficient LLM Training with Quantization-Aware LoRA}, ICLR 2023 (Spotlight)\\\\\n"
        "San Zhang$^*$, \\textbf{Si Li$^*$}, Wu Wang ($^*$ equal contribution)"
    )
    assert render(entry, "txt").splitlines()[1] == "Authors: San Zhang*, Si Li*, Wu Wang (* equal contribution)"


def test_my_name_setting_finds_me_when_no_index_is_stored():
    paper = lora_paper()
    paper.my_author_index = None
    entry = build_entry(paper, venue_names=VENUES, my_name="Li, Si")
    assert entry.my_index == 1
    assert "**Si Li\\***" in render(entry, "md")


def test_latex_escapes_every_special_character():
    assert escape_latex("& % $ # _ { } ~ ^ \\") == (
        "\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}"
    )
    paper = guide_paper(title="50% & $x_1$ #1 {A} ~B^ C\\D", bullets=["+12% on A&B"], track=None)
    assert render(build_entry(paper, venue_names=VENUES), "tex") == (
        "\\textbf{50\\% \\& \\$x\\_1\\$ \\#1 \\{A\\} \\textasciitilde{}B\\textasciicircum{} C\\textbackslash{}D}, EMNLP 2024\n"
        "\\begin{itemize}\n"
        "  \\item +12\\% on A\\&B\n"
        "\\end{itemize}"
    )


def test_latex_list_item_label_is_not_an_optional_argument():
    text = render_list([build_entry(guide_paper(), venue_names=VENUES)], "tex")
    assert text == (
        "\\section*{Selected Publication}\n"
        "\\begin{itemize}\n"
        "  \\item \\textbf{[EMNLP 2024]} Reward-Aware Prompt Optimization for LLM Alignment\n"
        "\\end{itemize}"
    )


def test_cjk_titles_in_every_format():
    paper = guide_paper(title="基于奖励感知的提示优化：大模型对齐", bullets=["提出奖励引导的提示蒸馏框架"], authors=["张三", "李四"], my_author_index=0)
    entry = build_entry(paper, venue_names=VENUES)
    assert render(entry, "txt") == (
        'Paper: "基于奖励感知的提示优化：大模型对齐", EMNLP 2024 (Main conference)\n'
        "Authors: 张三, 李四\n- 提出奖励引导的提示蒸馏框架"
    )
    assert render(entry, "md").startswith("**基于奖励感知的提示优化：大模型对齐**  \n*EMNLP 2024 (Main conference)*  \n**张三**, 李四")
    assert render(entry, "tex").startswith("\\textbf{基于奖励感知的提示优化：大模型对齐}, EMNLP 2024 (Main conference)\\\\\n\\textbf{张三}, 李四")
    bib = render(entry, "bib")
    assert "title     = {{基于奖励感知的提示优化：大模型对齐}}" in bib
    assert bib.startswith("@inproceedings{paper1")  # no ASCII surname: a stable key from the id


def test_bibtex_golden():
    entry = build_entry(lora_paper(), venue_names=VENUES, doi="10.1000/xyz_1", arxiv_id="2301.00001",
                        venue_full_names={"iclr": "International Conference on Learning Representations"})
    assert render(entry, "bib") == (
        "@inproceedings{zhang2023efficient,\n"
        "  title         = {{Efficient LLM Training with Quantization-Aware LoRA}},\n"
        "  author        = {San Zhang and Si Li and Wu Wang},\n"
        "  booktitle     = {International Conference on Learning Representations},\n"
        "  year          = {2023},\n"
        "  doi           = {10.1000/xyz\\_1},\n"
        "  eprint        = {2301.00001},\n"
        "  archivePrefix = {arXiv},\n"
        "  note          = {Spotlight}\n"
        "}"
    )


def test_bibtex_braces_stay_balanced_and_parse_back():
    import bibtexparser

    paper, history = review_paper(title="Unbalanced } brace { and 100% & more")
    text = render(build_entry(paper, history), "bib")
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    assert library.entries[0].entry_type == "unpublished"
    assert library.entries[0]["note"] == "ACL ARR x2 / Under Review"


def test_markdown_escapes_user_text():
    paper = guide_paper(title="*Not* _italic_ [link](x) <b>", bullets=["a `code` | pipe"], track=None)
    text = render(build_entry(paper, venue_names=VENUES), "md")
    assert text.splitlines()[0] == "**\\*Not\\* \\_italic\\_ \\[link\\](x) \\<b\\>**  "
    assert text.splitlines()[-1] == "- a \\`code\\` \\| pipe"


def test_under_review_without_history_and_preprints():
    paper = Paper(id=5, title="T", stage=Stage.SUBMISSION, venue_key="acl")
    assert build_entry(paper, venue_names=VENUES).label == "ACL / Under Review"
    preprint = Paper(id=6, title="P", stage=Stage.DECISION, target_year=2025)
    entry = build_entry(preprint, arxiv_id="2501.01234")
    assert (entry.status, entry.label) == ("preprint", "arXiv 2025")
    assert render(entry, "bib").startswith("@misc{")


def test_bullets_come_from_contribution_and_result_when_not_written():
    paper = guide_paper(bullets=[], contribution="- Proposed X.\n\n", result="Achieved +12%.")
    assert build_entry(paper, venue_names=VENUES).bullets == ("Proposed X.", "Achieved +12%.")


def test_find_entry_by_id_title_or_part():
    entries = [build_entry(guide_paper(), venue_names=VENUES), build_entry(lora_paper(), venue_names=VENUES)]
    assert find_entry(entries, "2").paper_id == 2
    assert find_entry(entries, "reward-aware").paper_id == 1
    with pytest.raises(ValueError, match="2 papers match"):
        find_entry(entries, "l")
    with pytest.raises(ValueError, match="no paper"):
        find_entry(entries, "nothing like it")


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format"):
        render(build_entry(guide_paper()), "docx")
