"""`paperdeck import cards FILE`: add cards from CSV/TSV; malformed rows are reported by line
and skipped, rows already present are skipped too (importing twice adds nothing)."""

from __future__ import annotations

import argparse
import sys

from ..context import CliError, command, open_cli_store, out

DEFAULT_DECK = "Imported"


def register(kinds, common) -> None:
    parser = command(kinds, "cards", common, "import flashcards from CSV or TSV (header: deck,category,front,front_zh,back,suspended)")
    parser.add_argument("file", metavar="FILE", help="the CSV/TSV file ('-' for stdin)")
    parser.add_argument("--format", choices=("csv", "tsv"), help="csv or tsv (default: from FILE's name, else csv)")
    parser.add_argument("--deck", metavar="NAME", help=f"deck for rows without one (default {DEFAULT_DECK!r})")
    parser.set_defaults(handler=import_cards)


def _read(path: str) -> str:
    from ...textsafe import printable

    try:
        if path == "-":
            return sys.stdin.read()
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        raise CliError(f"{printable(path)}: no such file") from None
    except UnicodeDecodeError:
        raise CliError(f"{printable(path)}: not UTF-8 text; save it as UTF-8 CSV") from None
    except OSError as error:
        raise CliError(f"{printable(path)}: cannot read: {error.strerror}") from None


def import_cards(args: argparse.Namespace) -> int:
    from ...domain.card_csv import CardFileError, RowError, delimiter_for, parse_cards
    from ...store import StoreError
    from ...textsafe import one_line

    try:
        rows, errors = parse_cards(_read(args.file), delimiter_for(args.file, args.format))
    except CardFileError as error:
        raise CliError(f"{one_line(args.file)}: {error}") from error
    store = open_cli_store(args)
    added = duplicates = 0
    try:
        existing = {(c.deck_id, c.front, c.front_zh) for c in store.cards.cards()}
        for row in rows:
            name = row.deck or args.deck or DEFAULT_DECK
            try:
                deck = store.cards.find_deck(name) or store.cards.add_deck(name)
                if (deck.id, row.front, row.front_zh) in existing:
                    duplicates += 1
                    continue
                card = store.cards.add(deck.id, row.front, row.front_zh, row.back, category_key=row.category or None)
                if row.suspended:
                    store.cards.set_suspended(card.id, True)
            except StoreError as error:
                errors.append(RowError(row.line, str(error)))
                continue
            existing.add((deck.id, row.front, row.front_zh))
            added += 1
    finally:
        store.close()
    for error in sorted(errors, key=lambda e: e.line):
        print(f"paperdeck: {one_line(args.file)}: line {error.line}: {one_line(error.message)}; skipped", file=sys.stderr)
    out(f"imported {added} cards; {duplicates} already present; {len(errors)} malformed rows skipped")
    return 1 if errors else 0

