"""Which files paperdeck reads or writes: regular files only. One rule for every path a user
gives (the database, an import, a backup to restore, an export's target), judged from the mode
`stat` returns, before anything opens the file: opening a FIFO blocks until a writer comes,
/dev/zero never ends, and chmod on /dev/null would lock every user out of it."""

from __future__ import annotations

import stat


def not_regular(mode: int) -> str | None:
    """Why a file of this mode is refused (a phrase after its name), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file; not opened"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file; not opened"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file; not opened"
    return "is not a regular file; not opened"


# The phrases above in Chinese (the TUI shows a refusal in the user's language).
NOT_REGULAR_ZH = {
    "is a folder, not a file": "是文件夹，不是文件",
    "is a named pipe (FIFO), not a regular file; not opened": "是命名管道（FIFO），不是普通文件；未打开",
    "is a device, not a regular file; not opened": "是设备，不是普通文件；未打开",
    "is a socket, not a regular file; not opened": "是套接字，不是普通文件；未打开",
    "is not a regular file; not opened": "不是普通文件；未打开",
}
