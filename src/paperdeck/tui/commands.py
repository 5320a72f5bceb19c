"""The command palette's provider: the app's verbs from the action registry."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .actions import APP_ACTIONS


class PaperdeckCommands(Provider):
    def _commands(self) -> list[tuple[str, str, str]]:
        return [(a.description if not a.id.startswith("screen.") else f"Go to {a.description}", a.action, a.tooltip) for a in APP_ACTIONS]

    async def discover(self) -> Hits:
        for name, action, help_text in self._commands():
            yield DiscoveryHit(name, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.app.run_action, action), help=help_text)
