"""Save an SVG screenshot of a screen, rendered by the app itself (for the README).

    python -m paperdeck.tui.screenshot docs/screenshot.svg [--screen pipeline] [--size 120x40]

It runs the app headless on a fresh, seeded database in a temporary directory.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path


async def capture(output: Path, screen: str, size: tuple[int, int], db: Path) -> None:
    from ..usecases.session import close_database, open_database
    from .app import PaperdeckApp

    store = open_database(db)
    try:
        app = PaperdeckApp(store, start_screen=screen)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await app.screen.view_ready()  # the screen's data, loaded in a worker
            await pilot.pause()
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(app.export_screenshot(title=f"paperdeck — {screen}"), "utf-8")
    finally:
        close_database(store)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path)
    parser.add_argument("--screen", default="dashboard")
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--db", type=Path, help="database to show (default: a fresh seeded one)")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or Path(scratch) / "paperdeck.db"
        asyncio.run(capture(args.output, args.screen, (width, height), db))
    print(args.output)


if __name__ == "__main__":
    main()
