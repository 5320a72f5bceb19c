"""The whole-list panel wraps its text where a Static (Rich) wrapped it, in terminal cells."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.text import Text

from paperdeck.tui.widgets.document import wrap_plain

SAMPLES = [
    "",
    "short",
    "- [EMNLP 2024] Reward-Aware Prompt Optimization for LLM Alignment (Oral)",
    "中文标题很长很长很长很长很长很长很长很长很长很长很长很长很长很长 with English after it",
    "averyveryveryveryveryveryveryveryveryveryveryverylongwordwithoutanyspaceatall and more",
    "emoji 🚀🚀🚀 and [red]markup[/] kept literally\n\nafter a blank line\ttab",
    "trailing spaces at the edge                                        x",
]


@pytest.mark.parametrize("width", [1, 7, 20, 53])
@pytest.mark.parametrize("text", SAMPLES)
def test_wrapped_as_rich_wraps(text, width):
    console = Console(width=200)
    expected = [line.plain.rstrip() for line in Text(text, tab_size=8).wrap(console, width)]
    assert [line.rstrip() for line in wrap_plain(text, width)] == expected
