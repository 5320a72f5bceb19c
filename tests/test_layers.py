"""The import-linter contracts hold, and they do catch an upward import (even one inside a function)."""

from __future__ import annotations

import ast
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


def test_a_tui_module_importing_the_store_breaks_the_contract(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(REPO / "src" / "paperdeck", src / "paperdeck", ignore=shutil.ignore_patterns("__pycache__"))
    watch = src / "paperdeck" / "tui" / "watch.py"
    watch.write_text(watch.read_text() + "\n\ndef _sneak():\n    from ..store.errors import StoreError\n    return StoreError\n")
    result = lint(src, REPO / "pyproject.toml")
    assert result.returncode != 0
    assert "paperdeck.tui.watch -> paperdeck.store.errors" in result.stdout


def _store_reaches(source: str) -> list[str]:
    """`x.store.anything`, `store.anything`, `x._store().anything`: the TUI holding the Store
    and reaching into it."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute):
            continue
        inner = node.value.func if isinstance(node.value, ast.Call) else node.value  # also `self._store().x`
        name = inner.attr if isinstance(inner, ast.Attribute) else inner.id if isinstance(inner, ast.Name) else ""
        if name.lstrip("_") == "store":
            found.append(f"l.{node.lineno}: {ast.unparse(node)}")
    return found


def test_the_tui_never_reaches_into_the_store():
    """The TUI holds the Store and hands it to use cases; it never reads or writes through it
    itself (`self.store.cards...`, `store.change_stamp()`), which no import contract can see."""
    reaches = {
        str(path.relative_to(REPO)): found
        for path in sorted((REPO / "src" / "paperdeck" / "tui").rglob("*.py"))
        if (found := _store_reaches(path.read_text("utf-8")))
    }
    assert reaches == {}


def test_the_store_reach_check_sees_a_reach():
    assert _store_reaches("def f(self):\n    return self.store.cards.get(1)\n") == ["l.2: self.store.cards"]
    assert _store_reaches("def f(self):\n    return self._store().data_version()\n") == ["l.2: self._store().data_version"]
    assert _store_reaches("def f(self):\n    return use(self.store, self._store())\n") == []
