"""Speaking time: how long a pitch takes to say, from its English words and CJK characters.

English is paced in words per minute, Chinese (and Japanese, Korean) in characters per
minute; mixed text counts both. Rehearsal laps give measured rates that replace the defaults.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

DEFAULT_WPM = 130.0
DEFAULT_CJK_CPM = 220.0
DEFAULT_TARGET_MINUTES = (5.0, 8.0)
# Laps shorter than this are taps, not speech: they would make the measured rate absurd.
MIN_SAMPLE_MS = 3000
RATE_BOUNDS_WPM = (40.0, 400.0)
RATE_BOUNDS_CPM = (60.0, 700.0)

_CJK = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\u3040-\u30ff\u31f0-\u31ff"                # Hiragana, Katakana
    "\uac00-\ud7af\u1100-\u11ff"                # Hangul
    "\U00020000-\U0003134f"                     # Han extensions B-H
)
_CJK_CHAR = f"[{_CJK}]"
# A word: letters/digits (Latin, Greek, Cyrillic...), joined by ' - . inside ("MT-Bench", "don't", "3.5").
_WORD = rf"[^\W_{_CJK}]+(?:['’.\-][^\W_{_CJK}]+)*"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(word, CJK character), compiled on the first count: compiling them costs every start
    that imports this module (the settings do) ~15 ms, and stored counts mean most never count."""
    return re.compile(_WORD), re.compile(_CJK_CHAR)


def prepare_counting() -> None:
    """Compile the counting patterns now rather than at the first count: for a screen that counts
    as it is first drawn (the Pitch screen, imported while the user reads the first one)."""
    _patterns()


@dataclass(frozen=True, slots=True)
class SpeechCount:
    """What a text holds to be spoken: words and CJK characters."""

    words: int = 0
    cjk_chars: int = 0

    def __add__(self, other: "SpeechCount") -> "SpeechCount":
        return SpeechCount(self.words + other.words, self.cjk_chars + other.cjk_chars)

    @property
    def empty(self) -> bool:
        return not (self.words or self.cjk_chars)


@dataclass(frozen=True, slots=True)
class Rates:
    """Speaking rates: words and CJK characters per minute."""

    words_per_minute: float = DEFAULT_WPM
    cjk_chars_per_minute: float = DEFAULT_CJK_CPM
    measured: bool = False       # either rate comes from rehearsals
    samples: int = 0
    wpm_measured: bool = False   # ... English words/minute, from runs with English in them
    cpm_measured: bool = False   # ... CJK characters/minute, from runs with CJK in them

    def or_else(self, other: "Rates") -> "Rates":
        """Per language, this measured rate, else `other`'s (a paper's own runs, else every run)."""
        wpm = self if self.wpm_measured else other
        cpm = self if self.cpm_measured else other
        return Rates(wpm.words_per_minute, cpm.cjk_chars_per_minute, wpm.wpm_measured or cpm.cpm_measured,
                     max(self.samples, other.samples), wpm.wpm_measured, cpm.cpm_measured)


def count_speech(text: str) -> SpeechCount:
    """English (and other alphabetic) words and CJK characters in `text`."""
    word, cjk_char = _patterns()
    return SpeechCount(words=len(word.findall(text)), cjk_chars=len(cjk_char.findall(text)))


def speaking_seconds(count: SpeechCount, rates: Rates) -> float:
    minutes = 0.0
    if rates.words_per_minute > 0:
        minutes += count.words / rates.words_per_minute
    if rates.cjk_chars_per_minute > 0:
        minutes += count.cjk_chars / rates.cjk_chars_per_minute
    return minutes * 60.0


@dataclass(frozen=True, slots=True)
class PartEstimate:
    """One pitch part's speaking time."""

    key: str
    count: SpeechCount
    seconds: float
    share: float  # of the whole pitch, 0..1


@dataclass(frozen=True, slots=True)
class PitchEstimate:
    """A pitch's speaking time, part by part, against its target."""

    parts: tuple[PartEstimate, ...]
    total_seconds: float
    target_minutes: tuple[float, float]
    rates: Rates

    @property
    def count(self) -> SpeechCount:
        total = SpeechCount()
        for part in self.parts:
            total = total + part.count
        return total

    @property
    def band(self) -> tuple[float, float]:
        """The target as minutes from, to (`target_band`)."""
        return target_band(self.target_minutes)

    @property
    def verdict(self) -> str:
        """'empty', 'short' (under the target), 'ok' or 'long' (over it)."""
        return verdict_of(self.total_seconds, self.target_minutes)

    @property
    def fill(self) -> float:
        """The total as a fraction of the target's upper end (may exceed 1)."""
        high = self.target_minutes[1]
        return self.total_seconds / (high * 60) if high > 0 else 0.0


# A target of one length ("a 3-minute pitch") is met from this share of it up to the length.
SINGLE_TARGET_FLOOR = 0.85


def target_band(target: tuple[float, float]) -> tuple[float, float]:
    """Minutes from, to: (5, 8) stays; one length (3, 3) means about 3: (2.55, 3)."""
    low, high = target
    return (high * SINGLE_TARGET_FLOOR, high) if low >= high else (low, high)


def verdict_of(total_seconds: float, target_minutes: tuple[float, float]) -> str:
    """'empty', 'short' (under the target), 'ok' or 'long' (over it)."""
    low, high = target_band(target_minutes)
    if total_seconds <= 0:
        return "empty"
    if total_seconds < low * 60:
        return "short"
    if total_seconds > high * 60:
        return "long"
    return "ok"


def pitch_seconds(counts: Iterable[SpeechCount], rates: Rates = Rates()) -> float:
    """The whole pitch's speaking time from its parts' counts (`estimate_pitch`'s total)."""
    return sum(speaking_seconds(count, rates) for count in counts)


def minutes_span(target: tuple[float, float]) -> str:
    """(5, 8) -> "5–8"; (10, 10) -> "10"."""
    low, high = target
    return f"{high:g}" if low >= high else f"{low:g}–{high:g}"


def estimate_pitch(
    sections: Mapping[str, str],
    rates: Rates = Rates(),
    target_minutes: tuple[float, float] = DEFAULT_TARGET_MINUTES,
) -> PitchEstimate:
    """Per part: counts, seconds and share of the total, in the order of `sections`."""
    counted = [(key, count_speech(text or "")) for key, text in sections.items()]
    seconds = [speaking_seconds(count, rates) for _, count in counted]
    total = sum(seconds)
    parts = tuple(
        PartEstimate(key=key, count=count, seconds=secs, share=(secs / total if total else 0.0))
        for (key, count), secs in zip(counted, seconds)
    )
    return PitchEstimate(parts=parts, total_seconds=total, target_minutes=target_minutes, rates=rates)


@dataclass(frozen=True, slots=True)
class SpeechSample:
    """One timed stretch of speech (a rehearsal lap): what was said and how long it took."""

    words: int
    cjk_chars: int
    ms: int


def measured_rates(samples: Iterable[SpeechSample], defaults: Rates = Rates()) -> Rates:
    """The user's own rates from rehearsal laps; `defaults` when there is nothing to go on.

    English-only laps give words/minute, CJK-only laps characters/minute directly. When one
    is missing, mixed laps give it from the time left after the known part. A language never
    rehearsed keeps its default and is not "measured" (English runs say nothing of Chinese).
    Only mixed laps: both defaults scaled by how much slower or faster the user spoke.
    """
    usable = [s for s in samples if s.ms >= MIN_SAMPLE_MS and (s.words or s.cjk_chars)]
    if not usable:
        return defaults
    english = [s for s in usable if s.words and not s.cjk_chars]
    cjk = [s for s in usable if s.cjk_chars and not s.words]
    mixed = [s for s in usable if s.words and s.cjk_chars]
    wpm = _rate(sum(s.words for s in english), sum(s.ms for s in english))
    cpm = _rate(sum(s.cjk_chars for s in cjk), sum(s.ms for s in cjk))
    if wpm and not cpm and mixed:
        cpm = _rate_from_rest(mixed, known_rate=wpm, known="words")
    elif cpm and not wpm and mixed:
        wpm = _rate_from_rest(mixed, known_rate=cpm, known="cjk_chars")
    if not wpm and not cpm:
        predicted = sum(speaking_seconds(SpeechCount(s.words, s.cjk_chars), defaults) for s in usable)
        actual = sum(s.ms for s in usable) / 1000.0
        factor = actual / predicted if predicted else 1.0
        wpm, cpm = defaults.words_per_minute / factor, defaults.cjk_chars_per_minute / factor
    return Rates(
        words_per_minute=_clamp(wpm, RATE_BOUNDS_WPM) if wpm else defaults.words_per_minute,
        cjk_chars_per_minute=_clamp(cpm, RATE_BOUNDS_CPM) if cpm else defaults.cjk_chars_per_minute,
        measured=True,
        samples=len(usable),
        wpm_measured=bool(wpm),
        cpm_measured=bool(cpm),
    )


def _rate(units: int, ms: int) -> float | None:
    return units / (ms / 60000.0) if units and ms else None


def _rate_from_rest(samples: Sequence[SpeechSample], *, known_rate: float, known: str) -> float | None:
    other = "cjk_chars" if known == "words" else "words"
    rest_minutes = sum(s.ms / 60000.0 - getattr(s, known) / known_rate for s in samples)
    units = sum(getattr(s, other) for s in samples)
    return units / rest_minutes if rest_minutes > 0 and units else None


def _clamp(value: float, bounds: tuple[float, float]) -> float:
    return max(bounds[0], min(bounds[1], value))


def format_duration(seconds: float) -> str:
    """`m:ss` (or `h:mm:ss`), rounded to the second; negative values clamp to 0."""
    total = max(0, int(round(seconds)))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def rates_from_laps(laps: Iterable[object], defaults: Rates = Rates()) -> Rates:
    """`measured_rates` over rehearsal laps (anything with words, cjk_chars and ms); a partial
    lap (a part cut short) is left out: what was said in it is itself an estimate."""
    return measured_rates(
        (SpeechSample(int(getattr(l, "words", 0)), int(getattr(l, "cjk_chars", 0)), int(getattr(l, "ms", 0)))
         for l in laps if not getattr(l, "partial", False)),
        defaults,
    )


def pitch_markdown(title: str, parts: Sequence[tuple[str, str, str]], estimate: PitchEstimate) -> str:
    """The pitch as Markdown: `parts` is (heading, subheading, body) in order."""
    low, high = estimate.target_minutes
    lines = [f"# {title.strip() or 'Pitch'}", "",
             f"Estimated speaking time: {format_duration(estimate.total_seconds)} "
             f"(target {minutes_span(estimate.target_minutes)} min)", ""]
    for (heading, subheading, body), part in zip(parts, estimate.parts):
        label = f"{heading} ({subheading})" if subheading and subheading != heading else heading
        lines += [f"## {label} — {format_duration(part.seconds)}", "", body.strip() or "_(empty)_", ""]
    return "\n".join(lines).rstrip() + "\n"
