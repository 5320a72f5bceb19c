"""The key footer, rebuilt only when what it shows changed.

Textual's Footer recomposes (unmounts and mounts a widget per key, each restyled) on every
`bindings_updated` signal, and a screen publishes that signal several times per focus change
or screen switch: switching screens cost ~6 full footer rebuilds, most of a switch's time.
This one coalesces the signals of one refresh into one check and rebuilds only when the
shown keys (key, label, enabled, tooltip) differ from what it shows.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual exports no public name for it

from ..keys import binding_text


class QuietFooter(Footer):
    """Textual's Footer, checked once per refresh and rebuilt only when its keys changed.

    Screens keep yielding `textual.widgets.Footer`; PaperdeckScreen mounts this in its place.
    """

    _check_pending = False
    _shown: tuple | None = None

    @classmethod
    def replacing(cls, widget: Widget) -> Widget:
        """`widget` itself, or this footer in place of a stock Footer (same id, classes, options)."""
        if type(widget) is not Footer:
            return widget
        return cls(
            id=widget.id, classes=" ".join(widget.classes) or None, disabled=widget.disabled,
            show_command_palette=widget.show_command_palette, compact=widget.compact,
        )

    def _signature(self) -> tuple:
        shown = tuple(
            (key, binding.action, binding.description, binding.key_display, enabled, tooltip,
             None if binding.group is None else (binding.group.description, binding.group.compact))
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING
        )
        language = getattr(self.app, "language", "en")
        return (shown, language, self.compact, self.show_command_palette, self.combine_groups)

    def compose(self) -> ComposeResult:
        """Textual's keys, each labelled in the app's language (paperdeck/i18n_keys.py)."""
        # The binding each key shows is the first shown one of its action, as Footer.compose picks.
        by_action: dict[str, Binding] = {}
        for _node, binding, _enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show or binding.action == "command_palette":
                by_action.setdefault(binding.action, binding)
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in by_action:
                label, help_text = binding_text(self.app, by_action[widget.action])
                if widget.description:
                    widget.description = label
                widget.tooltip = help_text
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._check_pending:
            self._check_pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._check_pending = False
        if not self.is_attached:
            return
        signature = self._signature()
        if signature != self._shown:
            self._shown = signature
            await self.recompose()
