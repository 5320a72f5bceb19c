"""`paperdeck [COMMAND]`: with no command, start the app; each command lives in `commands/`."""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module

from .. import __version__
from . import commands as commands_package
from ..textsafe import one_line, printable
from .commands.run import add_screen_option
from .context import CliError, run_handler

EXIT_USAGE = 2
MAX_MESSAGE = 400


def terminal_columns() -> int:
    """shutil.get_terminal_size().columns, without importing shutil (and bz2, lzma, zlib with
    it: ~3 ms of `paperdeck today`): $COLUMNS, else the terminal's width, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout at the same width. argparse builds a formatter at every
    add_argument, and its own imports shutil to measure the terminal."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position,
                         terminal_columns() - 2 if width is None else width)


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr with control characters made visible
    (argv may hold ESC or an OSC 52 payload) and exit status 2. Sub-commands inherit it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str):  # type: ignore[override]
        text = one_line(f"{self.prog}: {message}")
        if len(text) > MAX_MESSAGE:
            text = text[:MAX_MESSAGE - 1] + "…"
        self.exit(EXIT_USAGE, f"{text} (see `{one_line(self.prog)} --help`)\n")


# The module in `commands/` that registers each command. `paperdeck today` builds (and imports)
# only its own command's parser: building all of them cost as much as the summary itself.
# A command missing here still works (the full parser is built); a test keeps this complete.
COMMAND_MODULES = {
    "backup": "backup", "restore": "backup", "config": "config", "deadlines": "deadlines",
    "drafts": "drafts", "info": "info", "add": "papers", "list": "papers", "move": "papers",
    "edit": "papers", "show": "papers", "run": "run", "snippet": "snippet", "target": "submissions",
    "submit": "submissions", "decide": "submissions", "today": "today", "import": "transfer",
    "export": "transfer",
}
# The main parser's options that take a value (the command is the first word after them).
_VALUE_OPTIONS = ("--db", "--screen")


class _NotSure(Exception):
    """The one-command parser could not parse argv: the full parser parses it (and words any
    error exactly as it always did)."""


class _OneCommandParser(OneLineParser):
    def error(self, message: str):  # type: ignore[override]
        raise _NotSure(message)


def build_parser(module_names: list[str] | None = None, parser_class: type = OneLineParser) -> argparse.ArgumentParser:
    """The command-line parser: every command's, or only those `module_names` register."""
    common = parser_class(add_help=False)
    common.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS,
        help="database file (default: $PAPERDECK_DB, else paperdeck.db in the user data dir)",
    )
    parser = parser_class(
        prog="paperdeck", parents=[common],
        description="A terminal workbench for papers on their way to top venues. "
        "With no command, starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"paperdeck {__version__}")
    add_screen_option(parser)  # `paperdeck --screen NAME`, as `paperdeck run --screen NAME`
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=parser_class)
    if module_names is None:
        import pkgutil  # only the full parser lists the commands' modules

        module_names = sorted(module.name for module in pkgutil.iter_modules(commands_package.__path__))
    for name in module_names:
        module = import_module(f"{commands_package.__name__}.{name}")
        module.register(subparsers, common)
    return parser


def _command_module(argv: list[str]) -> str | None:
    """The module of the command argv names ("run" when it names none), or None when unsure
    (help asked for, an unknown word): then every command's parser is built."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help", "--"):
            return None
        if word in _VALUE_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return COMMAND_MODULES.get(word)
    return "run"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """argv parsed as the full parser parses it, building only the named command's parser
    when that parses it (a parse that succeeds with fewer commands is the same parse)."""
    words = sys.argv[1:] if argv is None else list(argv)
    module = _command_module(words)
    if module is not None:
        try:
            return build_parser([module], _OneCommandParser).parse_args(words)
        except _NotSure:
            pass
    return build_parser().parse_args(words)


def main(argv: list[str] | None = None) -> int:
    from ..clock import repair_environment_zone

    from . import daily_backup

    daily_backup.forget()  # planned by an earlier call in this process (tests) and never made
    warning = repair_environment_zone()
    if warning:
        print(printable(f"paperdeck: warning: {warning}"), file=sys.stderr)
    args = parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        from .commands.run import run_app

        handler = run_app
    try:
        status = run_handler(handler, args)
    except CliError as error:
        # The message may quote user input (a file name, a title): never print it raw.
        print(printable(f"paperdeck: {error}"), file=sys.stderr)
        status = error.status
    # (Interrupted or crashed: no backup now; the next start makes it.)
    _after_output()
    return status


def _after_output() -> None:
    """The command has answered: show it, then make the day's backup if it is still due."""
    from . import daily_backup

    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):  # the reader left; a stream closed already
        pass
    daily_backup.finish()


def entry() -> None:
    """`paperdeck` as installed (and `python -m paperdeck.cli.main`): `main`, then a plain
    command ends its process at once. Everything it writes is written and closed when `main`
    returns; tearing the interpreter down (freeing every module and object) was a tenth of
    `paperdeck today`. The app (`run`) ends as usual, through Textual's own shutdown."""
    status = main()
    from .. import dataclass_code

    dataclass_code.save()  # nothing to write but on a first run (or a new version)
    if _command_module(sys.argv[1:]) == "run":
        sys.exit(status)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # the reader left (`| head`); a stream closed already
            pass
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    entry()
