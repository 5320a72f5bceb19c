"""A Select whose current choice is one widget, and whose list is built when first dropped down.

Textual's Select shows its choice in a SelectCurrent holding three Statics (the label, ▼ and
▲): four widgets to compose, style and draw for every Select, although the line is one label
and an arrow. Here that line draws itself (ChoiceLine); the list that drops down, the keys,
the messages and the value are Textual's Select unchanged.

Textual builds the list's options (one renderable each) when the Select mounts and on every
`set_options`, although most openings of a form never drop a list down (a medium database's
venues: hundreds). Here the options are kept as data and the list is built when it first drops
down after they changed; `offer` sets the options and the value at once (a form filled again)."""

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
        if self._same(label, self.label):
            return  # a form filled again with the same choice: no repaint
        self.label = label
        self.has_value = label is not Select.NULL
        self.refresh()

    @staticmethod
    def _same(label, shown) -> bool:
        """The same label, drawn the same (Content's == compares only the text)."""
        if type(label) is not type(shown):
            return False
        if isinstance(label, Content):
            return label.plain == shown.plain and label.spans == shown.spans
        if isinstance(label, Text):
            return label.plain == shown.plain and label.spans == shown.spans and label.style == shown.style
        return label is shown or (isinstance(label, str) and label == shown)

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
    """Textual's Select with its current choice drawn by one widget (ChoiceLine), its list built
    when dropped down."""

    DEFAULT_CSS = """
    OneLineSelect {
        & > ChoiceLine { height: 3; }
        &.-textual-compact > ChoiceLine { height: 1; }
    }
    """

    def compose(self) -> ComposeResult:
        yield ChoiceLine(self.prompt)
        yield SelectOverlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)

    _list_stale = True  # the list that drops down does not show `_options` yet

    def _setup_options_renderables(self) -> None:
        # Called by Select on mount and by `set_options`: the list waits until it drops down.
        if not self.expanded:
            self._list_stale = True
            return
        super()._setup_options_renderables()
        self._list_stale = False

    def offer(self, options, value) -> None:
        """Offer `options` with `value` chosen (NULL, or a value not offered: none chosen, or the
        first if a blank is not allowed). The line shows its label even when the value is the
        one chosen before (its label may have changed)."""
        self.expanded = False
        self._setup_variables_for_options(options)
        self._list_stale = True
        if value not in self._legal_values:
            value = Select.NULL
        if value is Select.NULL and not self._allow_blank:
            value = self._options[0][1]
        if self.value == value:
            self._watch_value(value)
        else:
            self.value = value

    def _watch_expanded(self, expanded: bool) -> None:
        if expanded and self._list_stale:
            self._setup_options_renderables()
        super()._watch_expanded(expanded)
        for line in self.query_children(ChoiceLine):
            line.refresh()  # its arrow
