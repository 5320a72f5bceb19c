"""The background integrity check found damage: say so, and offer the latest good backup.

Nothing more is written (every save raises `DatabaseCorrupt`). "Quit and restore" leaves the
app with the damage as its result: `paperdeck run` then asks, in the terminal, whether to
restore the backup (cli/recovery.py), keeping the damaged file aside, as at start.
"""

from __future__ import annotations

from ...usecases.core import DatabaseCorrupt
from ..widgets.panel import literal
from .choice import Choice, ChoiceDialog

QUIT = "quit"


def damaged_dialog(damage: DatabaseCorrupt, language: str = "en") -> ChoiceDialog:
    """Returns QUIT (quit, then the restore offer) or None (keep reading, nothing is saved)."""
    zh = language == "zh"
    message = literal(str(damage), single_line=False)
    message.append("\n\n不会再向它写入任何内容。" if zh else "\n\nNothing more will be saved to it. ")
    if damage.backup is not None:
        message.append("退出后会提供备份（损坏的文件会另存一旁）。" if zh else
                       "Quit to be offered the backup (the damaged file is kept aside).")
    else:
        message.append("退出，并在尝试修复之前把文件复制到安全的地方。" if zh else
                       "Quit, and copy the file somewhere safe before trying to repair it.")
    quit_zh, quit_en = ("退出并恢复", "Quit and restore") if damage.backup is not None else ("退出", "Quit")
    return ChoiceDialog("数据库已损坏" if zh else "The database is damaged", message, [
        Choice(QUIT, quit_zh, quit_en, "q", id="damaged.quit", variant="error",
               tooltip="Quit; the terminal then offers the latest good backup"),
        Choice(None, "继续阅读", "Keep reading", "escape", id="damaged.back",
               tooltip="Keep reading; nothing can be saved"),
    ], focus="damaged.quit", tone="error", id="damaged", wide=True)
