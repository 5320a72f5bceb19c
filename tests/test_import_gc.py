"""`paperdeck import` parses and applies without the cyclic garbage collector: the process
ends after one import, and the collector's scans of everything the import keeps cost a sixth
of a large .bib import (issue 18). The collector is on again once the import is done."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

# The real CLI in a child process, counting the collector's runs from the parse to the end
# of the import's write.
_COUNTING = textwrap.dedent("""
    import gc, sys
    import paperdeck.cli.import_output as output
    import paperdeck.usecases.imports as imports
    runs, marks = [], []
    gc.callbacks.append(lambda phase, info: phase == "start" and runs.append(info["generation"]))
    parse, execute, run = imports.parse_inputs, imports.execute, output.run_cli_import
    def parse_counted(*args, **kwargs):
        marks.append(len(runs))
        return parse(*args, **kwargs)
    def execute_counted(*args, **kwargs):
        try:
            return execute(*args, **kwargs)
        finally:
            marks.append(len(runs))
    def run_counted(*args, **kwargs):
        try:
            return run(*args, **kwargs)
        finally:
            print("collections", marks[1] - marks[0], "enabled", gc.isenabled(), file=sys.stderr)
    imports.parse_inputs, imports.execute = parse_counted, execute_counted
    import paperdeck.cli.imports.bib as bib
    bib.run_cli_import = run_counted
    from paperdeck.cli.main import main
    sys.exit(main(sys.argv[1:]))
""")


def test_an_import_runs_without_collector_scans_and_turns_it_back_on(tmp_path):
    source = tmp_path / "many.bib"
    source.write_text("".join(
        f"@inproceedings{{gc{n},\n  title = {{Paper {n} on Garbage}},\n  author = {{Doe, Jane and Roe, Rick}},\n"
        f"  booktitle = {{Proceedings of ICML 2024}},\n  year = {{2024}},\n}}\n\n" for n in range(1500)), "utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _COUNTING, "import", "bib", "--quiet", str(source)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "PAPERDECK_DB": str(tmp_path / "gc.db")},
    )
    assert done.returncode in (0, 1), done.stderr
    line = next(text for text in done.stderr.splitlines() if text.startswith("collections"))
    assert line == "collections 0 enabled True", line
    assert "1500 added" in done.stdout or "1500" in done.stdout, done.stdout
