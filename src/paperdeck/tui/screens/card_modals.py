"""Modals of the flashcards screens: edit/add a card, a one-line prompt, interview setup.

Each one gets the decks and categories it lists from its opener's view, saves through a use
case and shows its message inline; user text is always shown literally. Saving works with
Enter on the Save button, not only with Ctrl+S.
"""

from __future__ import annotations

from dataclasses import replace

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, SelectionList, Static, TextArea

from ...textsafe import one_line
from ...usecases.cards import add_card, edit_card, remember_interview_date
from ...usecases.core import StoreError
from ..widgets.safe_text import SafeInput, SafeTextArea
from .modal import PaperdeckModal
from .typing_kept import KeepsTyping

if TYPE_CHECKING:
    from ...models.cards import Card, Deck

ResultType = TypeVar("ResultType")


class CardModal(KeepsTyping, PaperdeckModal[ResultType]):
    """The Flashcards screens' dialogs: a wider box, labels across it, a row of fields."""

    # Not a CSS_PATH: a stylesheet file read at the first opening re-parses the app's CSS and
    # restyles every screen's widgets (as the screens).
    DEFAULT_CSS = """
    CardModal { align: center middle; }
    CardModal .modal-body {
        width: 90; max-width: 95%; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    CardModal .modal-title { text-style: bold; margin-bottom: 1; }
    CardModal #edit-back { height: 8; }
    CardModal #cram-decks { height: auto; max-height: 10; }
    CardModal .modal-row { height: auto; }
    CardModal .modal-row Select { width: 1fr; }
    CardModal .modal-error { color: $error; height: auto; }
    CardModal Label { width: 100%; }
    """


class PromptModal(CardModal[str]):
    """One line of input; `save(value)` returns an error message, or None when done."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel", tooltip="Close without saving")]

    def __init__(self, prompt: str, value: str, save: Callable[[str], str | None]):
        super().__init__()
        self.prompt, self.value, self.save = prompt, value, save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog modal-body"):
            yield Label(Text(self.prompt))
            yield SafeInput(self.value, id="prompt-input")
            yield Static(id="prompt-error", classes="modal-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.save(event.value)
        if error:
            self.query_one("#prompt-error", Static).update(Text(error))
        else:
            self.dismiss(event.value)


class EditCardModal(CardModal["Card"]):
    """Add a card (card=None) or edit one. Editing text never touches the schedule.
    `decks` and `categories` ((key, zh, en)) are the choices, from the opener's view."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="card_edit.cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="card_edit.save", tooltip="Save the card (or press the Save button)"),
    ]

    def __init__(self, decks: Sequence["Deck"], categories: Sequence[tuple[str, str, str]], *,
                 card: "Card | None" = None, deck_id: int | None = None):
        super().__init__()
        self.decks, self.categories = decks, categories
        self.card = card
        self._theirs: dict | None = None  # the stored card a conflict found
        self.deck_id = card.deck_id if card else deck_id

    def typing_about(self) -> str:
        if self.card is None:
            return self.pick("新卡片", "new card")
        return self.pick(f"卡片“{one_line(self.card.front)[:60]}”", f"card “{one_line(self.card.front)[:60]}”")

    def compose(self) -> ComposeResult:
        pick = self.pick
        card = self.card
        decks = [(Text(d.pick(self.language)), d.id) for d in self.decks]
        categories = [(Text(self.pick(zh, en)), key) for key, zh, en in self.categories]
        with Vertical(classes="dialog modal-body card-edit"):
            yield Label(pick("编辑卡片", "Edit card") if card else pick("新卡片", "New card"), classes="modal-title")
            yield Label(pick("问题（英文）", "Question (English)"))
            yield SafeInput(card.front if card else "", id="edit-front")
            yield Label(pick("问题（中文）", "Question (Chinese)"))
            yield SafeInput(card.front_zh if card else "", id="edit-front-zh")
            yield Label(pick("要点（回答时要讲的）", "Talking points"))
            yield SafeTextArea(card.back if card else "", id="edit-back", soft_wrap=True)
            with Horizontal(classes="modal-row"):
                yield Select(decks, value=self.deck_id if self.deck_id is not None else Select.NULL,
                             allow_blank=False, id="edit-deck", prompt=pick("卡组", "Deck"))
                yield Select(categories, value=card.category_key if card and card.category_key in
                             {k for _t, k in categories} else Select.NULL, id="edit-category",
                             prompt=pick("分类", "Category"))
            yield Static(id="edit-error", classes="modal-error")
            with Horizontal(classes="modal-row"):
                yield Button(pick("保存", "Save"), id="edit-save", variant="primary")
                yield Button(pick("取消", "Cancel"), id="edit-cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "edit-save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        front = self.query_one("#edit-front", Input).value
        front_zh = self.query_one("#edit-front-zh", Input).value
        back = self.query_one("#edit-back", TextArea).text
        deck = self.query_one("#edit-deck", Select).value
        category = self.query_one("#edit-category", Select).value
        category_key = None if category is Select.NULL else str(category)
        try:
            if self.card is None:
                if deck is Select.NULL:
                    raise ValueError(self.pick("请选择卡组", "Choose a deck"))
                saved = add_card(self.store, int(deck), front, front_zh, back, category_key)
            else:
                self._save_edit(front, front_zh, back, category_key, None if deck is Select.NULL else int(deck))
                return
        except (StoreError, ValueError) as error:
            self.query_one("#edit-error", Static).update(Text(str(error)))
            return
        self.dismiss(saved)

    def _save_edit(self, front: str, front_zh: str, back: str, category_key: str | None, deck_id: int | None) -> None:
        """Saved elsewhere since this opened: keep mine / take theirs / keep both (the store
        checks the version; the dialog shows both sides)."""
        from ...domain.merge import both_lines, both_texts
        from .conflict import guarded_save

        card, store = self.card, self.store
        assert card is not None

        def save(expected, mine_front=front, mine_back=back):
            return edit_card(store, card, front=mine_front, front_zh=front_zh, back=mine_back,
                             category_key=category_key, deck_id=deck_id, expected_version=expected)

        def take_theirs() -> None:  # the stored text in the form; saving again saves over it
            theirs = self._theirs or {}
            self.query_one("#edit-front", Input).value = str(theirs.get("front", ""))
            self.query_one("#edit-front-zh", Input).value = str(theirs.get("front_zh", ""))
            self.query_one("#edit-back", TextArea).load_text(str(theirs.get("back", "")))
            self.card = replace(card, version=int(theirs.get("version", card.version)))

        def differences(conflict):
            self._theirs = conflict.theirs
            return [(label, str(conflict.theirs.get(name, "")), mine) for name, label, mine in
                    (("front", self.pick("问题", "Question"), front), ("back", self.pick("要点", "Talking points"), back))
                    if str(conflict.theirs.get(name, "")) != mine]

        guarded_save(
            self.app, lambda: save("shown"), overwrite=lambda: save(None), reload=take_theirs,
            what=self.pick("这张卡片", "This card"), on_saved=self.dismiss, differences=differences,
            both=lambda conflict: save(conflict.current_version, both_lines(str(conflict.theirs["front"]), front),
                                       both_texts(str(conflict.theirs["back"]), back)),
        )


def parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


class CramSetupModal(CardModal[tuple[date, list[int]]]):
    """Interview mode: the interview's date and the decks to cram. `decks`, the date last
    chosen and today's study day come from the deck list's view."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cram.cancel", tooltip="Close without starting"),
        Binding("ctrl+s", "start", "Start", id="cram.start", tooltip="Start the cram session (or press Start)"),
    ]

    def __init__(self, decks: Sequence["Deck"], interview_date: date | None, today: date,
                 selected_deck: int | None = None):
        super().__init__()
        self.decks, self.interview_date, self.today = decks, interview_date, today
        self.selected_deck = selected_deck

    def compose(self) -> ComposeResult:
        pick = self.pick
        decks = self.decks
        # The date last crammed for, while it is still ahead; a past one is never offered.
        stored = self.interview_date if self.interview_date and self.interview_date >= self.today else None
        chosen = {self.selected_deck} if self.selected_deck is not None else {d.id for d in decks}
        with Vertical(classes="dialog modal-body"):
            yield Label(pick("面试冲刺：面试前把所选卡组全部过一遍，不改变复习计划",
                             "Interview mode: go through every card of the chosen decks before the interview; "
                             "the schedule is not touched"), classes="modal-title")
            yield Label(pick("面试日期（YYYY-MM-DD）", "Interview date (YYYY-MM-DD)"))
            yield SafeInput(stored.isoformat() if stored else "", id="cram-date",
                            placeholder=(self.today + timedelta(days=14)).isoformat())
            yield SelectionList(*[(Text(d.pick(self.language)), d.id, d.id in chosen) for d in decks], id="cram-decks")
            yield Static(id="cram-error", classes="modal-error")
            with Horizontal(classes="modal-row"):
                yield Button(pick("开始", "Start"), id="cram-start", variant="primary")
                yield Button(pick("取消", "Cancel"), id="cram-cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "cram-start":
            self.action_start()
        else:
            self.action_cancel()

    def action_start(self) -> None:
        pick = self.pick
        error = self.query_one("#cram-error", Static)
        day = parse_day(self.query_one("#cram-date", Input).value)
        if day is None:
            error.update(pick("日期格式应为 YYYY-MM-DD，例如 2026-12-15", "Write the date as YYYY-MM-DD, e.g. 2026-12-15"))
            return
        if day < self.today:
            error.update(pick("这个日期已经过去了", "That date is in the past"))
            return
        deck_ids = [int(v) for v in self.query_one("#cram-decks", SelectionList).selected]
        if not deck_ids:
            error.update(pick("至少选择一个卡组", "Choose at least one deck"))
            return
        try:
            remember_interview_date(self.store, day)
        except StoreError as error:  # the session can start; only the memory of the date is lost
            self.notify(str(error), severity="warning", markup=False)
        self.dismiss((day, deck_ids))
