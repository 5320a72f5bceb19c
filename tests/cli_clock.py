"""Run the real CLI at frozen instants, several commands in one process (start-up paid once).

    python tests/cli_clock.py '[{"now": ISO, "commands": [["today", "--json"], ...]}, ...]'

Prints JSON: for each step, for each command, {"status", "stdout", "stderr"}. The commands go
through `paperdeck.cli.main.main`, exactly as `paperdeck ...` does; only the clock is frozen.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys

import time_machine

from paperdeck.cli.main import main


def run(steps: list[dict]) -> list[list[dict]]:
    results = []
    for step in steps:
        outputs = []
        with time_machine.travel(step["now"], tick=False):
            for args in step["commands"]:
                out, err = io.StringIO(), io.StringIO()
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    status = main(args)
                outputs.append({"status": status, "stdout": out.getvalue(), "stderr": err.getvalue()})
        results.append(outputs)
    return results


if __name__ == "__main__":
    sys.stdout.write(json.dumps(run(json.loads(sys.argv[1]))))
