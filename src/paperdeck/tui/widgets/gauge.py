"""A speaking-time gauge: a bar on a 0..(target max + 25%) scale with the target band marked."""

from __future__ import annotations

from itertools import groupby

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from ...domain.pitch_shares import PartTarget
from ...domain.speaking import PitchEstimate, SpeechCount, format_duration, minutes_span
from ...i18n import counted

VERDICT_STYLES = {"empty": "dim", "short": "yellow", "ok": "green", "long": "bold red"}


def part_time_text(seconds: float, target: PartTarget | None) -> Text:
    """A part's time against its share of the target: "0:50 (1:00–1:36)", the time coloured
    short / on target / long. Without a target, the time alone."""
    text = Text(format_duration(seconds), style=VERDICT_STYLES[target.verdict(seconds)] if target else "cyan")
    if target is not None:
        text.append(f" ({format_duration(target.low_seconds)}–{format_duration(target.high_seconds)})", style="dim")
    return text


def speech_count_text(count: SpeechCount, language: str, *, zeros: bool = True) -> str:
    """"9 words · 20 CJK" ("9 词 · 20 字"); without `zeros`, a zero count is left out (both
    zero: ""), for a line too narrow for both."""
    zh = language == "zh"
    pieces = [(count.words, f"{count.words} 词" if zh else counted(count.words, "word")),
              (count.cjk_chars, f"{count.cjk_chars} 字" if zh else f"{count.cjk_chars} CJK")]
    return " · ".join(text for number, text in pieces if zeros or number)


def gauge_text(estimate: PitchEstimate, width: int, language: str = "en") -> Text:
    low, high = estimate.band
    span = minutes_span(estimate.target_minutes)
    scale = high * 60 * 1.25
    width = max(10, width)
    filled = min(width, round(estimate.total_seconds / scale * width)) if scale else 0
    low_at, high_at = round(low * 60 / scale * width), round(high * 60 / scale * width)
    style = VERDICT_STYLES[estimate.verdict]
    cells: list[tuple[str, str]] = []
    for cell in range(width):
        if cell in (low_at, high_at):
            cells.append(("│", "bold"))
        elif cell < filled:
            cells.append(("█", style))
        else:
            cells.append(("░" if low_at < cell < high_at else "·", "dim"))
    bar = Text()
    for (char, cell_style), run in groupby(cells):  # a span per run, not per cell: drawn faster
        bar.append(char * len(list(run)), style=cell_style)
    count = estimate.count
    rates = estimate.rates
    zh = language == "zh"

    def source(measured: bool) -> str:
        return ("实测" if zh else "measured") if measured else ("默认" if zh else "default")

    # The rate of each language the text is in (both while it is empty): measured only from
    # rehearsals that had that language in them.
    shown = [(count.words or not count.cjk_chars, rates.words_per_minute, "词/分" if zh else "wpm", rates.wpm_measured),
             (count.cjk_chars or not count.words, rates.cjk_chars_per_minute, "字/分" if zh else "cpm", rates.cpm_measured)]
    shown = [(f"{rate:.0f} {unit}", measured) for wanted, rate, unit, measured in shown if wanted]
    sources = {measured for _, measured in shown}

    def labelled(text: str, measured: bool) -> str:
        return f"{text}（{source(measured)}）" if zh else f"{text} ({source(measured)})"

    if len(sources) == 1:  # one source: said once
        paces = labelled(" · ".join(text for text, _ in shown), sources.pop())
    else:
        paces = " · ".join(labelled(text, measured) for text, measured in shown)
    line = Text()
    line.append(format_duration(estimate.total_seconds), style=f"bold {style}")
    line.append(f" / {span} {'分钟' if zh else 'min'} · {speech_count_text(count, language)}")
    # The speaking rates on the same line when they fit, else on the next (never cut).
    if line.cell_len + 3 + cell_len(paces) <= width:
        line.append(f" · {paces}")
        return Text("\n").join([bar, line])
    return Text("\n").join([bar, line, Text(paces)])


class SpeakingGauge(Static):
    DEFAULT_CSS = "SpeakingGauge { height: 3; }"  # the bar, the counts, the rates when narrow

    def __init__(self, *, id: str | None = None):
        super().__init__("", id=id)
        self.estimate: PitchEstimate | None = None
        self.language = "en"

    def show(self, estimate: PitchEstimate, language: str) -> None:
        if (estimate, language) == (self.estimate, self.language):
            return  # typing inside a word changes no count: nothing to repaint
        self.estimate, self.language = estimate, language
        self.update(gauge_text(estimate, max(10, self.size.width or 60), language))

    def show_message(self, message: Text) -> None:
        self.estimate = None
        self.update(message)

    def on_resize(self) -> None:
        if self.estimate is not None:
            self.update(gauge_text(self.estimate, max(10, self.size.width), self.language))
