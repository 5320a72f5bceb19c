"""The Pitch screen's rehearsal panel: a stopwatch coloured against the target, the laps per
part and the paper's earlier runs. Rendered from memory four times a second: it reads nothing."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from ...domain.pitch_shares import part_targets
from ...domain.rehearsal import Stopwatch
from ...domain.speaking import format_duration
from ...models.pitch import PitchPart
from .panel import literal

LAP_STYLES = {"short": "yellow", "ok": "green", "long": "red"}


class RehearsalPanel(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(id="pitch-rehearsal-title")
        yield Digits("0:00", id="pitch-timer")
        yield Static(id="pitch-laps")

    def show(self, watch: Stopwatch | None, parts: Sequence[PitchPart], target_minutes: tuple[float, float], *,
             runs: int, last_run_ms: int | None, language: str, key: str) -> None:
        """`runs` and `last_run_ms`: the paper's earlier rehearsals; `key`: the key that starts one."""
        zh = language == "zh"
        low, high = target_minutes
        running = watch is not None and watch.running
        elapsed = watch.elapsed_ms() / 1000 if running and watch else 0.0
        timer = self.query_one("#pitch-timer", Digits)
        timer.update(format_duration(elapsed))
        timer.set_class(running and elapsed >= high * 60, "over")
        timer.set_class(running and high * 60 - 60 <= elapsed < high * 60, "near-end")
        timer.set_class(running and low * 60 <= elapsed < high * 60 - 60, "in-range")
        title = self.query_one("#pitch-rehearsal-title", Static)
        if running and watch:
            current = parts[watch.current_index] if watch.current_index < len(parts) else None
            text = Text("排练中 · " if zh else "Rehearsing · ", style="bold")
            if current:
                text.append_text(literal(current.title(language)))
            title.update(text)
        else:  # two short lines that never wrap (the panel is 24 cells at 80 columns)
            title.update(Text.assemble(
                ("排练" if zh else "Rehearsal", "bold"), "\n",
                (f"{key} 开始 · {key} 下一部分" if zh else f"{key} start / next part", "dim")))
        laps_text = Text()
        laps = list(watch.laps) if running and watch else []
        if running and watch and watch.current_key:
            laps.append((watch.current_key, watch.lap_ms()))
        names = {part.key: part.title(language) for part in parts}
        targets = part_targets([part.key for part in parts], target_minutes)
        for index, (part_key, ms) in enumerate(laps, start=1):
            # The lap against its part's share: "1.  0:48/1:36 Why this paper?", the time
            # coloured once it is over the share's high end (a running lap) or by its verdict.
            target = targets.get(part_key)
            current = index == len(laps) and running and watch is not None and watch.current_key == part_key
            verdict = target.verdict(ms / 1000) if target else "empty"
            style = "bold red" if verdict == "long" else "bold" if current else LAP_STYLES.get(verdict, "")
            laps_text.append(f"{index}. ", style="bold" if current else "")
            laps_text.append(f"{format_duration(ms / 1000):>5}", style=style)
            if target is not None:
                laps_text.append(f"/{format_duration(target.high_seconds)}", style="dim")
            laps_text.append(" ")
            name = literal(names.get(part_key, part_key))
            used = 4 + 5 + (6 if target is not None else 0)  # "1. ", the time, "/1:36", a space
            name.truncate(max(4, (self.size.width or 24) - 1 - used), overflow="ellipsis")
            laps_text.append_text(name)
            laps_text.append("\n")
        if runs and last_run_ms is not None:
            last = format_duration(last_run_ms / 1000)
            laps_text.append(f"\n上次 {last} · 共 {runs} 次" if zh else f"\nLast run {last} · {runs} runs", style="dim")
        self.query_one("#pitch-laps", Static).update(laps_text)
