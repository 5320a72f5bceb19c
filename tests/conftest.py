"""Every test gets its own database and data dir; the developer's real data is never touched."""

from __future__ import annotations

import os
import subprocess
import sys
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


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "paperdeck.db"


@pytest.fixture
def store(db_path):
    from paperdeck.store import open_store

    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def frozen_clock():
    """Freeze time at FROZEN_NOW (tick=False: the clock stands still)."""
    import time_machine

    with time_machine.travel(FROZEN_NOW, tick=False) as traveller:
        yield traveller


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
