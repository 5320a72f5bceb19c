"""Settings: every setting of the catalogue (domain/settings.py) by group, in the content
language, changed in place and applied at once.

One `SettingsView` (usecases/settings.py) loaded in a worker. Enter changes the highlighted
setting: a yes/no flips, a choice (language, theme, resume format) opens a list, anything else
opens a one-line editor that checks the value as it is saved and names the setting by its label
when it refuses it. After each save the app applies the settings (`app.apply_settings`): the
theme, the keymap and the language change now, and every screen reads the rest when it loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ...domain.setting_kinds import Flag, Keymap, Names, Nullable
from ...domain.settings import GROUPS
from ...usecases.core import StoreError
from ...i18n_words import SETTING_WORDS, word
from ...textsafe import one_line
from ...usecases.settings import SettingRow, SettingsView, reset_setting, settings_view
from ..widgets.panel import literal
from .base import PaperdeckScreen
from .choice import Choice, ChoiceDialog, Pick
from .setting_editor import SettingEditor

if TYPE_CHECKING:
    from ...usecases.core import Store

VALUE_CELLS = 40  # a long value (a keymap) is cut in the list; the editor shows it whole


class SettingsScreen(PaperdeckScreen):
    DEFAULT_CSS = """
    SettingsScreen #settings-list { height: 1fr; border: round $primary 50%; border-title-color: $text-accent; }
    SettingsScreen #settings-list:focus { border: round $accent; }
    SettingsScreen #settings-help {
        height: auto; max-height: 8; border: round $primary 50%; border-title-color: $text-accent; padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("enter,e", "change", "Change", id="settings.change", tooltip="Change the highlighted setting"),
        Binding("d", "reset", "Default", id="settings.reset", tooltip="Put the highlighted setting back to its default"),
    ]

    view: SettingsView | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield OptionList(id="settings-list")
            yield Static(id="settings-help")
        yield Footer()

    # -- the view ---------------------------------------------------------------------------

    @staticmethod
    def load_view(store: "Store", request: object) -> SettingsView:
        return settings_view(store)

    def show_view(self, view: SettingsView) -> None:
        self.view = view
        listing = self.query_one("#settings-list", OptionList)
        listing.border_title = self.pick("设置", "Settings")
        keep = self.highlighted_key()
        width = max((cell_len(row.spec.label(self.language)) for row in view.rows), default=0) + 2
        options: list[Option] = []
        group = None
        for row in view.rows:
            if row.spec.group != group:
                group = row.spec.group
                zh, en = GROUPS[group]
                options.append(Option(Text(self.pick(zh, en), style="bold"), id=f"group:{group}", disabled=True))
            options.append(Option(self._row_text(row, width), id=row.key))
        listing.set_options(options)
        keys = [option.id for option in options]
        wanted = keep if keep in keys else next((o.id for o in options if not o.disabled), None)
        if wanted is not None:
            listing.highlighted = keys.index(wanted)
        self._show_help()

    def _row_text(self, row: SettingRow, width: int) -> Text:
        label = row.spec.label(self.language)
        text = Text("  ")
        text.append(label)
        text.append(" " * max(1, width - cell_len(label)))
        value = self._value(row.text, row.spec.kind)
        value.truncate(VALUE_CELLS, overflow="ellipsis")
        if row.is_default:
            value.stylize("dim")
        else:
            value.stylize("bold")
        text.append_text(value)
        return text

    def _value(self, text: str, kind: object) -> Text:
        if isinstance(kind, (Flag, Nullable, Keymap, Names)) and text in SETTING_WORDS:  # yes / no, none, system, auto
            return Text(word(SETTING_WORDS, text, self.language))
        return literal(text) if text else Text(self.pick("（空）", "(empty)"), style="italic")

    def highlighted_key(self) -> str | None:
        listing = self.query_one("#settings-list", OptionList)
        option = listing.highlighted_option
        return option.id if option is not None and not option.disabled else None

    def highlighted_row(self) -> SettingRow | None:
        key = self.highlighted_key()
        return self.view.row(key) if self.view is not None and key else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_help()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_change()

    def _show_help(self) -> None:
        help_box = self.query_one("#settings-help", Static)
        row = self.highlighted_row()
        if row is None:
            help_box.update("")
            return
        spec = row.spec
        help_box.border_title = spec.label(self.language)
        text = Text()
        text.append_text(literal(spec.help(self.language)))
        text.append("\n" + self.pick("可填：", "Accepts: "), style="dim")
        text.append_text(literal(spec.describe(self.language)))
        text.append("\n" + self.pick("默认：", "Default: "), style="dim")
        text.append_text(self._value(spec.show(spec.default), spec.kind))
        text.append(f"  ·  paperdeck config set {spec.key} …", style="dim")
        help_box.update(text)

    # -- changing ---------------------------------------------------------------------------

    def action_change(self) -> None:
        row = self.highlighted_row()
        if row is None:
            return
        kind = row.spec.kind
        if isinstance(kind, Flag):
            self._save_text(row, "false" if row.value else "true")
        elif row.key == "theme":
            self._choose(row, sorted(self.app.available_themes))
        elif kind.choices:
            self._choose(row, list(kind.choices))
        else:
            self.app.push_screen(SettingEditor(row), self._saved)

    def _choose(self, row: SettingRow, words: list[str]) -> None:
        current = row.text
        picks = [Pick(word, Text(("● " if word == current else "  ") + word)) for word in words]
        dialog = ChoiceDialog(row.spec.label(self.language), literal(row.spec.help(self.language), single_line=False),
                              [Choice(None, "取消", "Cancel", "escape", id="settings.choice.cancel")],
                              options=picks, id="settings-choice")

        def chosen(word: str | None) -> None:
            if word is not None and word != current:
                self._save_text(row, word)

        self.app.push_screen(dialog, chosen)
        # Start on the current value.
        def highlight() -> None:
            listing = dialog.query_one("#choice-options", OptionList)
            if current in words:
                listing.highlighted = words.index(current)

        self.call_after_refresh(highlight)

    def _save_text(self, row: SettingRow, text: str) -> None:
        from ...domain.setting_kinds import SettingError
        from ...usecases.settings import save_typed_text

        try:
            saved = save_typed_text(self.store, row.key, text)
        except SettingError as error:
            self.notify(row.spec.refusal(error, self.language), severity="error", markup=False)
            return
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._saved(saved)

    def _saved(self, saved: SettingRow | None) -> None:
        if saved is None:
            return
        self.notify(self.pick("已保存：", "Saved: ") + f"{saved.spec.label(self.language)} = {one_line(saved.text)}",
                    markup=False)
        self.paperdeck.apply_settings()  # re-reads this screen too

    def action_reset(self) -> None:
        row = self.highlighted_row()
        if row is None:
            return
        if row.is_default:
            self.notify(self.pick("已经是默认值", "Already the default"), markup=False)
            return
        try:
            saved = reset_setting(self.store, row.key)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._saved(saved)
