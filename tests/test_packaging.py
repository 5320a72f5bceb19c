"""`pip install .` gives a working app: styles, seed and migrations ship inside the wheel."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # The build backend is a test dependency: building without an isolated environment saves
    # installing hatchling into a fresh one every run (same backend, same configuration).
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-build-isolation"]
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation, "--quiet", "-w", str(out), str(REPO)],
        capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{result.stderr[-2000:]}")
    return next(out.glob("paperdeck-*.whl"))


def test_wheel_holds_styles_seed_and_migrations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "paperdeck/styles/app.tcss" in names
    assert "paperdeck/seed/guide.yaml" in names
    assert "paperdeck/seed/venues.yaml" in names
    assert "paperdeck/store/migrations/0001_initial.sql" in names


def test_installed_wheel_runs_outside_the_repo(wheel, tmp_path):
    venv = tmp_path / "venv"
    # No pip inside (ensurepip took most of this test's time): this environment's pip installs into it.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    # Reuse this environment's dependencies instead of downloading them again.
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    deps = sysconfig.get_paths()["purelib"]
    Path(site, "deps.pth").write_text(deps + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet", str(wheel)],
                   check=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": ""}
    code = (
        "import paperdeck, json, sys\n"
        "from paperdeck.paths import package_resource\n"
        "print(paperdeck.__file__); print(package_resource('styles')); print(package_resource('seed'))\n"
    )
    result = subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd=elsewhere, env=env)
    module, styles, seed = result.stdout.split()
    assert str(REPO) not in module and module.startswith(str(venv))
    assert styles.startswith(str(venv)) and seed.startswith(str(venv))
    info = subprocess.run([str(venv / "bin" / "paperdeck"), "info", "--json", "--db", str(tmp_path / "p.db")],
                          capture_output=True, text=True, cwd=elsewhere, env=env)
    assert info.returncode == 0, info.stderr
    import json

    counts = json.loads(info.stdout)["counts"]
    assert counts["venues"] >= 12 and counts["guide_items"] > 50
