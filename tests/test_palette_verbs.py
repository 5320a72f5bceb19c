"""The command palette finds the app's verbs by name: the README promises `export`, `move`,
`new`, `filter`, `undo`, `deadline` (each search runs through the provider the palette uses)."""

from __future__ import annotations

import pytest

from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.commands import PaperdeckCommands

VERBS = {
    "export": [("pitch", "export")],
    "move": [("pipeline", "move_paper(1)"), ("pipeline", "move_paper(-1)")],
    "new": [("pipeline", "capture")],
    "filter": [("pipeline", "filter")],
    "undo": [("pipeline", "undo")],
    "deadline": [("venues", "add_deadline")],
}


async def hits(app, query: str) -> list:
    provider = PaperdeckCommands(app.screen)
    await provider.startup()
    return [hit async for hit in provider.search(query)]


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_each_verb_finds_its_actions(store, language):
    store.settings.update(language=language)
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for verb, wanted in VERBS.items():
            found = {hit.command.args for hit in await hits(app, verb) if getattr(hit.command, "args", None)}
            for screen, action in wanted:
                assert (screen, action) in found, (verb, language, sorted(found))


async def test_the_expected_actions_exist_in_the_registry(store):
    from paperdeck.tui.keys import class_bindings
    from paperdeck.tui.registry import screen_entry

    for verb, wanted in VERBS.items():
        for screen, action in wanted:
            actions = {binding.action for binding in class_bindings(screen_entry(screen).screen_class())}
            assert action in actions, (verb, screen, action)
