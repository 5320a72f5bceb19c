"""domain/bib_import.normalize_title: case, accents, braces and punctuation do not make two titles
different; marks are dropped as unicodedata names them (combining), whatever the script."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from paperdeck.domain.bib_import import normalize_title


def reference(title: str) -> str:
    """The rule, one character at a time."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", title) if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", plain.casefold()))


def test_titles_of_many_scripts():
    titles = ["Über die Größe: naïve café résumé", "基于稀疏混合专家的端侧推理研究 #4", "Ölçer, Zoë & {LaTeX}",
              "e\u0301te\u0301", "Tiếng Việt có dấu", "مَرْحَبًا بِالعَالَم", "שָׁלוֹם עוֹלָם", "हिन्दी शोध पत्र", "Ａｂｃ ＤＥＦ", ""]
    assert [normalize_title(title) for title in titles] == [reference(title) for title in titles]
    assert normalize_title("Über die Größe: naïve café") == "uber die grosse naive cafe"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text(title):
    assert normalize_title.__wrapped__(title) == reference(title)
