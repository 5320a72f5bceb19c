"""The command palette's provider: the app's verbs, and every screen's actions by name.

Both come from the one registry: the app's actions (tui/actions.py) and, for each screen of
tui/registry.py, the BINDINGS of its class (id, description, tooltip). A screen's action runs
on that screen, after switching to it. A screen opened over a registered one (the review
session, the card browser) offers its own actions while it is in view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from .actions import APP_ACTIONS
from .keys import binding_text, class_bindings, key_label
from .registry import SCREENS, ScreenEntry


@dataclass(frozen=True)
class Command:
    """A command palette entry."""

    name: str
    help: str
    run: Callable[[], object]
    here: bool = False  # an action of the screen in view: listed first
    terms: str = ""  # more words it is found by: its short and long names in both languages


def terms_of(binding: Binding, *names: str) -> str:
    """What a binding is searched by besides its shown name: its label and help as written
    (English) and any other names given (the screen's name in both languages)."""
    return " ".join(dict.fromkeys(part for part in (binding.description, binding.tooltip or "", *names) if part))


def _unique_actions(bindings: list[Binding]) -> list[Binding]:
    """One binding per action (a binding with two keys is two Binding objects)."""
    seen: set[str] = set()
    unique = []
    for binding in bindings:
        if binding.description and binding.action not in seen:
            seen.add(binding.action)
            unique.append(binding)
    return unique


class PaperdeckCommands(Provider):
    _screen_bindings: list[tuple[ScreenEntry, list[Binding]]] = []

    async def startup(self) -> None:
        # Importing every screen's module costs a little once, when the palette first opens.
        self._screen_bindings = [(entry, _unique_actions(class_bindings(entry.screen_class()))) for entry in SCREENS]

    def _language(self) -> str:
        return getattr(self.app, "language", "en")

    def _commands(self) -> list[Command]:
        app, language = self.app, self._language()
        here = type(self.screen).__name__
        commands: list[Command] = []
        for entry, bindings in self._screen_bindings:
            label = entry.label(language)
            for binding in bindings:
                short, long = binding_text(app, binding)
                commands.append(Command(
                    f"{label}: {long}",
                    f"{key_label(app, binding)}  {short}",
                    partial(app.run_screen_action, entry.name, binding.action),  # type: ignore[attr-defined]
                    here=entry.class_name == here, terms=terms_of(binding, entry.zh, entry.en),
                ))
        if not any(entry.class_name == here for entry in SCREENS):
            # A sub-screen in view (review, browser, stats): its own actions, run where it is.
            screen = self.screen
            for binding in _unique_actions(class_bindings(type(screen))):
                short, long = binding_text(app, binding)
                commands.append(Command(
                    long, f"{key_label(app, binding)}  {short}",
                    partial(app.run_action, binding.action, screen), here=True, terms=terms_of(binding),
                ))
        for action in APP_ACTIONS:
            if action.id.startswith("screen."):
                entry = next(e for e in SCREENS if f"screen.{e.name}" == action.id)
                name = ("转到 " if language == "zh" else "Go to ") + entry.label(language)
                help_text = binding_text(app, Binding(action.key, action.action, action.description, id=action.id,
                                                      tooltip=action.tooltip))[1]
            else:
                name, help_text = binding_text(app, Binding(action.key, action.action, action.description,
                                                            id=action.id, tooltip=action.tooltip))
            commands.append(Command(name, help_text, partial(app.run_action, action.action)))
        return sorted(commands, key=lambda command: not command.here)

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.name, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            # Found by its shown name, or (a little lower) by its other names: `export` finds
            # "Pitch: Write the pitch as Markdown to a file", whose key is labelled "Export .md".
            score = max(matcher.match(command.name), matcher.match(command.terms) * 0.9 if command.terms else 0)
            if score > 0:
                yield Hit(score, matcher.highlight(command.name), command.run, help=command.help)
