"""One registry of the app's global verbs: it feeds the bindings, the footer, `?` and the palette."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class AppAction:
    id: str
    key: str
    action: str
    description: str
    tooltip: str = ""
    show: bool = True


SCREEN_NAMES = ("dashboard", "pipeline", "venues", "flashcards", "pitch", "resume")
SCREEN_TITLES = {
    "dashboard": ("今日", "Dashboard"),
    "pipeline": ("论文流程", "Pipeline"),
    "venues": ("会议", "Venues"),
    "flashcards": ("闪卡", "Flashcards"),
    "pitch": ("讲稿", "Pitch"),
    "resume": ("简历", "Resume"),
}

APP_ACTIONS: tuple[AppAction, ...] = (
    *(
        AppAction(
            id=f"screen.{name}", key=str(number), action=f"app.show('{name}')",
            description=SCREEN_TITLES[name][1], tooltip=f"Open the {SCREEN_TITLES[name][1]} screen",
        )
        for number, name in enumerate(SCREEN_NAMES, start=1)
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
