"""The one choice dialog: confirm, which version, reload-or-keep, quit-or-read.

    ChoiceDialog(title, message, [
        Choice("reload", "重新载入", "Reload theirs", "r", id="conflict.reload", variant="primary"),
        Choice(None, "返回", "Back", "escape", id="conflict.back"),
    ], focus="reload")

Each choice is a button labelled with its key (from its binding, after the user's keymap) and a
binding of that key; the dialog dismisses with the choice's value. Escape always dismisses
with None. `options` adds a list to pick one item from (Enter picks; its value is returned).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ..keys import key_label, with_hint
from .modal import PaperdeckModal


@dataclass(frozen=True)
class Choice:
    value: Any            # what the dialog returns (None: the cancel choice)
    zh: str
    en: str
    keys: str = ""        # keys that choose it, comma-separated ("y,d"); the first is shown
    id: str = ""          # the binding id, for the user's keymap ("confirm.yes")
    variant: str = "default"  # the button's: default, primary, warning, error
    tooltip: str = ""


@dataclass(frozen=True)
class Pick:
    """One item of the dialog's list."""

    value: Any
    label: RenderableType


class ChoiceDialog(PaperdeckModal[Any]):
    DEFAULT_CSS = """
    ChoiceDialog #choice-message { margin-bottom: 1; height: auto; }
    ChoiceDialog .buttons { align-horizontal: right; }
    ChoiceDialog .buttons Button { margin-right: 0; margin-left: 1; }
    ChoiceDialog OptionList { height: auto; max-height: 24; }
    ChoiceDialog.-wide > .dialog { width: 96; }
    """

    def __init__(
        self,
        title: str,
        message: RenderableType,
        choices: Sequence[Choice],
        *,
        options: Sequence[Pick] = (),
        focus: str = "",
        tone: str = "",
        id: str | None = None,
        wide: bool = False,
    ):
        classes = " ".join(c for c in (f"-{tone}" if tone else "", "-wide" if wide else "") if c)
        super().__init__(id=id, classes=classes or None)
        self.title_text = title
        self.message = message
        self.choices = list(choices)
        self.options = list(options)
        self.focus_id = focus
        # The choices' keys join the class's bindings, on this instance only (Escape is the
        # class's: it cancels, which is what a None choice does anyway).
        own = BindingsMap(
            Binding(",".join(keys), f"choose({index})", choice.en, id=choice.id or None, tooltip=choice.tooltip)
            for index, choice in enumerate(self.choices)
            if (keys := [key for key in _keys(choice) if not (key == "escape" and choice.value is None)])
        )
        self._bindings = BindingsMap.merge([self._bindings, own])

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = self.title_text
            message = Text(self.message) if isinstance(self.message, str) else self.message
            yield Static(message, id="choice-message")
            if self.options:
                yield OptionList(*(Option(pick.label, id=str(index)) for index, pick in enumerate(self.options)),
                                 id="choice-options")
            with Horizontal(classes="buttons"):
                for index, choice in enumerate(self.choices):
                    yield Button(self._label(choice), id=f"choice-{index}", variant=choice.variant)  # type: ignore[arg-type]

    def _label(self, choice: Choice) -> str:
        keys = _keys(choice)
        shown = ""
        if keys:
            binding = Binding(keys[0], "", id=choice.id or None)
            shown = key_label(self.app, binding)
        return with_hint(self.pick(choice.zh, choice.en), shown)

    def on_mount(self) -> None:
        if self.options:
            self.query_one("#choice-options", OptionList).focus()
            return
        for index, choice in enumerate(self.choices):
            if self.focus_id and choice.id == self.focus_id:
                self.query_one(f"#choice-{index}", Button).focus()
                return

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose(int((event.button.id or "choice-0").removeprefix("choice-")))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.options[int(event.option.id or 0)].value)

    def action_choose(self, index: int) -> None:
        self.dismiss(self.choices[index].value)


def _keys(choice: Choice) -> list[str]:
    return [key.strip() for key in choice.keys.split(",") if key.strip()]


def confirm_dialog(question: RenderableType, *, yes: tuple[str, str], yes_keys: str = "y", title: str = "",
                   variant: str = "error", id: str = "confirm") -> ChoiceDialog:
    """A yes/no question: returns True, or None (No, `n` or Escape). No is focused, so an
    Enter typed ahead does not confirm."""
    return ChoiceDialog(title, question, [
        Choice(True, *yes, keys=yes_keys, id="confirm.yes", variant=variant, tooltip="Confirm"),
        Choice(None, "取消", "Cancel", keys="n", id="confirm.no", tooltip="Cancel"),
    ], focus="confirm.no", id=id)
