"""The import-linter contracts hold, and they do catch an upward import (even one inside a function)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

LINT = Path(sys.executable).with_name("lint-imports")


def lint(src: Path, config: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run([str(LINT), "--config", str(config), "--no-cache"], capture_output=True, text=True,
                          env=env, cwd=src, timeout=120)


def test_the_layers_hold():
    result = lint(REPO / "src", REPO / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_upward_import_inside_a_function_breaks_the_contract(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(REPO / "src" / "paperdeck", src / "paperdeck", ignore=shutil.ignore_patterns("__pycache__"))
    plan = src / "paperdeck" / "domain" / "plan.py"
    plan.write_text(plan.read_text() + "\n\ndef _sneak():\n    from ..store import open_store\n    return open_store\n")
    result = lint(src, REPO / "pyproject.toml")
    assert result.returncode != 0
    assert "paperdeck.domain.plan -> paperdeck.store" in result.stdout
