"""Flashcards: decks with their new / learning / due counts; study, browse, stats, cram."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from ...models.common import utcnow
from ...paths import package_resource
from ...textsafe import one_line
from ..widgets.panel import literal
from .base import PaperdeckScreen


class FlashcardsScreen(PaperdeckScreen):
    CSS_PATH = package_resource("styles") / "flashcards.tcss"
    BINDINGS = [
        Binding("enter", "study", "Study", id="flashcards.study", tooltip="Study the selected deck's due and new cards"),
        Binding("a", "study_all", "Study all", id="flashcards.study_all", tooltip="Study every deck's due and new cards"),
        Binding("b", "browse", "Browse", id="flashcards.browse", tooltip="Search, edit, suspend, add and delete cards"),
        Binding("s", "stats", "Stats", id="flashcards.stats", tooltip="Reviews per day, retention, weakest categories, forecast"),
        Binding("i", "cram", "Interview", id="flashcards.cram", tooltip="Interview mode: cram chosen decks before a date; the schedule is untouched"),
        Binding("g", "generate", "Paper decks", id="flashcards.generate", tooltip="Create or refresh a deck per paper from question templates"),
        Binding("t", "target", "Target time", id="flashcards.target", tooltip="Set the selected deck's target answer length in seconds"),
        Binding("n", "new_deck", "New deck", id="flashcards.new_deck", tooltip="Create an empty deck"),
        Binding("r", "retention", "Retention", id="flashcards.retention", tooltip="Set the desired retention FSRS aims for (70%-99%)"),
        Binding("l", "new_limit", "New/day", id="flashcards.new_limit", tooltip="Set the daily limit of new cards"),
        Binding("I", "import_cards", "Import", id="flashcards.import", tooltip="Import cards from a CSV or TSV file"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="cards-summary")
        yield DataTable(id="decks", cursor_type="row", zebra_stripes=True)
        yield Static(id="cards-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    # -- rendering --------------------------------------------------------------------------

    def refresh_data(self) -> None:
        now = utcnow()
        table = self.query_one("#decks", DataTable)
        selected = self.selected_deck_id()
        entries = self.store.cards.deck_counts(now)
        table.clear(columns=True)
        names = [cell_len(one_line(e.deck.pick(self.language))) for e in entries]
        table.add_column(self.pick("卡组", "Deck"), key="deck", width=min(60, max([8, *names])))
        for key, zh, en in (("new", "新卡", "New"), ("learning", "学习中", "Learning"), ("due", "到期", "Due"),
                            ("cards", "总数", "Cards"), ("target", "目标时长", "Target")):
            table.add_column(self.pick(zh, en), key=key)
        total_new = total_learning = total_due = 0
        for entry in entries:
            counts = entry.counts
            total_new += counts.new
            total_learning += counts.learning
            total_due += counts.due
            table.add_row(
                literal(entry.deck.pick(self.language)),
                Text(str(counts.new), style="bold blue" if counts.new else "dim", justify="right"),
                Text(str(counts.learning), style="bold red" if counts.learning else "dim", justify="right"),
                Text(str(counts.due), style="bold green" if counts.due else "dim", justify="right"),
                Text(str(entry.total), justify="right"),
                Text(f"{entry.deck.target_seconds}s", justify="right"),
                key=str(entry.deck.id),
            )
        if selected is not None:
            try:
                table.move_cursor(row=table.get_row_index(str(selected)))
            except Exception:  # the deck is gone: keep the cursor where it is
                pass
        retention, reviewed = self.store.cards.true_retention(now)
        summary = Text()
        summary.append(self.pick("今日  ", "Today  "), "bold")
        summary.append(f"{total_new} ", "bold blue")
        summary.append(self.pick("新卡 · ", "new · "))
        summary.append(f"{total_learning} ", "bold red")
        summary.append(self.pick("学习中 · ", "learning · "))
        summary.append(f"{total_due} ", "bold green")
        summary.append(self.pick("到期", "due"))
        summary.append(self.pick(f"   连续 {self.store.cards.streak(now)} 天", f"   streak {self.store.cards.streak(now)} d"))
        target = self.store.settings.load().desired_retention
        if retention is None:
            summary.append(self.pick(f"   记忆率 — (目标 {target:.0%})", f"   retention — (target {target:.0%})"), "dim")
        else:
            summary.append(self.pick(f"   记忆率 {retention:.0%} (目标 {target:.0%}, {reviewed} 次)",
                                     f"   retention {retention:.0%} (target {target:.0%}, {reviewed} reviews)"))
        self.query_one("#cards-summary", Static).update(summary)
        self.query_one("#cards-hint", Static).update(Text(self.pick(
            "Enter 学习  a 全部  b 浏览  s 统计  i 面试冲刺  g 论文卡组  t 目标时长  n 新卡组  r 记忆率  l 每日新卡  I 导入",
            "Enter study  a all  b browse  s stats  i interview  g paper decks  t target  n new deck  r retention  l new/day  I import",
        ), style="dim"))

    def selected_deck_id(self) -> int | None:
        table = self.query_one("#decks", DataTable)
        if table.row_count == 0:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except Exception:
            return None
        return int(key) if key else None

    # -- actions ----------------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
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
            self.action_stats()

    def _start(self, deck_ids: list[int] | None) -> None:
        from .card_review import ReviewScreen

        self.app.push_screen(ReviewScreen(deck_ids))

    def action_import_cards(self) -> None:
        from .import_dialog import ImportDialog

        self.app.push_screen(ImportDialog("cards", self.language), lambda _plan: self.refresh_data())

    def action_browse(self) -> None:
        from .card_browser import CardBrowserScreen

        self.app.push_screen(CardBrowserScreen(self.selected_deck_id()))

    def action_stats(self) -> None:
        from .card_stats import CardStatsScreen

        self.app.push_screen(CardStatsScreen())

    def action_cram(self) -> None:
        from .card_modals import CramSetupModal
        from .card_review import ReviewScreen

        def start(choice: tuple | None) -> None:
            if choice:
                interview_on, deck_ids = choice
                self.app.push_screen(ReviewScreen(deck_ids, cram_until=interview_on))

        self.app.push_screen(CramSetupModal(self.store, self.language, self.selected_deck_id()), start)

    def action_generate(self) -> None:
        papers = self.store.papers.all()
        if not papers:
            self.notify(self.pick("还没有论文：先在流程页添加一篇", "No papers yet: add one on the Pipeline screen"))
            return
        added = updated = 0
        for paper in papers:
            _deck, new, changed = self.store.cards.generate_paper_deck(paper)
            added, updated = added + new, updated + changed
        self.notify(self.pick(f"{len(papers)} 篇论文：新增 {added} 张，更新 {updated} 张",
                              f"{len(papers)} papers: {added} cards added, {updated} updated"))
        self.refresh_data()

    def action_target(self) -> None:
        from .card_modals import PromptModal

        deck_id = self.selected_deck_id()
        if deck_id is None:
            return
        deck = self.store.cards.deck(deck_id)

        def save(value: str) -> str | None:
            try:
                self.store.cards.set_target_seconds(deck_id, value.strip())
            except Exception as error:  # ValidationError: shown in the prompt
                return str(error)
            return None

        prompt = self.pick(f"“{deck.pick('zh')}”的目标回答时长（秒）", f"Target answer length for “{deck.name}” (seconds)")
        self.app.push_screen(PromptModal(prompt, str(deck.target_seconds), save), lambda _v: self.refresh_data())

    def _setting_prompt(self, key: str, prompt: str, value: str) -> None:
        from ...store import StoreError
        from .card_modals import PromptModal

        def save(text: str) -> str | None:
            try:
                self.store.settings.set_text(key, text)
            except StoreError as error:  # refused or not saved: shown in the prompt
                return str(error)
            return None

        self.app.push_screen(PromptModal(prompt, value, save), lambda _v: self.refresh_data())

    def action_retention(self) -> None:
        current = f"{self.store.settings.load().desired_retention:.0%}"
        self._setting_prompt("desired_retention", self.pick("期望记忆率（70%–99%）", "Desired retention (70%-99%)"),
                             current)

    def action_new_limit(self) -> None:
        self._setting_prompt("new_cards_per_day", self.pick("每天新卡上限", "New cards per day"),
                             str(self.store.settings.load().new_cards_per_day))

    def action_new_deck(self) -> None:
        from .card_modals import PromptModal

        def save(value: str) -> str | None:
            try:
                self.store.cards.add_deck(value)
            except Exception as error:
                return str(error)
            return None

        self.app.push_screen(PromptModal(self.pick("新卡组名称", "New deck name"), "", save), lambda _v: self.refresh_data())
