"""The pitch's version history: pick one to restore (the current text is kept as a version)."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from ...models.pitch import PitchVersion
from ...textsafe import one_line
from .choice import Choice, ChoiceDialog, Pick

PREVIEW_CELLS = 60


def _preview(text: str) -> str:
    line = one_line(text)
    return line if cell_len(line) <= PREVIEW_CELLS else set_cell_size(line, PREVIEW_CELLS - 1) + "…"


def history_dialog(versions: list[PitchVersion], language: str = "en") -> ChoiceDialog:
    """Returns the chosen version's id, or None (Escape)."""
    zh = language == "zh"
    picks = []
    for version in versions:
        when = version.created_at.astimezone().strftime("%Y-%m-%d %H:%M") if version.created_at else "?"
        chars = sum(len(body) for body in version.sections.values())  # characters written, not cells
        first = next((body for body in version.sections.values() if body.strip()), "")
        label = Text(f"{when}  {chars:>6} {'字' if zh else 'chars'}  ", style="bold")
        label.append(_preview(first))
        picks.append(Pick(version.id, label))
    if not versions:
        message = "还没有版本：每次离开编辑器都会保存一个。" if zh else "No versions yet: one is kept each time you leave the editor."
    else:
        message = ("Enter 恢复所选版本（当前文本会先存为一个版本）" if zh
                   else "Enter restores the version (the current text is kept as a version first)")
    return ChoiceDialog("版本历史" if zh else "Version history", message, [
        Choice(None, "关闭", "Close", "escape", id="pitch-history.close", tooltip="Close without restoring"),
    ], options=picks, id="pitch-history", wide=True)
