"""A titled panel showing a Rich renderable; user text inside is never parsed as markup."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
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
