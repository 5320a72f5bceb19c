"""A Select whose current choice is one widget.

Textual's Select shows its choice in a SelectCurrent holding three Statics (the label, ▼ and
▲): four widgets to compose, style and draw for every Select, although the line is one label
and an arrow. Here that line draws itself (ChoiceLine); the list that drops down, the keys,
the messages and the value are Textual's Select unchanged."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay  # not exported; Select's own parts
from textual.widgets.select import NoSelection


class ChoiceLine(SelectCurrent):
    """The current choice and its arrow (▼, or ▲ while the list is shown), drawn as one line."""

    COMPONENT_CLASSES = {"choice-line--arrow"}
    DEFAULT_CSS = """
    ChoiceLine { color: $foreground 50%; }
    ChoiceLine.-has-value { color: $foreground; }
    ChoiceLine > .choice-line--arrow { color: $foreground 50%; }
    """

    def compose(self) -> ComposeResult:
        return iter(())  # no child widgets: `render` draws the line

    def update(self, label) -> None:
        self.label = label
        self.has_value = label is not Select.NULL
        self.refresh()

    def render(self) -> Content:
        label = self.placeholder if isinstance(self.label, NoSelection) else self.label
        # As Static shows it (textual.visual.visualize): a str is markup.
        if isinstance(label, Content):
            shown = label
        elif isinstance(label, Text):
            shown = Content.from_rich_text(label)
        else:
            shown = Content.from_markup(str(label))
        expanded = isinstance(self.parent, Select) and self.parent.expanded
        arrow = Content.styled("▲" if expanded else "▼", self.get_visual_style("choice-line--arrow", partial=True))
        width = max(0, self.content_size.width - 2)  # the arrow and a space before it
        return shown.truncate(width, ellipsis=True, pad=True) + " " + arrow


class OneLineSelect(Select):
    """Textual's Select with its current choice drawn by one widget (ChoiceLine)."""

    DEFAULT_CSS = """
    OneLineSelect {
        & > ChoiceLine { height: 3; }
        &.-textual-compact > ChoiceLine { height: 1; }
    }
    """

    def compose(self) -> ComposeResult:
        yield ChoiceLine(self.prompt)
        yield SelectOverlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)

    def _watch_expanded(self, expanded: bool) -> None:
        super()._watch_expanded(expanded)
        for line in self.query_children(ChoiceLine):
            line.refresh()  # its arrow
