"""`paperdeck export anki [--deck NAME] -o FILE.apkg`: an Anki package made with genanki.

The model and deck ids are fixed and each note's GUID comes from its deck and card key, so
importing a newer export into Anki updates the notes instead of duplicating them.
"""

from __future__ import annotations

import argparse
import sys
import zlib
from datetime import datetime, timezone

from ...i18n import counted

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


def _progress_package(decks):
    """A genanki Package that, after writing the notes, writes each card's scheduling state
    and review log into the collection (genanki writes every card as new)."""
    import genanki

    class ProgressPackage(genanki.Package):
        def write_to_db(self, cursor, timestamp, id_gen):
            super().write_to_db(cursor, timestamp, id_gen)
            for guid, entry in decks:
                (card_id,) = cursor.execute(
                    "SELECT c.id FROM cards c JOIN notes n ON n.id = c.nid WHERE n.guid = ?", (guid,)).fetchone()
                _write_progress(cursor, card_id, entry)

    return ProgressPackage


def _write_progress(cursor, card_id: int, entry) -> None:
    plan = entry.schedule
    cursor.execute(
        "UPDATE cards SET type = ?, queue = ?, due = coalesce(?, due), ivl = ?, factor = ?, reps = ?, "
        "lapses = ?, left = ?, data = ? WHERE id = ?",
        (plan.type, plan.queue, plan.due, plan.ivl, plan.factor, plan.reps, plan.lapses, plan.left, plan.data,
         card_id),
    )
    cursor.executemany(
        "INSERT INTO revlog(id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)",
        [(row.at_ms, card_id, row.ease, row.ivl, row.last_ivl, row.factor, row.time_ms, row.type)
         for row in entry.revlog],
    )


def collection_created() -> datetime:
    """When genanki's collection says it was created (`col.crt`): Anki counts days from it."""
    from genanki.apkg_col import APKG_COL

    crt = int(APKG_COL.split("VALUES(", 1)[1].split(",")[1])
    return datetime.fromtimestamp(crt, timezone.utc)


def export_anki(args: argparse.Namespace) -> int:
    import genanki

    from ...textsafe import printable
    from ...usecases.anki_export import anki_export

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
        exported = anki_export(store, decks, collection_created())
    finally:
        store.close()
    model = _model()
    packaged, progress, count, reviews = [], [], 0, 0
    for entry in exported:
        deck = entry.deck
        anki_deck = genanki.Deck(deck_id_for(deck.key), f"{DECK_PREFIX}::{deck.name.replace('::', ':')}")
        for item in entry.cards:
            card = item.card
            guid = genanki.guid_for("paperdeck", deck.key, card.key or f"id:{card.id}")
            anki_deck.add_note(genanki.Note(
                model=model, guid=guid, tags=list(item.tags),
                fields=[_html(card.front), _html(card.front_zh), _html(card.back), _html(item.category)],
            ))
            progress.append((guid, item))
            count, reviews = count + 1, reviews + len(item.revlog)
        packaged.append(anki_deck)
    if not packaged:
        raise CliError("no cards to export: every chosen deck is empty")
    package = _progress_package(progress)(packaged)
    path = write_file(args, produce=lambda temporary: package.write_to_file(str(temporary)))
    print(printable(f"exported {counted(count, 'note')} with {counted(reviews, 'review')} "
                    f"in {counted(len(packaged), 'deck')} to {path}"), file=sys.stderr)
    return 0
