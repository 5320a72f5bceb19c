"""`paperdeck export anki [--deck NAME] -o FILE.apkg`: an Anki package made with genanki.

The model and deck ids are fixed and each note's GUID comes from its deck and card key, so
importing a newer export into Anki updates the notes instead of duplicating them.
"""

from __future__ import annotations

import argparse
import sys
import zlib

from ..context import CliError, add_output_options, command, open_cli_store, write_file

MODEL_ID = 1_730_405_117   # fixed forever: Anki matches notes to this model by id
MODEL_NAME = "paperdeck interview card"
DECK_PREFIX = "paperdeck"
CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; } .zh { color: #666; }"


def register(kinds, common) -> None:
    parser = command(kinds, "anki", common, "export flashcards as an Anki package (.apkg)")
    parser.add_argument("--deck", metavar="NAME", help="only this deck (its name or key)")
    add_output_options(parser, "FILE.apkg", "the package to write", required=True)
    parser.set_defaults(handler=export_anki)


def deck_id_for(key: str) -> int:
    """A stable Anki deck id from the deck's key (Anki wants a large positive integer)."""
    return (1 << 30) + zlib.crc32(f"paperdeck:{key}".encode())


def _html(text: str) -> str:
    from html import escape

    from ...textsafe import printable

    return escape(printable(text)).replace("\n", "<br>")


def _model():
    import genanki

    return genanki.Model(
        MODEL_ID, MODEL_NAME,
        fields=[{"name": "Front"}, {"name": "FrontZh"}, {"name": "Back"}, {"name": "Category"}],
        templates=[{
            "name": "Question",
            "qfmt": '{{Front}}<div class="zh">{{FrontZh}}</div>',
            "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
        }],
        css=CSS,
    )


def export_anki(args: argparse.Namespace) -> int:
    import genanki

    from ...textsafe import printable

    if not args.output.lower().endswith(".apkg"):
        raise CliError(f"{printable(args.output)}: the output file must end in .apkg")
    store = open_cli_store(args, reading=True)
    try:
        decks = store.cards.decks()
        if args.deck:
            chosen = store.cards.find_deck(args.deck)
            if chosen is None:
                raise CliError(f"no deck named {printable(args.deck)!r}; decks: " + ", ".join(printable(d.name) for d in decks))
            decks = [chosen]
        names = store.cards.category_names()
        model = _model()
        packaged, count = [], 0
        for deck in decks:
            anki_deck = genanki.Deck(deck_id_for(deck.key), f"{DECK_PREFIX}::{deck.name.replace('::', ':')}")
            for card in store.cards.cards(deck.id):
                category = names.get(card.category_key or "", (card.category_key or "",) * 2)[1]
                anki_deck.add_note(genanki.Note(
                    model=model,
                    fields=[_html(card.front), _html(card.front_zh), _html(card.back), _html(category)],
                    guid=genanki.guid_for("paperdeck", deck.key, card.key or f"id:{card.id}"),
                    tags=[card.category_key.replace(" ", "_")] if card.category_key else [],
                ))
                count += 1
            packaged.append(anki_deck)
    finally:
        store.close()
    path = write_file(args, produce=lambda temporary: genanki.Package(packaged).write_to_file(str(temporary)))
    print(printable(f"exported {count} notes in {len(packaged)} decks to {path}"), file=sys.stderr)
    return 0
