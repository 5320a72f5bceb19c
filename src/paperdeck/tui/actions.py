"""One registry of the app's global verbs: it feeds the bindings, the footer, `?` and the palette."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from .registry import SCREENS


@dataclass(frozen=True)
class AppAction:
    """An app-wide key: its binding id, key and action."""

    id: str
    key: str
    action: str
    description: str
    tooltip: str = ""
    show: bool = True


APP_ACTIONS: tuple[AppAction, ...] = (
    *(
        AppAction(
            id=f"screen.{entry.name}", key=str(number), action=f"app.show('{entry.name}')",
            # Listed by `?` and the palette; the footer's one line keeps the screen's own keys.
            description=entry.en, tooltip=f"Open the {entry.en} screen", show=False,
        )
        for number, entry in enumerate(SCREENS, start=1)
    ),
    AppAction("app.help", "question_mark", "app.help", "Keys", "List every key of this screen"),
    AppAction("app.language", "f2", "app.toggle_language", "中/EN", "Switch content language (zh/en)"),
    AppAction("app.quit", "ctrl+q", "app.quit", "Quit", "Quit paperdeck", show=False),
)


def app_bindings() -> list[Binding]:
    return [
        Binding(a.key, a.action, a.description, show=a.show, id=a.id, tooltip=a.tooltip)
        for a in APP_ACTIONS
    ]
