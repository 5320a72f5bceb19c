"""`paperdeck export cards [--deck NAME] [-o FILE] [--format csv|tsv]`: cards as CSV or TSV."""

from __future__ import annotations

import argparse
import sys

from ..context import CliError, command, open_cli_store


def register(kinds, common) -> None:
    parser = command(kinds, "cards", common, "export flashcards as CSV or TSV (stdout by default)")
    parser.add_argument("--deck", metavar="NAME", help="only this deck (its name or key)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (.tsv: tab-separated)")
    parser.add_argument("--format", choices=("csv", "tsv"), help="csv or tsv (default: from FILE, else csv)")
    parser.set_defaults(handler=export_cards)


def export_cards(args: argparse.Namespace) -> int:
    from ...domain.card_csv import delimiter_for, write_cards
    from ...textsafe import printable

    store = open_cli_store(args)
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
    text = write_cards(rows, delimiter_for(args.output or "", args.format))
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as error:
            raise CliError(f"cannot write {printable(args.output)}: {error.strerror}") from error
        print(f"exported {len(rows)} cards to {printable(args.output)}", file=sys.stderr)
    else:
        # A terminal gets control characters made visible; a pipe gets the data as stored.
        sys.stdout.write(printable(text) if sys.stdout.isatty() else text)
    return 0
