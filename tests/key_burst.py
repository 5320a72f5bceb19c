"""Keys as a terminal delivers them: a burst posted at once, not one key per idle wait as
Pilot.press does, so a priority binding at the end of a burst can overtake the typed text."""

from __future__ import annotations

from textual import events

NAMED = {"/": "slash", ".": "full_stop", "_": "underscore", "-": "minus", " ": "space", "\n": "enter"}


def burst(app, text: str, *keys: str) -> None:
    """Post every character of `text`, then each of `keys` (names like "f3"), without waiting."""
    for char in text:
        app._driver.send_message(events.Key(NAMED.get(char, char), None if char == "\n" else char))
    for key in keys:
        app._driver.send_message(events.Key(key, None))
