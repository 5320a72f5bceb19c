"""The card browser: search by text, deck and category; edit, suspend, add, delete."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Input, Select, Static
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from ...models.cards import STATE_NAMES
from ...paths import package_resource
from ..widgets.panel import literal
from .base import PaperdeckScreen
from ..widgets.safe_text import SafeInput

MAX_ROWS = 2000


class CardBrowserScreen(PaperdeckScreen):
    CSS_PATH = package_resource("styles") / "flashcards.tcss"
    BINDINGS = [
        Binding("escape", "close", "Back", id="browser.close", tooltip="Back to the decks"),
        Binding("ctrl+f", "focus_search", "Search", id="browser.search", tooltip="Search the cards' text"),
        Binding("e", "edit", "Edit", id="browser.edit", tooltip="Edit the selected card"),
        Binding("a", "add", "Add", id="browser.add", tooltip="Add a card to the chosen deck"),
        Binding("s", "suspend", "Suspend", id="browser.suspend", tooltip="Suspend or unsuspend the selected card"),
        Binding("d", "delete", "Delete", id="browser.delete", tooltip="Delete the selected card and its reviews (asks first)"),
    ]

    def __init__(self, deck_id: int | None = None):
        super().__init__()
        self.initial_deck = deck_id

    def compose(self) -> ComposeResult:
        decks = [(Text(d.pick(self.language)), d.id) for d in self.store.cards.decks()]
        categories = [(Text(self.pick(zh, en)), key) for key, zh, en in self.store.cards.categories()]
        yield Header()
        with Horizontal(id="browser-filters"):
            yield SafeInput(placeholder=self.pick("搜索问题或要点…", "Search questions and talking points…"), id="browser-search")
            yield Select(decks, prompt=self.pick("全部卡组", "All decks"), id="browser-deck",
                         value=self.initial_deck if self.initial_deck is not None else Select.NULL)
            yield Select(categories, prompt=self.pick("全部分类", "All categories"), id="browser-category")
        yield DataTable(id="browser-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="browser-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#browser-table", DataTable)
        for key, zh, en, width in (("deck", "卡组", "Deck", 22), ("category", "分类", "Category", 22),
                                   ("question", "问题", "Question", 46), ("state", "状态", "State", 10),
                                   ("due", "到期", "Due", 10)):
            table.add_column(self.pick(zh, en), key=key, width=width)
        self.refresh_data()
        table.focus()

    # -- data -------------------------------------------------------------------------------

    def _filters(self) -> tuple[str, int | None, str | None]:
        deck = self.query_one("#browser-deck", Select).value
        category = self.query_one("#browser-category", Select).value
        return (
            self.query_one("#browser-search", Input).value,
            None if deck is Select.NULL else int(deck),
            None if category is Select.NULL else str(category),
        )

    def refresh_data(self) -> None:
        if not self.is_mounted:
            return
        text, deck_id, category = self._filters()
        cards = self.store.cards.search(text, deck_id=deck_id, category_key=category, limit=MAX_ROWS + 1)
        decks = {d.id: d.pick(self.language) for d in self.store.cards.decks()}
        names = self.store.cards.category_names()
        table = self.query_one("#browser-table", DataTable)
        selected = self.selected_card_id()
        table.clear()
        for card in cards[:MAX_ROWS]:
            zh_en = names.get(card.category_key or "")
            category_name = self.pick(*zh_en) if zh_en else (card.category_key or "")
            state = "suspended" if card.suspended else STATE_NAMES.get(card.state, "?")
            table.add_row(
                literal(decks.get(card.deck_id, "?"), "dim"),
                literal(category_name),
                literal(card.pick(self.language), "dim strike" if card.suspended else ""),
                Text(state, style="yellow" if card.suspended else ""),
                Text("" if card.is_new else card.due.strftime("%Y-%m-%d")),
                key=str(card.id),
            )
        if selected is not None:
            try:
                table.move_cursor(row=table.get_row_index(str(selected)))
            except RowDoesNotExist:  # filtered out or deleted: the cursor stays where it is
                pass
        shown = min(len(cards), MAX_ROWS)
        more = self.pick(f"（只显示前 {MAX_ROWS} 张）", f" (first {MAX_ROWS} shown)") if len(cards) > MAX_ROWS else ""
        table.border_title = self.pick(f"{shown} 张卡片", f"{shown} cards") + more
        self._show_detail()

    def selected_card_id(self) -> int | None:
        table = self.query_one("#browser-table", DataTable)
        if table.row_count == 0:
            return None
        try:
            return int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        except CellDoesNotExist:
            return None

    def _show_detail(self) -> None:
        detail = self.query_one("#browser-detail", Static)
        card_id = self.selected_card_id()
        if card_id is None:
            detail.update(Text(self.pick("没有匹配的卡片", "No card matches"), style="dim"))
            return
        card = self.store.cards.get(card_id)
        body = literal(card.front, "bold", single_line=False)
        if card.front_zh:
            body.append("\n")
            body.append_text(literal(card.front_zh, "bold", single_line=False))
        body.append("\n")
        body.append_text(literal(card.back, single_line=False) if card.back else Text(self.pick("（无要点）", "(no talking points)"), "dim"))
        detail.update(body)

    # -- events and actions -----------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_data()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.refresh_data()

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

        card_id = self.selected_card_id()
        if card_id is not None:
            modal = EditCardModal(card=self.store.cards.get(card_id))
            self.app.push_screen(modal, lambda _saved: self.refresh_data())

    def action_add(self) -> None:
        from .card_modals import EditCardModal

        _text, deck_id, _category = self._filters()
        if deck_id is None:
            decks = self.store.cards.decks()
            deck_id = decks[0].id if decks else None
        self.app.push_screen(EditCardModal(deck_id=deck_id), lambda _saved: self.refresh_data())

    def action_suspend(self) -> None:
        card_id = self.selected_card_id()
        if card_id is None:
            return
        card = self.store.cards.get(card_id)
        self.store.cards.set_suspended(card_id, not card.suspended)
        self.notify(self.pick("已恢复" if card.suspended else "已暂停", "Unsuspended" if card.suspended else "Suspended"))
        self.refresh_data()

    def action_delete(self) -> None:
        from .choice import confirm_dialog

        card_id = self.selected_card_id()
        if card_id is None:
            return
        card = self.store.cards.get(card_id)

        def answered(yes: bool | None) -> None:
            if yes:
                self.store.cards.delete(card_id)
                self.notify(self.pick("已删除", "Deleted"))
                self.refresh_data()

        question = literal(self.pick("删除这张卡片及其复习记录？\n", "Delete this card and its reviews?\n"), single_line=False)
        question.append_text(literal(card.pick(self.language), "bold"))
        # `d` again confirms, as `d d` always did.
        self.app.push_screen(confirm_dialog(question, yes=("删除", "Delete"), yes_keys="y,d"), answered)
