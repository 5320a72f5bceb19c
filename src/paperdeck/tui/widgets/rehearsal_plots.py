"""Rehearsal plots: each run's length (oldest left) against the pitch's target band, and a
run's laps as text against each part's share (domain/pitch_shares.py)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from rich.text import Text

from ...domain.pitch_shares import LapTiming
from ...domain.speaking import format_duration, target_band
from ...models.pitch import PitchPart, Rehearsal
from .panel import literal
from .plotting import PickText, PlotextPlot, date_ticks, plot_text, sparkline

FULL_COLOR, STOPPED_COLOR, BAND_COLOR = "green", "gray", "red"
VERDICT_STYLE = {"short": "yellow", "ok": "green", "long": "red", "partial": "dim", "": "", "empty": "dim"}
VERDICT_WORDS = {"short": ("偏短", "short"), "ok": ("合适", "on target"), "long": ("偏长", "long"),
                 "partial": ("中途停止", "stopped"), "": ("", ""), "empty": ("", "")}


def durations_plot(widget: PlotextPlot, runs: Sequence[Rehearsal], target_minutes: tuple[float, float],
                   pick: PickText) -> None:
    """Bars of minutes per run, oldest left (`runs` come newest first); runs stopped part-way
    in grey; the target band's ends as lines."""
    ordered = list(reversed(runs))
    plt = widget.plt
    plt.clear_figure()
    # No legend: plotext draws it over the bars, and cuts a Chinese one short.
    plt.title(plot_text(pick("每次排练时长（分钟；灰：中途停止）", "Minutes per rehearsal (grey: stopped part-way)")))
    full = [(i, run.total_ms / 60000) for i, run in enumerate(ordered) if not any(lap.partial for lap in run.laps)]
    stopped = [(i, run.total_ms / 60000) for i, run in enumerate(ordered) if any(lap.partial for lap in run.laps)]
    for points, color in ((full, FULL_COLOR), (stopped, STOPPED_COLOR)):
        if points:
            plt.bar([i for i, _m in points], [m for _i, m in points], color=color, width=0.6)
    low, high = target_band(target_minutes)
    for minutes in {low, high}:
        plt.hline(minutes, BAND_COLOR)
    top = math.ceil(max([high * 1.25, *(run.total_ms / 60000 for run in ordered)]))
    step = 1 if top <= 8 else 2 if top <= 16 else 5
    plt.yticks(list(range(0, top + 1, step)))  # whole minutes: the band's lines read against them
    plt.ylim(0, top)
    if all(run.started_at is not None for run in ordered):
        positions, labels = date_ticks(widget, [run.started_at.date() for run in ordered])  # type: ignore[union-attr]
    else:
        positions = list(range(len(ordered)))
        labels = [str(i + 1) for i in positions]
    plt.xticks(positions, labels)
    plt.xlim(-1, max(1, len(ordered)))
    widget.refresh()


def durations_sparkline(runs: Sequence[Rehearsal], target_minutes: tuple[float, float], pick: PickText) -> Text:
    ordered = list(reversed(runs))
    text = Text(pick("每次排练时长\n", "Minutes per rehearsal\n"), "bold")
    text.append(sparkline([run.total_ms / 60000 for run in ordered]), FULL_COLOR)
    return text


def laps_text(timings: Sequence[LapTiming], parts: Sequence[PitchPart], language: str) -> Text:
    """One line per lap: "1. Why this paper?   0:48  target 1:00–1:36  short"."""
    zh = language == "zh"
    names = {part.key: part.title(language) for part in parts}
    text = Text()
    for number, timing in enumerate(timings, start=1):
        if number > 1:
            text.append("\n")
        text.append(f"{number}. ", style="bold")
        text.append_text(literal(names.get(timing.key, timing.key)[:22]))
        text.append(f"  {format_duration(timing.seconds):>5}", style="bold")
        if timing.target is not None:
            band = f"{format_duration(timing.target.low_seconds)}–{format_duration(timing.target.high_seconds)}"
            text.append(f"  目标 {band}（{timing.target.share:.0%}）" if zh else f"  target {band} ({timing.target.share:.0%})",
                        style="dim")
        zh_word, en_word = VERDICT_WORDS[timing.verdict]
        if zh_word:
            text.append(f"  {zh_word if zh else en_word}", style=VERDICT_STYLE[timing.verdict])
    return text
