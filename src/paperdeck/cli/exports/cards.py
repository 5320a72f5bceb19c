"""`paperdeck export cards [--deck NAME] [-o FILE] [--format csv|tsv]`: cards as CSV or TSV."""

from __future__ import annotations

import argparse
import sys

from ...i18n import counted
from ..context import CliError, add_output_options, command, open_cli_store, write_file


def register(kinds, common) -> None:
    parser = command(kinds, "cards", common, "export flashcards as CSV or TSV (stdout by default)")
    parser.add_argument("--deck", metavar="NAME", help="only this deck (its name or key)")
    add_output_options(parser, help_text="write to FILE (.tsv: tab-separated)")
    parser.add_argument("--format", choices=("csv", "tsv"), help="csv or tsv (default: from FILE, else csv)")
    parser.add_argument("--raw", action="store_true",
                        help="the text exactly as stored: no ' before cells starting with = + - @ "
                             "(spreadsheets run those as formulas), control characters kept")
    parser.set_defaults(handler=export_cards)


def export_cards(args: argparse.Namespace) -> int:
    from ...domain.card_csv import delimiter_for, write_cards
    from ...textsafe import printable

    store = open_cli_store(args, reading=True)
    try:
        deck_id = None
        if args.deck:
            deck = store.cards.find_deck(args.deck)
            if deck is None:
                raise CliError(f"no deck named {printable(args.deck)!r}; decks: "
                               + ", ".join(printable(d.name) for d in store.cards.decks()))
            deck_id = deck.id
        names = {deck.id: deck.name for deck in store.cards.decks()}
        rows = [
            {"deck": names.get(card.deck_id, ""), "category": card.category_key or "", "front": card.front,
             "front_zh": card.front_zh, "back": card.back, "suspended": card.suspended}
            for card in store.cards.search(deck_id=deck_id)
        ]
    finally:
        store.close()
    text = write_cards(rows, delimiter_for(args.output or "", args.format), raw=args.raw)
    if args.output:
        path = write_file(args, text)
        print(printable(f"exported {counted(len(rows), 'card')} to {path}"), file=sys.stderr)
    else:
        # A terminal never gets a stored control character, even with --raw.
        sys.stdout.write(printable(text) if sys.stdout.isatty() else text)
    return 0
