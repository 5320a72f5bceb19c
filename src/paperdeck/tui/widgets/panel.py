"""A titled panel showing a Rich renderable; user text inside is never parsed as markup."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.text import Span, Text
from textual.widgets import Static

from ...textsafe import one_line, printable


def literal(text: str, style: str = "", *, single_line: bool = True) -> Text:
    """User or seeded text as a Rich Text, shown exactly as typed, escape codes neutralised."""
    return Text(one_line(text) if single_line else printable(text), style=style)


def literal_width(text: str) -> int:
    """The cells `literal(text)` (one line) takes, without making it: a column's width over
    thousands of rows, of which only those drawn are made (the Flashcards deck list)."""
    if text.isascii() and text.isprintable():  # nothing to neutralise, one cell a character
        return len(text)
    return cell_len(one_line(text))


def continue_at(head: Text, parts: list[Text], width: int, indent: int, *, first: bool = False,
                gap: str = "  ") -> Text:
    """`head` then `parts`, `gap` apart; a part that would pass `width` starts a new line at
    `indent` instead (a part is never split: a count stays with its word, a countdown whole).
    `first`: `head` already ends at `indent` on a new line. Widths in terminal cells."""
    line = indent if first else cell_len(head.plain.rpartition("\n")[2])
    for index, part in enumerate(parts):
        if first and index == 0:
            pass
        elif line + cell_len(gap) + part.cell_len > width and line > indent:
            head.append("\n" + " " * indent)
            line = indent
        else:
            head.append(gap)
            line += cell_len(gap)
        head.append_text(part)
        line += part.cell_len
    return head


UNIT_CELLS = 5  # the longest word `hanging` keeps with the number before it ("days", "Oct")
# A space `hanging` never breaks at: between a count and its word ("16 new", "新卡 16").
UNBROKEN = "\u00a0"


def hanging(text: Text, width: int) -> Text:
    """`text` with each of its indented lines that passes `width` broken at spaces, the line's
    indentation kept on the lines it continues on: "  Writing · ICLR 2026 deadline passed …"
    goes on under itself, not at the panel's edge. A number stays with the word after it
    (`_units`); a word wider than the room stays whole (the list folds it). Widths in terminal
    cells. About 40 us a long row: a panel hangs the rows its first frame shows, the rest after."""
    plain = text.plain
    if width <= 0 or (plain.isascii() and max(map(len, plain.split("\n"))) <= width):
        return text
    breaks: list[tuple[int, int]] = []  # (offset of the space that ends a piece, its indent)
    start = 0
    for line in plain.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        size_of = len if line.isascii() else cell_len
        if 0 < indent < width // 2 and size_of(line) > width:  # unindented: the list's own wrap is the same
            column = indent
            for index, (offset, unit) in enumerate(_units(line, indent, width - indent, size_of)):
                size = size_of(unit)
                if index and column + 1 + size > width and column > indent:
                    breaks.append((start + offset - 1, indent))
                    column = indent + size
                else:
                    column += size + (1 if index else 0)
        start += len(line) + 1
    if not breaks:
        return text
    pieces, last = [], 0
    for offset, indent in breaks:
        pieces += [plain[last:offset], "\n", " " * indent]
        last = offset + 1
    pieces.append(plain[last:])

    def moved(position: int) -> int:  # where a character after the breaks before it now is
        return position + sum(indent for offset, indent in breaks if offset < position)

    spans = [Span(moved(span.start), moved(span.end), span.style) for span in text.spans]
    return Text("".join(pieces), style=text.style, spans=spans, end=text.end)


def _units(line: str, indent: int, room: int, size_of: Callable[[str], int]) -> list[tuple[int, str]]:
    """The line's words after its indentation, each with its offset; a word ending in a digit
    keeps a short next one, its unit ("40 days", "15 Oct", "30 天"), and a word starting with
    one keeps a next that does ("20d 22h"), unless together they would not fit in `room`: a
    count is not put apart from its unit. (Not a long next word: "2026 截止已过（…）" is a clause.)"""
    units: list[tuple[int, str]] = []
    offset = indent
    for word in line[indent:].split(" "):
        last = units[-1][1].rpartition(" ")[2] if units else ""
        keeps = ((last[-1:].isdigit() and size_of(word) <= UNIT_CELLS)
                 or (last[:1].isdigit() and word[:1].isdigit()))
        joined = f"{units[-1][1]} {word}" if keeps else ""
        if joined and size_of(joined) <= room:
            units[-1] = (units[-1][0], joined)
        else:
            units.append((offset, word))
        offset += len(word) + 1
    return units


class Panel(Static):
    DEFAULT_CSS = """
    Panel {
        border: round $primary 50%;
        border-title-color: $text-accent;
        padding: 0 1;
        height: auto;
    }
    Panel:focus, Panel:focus-within {
        border: round $accent;
    }
    """

    def __init__(self, title: str = "", *, id: str | None = None, classes: str | None = None):
        super().__init__("", id=id, classes=classes)
        self.border_title = title
