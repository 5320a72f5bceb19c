"""The card browser: search by text, deck and category; sort by any column (o, O, or a click
on its header); card info with the review history (i); edit, suspend, add, delete."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Input, Select, Static
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from ...domain.scheduling import format_interval
from ...models.cards import SORTS, STATE_NAMES
from ...i18n import counted
from ...usecases.cards import BrowserFilter, CardBrowserView, card_browser, delete_card, set_suspended
from ...usecases.core import StoreError
from ..widgets.panel import literal
from .card_info import STATE_ZH
from ..widgets.safe_text import SafeInput
from .base import PaperdeckScreen

if TYPE_CHECKING:
    from ...usecases.core import Store

MAX_ROWS = 2000
# (sort key, zh, en, width in cells) per column, in models.cards.SORTS' order.
COLUMNS = (("deck", "卡组", "Deck", 16), ("category", "分类", "Category", 14), ("question", "问题", "Question", 40),
           ("state", "状态", "State", 10), ("due", "到期", "Due", 10), ("interval", "间隔", "Interval", 8),
           ("stability", "稳定度", "Stability", 9), ("difficulty", "难度", "Difficulty", 10),
           ("lapses", "遗忘", "Lapses", 6), ("reviews", "复习", "Reviews", 7))


class CardBrowserScreen(PaperdeckScreen):
    # Not a CSS_PATH: a stylesheet file read at the first showing re-parses the app's CSS and
    # restyles every screen's widgets (as Flashcards).
    DEFAULT_CSS = """
    #browser-filters { height: auto; }
    #browser-search { width: 2fr; }
    #browser-filters Select { width: 1fr; }
    #browser-table { height: 1fr; }
    #browser-detail { height: auto; max-height: 10; padding: 0 1; border-top: solid $primary 40%; }
    """
    BINDINGS = [
        Binding("escape", "close", "Back", id="browser.close", tooltip="Back to the decks"),
        Binding("ctrl+f", "focus_search", "Search", id="browser.search", tooltip="Search the cards' text"),
        Binding("e", "edit", "Edit", id="browser.edit", tooltip="Edit the selected card"),
        Binding("a", "add", "Add", id="browser.add", tooltip="Add a card to the chosen deck"),
        Binding("s", "suspend", "Suspend", id="browser.suspend", tooltip="Suspend or unsuspend the selected card"),
        Binding("d", "delete", "Delete", id="browser.delete", tooltip="Delete the selected card and its reviews (asks first)"),
        Binding("u", "undo", "Undo", id="browser.undo", show=False, tooltip="Undo the latest delete (the card comes back with its reviews)"),
        Binding("i", "info", "Card info", id="browser.info", tooltip="The card's schedule and review history"),
        Binding("o", "sort", "Sort", id="browser.sort", tooltip="Sort by the next column (or click a column's header)"),
        Binding("O", "reverse", "Reverse", id="browser.reverse", tooltip="Reverse the sort order"),
    ]

    def __init__(self, deck_id: int | None = None):
        super().__init__()
        self.filter = BrowserFilter(deck_id=deck_id)  # what is asked; the Selects follow it
        self.view: CardBrowserView | None = None
        self._options: tuple = ()  # the decks and categories the Selects offer

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="browser-filters"):
            yield SafeInput(placeholder=self.pick("搜索问题或要点…", "Search questions and talking points…"), id="browser-search")
            yield Select([], prompt=self.pick("全部卡组", "All decks"), id="browser-deck")
            yield Select([], prompt=self.pick("全部分类", "All categories"), id="browser-category")
        yield DataTable(id="browser-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="browser-detail")
        yield Footer()

    def on_mount(self) -> None:
        self._add_columns()
        self.query_one("#browser-table", DataTable).focus()

    def _add_columns(self) -> None:
        """The columns, the sorted one marked ▲ (ascending) or ▼."""
        table = self.query_one("#browser-table", DataTable)
        table.clear(columns=True)
        wanted = self.filter
        for key, zh, en, width in COLUMNS:
            label = Text(self.pick(zh, en))
            if key == wanted.sort:
                label.append(" ▼" if wanted.descending else " ▲", "bold")
            table.add_column(label, key=key, width=width + 2)

    # -- the view ---------------------------------------------------------------------------

    def view_request(self) -> BrowserFilter:
        return self.filter

    @staticmethod
    def load_view(store: "Store", wanted: BrowserFilter) -> CardBrowserView:
        return card_browser(store, wanted, MAX_ROWS)

    def show_view(self, view: CardBrowserView) -> None:
        self.view = view
        self._show_filters(view)
        decks = {deck.id: deck.pick(self.language) for deck in view.decks}
        names = {key: (zh, en) for key, zh, en in view.categories}
        table = self.query_one("#browser-table", DataTable)
        selected = self.selected_card_id()
        self._add_columns()
        for row in view.rows:
            card = row.card
            zh_en = names.get(card.category_key or "")
            category_name = self.pick(*zh_en) if zh_en else (card.category_key or "")
            state = "suspended" if card.suspended else STATE_NAMES.get(card.state, "?")
            table.add_row(
                literal(decks.get(card.deck_id, "?"), "dim"),
                literal(category_name),
                literal(card.pick(self.language), "dim strike" if card.suspended else ""),
                Text(self.pick(STATE_ZH.get(state, state), state), style="yellow" if card.suspended else ""),
                Text("" if card.is_new else card.due.strftime("%Y-%m-%d")),
                Text(format_interval(card.interval) if card.interval is not None else "", justify="right"),
                Text("" if card.stability is None else f"{card.stability:.1f}", justify="right"),
                Text("" if card.difficulty is None else f"{card.difficulty:.1f}", justify="right"),
                Text(str(row.lapses), style="bold red" if row.lapses else "dim", justify="right"),
                Text(str(row.reviews), style="" if row.reviews else "dim", justify="right"),
                key=str(card.id),
            )
        if selected is not None:
            try:
                table.move_cursor(row=table.get_row_index(str(selected)))
            except RowDoesNotExist:  # deleted, or filtered out: the cursor stays where it was
                pass
        shown = len(view.rows)
        more = self.pick(f"（只显示前 {MAX_ROWS} 张）", f" (first {MAX_ROWS} shown)") if view.more else ""
        table.border_title = self.pick(f"{shown} 张卡片", counted(shown, "card")) + more
        self._show_detail()

    def _show_filters(self, view: CardBrowserView) -> None:
        """The Selects offer the decks and categories of the view, showing the filter's."""
        options = (tuple((d.id, d.pick(self.language)) for d in view.decks),
                   tuple((key, self.pick(zh, en)) for key, zh, en in view.categories))
        if options == self._options:
            return
        self._options = options
        wanted = self.filter
        with self.prevent(Select.Changed):
            for selector, choices, value in (("#browser-deck", options[0], wanted.deck_id),
                                             ("#browser-category", options[1], wanted.category_key)):
                select = self.query_one(selector, Select)
                select.set_options([(Text(label), key) for key, label in choices])
                if value is not None and any(key == value for key, _label in choices):
                    select.value = value

    def selected_card_id(self) -> int | None:
        table = self.query_one("#browser-table", DataTable)
        if table.row_count == 0:
            return None
        try:
            return int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        except CellDoesNotExist:
            return None

    def selected_card(self):
        card_id = self.selected_card_id()
        return self.view.card(card_id) if card_id is not None and self.view is not None else None

    def _show_detail(self) -> None:
        detail = self.query_one("#browser-detail", Static)
        card = self.selected_card()
        if card is None:
            detail.update(Text(self.pick("没有匹配的卡片", "No card matches"), style="dim"))
            return
        body = literal(card.front, "bold", single_line=False)
        if card.front_zh:
            body.append("\n")
            body.append_text(literal(card.front_zh, "bold", single_line=False))
        body.append("\n")
        body.append_text(literal(card.back, single_line=False) if card.back else Text(self.pick("（无要点）", "(no talking points)"), "dim"))
        detail.update(body)

    # -- events and actions -----------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.value != self.filter.text:
            self.filter = replace(self.filter, text=event.value)
            self.reload_view()

    def on_select_changed(self, event: Select.Changed) -> None:
        value = None if event.value is Select.NULL else event.value
        if event.select.id == "browser-deck":
            wanted = replace(self.filter, deck_id=None if value is None else int(value))
        else:
            wanted = replace(self.filter, category_key=None if value is None else str(value))
        if wanted != self.filter:
            self.filter = wanted
            self.reload_view()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        key = str(event.column_key.value)
        if key in SORTS:
            same = key == self.filter.sort
            self._sort(replace(self.filter, sort=key, descending=not self.filter.descending if same else False))

    def action_sort(self) -> None:
        following = SORTS[(SORTS.index(self.filter.sort) + 1) % len(SORTS)] if self.filter.sort in SORTS else SORTS[0]
        self._sort(replace(self.filter, sort=following, descending=False))

    def action_reverse(self) -> None:
        self._sort(replace(self.filter, descending=not self.filter.descending))

    def _sort(self, wanted: BrowserFilter) -> None:
        self.filter = wanted
        self._add_columns()  # the mark moves at once; the rows follow when read
        self.reload_view()

    def action_info(self) -> None:
        from .card_info import CardInfoModal

        card = self.selected_card()
        if card is not None:
            self.app.push_screen(CardInfoModal(card.id))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_focus_search(self) -> None:
        self.query_one("#browser-search", Input).focus()

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_edit(self) -> None:
        from .card_modals import EditCardModal

        card, view = self.selected_card(), self.view
        if card is not None and view is not None:
            modal = EditCardModal(view.decks, view.categories, card=card)
            self.app.push_screen(modal, lambda _saved: self.reload_view())

    def action_add(self) -> None:
        from .card_modals import EditCardModal

        view = self.view
        if view is None:
            return
        deck_id = self.filter.deck_id
        if deck_id is None:
            deck_id = view.decks[0].id if view.decks else None
        self.app.push_screen(EditCardModal(view.decks, view.categories, deck_id=deck_id), lambda _saved: self.reload_view())

    def action_suspend(self) -> None:
        card = self.selected_card()
        if card is None:
            return
        try:
            set_suspended(self.store, card.id, not card.suspended)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
        else:
            self.notify(self.pick("已恢复" if card.suspended else "已暂停", "Unsuspended" if card.suspended else "Suspended"))
        self.reload_view()

    def action_delete(self) -> None:
        from .choice import confirm_dialog
        from .undo_key import deleted_message

        card = self.selected_card()
        if card is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    delete_card(self.store, card.id)
                except StoreError as error:
                    self.notify(str(error), severity="error", markup=False)
                else:
                    self.notify(deleted_message(self, card.pick(self.language)[:60]), markup=False)
                self.reload_view()

        question = literal(self.pick("删除这张卡片及其复习记录？\n", "Delete this card and its reviews?\n"), single_line=False)
        question.append_text(literal(card.pick(self.language), "bold"))
        # `d` again confirms, as `d d` always did, but only with the card's name in view; `u` undoes.
        self.app.push_screen(confirm_dialog(question, yes=("删除", "Delete"), yes_keys="y,d"), answered)

    def action_undo(self) -> None:
        from ...usecases.undo import CARDS
        from .undo_key import undo_on

        undo_on(self, CARDS, self.reload_view)
