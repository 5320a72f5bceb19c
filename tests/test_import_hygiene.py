"""Headless code never loads Textual: the store, the services and `paperdeck today`."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import paperdeck

HEADLESS_PACKAGES = ("paperdeck.models", "paperdeck.store", "paperdeck.services", "paperdeck.cli")


def _headless_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(paperdeck.__path__, "paperdeck."):
        if info.name.startswith(HEADLESS_PACKAGES) or info.name.count(".") == 1:
            if not info.name.startswith("paperdeck.tui"):
                names.append(info.name)
    return names


def test_importing_headless_modules_loads_no_textual():
    code = (
        "import importlib, sys\n"
        f"for name in {_headless_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_paperdeck_today_loads_no_textual(tmp_path):
    code = (
        "import sys\n"
        "from paperdeck.cli.main import main\n"
        f"main(['today', '--db', {str(tmp_path / 'p.db')!r}])\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print('LOADED:' + ','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "LOADED:"


def test_paperdeck_today_loads_no_model_it_does_not_read(tmp_path):
    """`paperdeck today` reads counts and brief rows, not whole cards, papers or drafts: their
    models (dataclasses made at import, a start-up cost) stay unloaded (models/card_states.py,
    models/stages.py, store/tables.py's mappers), and so does the Pitch screen's use case
    (usecases/pitch_rates.py), and the backups' module when no backup is due (store/backup_due.py).
    The database is made first: making it seeds the decks, which does read them."""
    db = str(tmp_path / "p.db")
    made = subprocess.run([sys.executable, "-m", "paperdeck.cli.main", "today", "--db", db],
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    code = (
        "import sys\n"
        "from paperdeck.cli.main import main\n"
        f"main(['today', '--db', {db!r}])\n"
        "print('LOADED:' + ','.join(sorted(m for m in sys.modules if m in "
        "('paperdeck.models.cards', 'paperdeck.models.drafts', 'paperdeck.models.papers', 'paperdeck.usecases.pitch', "
        "'paperdeck.store.backup'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "LOADED:"


def test_paperdeck_import_bib_loads_no_card_parsers(tmp_path):
    """Building the command line names the cards import's default deck without loading the
    card parsers (a start-up cost of every command, a .bib import's included)."""
    bib = tmp_path / "a.bib"
    bib.write_text("@article{a,\n  title = {A Paper},\n  year = {2024}\n}\n", "utf-8")
    code = (
        "import sys\n"
        "from paperdeck.cli.main import main\n"
        f"main(['import', 'bib', '--quiet', '--db', {str(tmp_path / 'p.db')!r}, {str(bib)!r}])\n"
        "print('LOADED:' + ','.join(sorted(m for m in sys.modules if m in "
        "('paperdeck.usecases.imports.cards', 'paperdeck.domain.anki_text', 'paperdeck.domain.card_csv'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "LOADED:"
