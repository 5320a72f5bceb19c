"""Golden tests for every resume format: the guide's own examples, labels that agree across
formats, author roles, links, grouping, the anonymised line, LaTeX and Markdown escaping."""

from __future__ import annotations

import re

import pytest

from paperdeck.domain.snippets import (
    build_entry, escape_latex, find_entry, one_line, render, render_list,
)
from paperdeck.models.papers import Paper, Stage, Submission

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


def lora_paper(**extra) -> Paper:
    fields = dict(
        id=2, title="Efficient LLM Training with Quantization-Aware LoRA", stage=Stage.DECISION,
        venue_key="iclr", target_year=2023, decision="accepted", award="Spotlight",
        authors=["San Zhang", "Si Li", "Wu Wang"], my_author_index=1, equal_contribution=[0, 1],
    )
    return Paper(**{**fields, **extra})


def review_paper(title="Scaling Laws for Reward Models") -> tuple[Paper, list[Submission]]:
    paper = Paper(id=3, title=title, stage=Stage.UNDER_REVIEW, authors=["Si Li"])
    history = [
        Submission(1, 3, "arr", "ACL ARR", 2025, None, "2025-02-15", "", "rejected", ""),
        Submission(2, 3, "arr", "ACL ARR", 2025, None, "2025-06-15", "", None, ""),
    ]
    return paper, history


def findings_paper(**extra) -> Paper:
    fields = dict(
        id=4, title="Federated Data-Efficient Instruction Tuning", stage=Stage.DECISION, venue_key="acl",
        target_year=2025, track="findings", decision="accepted", award="Oral",
        authors=["Zhen Qin", "Zhaomin Wu", "Bingsheng He", "Shuiguang Deng"], corresponding=[1, 3],
        arxiv_id="2410.10926", links={"code": "https://github.com/x/y_(z)", "project": "https://x.io/#a%20b"},
    )
    return Paper(**{**fields, **extra})


# -- the guide's formats ------------------------------------------------------------------------

def test_single_paper_is_the_guides_standard_format():
    text = render(build_entry(guide_paper(), venue_names=VENUES), "txt")
    assert text == (
        'Paper: "Reward-Aware Prompt Optimization for LLM Alignment", EMNLP 2024 (Main conference)\n'
        "- Proposed a reward-guided prompt distillation framework for scalable RLHF.\n"
        "- Achieved +12% win-rate on MT-Bench; open-sourced implementation on Hugging Face."
    )


def test_list_is_the_guides_selected_and_other_layout_with_the_anonymised_line():
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
        "- ACL ARR x2 / Under Review"
    )
    # Titles of papers under review only when asked for.
    titled = build_entry(paper, history, review_titles=True)
    assert render_list([titled], "txt").splitlines()[-1] == "- [ACL ARR x2 / Under Review] Scaling Laws for Reward Models"


def test_the_venues_tried_are_named_as_the_database_names_them():
    """A submission that wrote "NEURIPS" reads "NeurIPS" and counts with the one that wrote
    "NeurIPS"; a name of its own ("ACL ARR February") is kept."""
    paper = Paper(id=3, title="T", stage=Stage.UNDER_REVIEW, venue_key="llm4data")
    history = [
        Submission(1, 3, "neurips", "NEURIPS", 2024, None, "2024-05-15", "", "rejected", ""),
        Submission(2, 3, "neurips", "NeurIPS", 2025, None, "2025-05-15", "", "rejected", ""),
        Submission(3, 3, "arr", "ACL ARR February", 2025, None, "2025-02-15", "", None, ""),
    ]
    assert build_entry(paper, history).label == "NeurIPS x2 / ACL ARR February / Under Review"
    renamed = {"llm4data": "LLM4Data"}
    assert build_entry(paper, [], venue_names=renamed).label == "LLM4Data / Under Review"
    written = [Submission(4, 3, "llm4data", "LLM4DATA", 2025, None, "2025-02-15", "", None, "")]
    assert build_entry(paper, written, venue_names=renamed).label == "LLM4Data / Under Review"


def test_the_anonymised_paper_shows_no_title_or_authors_in_any_format():
    paper, history = review_paper()
    entry = build_entry(paper, history, my_names=["Si Li"])
    for fmt in ("txt", "md", "tex"):
        single, listed = render(entry, fmt), render_list([entry], fmt)
        assert "Scaling Laws" not in single + listed and "Si Li" not in single + listed
        assert "ACL ARR x2 / Under Review" in single and "ACL ARR x2 / Under Review" in listed
    assert render(entry, "txt") == "Paper: ACL ARR x2 / Under Review"


def test_selected_marks_choose_the_selected_block():
    entries = [build_entry(guide_paper(selected=True), venue_names=VENUES), build_entry(lora_paper(), venue_names=VENUES)]
    assert render_list(entries, "txt").splitlines() == [
        "Selected Publication:", "- [EMNLP 2024] Reward-Aware Prompt Optimization for LLM Alignment",
        "Other:", "- [ICLR 2023] Efficient LLM Training with Quantization-Aware LoRA (Spotlight)",
    ]


# -- one label everywhere -----------------------------------------------------------------------

LABEL_CASES = [
    (findings_paper(), "ACL 2025 Findings"),
    (findings_paper(id=5, track="workshop", award=None), "ACL 2025 Workshop"),
    (findings_paper(id=6, track="demo", venue_key="emnlp", award=None), "EMNLP 2025 Demo"),
    (findings_paper(id=7, track=None, venue_key="tkde", award=None), "TKDE 2025"),
    (findings_paper(id=8, track="workshop", venue_key="BlackboxNLP Workshop", award=None), "BlackboxNLP Workshop 2025"),
    (findings_paper(id=9, track="workshop", venue_key="VarDial", award=None), "VarDial 2025 Workshop"),
    (findings_paper(id=10, decision=None, award=None), "arXiv 2025"),
    (guide_paper(), "EMNLP 2024"),
]


@pytest.mark.parametrize("paper, label", LABEL_CASES, ids=[label for _, label in LABEL_CASES])
def test_a_label_reads_the_same_in_every_format_single_and_list(paper, label):
    entry = build_entry(paper, venue_names=VENUES)
    assert entry.label == label
    seen = {
        "txt": render(entry, "txt"), "txt list": render_list([entry], "txt"),
        "md": render(entry, "md"), "md list": render_list([entry], "md"),
        "tex": render(entry, "tex"), "tex list": render_list([entry], "tex"),
    }
    for where, text in seen.items():
        assert label in text, f"{label!r} missing from the {where} rendering:\n{text}"
    if entry.status == "accepted":
        # The list's label is the single's venue phrase without the guide's main-track note.
        assert f"[{label}]" in seen["txt list"]
        assert re.search(rf'", {re.escape(label)}( \(|$)', seen["txt"].splitlines()[0])


def test_a_workshop_paper_is_never_just_a_year():
    paper = findings_paper(id=11, track="workshop", venue_key=None, award=None)
    assert build_entry(paper).label == "2025 Workshop"
    assert not re.fullmatch(r"\d{4}", build_entry(paper).label)


def test_an_award_in_parentheses_is_never_nested():
    """An award stored as an import wrote it before ("Oral (1%)") reads "(Oral, 1%)" everywhere."""
    entry = build_entry(findings_paper(award="Oral (1%)"), venue_names=VENUES)
    assert render(entry, "txt").splitlines()[0].endswith(", ACL 2025 Findings (Oral, 1%)")
    assert "] Federated Data-Efficient Instruction Tuning (Oral, 1%)" in render_list([entry], "txt")
    assert "(Oral, 1\\%)" in render_list([entry], "tex") and "((" not in render_list([entry], "md")
    assert build_entry(findings_paper(award="(Best Paper)"), venue_names=VENUES).award == "Best Paper"


# -- authors ------------------------------------------------------------------------------------

def test_roles_and_my_name_in_every_format():
    entry = build_entry(findings_paper(equal_contribution=[0, 1]), my_names=["Z. Wu"])
    assert entry.my_index == 1
    assert render(entry, "txt").splitlines()[1] == (
        "Authors: Zhen Qin*, Zhaomin Wu*†, Bingsheng He, Shuiguang Deng† (* equal contribution, † corresponding author)"
    )
    assert render(entry, "md").splitlines()[2] == (
        "Zhen Qin\\*, **Zhaomin Wu\\*†**, Bingsheng He, Shuiguang Deng† (\\* equal contribution, † corresponding author)  "
    )
    assert render(entry, "tex").splitlines()[1] == (
        "Zhen Qin$^*$, \\textbf{Zhaomin Wu$^*$$^\\dagger$}, Bingsheng He, Shuiguang Deng$^\\dagger$ "
        "($^*$ equal contribution, $^\\dagger$ corresponding author)\\\\"
    )


def test_my_name_by_alias_and_by_bibtex_rules():
    paper = lora_paper(my_author_index=None, authors=["Zhang, San", "李四", "Wu Wang"])
    assert build_entry(paper, my_names=["Si Li", "李四"]).my_index == 1
    assert build_entry(paper, my_names=["S. Zhang"]).my_index == 0
    assert build_entry(paper, my_names=["Nobody"]).my_index is None
    van = lora_paper(my_author_index=None, authors=["Rob {van der Goot}"])
    entry = build_entry(van, my_names=["R. van der Goot"])
    assert entry.my_index == 0 and entry.authors == ("Rob van der Goot",)


# -- links --------------------------------------------------------------------------------------

def test_links_in_markdown_and_latex_not_in_the_guides_text():
    entry = build_entry(findings_paper())
    md, tex = render(entry, "md"), render(entry, "tex")
    assert md.splitlines()[-1] == (
        "[[arXiv](https://arxiv.org/abs/2410.10926)] [[Code](https://github.com/x/y_%28z%29)] "
        "[[Project](https://x.io/#a%20b)]"
    )
    assert tex.splitlines()[-1] == (
        "\\href{https://arxiv.org/abs/2410.10926}{[arXiv]} \\href{https://github.com/x/y_(z)}{[Code]} "
        "\\href{https://x.io/\\#a\\%20b}{[Project]}"
    )
    assert "[[arXiv](https://arxiv.org/abs/2410.10926)]" in render_list([entry], "md")
    assert "\\href{https://arxiv.org/abs/2410.10926}{[arXiv]}" in render_list([entry], "tex")
    assert "http" not in render(entry, "txt") + render_list([entry], "txt")


# -- grouping -----------------------------------------------------------------------------------

def grouping_entries():
    paper, history = review_paper()
    return [
        build_entry(guide_paper(selected=True), venue_names=VENUES),
        build_entry(lora_paper(), venue_names=VENUES),
        build_entry(findings_paper(), venue_names=VENUES),
        build_entry(findings_paper(id=7, track=None, venue_key="tkde", award=None, title="A Journal Paper")),
        build_entry(findings_paper(id=10, decision=None, award=None, title="A Preprint")),
        build_entry(findings_paper(id=5, track="workshop", award=None, title="A Workshop Paper")),
        build_entry(paper, history),
    ]


def test_group_by_year_selected_first():
    assert render_list(grouping_entries(), "txt", "year").splitlines() == [
        "Selected Publication:", "- [EMNLP 2024] Reward-Aware Prompt Optimization for LLM Alignment",
        "Under Review:", "- ACL ARR x2 / Under Review",
        "2025:", "- [TKDE 2025] A Journal Paper", "- [ACL 2025 Workshop] A Workshop Paper",
        "- [ACL 2025 Findings] Federated Data-Efficient Instruction Tuning (Oral)", "- [arXiv 2025] A Preprint",
        "2023:", "- [ICLR 2023] Efficient LLM Training with Quantization-Aware LoRA (Spotlight)",
    ]


def test_group_by_type_selected_first():
    text = render_list(grouping_entries(), "md", "type")
    headings = [line for line in text.splitlines() if line.startswith("**") and not line.startswith("**\\[")]
    assert headings == ["**Selected Publication**", "**Conference Papers**", "**Journal Articles**",
                        "**Workshop Papers**", "**Preprints**", "**Under Review**"]
    tex = render_list(grouping_entries(), "tex", "type")
    assert re.findall(r"\\section\*\{([^}]*)\}", tex) == [
        "Selected Publication", "Conference Papers", "Journal Articles", "Workshop Papers", "Preprints", "Under Review",
    ]


def test_one_line_copy():
    entry = build_entry(lora_paper(), venue_names=VENUES)
    assert one_line(entry) == "[ICLR 2023] Efficient LLM Training with Quantization-Aware LoRA (Spotlight)"
    assert "\n" not in one_line(entry)


# -- escaping and the rest ---------------------------------------------------------------------

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


def test_markdown_escapes_user_text():
    paper = guide_paper(title="*Not* _italic_ [link](x) <b>", bullets=["a `code` | pipe"], track=None)
    text = render(build_entry(paper, venue_names=VENUES), "md")
    assert text.splitlines()[0] == "**\\*Not\\* \\_italic\\_ \\[link\\](x) \\<b\\>**  "
    assert text.splitlines()[-1] == "- a \\`code\\` \\| pipe"


def test_under_review_without_history_and_preprints():
    paper = Paper(id=5, title="T", stage=Stage.SUBMISSION, venue_key="acl")
    assert build_entry(paper, venue_names=VENUES).label == "ACL / Under Review"
    preprint = Paper(id=6, title="P", stage=Stage.DECISION, target_year=2025, arxiv_id="2501.01234")
    entry = build_entry(preprint)
    assert (entry.status, entry.label, entry.kind) == ("preprint", "arXiv 2025", "preprint")


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


def test_unknown_format_and_grouping_are_refused():
    with pytest.raises(ValueError, match="unknown format"):
        render(build_entry(guide_paper()), "docx")
    with pytest.raises(ValueError, match="unknown grouping"):
        render_list([build_entry(guide_paper())], "txt", "venue")
