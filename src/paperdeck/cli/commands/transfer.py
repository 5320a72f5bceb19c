"""`paperdeck import KIND ...` and `paperdeck export KIND ...`.

Each kind is a module in `cli/imports/` or `cli/exports/` with `register(subparsers, common)`,
so features add a format without touching this file.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

from ..context import command


def _register_kinds(parser, package_name: str, common) -> None:
    package = import_module(package_name)
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        import_module(f"{package_name}.{info.name}").register(kinds, common)


def register(subparsers, common) -> None:
    importer = command(subparsers, "import", common, "import data from files (bib, deadlines, cards), or undo the latest import")
    _register_kinds(importer, "paperdeck.cli.imports", common)
    exporter = command(subparsers, "export", common, "export data to files (ics, anki, cards)")
    _register_kinds(exporter, "paperdeck.cli.exports", common)
