"""Where paperdeck keeps its files. Functions, not constants: nothing is created at import."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "paperdeck"
DB_ENV = "PAPERDECK_DB"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """What can be made again, kept to start faster (parsed CSS)."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def check_stamps_dir() -> Path:
    """Where each database's last passed integrity check is remembered (store/check_stamp.py)."""
    return cache_dir() / "checked"


def default_db_path() -> Path:
    return data_dir() / "paperdeck.db"


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """`--db` wins, then $PAPERDECK_DB, then the user data dir."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def backups_root(db_path: Path) -> Path:
    """The `backups` folder beside the database; each database has its own folder inside."""
    return Path(db_path).parent / "backups"


def backups_dir(db_path: Path) -> Path:
    """Where the backups of this database go: `backups/<its file name>/`, so two databases in
    one folder never share (nor prune, nor restore) each other's backups."""
    return backups_root(db_path) / Path(db_path).name


def package_resource(name: str) -> Path:
    """`styles/` or `seed/`: inside the wheel when installed, at the repo root when editable."""
    here = Path(__file__).resolve().parent
    bundled = here / name
    if bundled.is_dir():
        return bundled
    return here.parents[1] / name


def fsync_folder(folder: Path) -> None:
    """Make a rename inside `folder` durable. Best effort: some file systems refuse it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
