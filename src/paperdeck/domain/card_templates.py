"""Question templates for a paper's own deck, filled with the paper's fields.

Each template has a stable key: regenerating a paper's deck updates the text of the card with
that key (while the user has not edited it) and never adds a second one or resets its schedule.
A template whose fields are still empty is skipped until the paper has them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..textsafe import one_line

FIELDS = ("title", "problem", "method", "baseline", "dataset", "result", "contribution", "limitations")
MAX_FIELD_CELLS = 160
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class Template:
    key: str
    category_key: str
    requires: tuple[str, ...]
    en: str
    zh: str
    back: str = ""


@dataclass(frozen=True, slots=True)
class TemplateCard:
    key: str
    category_key: str
    front: str
    front_zh: str
    back: str


TEMPLATES: tuple[Template, ...] = (
    Template("tpl.problem.why", "pitch", ("problem",),
             "What problem does “{title}” solve ({problem}), and why does it matter now?",
             "《{title}》要解决什么问题（{problem}）？为什么现在值得做？", "{problem}"),
    Template("tpl.method.explain", "qcat.theory", ("method",),
             "Explain the method of “{title}” ({method}) in two minutes: why does it work?",
             "用两分钟讲清《{title}》的方法（{method}）：它为什么有效？", "{method}"),
    Template("tpl.method.basis", "qcat.theory", ("method",),
             "What is the mathematical basis of {method}, and why is it more stable than the usual approach?",
             "{method} 有何数学依据？为什么比常规做法更稳定？"),
    Template("tpl.baseline.compare", "qcat.comparison", ("baseline",),
             "Why does your method beat {baseline}? What exactly is different?",
             "为什么比 {baseline} 更好？关键区别到底是什么？", "Baseline: {baseline}"),
    Template("tpl.result.significance", "qcat.comparison", ("result",),
             "What is your headline result (“{result}”) compared against, and is the gain significant?",
             "你的核心结果（“{result}”）是和谁比的？提升显著吗？", "{result}"),
    Template("tpl.result.ablation", "qcat.comparison", ("result",),
             "Which ablation shows where the gain in “{result}” comes from?",
             "哪个消融实验说明了“{result}”的提升来自哪里？"),
    Template("tpl.dataset.size", "qcat.training", ("dataset",),
             "How much of {dataset} did you train and evaluate on, and why that data?",
             "用了多少 {dataset} 的数据训练和评估？为什么选它？", "Data: {dataset}"),
    Template("tpl.training.details", "qcat.training", ("method",),
             "Training {method}: batch size, optimizer, compute, and which tricks mattered?",
             "训练 {method}：Batch Size、优化器、算力，哪些技巧起了作用？"),
    Template("tpl.tooling.framework", "qcat.tooling", ("method",),
             "Did you build {method} on TRL/PEFT or implement it yourselves? Can training resume after an interruption?",
             "{method} 是基于 TRL/PEFT 还是自己实现的？支持中断恢复吗？"),
    Template("tpl.deployment.latency", "qcat.deployment", ("method",),
             "Deploying {method}: how do you keep inference latency under control, and does it stream?",
             "{method} 落地时推理 latency 怎么控制？支持 streaming 吗？"),
    Template("tpl.limitations.next", "qcat.comparison", ("limitations",),
             "What are the limitations of “{title}” ({limitations}), and what would you try next?",
             "《{title}》有哪些局限（{limitations}）？下一步你会怎么做？", "{limitations}"),
    Template("tpl.contribution.one-line", "pitch", ("contribution",),
             "Give the one-line summary of “{title}”.",
             "用一句话总结《{title}》的创新亮点。", "{contribution}"),
)
# A field ends mid-sentence in a question: its own closing full stop would read “… Face.”.
_CLOSING = ".。;；,，:："


def _field(value: Any) -> str:
    from rich.cells import cell_len

    text = one_line(str(value or "")).strip().rstrip(_CLOSING).rstrip()
    if cell_len(text) <= MAX_FIELD_CELLS:
        return text
    while cell_len(text) > MAX_FIELD_CELLS - 1:
        text = text[:-1]
    return text + "…"


def paper_fields(paper: Any) -> dict[str, str]:
    """The fields the templates use, from a Paper (or any object/mapping with them)."""
    get = paper.get if isinstance(paper, dict) else (lambda name: getattr(paper, name, ""))
    return {name: _field(get(name)) for name in FIELDS}


def fill(text: str, fields: dict[str, str]) -> str:
    """Put the fields into a template in one pass: text from a paper that happens to contain
    `{title}` or a brace stays as typed."""
    return _PLACEHOLDER.sub(lambda match: fields.get(match.group(1), match.group(0)), text)


def render(paper: Any) -> list[TemplateCard]:
    """The cards a paper's deck should hold now, in template order."""
    fields = paper_fields(paper)
    fields["title"] = fields["title"] or "this paper"
    return [
        TemplateCard(template.key, template.category_key, fill(template.en, fields),
                     fill(template.zh, fields), fill(template.back, fields))
        for template in TEMPLATES
        if all(fields[name] for name in template.requires)
    ]
