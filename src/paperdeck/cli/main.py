"""`paperdeck [COMMAND]`: with no command, start the app; each command lives in `commands/`."""

from __future__ import annotations

import argparse
import pkgutil
import sys
from importlib import import_module

from .. import __version__
from . import commands as commands_package
from ..textsafe import one_line, printable
from .commands.run import add_screen_option
from .context import CliError, run_handler

EXIT_USAGE = 2
MAX_MESSAGE = 400


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr with control characters made visible
    (argv may hold ESC or an OSC 52 payload) and exit status 2. Sub-commands inherit it."""

    def error(self, message: str):  # type: ignore[override]
        text = one_line(f"{self.prog}: {message}")
        if len(text) > MAX_MESSAGE:
            text = text[:MAX_MESSAGE - 1] + "…"
        self.exit(EXIT_USAGE, f"{text} (see `{one_line(self.prog)} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    common = OneLineParser(add_help=False)
    common.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS,
        help="database file (default: $PAPERDECK_DB, else paperdeck.db in the user data dir)",
    )
    parser = OneLineParser(
        prog="paperdeck", parents=[common],
        description="A terminal workbench for papers on their way to top venues. "
        "With no command, starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"paperdeck {__version__}")
    add_screen_option(parser)  # `paperdeck --screen NAME`, as `paperdeck run --screen NAME`
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_info in sorted(pkgutil.iter_modules(commands_package.__path__), key=lambda m: m.name):
        module = import_module(f"{commands_package.__name__}.{module_info.name}")
        module.register(subparsers, common)
    return parser



def main(argv: list[str] | None = None) -> int:
    from ..clock import repair_environment_zone

    warning = repair_environment_zone()
    if warning:
        print(printable(f"paperdeck: warning: {warning}"), file=sys.stderr)
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        from .commands.run import run_app

        handler = run_app
    try:
        return run_handler(handler, args)
    except CliError as error:
        # The message may quote user input (a file name, a title): never print it raw.
        print(printable(f"paperdeck: {error}"), file=sys.stderr)
        return error.status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
