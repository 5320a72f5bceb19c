"""The key footer, rebuilt only when what it shows changed.

Textual's Footer recomposes (unmounts and mounts a widget per key, each restyled) on every
`bindings_updated` signal, and a screen publishes that signal several times per focus change
or screen switch: switching screens cost ~6 full footer rebuilds, most of a switch's time.
This one coalesces the signals of one refresh into one check and rebuilds only when the
shown keys (key, label, enabled, tooltip) differ from what it shows.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual exports no public name for it

from ..keys import binding_text, class_bindings


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
        # What the footer draws: the first shown key of each action (Footer.compose), so a
        # second key of an action ("e,enter") that a focused widget takes over changes nothing
        # drawn, and rebuilds nothing (the Resume and Flashcards lists take Enter when focused).
        shown, actions = [], set()
        palette = self.app.COMMAND_PALETTE_BINDING
        for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items():
            if key != palette and (not binding.show or binding.action in actions):
                continue
            if key != palette:
                actions.add(binding.action)
            shown.append((key, binding.action, binding.description, binding.key_display, enabled, tooltip,
                          None if binding.group is None else (binding.group.description, binding.group.compact)))
        language = getattr(self.app, "language", "en")
        return (tuple(shown), language, self.compact, self.show_command_palette, self.combine_groups, self._width())

    def _width(self) -> int:
        return self.size.width or self.app.size.width

    def _key_width(self, key: FooterKey) -> int:
        """The cells a key takes (Footer's CSS: key padded 0 1, description padded right 1,
        or compact: one space between, a margin after; the palette key's border and padding
        fall within that width, as measured)."""
        shown = cell_len(key.key_display) + (cell_len(key.description) + 1 if key.description else 0)
        return shown + 1 if self.compact else shown + 2

    def _fitting(self, widgets: list[Widget]) -> list[Widget]:
        """The keys that fit whole beside the palette key, in order; `?` (every key) is kept
        before the others. A key that does not fit is left out rather than drawn under the
        palette key (half a label, or a wide character cut through)."""
        room = self._width()
        keys = [w for w in widgets if isinstance(w, FooterKey) and not w.has_class("-command-palette")]
        if not room:
            return widgets  # not laid out yet
        room -= sum(self._key_width(w) for w in widgets if w.has_class("-command-palette"))
        kept: set[int] = set()
        for key in sorted(keys, key=lambda key: key.action != "app.help"):
            width = self._key_width(key)
            if width <= room:
                kept.add(id(key))
                room -= width
            elif key.action != "app.help":
                break  # the rest in order: none after a key that did not fit
        return [w for w in widgets if id(w) in kept or w.has_class("-command-palette")]

    def _waiting(self) -> bool:
        """True while the screen's first view is awaited (tui/screens/first_paint.py): the keys
        then are not the ones it will show (Pitch's editor takes the focus with the view); and
        until that view's frame is drawn (the keys are built right after it, not before)."""
        waits = getattr(self.screen, "first_paint_waits", None)
        return bool(waits is not None and waits()) or bool(getattr(self.screen, "_footer_due", False))

    async def build_if_waited(self) -> None:
        """Build the keys now if compose left them for the screen's first view."""
        if self._shown is None and not self._waiting():
            with self._context():  # compose binds the keys to this footer: it must be the active node
                await self.recompose()

    def compose(self) -> ComposeResult:
        """Textual's keys, each labelled in the app's language (paperdeck/i18n_keys.py)."""
        # Textual's Footer composes empty until the screen first publishes its bindings, then
        # rebuilds: compose the screen's keys at once (one build before the first frame, not
        # two); the check after each bindings signal rebuilds if they differ by then.
        self.set_reactive(Footer._bindings_ready, True)
        if self._waiting():
            return  # built once the first view is shown (build_if_waited): one build, not two
        # The binding each key shows is the first shown one of its action, as Footer.compose picks.
        by_action: dict[str, Binding] = {}
        for _node, binding, _enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show or binding.action == "command_palette":
                by_action.setdefault(binding.action, binding)
        if any(binding.group is not None for binding in by_action.values()):
            yield from super().compose()  # key groups nest (compose's `with`): not collected first
            return
        widgets = list(super().compose())
        for widget in widgets:
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                self._settle_compact(widget)  # the palette key is not bound to it: it stays compact
            if isinstance(widget, FooterKey) and widget.action in by_action:
                label, help_text = binding_text(self.app, by_action[widget.action])
                if widget.description:
                    widget.description = label
                widget.tooltip = help_text
        yield from self._fitting(self._in_screen_order(widgets, by_action))
        self._shown = self._signature()  # what this compose shows

    def _settle_compact(self, key: FooterKey) -> None:
        """Give a key bound to the footer's compact state that state before it mounts. A
        FooterKey starts compact (its default), is restyled for that when mounted, then
        restyled again when its binding to the footer's (not compact) arrives: two full style
        passes per key, ~15 keys, on every footer build."""
        key.set_reactive(FooterKey.compact, self.compact)
        key.set_class(self.compact, "-compact", update=False)

    def _in_screen_order(self, widgets: list[Widget], by_action: dict[str, Binding]) -> list[Widget]:
        """The screen's priority keys in the order its BINDINGS list them. A focused widget
        binding the same key first (TextArea's F6 and F7) would otherwise put them first."""
        order: dict[str, int] = {}
        for index, binding in enumerate(class_bindings(type(self.screen))):
            order.setdefault(binding.action, index)

        def ranked(widget: Widget) -> bool:
            binding = by_action.get(getattr(widget, "action", ""))
            return binding is not None and binding.priority and binding.action in order

        slots = [index for index, widget in enumerate(widgets) if ranked(widget)]
        moved = sorted((widgets[index] for index in slots), key=lambda widget: order[widget.action])
        result = list(widgets)
        for index, widget in zip(slots, moved):
            result[index] = widget
        return result

    def on_resize(self, event: events.Resize) -> None:
        if self.is_attached and not self._check_pending:
            self._check_pending = True
            self.call_after_refresh(self._recompose_if_changed)

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._check_pending:
            self._check_pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._check_pending = False
        if not self.is_attached or self._waiting():
            return
        signature = self._signature()
        if signature != self._shown:
            self._shown = signature
            await self.recompose()
