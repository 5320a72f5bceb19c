"""CSV/TSV files -> decks and cards. A row whose question is already in its deck is skipped,
so importing a file twice adds nothing; a deck the file names that does not exist is added."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...domain.anki_text import is_anki_text, parse_anki_text
from ...domain.card_csv import CardParse, delimiter_for, parse_cards
from ...models.imports import Action, FileRead, ImportPlan, PlanItem, Source
from ...i18n import counted
from . import DEFAULT_DECK
from .files import file_names

if TYPE_CHECKING:
    from ...store import Store
    from . import ImportOptions
    from .files import InputText
    from .split_load import Meanwhile

Parsed = list[tuple["InputText", CardParse]]


def parse(inputs: list["InputText"], options: "ImportOptions", meanwhile: "Meanwhile | None" = None) -> Parsed:
    return [(given, _parse(given, options)) for given in inputs]


def _parse(given: "InputText", options: "ImportOptions") -> CardParse:
    """Anki's plain-text notes when the file opens with its `#separator:`-style headers, else
    paperdeck's CSV/TSV."""
    if options.delimiter is None and is_anki_text(given.text):
        return parse_anki_text(given.text, given.name)
    return parse_cards(given.text, delimiter_for(given.name, options.delimiter), given.name)


def _format(given: "InputText", options: "ImportOptions") -> str:
    if options.delimiter is None and is_anki_text(given.text):
        return "anki"
    return "tsv" if delimiter_for(given.name, options.delimiter) == "\t" else "csv"


def plan(store: "Store", parsed: Parsed, options: "ImportOptions") -> ImportPlan:
    from ...store.card_import import card_identities

    result = ImportPlan("cards")
    present = card_identities(store)
    decks: dict[str, tuple[int | None, str]] = {}   # folded name -> (id, or None for a new deck; name)
    planned: dict[tuple, Source] = {}
    for given, read in parsed:
        result.files.append(FileRead(given.name, _format(given, options), read.entries, given.encoding))
        result.problems.extend(read.problems)
        for row in read.rows:
            source = Source(given.name, f"line {row.line}", row.line)
            name = row.deck or options.deck or DEFAULT_DECK
            folded = name.casefold()
            if folded not in decks:
                found = store.cards.find_deck(name)
                decks[folded] = (found.id, found.name) if found else (None, name)
                if found is None:
                    result.items.append(PlanItem(Action.ADD, "deck", f"{name} (new deck)", source, values={"name": name}))
            deck_id, deck_name = decks[folded]
            front, front_zh = _text(row.front), _text(row.front_zh)
            subject = f"{deck_name}: {front or front_zh}"
            identity = (deck_id if deck_id is not None else folded, front, front_zh)
            if deck_id is not None and identity in present:
                result.items.append(PlanItem(Action.SKIP, "card", subject, source, why=f"already in the deck {deck_name}"))
                continue
            if identity in planned:
                result.items.append(PlanItem(Action.SKIP, "card", subject, source, why=f"the same as {planned[identity]}"))
                continue
            planned[identity] = source
            result.items.append(PlanItem(Action.ADD, "card", subject, source, values={
                "deck_id": deck_id, "deck": deck_name, "front": front, "front_zh": front_zh,
                "back": _text(row.back), "category_key": row.category or None, "suspended": row.suspended,
            }))
    return result


def _text(value: str) -> str:
    return value.replace("\r\n", "\n").strip()


def label(plan: ImportPlan) -> str:
    return f"{counted(plan.count(Action.ADD, 'card'), 'card')} from {file_names(plan)}"


def apply(store: "Store", plan: ImportPlan) -> None:
    from ...store.card_import import apply_card_plan

    apply_card_plan(store, plan.items, plan.undo_label)


def summary(plan: ImportPlan, file: str | None = None, language: str = "en") -> str:
    added, present = plan.count(Action.ADD, "card", file), plan.count(Action.SKIP, "card", file)
    malformed = len(plan.skipped_problems(file))
    decks = plan.count(Action.ADD, "deck", file)
    if language == "zh":
        text = f"导入 {added} 张卡片；已存在 {present}；格式错误跳过 {malformed} 行"
        return text + (f"；新卡组 {decks}" if decks else "")
    text = f"imported {counted(added, 'card')}; {present} already present; {counted(malformed, 'malformed row')} skipped"
    return text + (f"; {counted(decks, 'new deck')}" if decks else "")
