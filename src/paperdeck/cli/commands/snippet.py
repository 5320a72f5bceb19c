"""`paperdeck snippet [PAPER] --format txt|md|tex|bib [--copy]`: resume text on stdout."""

from __future__ import annotations

import argparse
import sys

from ..context import CliError, command, open_cli_store, out


def register(subparsers, common) -> None:
    parser = command(subparsers, "snippet", common, "print a paper (or the whole list) in a resume format")
    parser.add_argument("paper", nargs="?", metavar="PAPER", help="paper id or part of its title (default: the whole list)")
    parser.add_argument("--format", "-f", dest="fmt", default="txt", choices=("txt", "md", "tex", "bib"),
                        help="txt: the guide's format (default); md, tex, bib")
    parser.add_argument("--group", "-g", choices=("selected", "year", "type"), default=None,
                        help="the list after Selected: selected (the guide's Other), year, type "
                             "(default: the resume_group setting)")
    parser.add_argument("--all", action="store_true", dest="every",
                        help="every paper (not dropped), also those kept off the resume or not yet accepted, "
                             "under review or on arXiv: with --format bib, the whole library")
    parser.add_argument("--copy", action="store_true", help="also copy it to the system clipboard")
    parser.set_defaults(handler=snippet)


def snippet(args: argparse.Namespace) -> int:
    from ...domain.snippets import find_entry, render, render_list
    from ...usecases.resume import resume_entries

    store = open_cli_store(args, reading=True)
    try:
        found = resume_entries(store, unplaced=args.every)
        entries = found.every if args.every else found.shown
        group = args.group or store.settings.load().resume_group
    finally:
        store.close()
    if args.paper is not None:
        try:
            text = render(find_entry(entries, args.paper), args.fmt)
        except ValueError as error:
            raise CliError(str(error)) from error
    elif not entries:
        raise CliError("no paper belongs on the resume yet (accepted, under review or on arXiv)", status=1)
    else:
        text = render_list(entries, args.fmt, group)
    out(text)
    if args.fmt == "bib":
        nameless = [e for e in entries if not e.stored_authors and not e.me]
        if nameless:
            print(f"paperdeck: {len(nameless)} entr{'y has' if len(nameless) == 1 else 'ies have'} no author "
                  "(add the authors in the paper form, or set your name: paperdeck config set my_name \"...\")",
                  file=sys.stderr)
    if args.copy:
        from ...clipboard import copy_to_system

        problem = copy_to_system(text, detach_output=True)
        if problem:
            print(f"paperdeck: not copied: {problem}; the text is printed above", file=sys.stderr)
            return 1
        print("paperdeck: copied to the clipboard", file=sys.stderr)
    return 0
