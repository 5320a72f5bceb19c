"""Escape then a key, typed quickly: a terminal sends ESC x both for Alt+x and for Escape
followed by x within the escape delay (Textual's 100 ms; tmux, ssh and fast typists all get
there). Textual reads it as alt+x and, for a letter, types the letter: "Esc, then r" in the
Pitch editor typed "r" into the pitch instead of leaving the editor and rehearsing (and ESC 6
typed "§": textual_fixes.py makes ESC+digit alt+digit).

paperdeck binds no Alt+letter or Alt+digit, so on a screen (not in a dialog) alt+x is read as
what was meant: Escape, then x. In a dialog it stays Textual's: an Escape there may ask
"discard your changes?", and the next letter must never answer a question not yet seen.
"""

from __future__ import annotations

from textual import events


def escape_then(event: events.Key) -> tuple[events.Key, events.Key] | None:
    """(Escape, x) for alt+x where x is one printable character; else None."""
    rest = event.key.removeprefix("alt+")
    if rest == event.key:
        return None
    if event.character and len(event.character) == 1:
        character = event.character
    elif len(rest) == 1:  # ESC+digit (textual_fixes.py): no character
        character = rest
    else:
        return None
    if not character.isprintable():
        return None
    return events.Key("escape", "\x1b"), events.Key(character if character.isalnum() else rest, character)
