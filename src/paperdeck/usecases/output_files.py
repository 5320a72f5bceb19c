"""The one writer of every file paperdeck writes at a user's word: each `-o` and the Pitch F8.

- The database, its -wal/-shm/-journal files and any backup are refused (by path and by inode,
  so a hard link or a `./` spelling is caught too).
- An existing file is replaced only when asked (`force`); without it, the new file is linked
  into place, so one that appears meanwhile is not replaced either.
- A symbolic link at the target is refused: nothing is written through a link. (Links among
  the folders above it are followed as usual.) Folders, FIFOs and devices are refused.
- The data goes to a temporary file beside the target, is flushed to disk, then renamed into
  place: a reader never sees half a file, and a failure leaves the old file as it was.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from ..domain.file_kinds import not_regular
from ..paths import backups_root, fsync_folder
from ..textsafe import one_line

DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")


class OutputRefused(ValueError):
    """Nothing was written; str() is one line naming the file and why."""

    def __init__(self, name: str, reason: str, *, exists: bool = False):
        super().__init__(f"{shown(name)}: {reason}")
        self.reason = reason
        self.exists = exists  # refused only because the file exists: asking may allow it


def shown(name: str | os.PathLike[str]) -> str:
    text = one_line(os.fspath(name))
    return text if len(text) <= 120 else text[:57] + "…" + text[-60:]


def check_target(target: str | os.PathLike[str], *, db_path: Path, force: bool = False) -> Path:
    """The path to write, after every check above; raises OutputRefused."""
    name = os.fspath(target)
    if not name.strip():
        raise OutputRefused(name, "a file name is needed")
    if "\x00" in name:
        raise OutputRefused(name, "not a usable file name")
    path = Path(name).expanduser()
    if path.name in ("", ".", ".."):
        raise OutputRefused(name, "names a folder; give a file name")
    try:
        folder = Path(os.path.realpath(path.parent))
    except (OSError, ValueError) as error:
        raise OutputRefused(name, f"cannot use this folder: {error}") from None
    if not folder.is_dir():
        raise OutputRefused(name, f"no such folder: {shown(path.parent)}")
    path = folder / path.name
    status = _lstat(path, name)
    if status is not None:
        if os.path.islink(path):
            raise OutputRefused(name, "is a symbolic link; paperdeck does not write through links "
                                      "(give the file it points to, or another name)")
        refusal = not_regular(status.st_mode)
        if refusal:
            raise OutputRefused(name, refusal)
    _refuse_protected(path, status, Path(db_path), name)
    if status is not None and not force:
        raise OutputRefused(name, "exists; add --force to replace it", exists=True)
    return path


def write_output(target: str | os.PathLike[str], data: bytes | str, *, db_path: Path,
                 force: bool = False) -> Path:
    """Write `data` (str: as UTF-8) to `target` under the rules above. Returns the path."""
    payload = data.encode("utf-8") if isinstance(data, str) else data

    def produce(temporary: Path) -> None:
        with open(temporary, "wb") as handle:
            handle.write(payload)

    return write_output_with(target, produce, db_path=db_path, force=force)


def write_output_with(target: str | os.PathLike[str], produce: Callable[[Path], None], *, db_path: Path,
                      force: bool = False, mode: int | None = None) -> Path:
    """Like `write_output`, with `produce(temporary)` filling the file (a library that writes by
    name: an Anki package, an SQLite backup). `mode`: the new file's permissions (default: the
    replaced file's, else the umask's)."""
    path = check_target(target, db_path=db_path, force=force)
    name = os.fspath(target)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
    try:
        previous = _lstat(path, name)
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
        os.close(fd)
        produce(temporary)
        if mode is not None:
            os.chmod(temporary, mode)
        elif previous is not None:
            os.chmod(temporary, previous.st_mode & 0o7777)
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        _move_into_place(temporary, path, name, force)
        fsync_folder(path.parent)
    except OSError as error:
        raise OutputRefused(name, f"cannot write: {error.strerror or error}") from None
    finally:
        try:
            temporary.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass  # a leftover hidden .partial file is harmless; the message above says what failed
    return path


def _move_into_place(temporary: Path, path: Path, name: str, force: bool) -> None:
    if force:
        if os.path.islink(path):  # swapped for a link since the check
            raise OutputRefused(name, "became a symbolic link while writing; nothing written")
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)  # fails if the name exists: never replaces a file unasked
    except FileExistsError:
        raise OutputRefused(name, "appeared while writing; add --force to replace it", exists=True) from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
            raise
        if os.path.lexists(path):  # a file system without hard links: check, then rename
            raise OutputRefused(name, "appeared while writing; add --force to replace it", exists=True) from None
        os.replace(temporary, path)


def _lstat(path: Path, name: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise OutputRefused(name, f"cannot use it: {error.strerror or error}") from None


def _refuse_protected(path: Path, status: os.stat_result | None, db_path: Path, name: str) -> None:
    """The database, its companions and every backup are never an output."""
    db_folder = Path(os.path.realpath(db_path.parent)) if db_path.parent.exists() else db_path.parent
    database = db_folder / db_path.name
    backups = Path(os.path.realpath(backups_root(db_path)))
    protected = [Path(f"{database}{suffix}") for suffix in DATABASE_COMPANIONS]
    if path in protected:
        raise OutputRefused(name, f"is the database {'itself' if path == database else 'journal'}; choose another file")
    if path.parent == backups or backups in path.parents:
        raise OutputRefused(name, "is in the backups folder; choose another file")
    if status is None:
        return
    # The same file under another name (a hard link): compare what the names point at.
    for candidate in protected + _backup_files(backups):
        try:
            if os.path.samestat(status, os.stat(candidate)):
                raise OutputRefused(name, "is the database or one of its backups under another name; choose another file")
        except OSError:
            continue


def _backup_files(backups: Path) -> list[Path]:
    return [Path(folder) / file for folder, _, files in os.walk(backups) for file in files]

