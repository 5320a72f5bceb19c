"""The speaking-time gauge's text: the counts, and the rates beside them when they fit, else on
the next line (at 80 columns the rates were cut: `130 词/分 ·`)."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from paperdeck.domain.speaking import estimate_pitch
from paperdeck.tui.widgets.gauge import gauge_text

SECTIONS = {"pitch.background": "现有 RLHF 方法存在 reward drift 问题。", "pitch.method": "We introduce sampling."}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_rates_go_to_their_own_line_rather_than_being_cut(language):
    estimate = estimate_pitch(SECTIONS)
    wide = gauge_text(estimate, 100, language).plain.splitlines()
    assert len(wide) == 2 and ("字/分" in wide[1] if language == "zh" else "cpm" in wide[1])
    narrow = gauge_text(estimate, 44, language).plain.splitlines()
    assert len(narrow) == 3, narrow
    assert all(cell_len(line) <= 44 for line in narrow), narrow
    assert ("默认" if language == "zh" else "default") in narrow[2]
