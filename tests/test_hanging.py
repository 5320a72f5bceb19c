"""`hanging` (tui/widgets/panel.py): a long line of a row broken at spaces, going on under its own
indentation; styles stay on their characters; widths in terminal cells."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from paperdeck.tui.widgets.panel import UNBROKEN, hanging


def styled_at(text: Text, needle: str) -> set[str]:
    start = text.plain.index(needle)
    return {str(span.style) for span in text.spans if span.start <= start and start + len(needle) <= span.end}


def row(detail: str) -> Text:
    text = Text()
    text.append("A paper title #6", style="bold")
    text.append("\n  Ideation · ", style="dim")
    text.append(detail, style="red")
    return text


def test_a_long_second_line_goes_on_under_its_indentation_with_its_styles():
    hung = hanging(row("NAACL 2026 deadline passed 15 Oct 2025; next: NAACL 2028 (est. 12 Oct 2027)"), 40)
    assert hung.plain.split("\n") == [
        "A paper title #6",
        "  Ideation · NAACL 2026 deadline passed",
        "  15 Oct 2025; next: NAACL 2028 (est.",
        "  12 Oct 2027)",  # a number with the word after it
    ]
    assert styled_at(hung, "A paper title") == {"bold"} and styled_at(hung, "Ideation") == {"dim"}
    assert styled_at(hung, "NAACL 2028") == {"red"} and styled_at(hung, "Oct 2027)") == {"red"}


def test_cells_not_characters_and_an_unbroken_space_holds():
    chinese = Text("  实验 · ACL 2026 截止已过（2026年1月5日）；下一届：ACL 2027")
    lines = hanging(chinese, 40).plain.split("\n")
    # By characters "…ACL 2027" would fit in 40 (32 characters); by cells it does not (43).
    assert lines == ["  实验 · ACL 2026", "  截止已过（2026年1月5日）；下一届：ACL", "  2027"]
    assert all(cell_len(line) <= 40 for line in lines)
    counts = Text(f"  1677{UNBROKEN}due · 397{UNBROKEN}learning · 16{UNBROKEN}new")
    assert hanging(counts, 30).plain.split("\n") == [f"  1677{UNBROKEN}due · 397{UNBROKEN}learning ·",
                                                       f"  16{UNBROKEN}new"]


def test_a_count_stays_with_its_unit_where_together_they_fit():
    assert hanging(Text("  Experiments · no move in 40 days"), 30).plain == "  Experiments · no move in\n  40 days"
    assert hanging(Text("  countdown 20d 22h left"), 17).plain == "  countdown\n  20d 22h left"
    glued_too_wide = Text("  a 1234567890123456 days")  # "1234567890123456 days" passes the room
    assert hanging(glued_too_wide, 20).plain == "  a 1234567890123456\n  days"
    # A long word after a number is a clause, not its unit: the number stays on its line.
    assert hanging(Text("  实验 · ACL 2026 截止已过（2026年1月5日）"), 30).plain == "  实验 · ACL 2026\n  截止已过（2026年1月5日）"


def test_what_fits_or_cannot_break_is_left_as_it_is():
    fits = row("no move in 89 days")
    assert hanging(fits, 40) is fits and hanging(fits, 0) is fits
    word = Text("  " + "x" * 50)
    assert hanging(word, 20) is word  # one word: the list folds it
    markup = Text("  [red]not markup[/] but text that is long enough to break")
    assert hanging(markup, 30).plain.replace("\n  ", " ") == markup.plain  # nothing added or lost
