"""A speaking-time gauge: a bar on a 0..(target max + 25%) scale with the target band marked."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...domain.speaking import PitchEstimate, format_duration

VERDICT_STYLES = {"empty": "dim", "short": "yellow", "ok": "green", "long": "bold red"}


def gauge_text(estimate: PitchEstimate, width: int, language: str = "en") -> Text:
    low, high = estimate.target_minutes
    scale = high * 60 * 1.25
    width = max(10, width)
    filled = min(width, round(estimate.total_seconds / scale * width)) if scale else 0
    low_at, high_at = round(low * 60 / scale * width), round(high * 60 / scale * width)
    style = VERDICT_STYLES[estimate.verdict]
    bar = Text()
    for cell in range(width):
        if cell in (low_at, high_at):
            bar.append("│", style="bold")
        elif cell < filled:
            bar.append("█", style=style)
        else:
            bar.append("░" if low_at < cell < high_at else "·", style="dim")
    count = estimate.count
    rates = estimate.rates
    source = ("实测" if language == "zh" else "measured") if rates.measured else ("默认" if language == "zh" else "default")
    line = Text()
    line.append(format_duration(estimate.total_seconds), style=f"bold {style}")
    if language == "zh":
        line.append(f" / {low:g}–{high:g} 分钟 · {count.words} 词 · {count.cjk_chars} 字 · "
                    f"{rates.words_per_minute:.0f} 词/分 · {rates.cjk_chars_per_minute:.0f} 字/分（{source}）")
    else:
        line.append(f" / {low:g}–{high:g} min · {count.words} words · {count.cjk_chars} CJK · "
                    f"{rates.words_per_minute:.0f} wpm · {rates.cjk_chars_per_minute:.0f} cpm ({source})")
    return Text("\n").join([bar, line])


class SpeakingGauge(Static):
    DEFAULT_CSS = "SpeakingGauge { height: 2; }"

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
