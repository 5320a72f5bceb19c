"""Whether the day's first automatic backup is due, and what makes it: asked at every start
(`paperdeck today`, the app), so apart from backup.py (the copy, its checks, the restore), which
is imported only when a backup is made."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .backup_folder import list_backups, local_now

if TYPE_CHECKING:
    from .store import Store


@dataclass(frozen=True)
class DailyBackup:
    """The day's first automatic backup, due. It is made on its own read-only connection, so
    it may run in a thread while the store is in use (in WAL mode a reader never blocks the
    app's writes) and after the store is closed."""

    db_path: Path
    keep: int

    def make(self) -> Path:
        """Back up, then keep the newest `keep` (the one just made is never pruned)."""
        from .backup import backup_file, prune_backups

        made = backup_file(self.db_path, reason="")
        prune_backups(self.db_path, self.keep, made=made)
        return made


def daily_backup_due(store: "Store") -> DailyBackup | None:
    """At the first start of a day, the backup to make; else None (one was made today)."""
    today = local_now().date()
    if any(backup.taken_at.date() == today for backup in list_backups(store.path)):
        return None
    return DailyBackup(Path(store.path), store.settings.load().backups_kept)
