"""The measurements: first frame, `paperdeck today`, key-to-frame latency, peak RSS."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .bare_app import READY_TEXT
from .scenarios import DASHBOARD_READY, SCREEN_KEYS, Scenario, shows_screen
from .stats import Sample
from .terminal import PtyProcess, TerminalTimeout, visible_text

FIRST_FRAME_TIMEOUT = 60.0
KEY_TIMEOUT = 5.0
COMMAND_TIMEOUT = 120.0
# After a measured press: output quiet this long (s), waiting at most PRESS_SETTLE_LIMIT.
PRESS_SETTLE_QUIET = 0.25
PRESS_SETTLE_LIMIT = 1.5


def paperdeck_argv() -> list[str]:
    """The installed console script, as a user starts it."""
    script = Path(sys.executable).with_name("paperdeck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "paperdeck.cli.main"]


def bare_argv() -> list[str]:
    return [sys.executable, "-m", "benchmarks.bare_app"]


def plain_env(extra: dict[str, str]) -> dict[str, str]:
    """The environment of a measured command: as installed, so with .pyc files written and used."""
    values = {**os.environ, **extra}
    values.pop("PYTHONDONTWRITEBYTECODE", None)
    return values


def compile_sources() -> None:
    """Write the .pyc files an installed paperdeck would have (pip compiles on install)."""
    import compileall

    root = Path(__file__).resolve().parents[1]
    for folder in (root / "src", root / "benchmarks"):
        compileall.compile_dir(str(folder), quiet=1)
    # ... and the dataclass methods the first run keeps (paperdeck/dataclass_code.py): measured
    # starts are a returning user's, not the very first after installing.
    subprocess.run([sys.executable, "-c", WARM_DATACLASSES], env=plain_env({}), check=True)


WARM_DATACLASSES = """
import pkgutil, importlib, paperdeck, paperdeck.cli
from paperdeck import dataclass_code
for module in pkgutil.walk_packages(paperdeck.__path__, "paperdeck."):
    importlib.import_module(module.name)
dataclass_code.save()
"""


@dataclass
class Environment:
    """A throwaway HOME and the working copy of a database, shared by one size's runs."""

    home: Path
    db: Path | None = None

    def env(self) -> dict[str, str]:
        home = str(self.home)
        values = {
            "HOME": home, "XDG_DATA_HOME": f"{home}/data", "XDG_CONFIG_HOME": f"{home}/config",
            "XDG_CACHE_HOME": f"{home}/cache", "XDG_STATE_HOME": f"{home}/state",
            "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8", "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
        }
        if self.db is not None:
            values["PAPERDECK_DB"] = str(self.db)
        return values


@dataclass
class StartupResult:
    first_frame: Sample = field(default_factory=Sample)
    rss: Sample = field(default_factory=Sample)


def first_frame(argv: list[str], ready_text: str, env: dict[str, str], runs: int) -> StartupResult:
    """Process start to the first frame showing `ready_text`; peak RSS of that session."""
    times, memory, error = [], [], ""
    for _ in range(runs):
        process = PtyProcess(argv, env=env)
        try:
            shown = process.wait_for_text(ready_text, timeout=FIRST_FRAME_TIMEOUT)
            times.append((shown - process.started) * 1000)
            process.drain(quiet=0.1, limit=1)
        except TerminalTimeout as failure:
            error = str(failure)
        finally:
            memory.append(process.finish().max_rss_kib / 1024)
        if error:
            break
    return StartupResult(Sample.of_runs(times, error), Sample.of_runs(memory, error))


def wall_time(argv: list[str], env: dict[str, str], runs: int) -> Sample:
    """Wall-clock time of a plain command, output to a pipe."""
    values, error = [], ""
    for _ in range(runs):
        started = time.perf_counter()
        try:
            completed = subprocess.run(argv, env=plain_env(env), capture_output=True, timeout=COMMAND_TIMEOUT)
        except subprocess.TimeoutExpired:
            error = f"still running after {COMMAND_TIMEOUT:.0f} s (stopped)"
            break
        values.append((time.perf_counter() - started) * 1000)
        if completed.returncode != 0:
            error = completed.stderr.decode("utf-8", "replace").strip()[-300:] or f"exit {completed.returncode}"
            break
    return Sample.of_runs(values, error)


def key_latency(argv: list[str], ready_text: str, env: dict[str, str], scenario: Scenario | None,
                presses: int) -> tuple[list[float], int, str]:
    """One session: open the scenario's screen, then time `presses` keys to their frames.

    `scenario` None times the bare app's `j`. Returns (ms per press, peak RSS KiB, error).
    """
    process = PtyProcess(argv, env=env)
    values: list[float] = []
    error = ""
    try:
        process.wait_for_text(ready_text, timeout=FIRST_FRAME_TIMEOUT)
        process.drain(quiet=0.3, limit=5)
        if scenario is not None:
            if scenario.screen != "dashboard":  # open the screen and wait for its data (a large one loads for seconds)
                mark = len(process.output)
                process.send(SCREEN_KEYS[scenario.screen])
                screen = scenario.screen
                process.wait_for(lambda _end: 0 if shows_screen(screen, visible_text(bytes(process.output[mark:]))) else None,
                                 FIRST_FRAME_TIMEOUT, f"the {screen} screen's data")
                process.drain(quiet=0.3, limit=5)
            for key in scenario.setup:
                _press_unmeasured(process, key)
        for index in range(presses):
            if scenario is None:
                key, accept, after = b"j", None, []
            else:
                step = scenario.steps(index)
                key, accept, after = step.key, step.accept, step.after
            mark = len(process.output)
            sent = process.send(key)
            try:
                arrived, _ = process.wait_for_frame(mark, accept, timeout=KEY_TIMEOUT)
            except TerminalTimeout:
                error = f"no answering frame within {KEY_TIMEOUT:.0f} s after press {index + 1} ({key!r})"
                break
            values.append((arrived - sent) * 1000)
            # Until the press's late frames (a worker's result, the footer) have come: one
            # arriving after the next press was sent would be taken for that press's answer.
            process.drain(quiet=PRESS_SETTLE_QUIET, limit=PRESS_SETTLE_LIMIT)
            for extra in after:
                _press_unmeasured(process, extra)
    except TerminalTimeout as failure:
        error = str(failure)
    finally:
        exit_ = process.finish()
    return values, exit_.max_rss_kib, error


def first_showing(argv: list[str], env: dict[str, str], screen: str, runs: int) -> Sample:
    """A fresh app per run: from the screen's key, pressed on the drawn dashboard, to the end of
    the first frame showing the screen's data (its view loaded in a worker, then drawn)."""
    values, error = [], ""
    for _ in range(runs):
        process = PtyProcess(argv, env=env)
        try:
            process.wait_for_text(DASHBOARD_READY, timeout=FIRST_FRAME_TIMEOUT)
            process.drain(quiet=0.3, limit=5)
            mark = len(process.output)
            sent = process.send(SCREEN_KEYS[screen])
            arrived, _ = process.wait_for_frame(mark, lambda text: shows_screen(screen, text), timeout=FIRST_FRAME_TIMEOUT)
            values.append((arrived - sent) * 1000)
        except TerminalTimeout as failure:
            error = str(failure)
        finally:
            process.finish()
        if error:
            break
    return Sample.of_runs(values, error)


def _press_unmeasured(process: PtyProcess, press: bytes | tuple[bytes, str]) -> None:
    """Press a key and wait for its frame, or for a frame drawing the text given with it."""
    key, text = press if isinstance(press, tuple) else (press, "")
    mark = len(process.output)
    process.send(key)
    try:
        if text:
            process.wait_for_text(text, start=mark, timeout=KEY_TIMEOUT)
        else:
            process.wait_for_frame(mark, timeout=KEY_TIMEOUT)
    except TerminalTimeout:
        pass  # a key that changes nothing draws nothing
    process.drain(quiet=0.15, limit=3)


def bare_ready() -> str:
    return READY_TEXT


def app_ready() -> str:
    return DASHBOARD_READY
