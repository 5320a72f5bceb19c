"""Shared fixtures. Every test gets its own database and data dir; the developer's real data is
never touched.

- `db_path`: where this test's database lives ($PAPERDECK_DB); nothing is there yet.
- `seeded_db`: the same path holding a migrated, seeded database (a copy of one template made
  once per test process: migrating and seeding parses the guide's YAML, ~0.2 s a time).
- `store`: that database, opened.
- `add_paper`: a paper factory on `store`; `make_app`: the real app on `store`.
- `frozen_clock`, `utc_zone`, `system_zone`: time and the machine's zone, pinned.
- `cli` / `run_cli`: the real CLI as a subprocess.
- `waiting.py`: wait for a condition (a row, a screen, a file), never a fixed time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FROZEN_NOW = "2026-11-29T09:00:00+00:00"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    """Point every platformdirs location and $PAPERDECK_DB into tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("PAPERDECK_DB", str(tmp_path / "paperdeck.db"))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    # Most tests count papers: start from an empty board (tests of the samples unset this).
    monkeypatch.setenv("PAPERDECK_NO_SAMPLES", "1")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    yield


# -- the database ---------------------------------------------------------------------------

@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "paperdeck.db"


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory) -> Path:
    """Migrated and seeded once per test process (no sample papers), at FROZEN_NOW so that
    seeded rows' times do not depend on the day the suite runs. Closed: no WAL beside it."""
    import time_machine

    from paperdeck.store import open_store

    path = tmp_path_factory.mktemp("template") / "paperdeck.db"
    with pytest.MonkeyPatch.context() as patch, time_machine.travel(FROZEN_NOW, tick=False):
        patch.setenv("PAPERDECK_NO_SAMPLES", "1")
        open_store(path).close()
    return path


@pytest.fixture
def seeded_db(seeded_template, db_path) -> Path:
    """`db_path` holding a copy of the seeded template, not opened."""
    shutil.copyfile(seeded_template, db_path)
    return db_path


@pytest.fixture
def store(seeded_db):
    from paperdeck.store import open_store

    opened = open_store(seeded_db)
    yield opened
    opened.close()


@pytest.fixture
def add_paper(store):
    """`add_paper(title, stage=Stage.IDEATION, **fields)` -> the stored Paper."""
    from paperdeck.models.papers import Stage

    def add(title: str = "A paper", stage: "Stage | str" = Stage.IDEATION, **fields):
        return store.papers.add(title, stage, **fields)

    return add


# -- the app --------------------------------------------------------------------------------

@pytest.fixture
def make_app(store):
    """`make_app(screen="dashboard", watch=False)`: the real app on this test's store.
    The database watcher is off unless a test is about it (it adds a thread and a file watch)."""
    from paperdeck.tui.app import PaperdeckApp

    def make(screen: str = "dashboard", *, watch: bool = False) -> PaperdeckApp:
        return PaperdeckApp(store, start_screen=screen, watch=watch)

    return make


# -- time -----------------------------------------------------------------------------------

@pytest.fixture
def frozen_clock():
    """Freeze time at FROZEN_NOW (tick=False: the clock stands still)."""
    import time_machine

    with time_machine.travel(FROZEN_NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def system_zone():
    """`system_zone("Asia/Shanghai")`: the machine's zone ($TZ) for this test, restored after."""
    with pytest.MonkeyPatch.context() as patch:

        def set_zone(name: str) -> None:
            patch.setenv("TZ", name)
            time.tzset()

        yield set_zone
    time.tzset()


@pytest.fixture
def utc_zone(system_zone):
    """Local time is UTC, so that shown times do not depend on the machine."""
    system_zone("UTC")


# -- the CLI --------------------------------------------------------------------------------

def run_cli(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real CLI as a subprocess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "paperdeck.cli.main", *args],
        capture_output=True, text=True, env=full_env, input=input, timeout=120,
    )


@pytest.fixture
def cli():
    return run_cli
