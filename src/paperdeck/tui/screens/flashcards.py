"""Flashcards: decks with their new / learning / due counts; study, browse, stats, cram.

The pattern for screens: its data is one `DeckListView` (usecases/decks.py), loaded in a worker
(see base.py); actions write through use cases, then `reload_view()`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

from ...models.common import utcnow
from ...i18n import counted
from ...usecases.core import StoreError
from ...usecases.decks import (
    DeckListView, add_deck, deck_list, delete_deck, generate_paper_decks, paper_decks_message, rename_deck,
    set_deck_target, set_study_setting, undo_card_change,
)
from ..widgets.line_table import Column, LineTable
from ..widgets.panel import literal, literal_width
from .base import PaperdeckScreen

if TYPE_CHECKING:
    from ...models.cards import DeckCounts
    from ...usecases.core import Store
    from .card_review import ReviewScreen
    from .card_stats import CardStatsScreen


STATS_SCREEN = "card-stats"
REVIEW_SCREEN = "card-review"


class FlashcardsScreen(PaperdeckScreen):
    decks_view: DeckListView | None = None  # what is shown; loaded when the screen is shown
    review_screen: "ReviewScreen | None" = None  # built ahead (built_ahead.py), one per app
    _building_ahead = False
    _stats_unread: "CardStatsScreen | None" = None  # built ahead, its view not read yet
    # Not a CSS_PATH: a stylesheet file read at the first showing re-parses the app's CSS and
    # restyles every screen's widgets (as Pipeline, Pitch and Resume).
    DEFAULT_CSS = """
    #cards-summary { height: auto; padding: 0 1; background: $boost; }
    #decks { height: 1fr; }
    """
    BINDINGS = [
        Binding("enter", "study", "Study", id="flashcards.study", tooltip="Study the selected deck's due and new cards"),
        Binding("a", "study_all", "Study all", id="flashcards.study_all", tooltip="Study every deck's due and new cards"),
        Binding("b", "browse", "Browse", id="flashcards.browse", tooltip="Search, edit, suspend, add and delete cards"),
        Binding("s", "stats", "Stats", id="flashcards.stats", tooltip="Reviews per day, retention, weakest categories, forecast"),
        Binding("i", "cram", "Interview", id="flashcards.cram", tooltip="Interview mode: cram chosen decks before a date; the schedule is untouched"),
        Binding("g", "generate", "Paper decks", id="flashcards.generate", tooltip="Create or refresh a deck per paper from question templates"),
        Binding("t", "target", "Target time", id="flashcards.target", tooltip="Set the selected deck's target answer length in seconds"),
        Binding("n", "new_deck", "New deck", id="flashcards.new_deck", tooltip="Create an empty deck"),
        Binding("e", "rename_deck", "Rename", id="flashcards.rename", tooltip="Rename the selected deck"),
        Binding("d", "delete_deck", "Delete deck", id="flashcards.delete", tooltip="Delete the selected deck with its cards (asks first; u undoes)"),
        Binding("u", "undo", "Undo", id="flashcards.undo", tooltip="Undo the last deck rename or delete, card delete or import"),
        Binding("r", "retention", "Retention", id="flashcards.retention", tooltip="Set the desired retention FSRS aims for (70%-99%)"),
        Binding("l", "new_limit", "New/day", id="flashcards.new_limit", tooltip="Set the daily limit of new cards"),
        Binding("I", "import_cards", "Import", id="flashcards.import", tooltip="Import cards from a CSV or TSV file"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="cards-summary")
        yield LineTable(id="decks")
        yield Footer()

    # -- the view -----------------------------------------------------------------------------

    def view_request(self) -> datetime:
        return utcnow()

    @staticmethod
    def load_view(store: "Store", now: datetime) -> DeckListView:
        return deck_list(store, now)

    # The count columns: (key, zh, en); each cell is the entry's number, right-aligned.
    COUNT_COLUMNS = (("new", "新卡", "New"), ("learning", "学习中", "Learning"), ("due", "到期", "Due"),
                     ("cards", "总数", "Cards"), ("suspended", "已暂停", "Suspended"), ("target", "目标时长", "Target"))

    def show_view(self, view: DeckListView) -> None:
        self.decks_view = view
        table = self.query_one("#decks", LineTable)
        selected = self.selected_deck_id()
        language = self.language
        decks = view.decks
        # The columns' widths from the numbers themselves; a row's cells are made only when it
        # is drawn (10,000 decks at large: made for every row, ~60 ms of the first showing).
        name_width = max((literal_width(entry.deck.pick(language)) for entry in decks), default=0)
        columns = [Column("deck", self.pick("卡组", "Deck"), min(60, max(8, name_width)))]
        for key, zh, en in self.COUNT_COLUMNS:
            label = self.pick(zh, en)
            columns.append(Column(key, label, max(cell_len(label), self._count_width(key, decks)), justify="right"))

        def cells(index: int) -> list[Text]:  # only the rows drawn are built
            entry = decks[index]
            return [literal(entry.deck.pick(language)), *(Text(text, style=style) for text, style in self._count_cells(entry))]

        table.set_rows(columns, [str(entry.deck.id) for entry in view.decks], cells)
        if selected is not None and view.deck(selected) is not None:
            table.move_cursor(row=table.get_row_index(str(selected)))
        self.query_one("#cards-summary", Static).update(self._summary(view))
        self._read_review_ahead()
        self._start_building_ahead()

    def _start_building_ahead(self) -> None:
        if not self._building_ahead:
            self._building_ahead = True
            self.call_after_refresh(self.run_worker, self._build_ahead(), name="build ahead", exit_on_error=False)

    async def _build_ahead(self) -> None:
        """The review and Stats screens, built hidden once this screen is drawn and the user
        pauses (built_ahead.py); Stats reads its view then too (shown within a minute and with
        nothing changed, it shows that read: base.py, view_is_current)."""
        from .built_ahead import build_hidden, input_pause

        app = self.app
        await input_pause(app)
        # Imported only now: started by the decks' first resize, these imports (~100 ms with
        # Stats' plotting library, when the preloader had not reached them) ran in the middle
        # of the screen's first showing.
        from .card_review import ReviewScreen
        from .card_stats import CardStatsScreen

        if not app.is_screen_installed(REVIEW_SCREEN):
            review = ReviewScreen()
            if await build_hidden(app, REVIEW_SCREEN, review) is review:
                await review.built_ahead()
        self.review_screen = app.get_screen(REVIEW_SCREEN)
        self._read_review_ahead()
        await input_pause(app)
        # Not under a review session (or another screen): Stats' read (~0.1 s of SQLite at
        # 1,000,000 reviews) and its build would land among that screen's keys. Left for when
        # the decks are shown again (on_screen_resume).
        if app.screen is not self:  # (is_current is also true under a dialog)
            self._building_ahead = False
            return
        if not app.is_screen_installed(STATS_SCREEN):
            stats = CardStatsScreen()
            if await build_hidden(app, STATS_SCREEN, stats) is not stats:  # opened meanwhile
                return
            self._stats_unread = stats
        stats = self._stats_unread
        if stats is None:
            return
        if app.screen is not self:  # a key left the decks while Stats was built
            self._building_ahead = False
            return
        self._stats_unread = None
        if not stats.is_current and not stats.view_is_current():  # not shown (and left) meanwhile
            await stats.read_ahead()
            await input_pause(app)
            if app.screen is self:
                await stats.draw_ahead()

    def _read_review_ahead(self) -> None:
        """`a`'s first card, read while the decks are shown (card_review_ahead.py)."""
        if self.review_screen is not None and self.is_current:
            self.review_screen.read_first_ahead(None)

    def on_screen_resume(self) -> None:
        # Shown again (a session ended): the next `a`'s card, read ahead (kept if still current).
        # PaperdeckScreen's handler runs too.
        self.call_later(self._read_review_ahead)
        if self.review_screen is not None and (
                self._stats_unread is not None or not self.app.is_screen_installed(STATS_SCREEN)):
            self._start_building_ahead()  # Stats, left unbuilt or unread while a session was shown

    # Each count column's number, and its style when it is not zero (else dim; none: never styled).
    COUNT_NUMBERS: dict[str, tuple[Callable[["DeckCounts"], int], str | None]] = {
        "new": (lambda entry: entry.counts.new, "bold blue"),
        "learning": (lambda entry: entry.counts.learning, "bold red"),
        "due": (lambda entry: entry.counts.due, "bold green"),
        "cards": (lambda entry: entry.total, None),
        "suspended": (lambda entry: entry.suspended, "yellow"),
        "target": (lambda entry: entry.deck.target_seconds, None),
    }

    @staticmethod
    def _count_text(key: str, number: int) -> str:
        return f"{number}s" if key == "target" else str(number)

    @classmethod
    def _count_width(cls, key: str, decks: "Sequence[DeckCounts]") -> int:
        """The widest of the column's texts (`_count_cells`): its number that prints longest."""
        numbers = list(map(cls.COUNT_NUMBERS[key][0], decks))
        if not numbers:
            return 0
        return max(len(cls._count_text(key, number)) for number in (min(numbers), max(numbers)))

    @classmethod
    def _count_cells(cls, entry: DeckCounts) -> tuple[tuple[str, str], ...]:
        """A deck's numbers as (text, style), in COUNT_COLUMNS' order: coloured when there are some."""
        cells = []
        for key, _zh, _en in cls.COUNT_COLUMNS:
            number_of, style = cls.COUNT_NUMBERS[key]
            number = number_of(entry)
            cells.append((cls._count_text(key, number), "" if style is None else style if number else "dim"))
        return tuple(cells)

    def _summary(self, view: DeckListView) -> Text:
        summary = Text()
        summary.append(self.pick("今日  ", "Today  "), "bold")
        summary.append(f"{view.new} ", "bold blue")
        summary.append(self.pick(f"新卡（每日上限 {view.new_per_day} 张，各卡组合计）· ", f"new (of {view.new_per_day}/day, all decks) · "))
        summary.append(f"{view.learning} ", "bold red")
        summary.append(self.pick("学习中 · ", "learning · "))
        summary.append(f"{view.due} ", "bold green")
        summary.append(self.pick("到期", "due"))
        more = Text(self.pick(f"连续 {view.streak_days} 天", f"streak {counted(view.streak_days, 'day')}"))
        target = view.desired_retention
        if view.retention is None:
            more.append(self.pick(f"   记忆率 — (目标 {target:.0%})", f"   retention — (target {target:.0%})"), "dim")
        else:
            more.append(self.pick(f"   记忆率 {view.retention:.0%} (目标 {target:.0%}, {view.reviewed} 次)",
                                  f"   retention {view.retention:.0%} (target {target:.0%}, {view.reviewed} reviews)"))
        # The streak and retention on the same line when all fits, else a line of their own
        # (at 80 columns the one line wrapped through them: "连续 366" / "天").
        room = self.size.width - 2  # the summary's padding
        summary.append("   " if summary.cell_len + 3 + more.cell_len <= room else "\n")
        return summary + more

    def on_resize(self) -> None:
        view = self.decks_view
        if view is not None:
            self.query_one("#cards-summary", Static).update(self._summary(view))
        self._read_review_ahead()
        self._start_building_ahead()

    def selected_deck_id(self) -> int | None:
        key = self.query_one("#decks", LineTable).cursor_key
        return int(key) if key else None

    # -- actions ----------------------------------------------------------------------------

    def on_line_table_row_selected(self, event: LineTable.RowSelected) -> None:
        event.stop()
        self.action_study()

    def action_study(self) -> None:
        deck_id = self.selected_deck_id()
        if deck_id is not None:
            self._start([deck_id])

    def action_study_all(self) -> None:
        self._start(None)

    def show_item(self, item: str) -> None:
        """From the Dashboard: "review" starts a session over every deck, "stats" opens stats."""
        if item == "review":
            self.action_study_all()
        elif item == "stats":
            self._open_stats()

    def _start(self, deck_ids: list[int] | None, *, cram_until: date | None = None) -> None:
        """A review session: on the screen built ahead when it is free, else on a new one."""
        from .card_review import ReviewScreen

        review = self.review_screen
        if review is None or review in self.app.screen_stack:
            self.app.push_screen(ReviewScreen(deck_ids, cram_until=cram_until))
            return
        review.begin(deck_ids, cram_until=cram_until)
        self.app.push_screen(review)

    def action_import_cards(self) -> None:
        from .import_dialog import ImportDialog

        self.app.push_screen(ImportDialog("cards"), lambda _plan: self.refresh_data())

    def action_browse(self) -> None:
        from .card_browser import CardBrowserScreen

        self.app.push_screen(CardBrowserScreen(self.selected_deck_id()))

    async def action_stats(self) -> None:
        from .built_ahead import mounted_ahead

        await mounted_ahead(self.app, STATS_SCREEN)  # being built ahead: that one, not a second
        self._open_stats()

    def _open_stats(self) -> None:
        from .card_stats import CardStatsScreen

        # One stats screen, kept once built (installed): shown again, it re-reads and redraws
        # its plots only when the data, the language or the time moved (base.py, view_is_current).
        if not self.app.is_screen_installed(STATS_SCREEN):
            self.app.install_screen(CardStatsScreen(), STATS_SCREEN)
        self.app.push_screen(STATS_SCREEN)

    def action_cram(self) -> None:
        from .card_modals import CramSetupModal

        view = self.decks_view
        if view is None:
            return

        def start(choice: tuple | None) -> None:
            if choice:
                interview_on, deck_ids = choice
                self._start(deck_ids, cram_until=interview_on)

        decks = [entry.deck for entry in view.decks]
        self.app.push_screen(CramSetupModal(decks, view.interview_date, view.study_day, self.selected_deck_id()), start)

    def action_generate(self) -> None:
        try:
            result = generate_paper_decks(self.store)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(self.pick(*paper_decks_message(result)), markup=False)
        if result.papers:
            self.reload_view()

    def _prompt(self, prompt: str, value: str, setter: Callable[[str], object]) -> None:
        """Ask for one value; the store's message (a ValidationError) is shown in the prompt."""
        from .card_modals import PromptModal

        def save(text: str) -> str | None:
            try:
                setter(text)
            except StoreError as error:
                return str(error)
            return None

        def closed(value: str | None) -> None:
            if value is not None:
                self.reload_view()

        self.app.push_screen(PromptModal(prompt, value, save), closed)

    def action_target(self) -> None:
        entry = self.decks_view.deck(self.selected_deck_id() or -1) if self.decks_view else None
        if entry is None:
            return
        deck = entry.deck
        prompt = self.pick(f"“{deck.pick('zh')}”的目标回答时长（秒）", f"Target answer length for “{deck.name}” (seconds)")
        self._prompt(prompt, str(deck.target_seconds), lambda text: set_deck_target(self.store, deck.id, text))

    def action_retention(self) -> None:
        if self.decks_view is not None:
            self._prompt(self.pick("期望记忆率（70%–99%）", "Desired retention (70%-99%)"),
                         f"{self.decks_view.desired_retention:.0%}",
                         lambda text: set_study_setting(self.store, "desired_retention", text))

    def action_new_limit(self) -> None:
        if self.decks_view is not None:
            self._prompt(self.pick("每天新卡上限（所有卡组合计）", "New cards per day (all decks together)"),
                         str(self.decks_view.new_per_day),
                         lambda text: set_study_setting(self.store, "new_cards_per_day", text))

    def action_rename_deck(self) -> None:
        entry = self.decks_view.deck(self.selected_deck_id() or -1) if self.decks_view else None
        if entry is not None:
            deck = entry.deck
            shown = deck.pick(self.language)
            self._prompt(self.pick(f"重命名卡组“{shown}”", f"Rename the deck “{shown}”"), shown,
                         lambda text: rename_deck(self.store, deck.id, text, self.language))

    def action_delete_deck(self) -> None:
        from .choice import confirm_dialog

        entry = self.decks_view.deck(self.selected_deck_id() or -1) if self.decks_view else None
        if entry is None:
            return
        name, undo = entry.deck.pick(self.language), self.key_hint("undo")
        question = self.pick(f"删除卡组“{name}”及其 {entry.total} 张卡片和复习记录？（{undo} 可撤销）",
                             f"Delete the deck “{name}” with its {counted(entry.total, 'card')} and their "
                             f"reviews? ({undo} undoes)")

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                delete_deck(self.store, entry.deck.id)
            except StoreError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.notify(self.pick(f"已删除卡组，按 {undo} 撤销", f"Deck deleted. Press {undo} to undo."), markup=False)
            self.reload_view()

        self.app.push_screen(confirm_dialog(literal(question, single_line=False), yes=("删除", "Delete"),
                                            yes_keys="y,d"), answered)

    def action_undo(self) -> None:
        try:
            label = undo_card_change(self.store)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if label is None:
            self.notify(self.pick("没有可撤销的卡片操作", "Nothing to undo"), markup=False)
            return
        self.notify(self.pick(f"已撤销：{label[0]}", f"Undone: {label[1]}"), markup=False)
        self.reload_view()

    def action_new_deck(self) -> None:
        self._prompt(self.pick("新卡组名称", "New deck name"), "", lambda text: add_deck(self.store, text))
