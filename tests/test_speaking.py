"""Speaking-time estimates: English words, CJK characters, mixed text, measured rates."""

from __future__ import annotations

import pytest

from paperdeck.domain.speaking import (
    Rates, SpeechCount, SpeechSample, count_speech, estimate_pitch, format_duration,
    measured_rates, speaking_seconds,
)


def test_english_words_at_130_per_minute():
    text = " ".join(["word"] * 130)
    assert count_speech(text) == SpeechCount(words=130, cjk_chars=0)
    assert speaking_seconds(count_speech(text), Rates()) == pytest.approx(60.0)


def test_chinese_characters_at_220_per_minute():
    text = "我们引入奖励感知的提示采样" * 22  # 13 characters x 22 = 286
    count = count_speech(text)
    assert count == SpeechCount(words=0, cjk_chars=286)
    assert speaking_seconds(count, Rates()) == pytest.approx(286 / 220 * 60)


def test_mixed_text_counts_both():
    count = count_speech("相比 SFT 提升 MT-Bench win-rate 12%，training cost 降低 30%")
    assert count == SpeechCount(words=7, cjk_chars=6)  # SFT MT-Bench win-rate 12 training cost 30
    assert speaking_seconds(count, Rates()) == pytest.approx((7 / 130 + 6 / 220) * 60)


@pytest.mark.parametrize("text, expected", [
    ("", SpeechCount()),
    ("   \n\t ", SpeechCount()),
    ("😀🎉 ✨", SpeechCount()),
    ("[red]alert[/]", SpeechCount(words=2)),            # markup is just text: red, alert
    ("don't stop 3.5 times", SpeechCount(words=4)),
    ("日本語のテキスト와 한국어", SpeechCount(cjk_chars=12)),
    ("\x1b[2J clear", SpeechCount(words=2)),
])
def test_edge_inputs(text, expected):
    assert count_speech(text) == expected


def test_estimate_gives_each_part_its_share_and_a_verdict():
    sections = {"a": "word " * 390, "b": "字" * 440, "c": ""}  # 3 minutes + 2 minutes
    estimate = estimate_pitch(sections)
    assert estimate.total_seconds == pytest.approx(300)
    assert [round(p.share, 2) for p in estimate.parts] == [0.6, 0.4, 0.0]
    assert estimate.verdict == "ok"
    assert estimate_pitch({"a": "word " * 100}).verdict == "short"
    assert estimate_pitch({"a": "word " * 1100}).verdict == "long"
    assert estimate_pitch({"a": ""}).verdict == "empty"
    assert estimate.fill == pytest.approx(300 / 480)


def test_measured_rates_replace_the_defaults():
    # An English lap of 100 words in 60 s and a Chinese lap of 300 characters in 60 s.
    rates = measured_rates([SpeechSample(100, 0, 60_000), SpeechSample(0, 300, 60_000)])
    assert rates.measured
    assert rates.words_per_minute == pytest.approx(100)
    assert rates.cjk_chars_per_minute == pytest.approx(300)


def test_measured_rates_from_mixed_laps_only_scale_the_defaults():
    # Text the defaults time at 60 s took 90 s: the user speaks at 2/3 the default pace.
    words, chars = 65, 110  # 30 s + 30 s at the defaults
    rates = measured_rates([SpeechSample(words, chars, 90_000)])
    assert rates.words_per_minute == pytest.approx(130 * 2 / 3)
    assert rates.cjk_chars_per_minute == pytest.approx(220 * 2 / 3)


def test_measured_rates_solve_the_missing_language_from_mixed_laps():
    rates = measured_rates([SpeechSample(120, 0, 60_000), SpeechSample(60, 200, 90_000)])
    assert rates.words_per_minute == pytest.approx(120)
    assert rates.cjk_chars_per_minute == pytest.approx(200 / 1.0)  # 90 s - 30 s for the words


def test_taps_and_empty_laps_do_not_count():
    defaults = Rates()
    assert measured_rates([SpeechSample(100, 0, 500), SpeechSample(0, 0, 60_000)], defaults) is defaults
    absurd = measured_rates([SpeechSample(5000, 0, 4000)])
    assert absurd.words_per_minute == 400  # clamped


def test_format_duration():
    assert format_duration(0) == "0:00"
    assert format_duration(59.6) == "1:00"
    assert format_duration(485) == "8:05"
    assert format_duration(-3) == "0:00"
    assert format_duration(3725) == "1:02:05"
