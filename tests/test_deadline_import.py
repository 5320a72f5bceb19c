"""Importing the three public trackers' real files, quirks and all (shared/testdata/deadlines)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from paperdeck.models.venues import DeadlineKind
from paperdeck.domain.trackers import parse_data, parse_date_range, EntryError
from paperdeck.usecases.imports import ImportRefused, prepare

REPO = Path(__file__).resolve().parents[1]


def _testdata() -> Path:
    for candidate in (REPO.parent / "shared" / "testdata", REPO.parents[1] / "shared" / "testdata",
                      Path("/work/shared/testdata")):
        if (candidate / "deadlines").is_dir():
            return candidate / "deadlines"
    pytest.skip("shared/testdata is not beside this checkout")


def parse_file(path):
    """One tracker file read and parsed by the import's own reader and parser."""
    return prepare("deadlines", [str(path)]).parsed[0][1]


@pytest.fixture
def deadlines_dir() -> Path:
    return _testdata()


def _skipped(result):
    return [(p.entry, p.message) for p in result.problems if p.skipped]


def test_ai_deadlines_flat_file(deadlines_dir):
    result = parse_file(deadlines_dir / "ai-deadlines" / "conferences.yml")
    assert result.format == "ai-deadlines"
    assert result.entries == 169
    skipped = _skipped(result)
    assert len(skipped) == 2
    assert skipped[0][0] == "CIKM 2024 (CIKM24)" and "'data'" in skipped[0][1] and "'date'" in skipped[0][1]
    assert skipped[1][0] == "NeurIPS 2024 (neurips24)" and "before it starts" in skipped[1][1]
    warnings = [p for p in result.problems if not p.skipped]
    assert [w.entry for w in warnings] == ["MM 2024 (mm24)"]
    assert "after the paper deadline" in warnings[0].message
    assert all(p.file.endswith("conferences.yml") for p in result.problems)
    # 167 entries imported: each has a paper deadline; 70 have an abstract, less CIKM and NeurIPS 2024.
    papers = [d for d in result.deadlines if d.kind is DeadlineKind.PAPER]
    abstracts = [d for d in result.deadlines if d.kind is DeadlineKind.ABSTRACT]
    assert len(papers) == 167 and len(abstracts) == 68
    # "2022-5-13" (ISMIR 2022) is read, not rejected.
    ismir = next(d for d in abstracts if d.venue_name == "ISMIR" and d.edition_year == 2022)
    assert ismir.at == datetime(2022, 5, 14, 11, 59, 59, tzinfo=timezone.utc)


def test_hugging_face_files(deadlines_dir):
    neurips = parse_file(deadlines_dir / "huggingface-ai-deadlines" / "neurips.yml")
    assert neurips.format == "huggingface" and neurips.problems == []
    paper_2026 = next(d for d in neurips.deadlines if d.edition_year == 2026 and d.kind is DeadlineKind.PAPER)
    assert paper_2026.at == datetime(2026, 5, 7, 11, 59, 59, tzinfo=timezone.utc)
    assert paper_2026.tz_label == "AoE"
    rebuttals = [d for d in neurips.deadlines if d.edition_year == 2026 and d.kind is DeadlineKind.REBUTTAL]
    assert [d.ordinal for d in rebuttals] == [1, 2]
    # naacl.yml still uses top-level deadline/timezone.
    naacl = parse_file(deadlines_dir / "huggingface-ai-deadlines" / "naacl.yml")
    assert [(d.edition_year, d.kind) for d in naacl.deadlines if d.kind is DeadlineKind.PAPER] == [
        (2025, DeadlineKind.PAPER), (2027, DeadlineKind.PAPER)]
    # AAAI 2027 has no deadlines yet: only its conference dates; ICLR's unquoted dates load as dates.
    aaai = parse_file(deadlines_dir / "huggingface-ai-deadlines" / "aaai.yml")
    assert {d.kind for d in aaai.deadlines if d.edition_year == 2027} == {
        DeadlineKind.CONFERENCE_START, DeadlineKind.CONFERENCE_END}
    iclr = parse_file(deadlines_dir / "huggingface-ai-deadlines" / "iclr.yml")
    start = next(d for d in iclr.deadlines if d.kind is DeadlineKind.CONFERENCE_START and d.edition_year == 2026)
    assert start.on_date == date(2026, 4, 23) and start.at is None
    for name in ("aaai", "acl", "colm", "cvpr", "emnlp", "icml", "ijcai", "kdd"):
        result = parse_file(deadlines_dir / "huggingface-ai-deadlines" / f"{name}.yml")
        assert _skipped(result) == [], name
        assert result.deadlines, name


def test_ccf_files(deadlines_dir):
    acl = parse_file(deadlines_dir / "ccf-deadlines" / "AI" / "acl.yml")
    assert acl.format == "ccf-deadlines" and acl.entries == 6
    assert _skipped(acl) == [("ACL 2027 (acl27), timeline #1", "deadline: 'TBD' is not a date")]
    # ACL 2022: three ARR-era deadlines, each its own row; ACL 2027 keeps its conference dates.
    acl_2022 = [d for d in acl.deadlines if d.edition_year == 2022 and d.kind is DeadlineKind.PAPER]
    assert [d.ordinal for d in acl_2022] == [1, 2, 3]
    assert acl_2022[0].at.year == 2021  # an edition's year is not its deadline's year
    assert {d.kind for d in acl.deadlines if d.edition_year == 2027} == {
        DeadlineKind.CONFERENCE_START, DeadlineKind.CONFERENCE_END}
    icml = parse_file(deadlines_dir / "ccf-deadlines" / "AI" / "icml.yml")
    opened = [p for p in icml.problems if "submissions opened" in p.message]
    assert [p.entry for p in opened] == ["ICML 2023 (icml23), timeline #1"] and not opened[0].skipped
    assert not [d for d in icml.deadlines if d.edition_year == 2023 and d.kind is DeadlineKind.ABSTRACT]
    assert [d for d in icml.deadlines if d.edition_year == 2025 and d.kind is DeadlineKind.ABSTRACT]
    nips = parse_file(deadlines_dir / "ccf-deadlines" / "AI" / "nips.yml")
    assert nips.problems == []
    start = [d for d in nips.deadlines if d.kind is DeadlineKind.CONFERENCE_START]
    assert len(start) == 6


def test_schema_and_types_files_are_refused_as_a_whole(deadlines_dir):
    result = parse_file(deadlines_dir / "ccf-deadlines" / "conference-yaml-schema.yml")
    assert len(result.problems) == 1 and result.problems[0].entry == "(file)"
    assert result.deadlines == []


@pytest.mark.parametrize(("text", "expected"), [
    ("December 5-14, 2021", (date(2021, 12, 5), date(2021, 12, 14))),
    ("November 28-December 9, 2022", (date(2022, 11, 28), date(2022, 12, 9))),
    ("July 27 - August 1, 2025", (date(2025, 7, 27), date(2025, 8, 1))),
    ("May 01-05, 2026", (date(2026, 5, 1), date(2026, 5, 5))),
    ("December 6, 2026", (date(2026, 12, 6), None)),  # a start: no one-day conference invented
    ("TBD", None),
])
def test_conference_date_ranges(text, expected):
    assert parse_date_range(text) == expected


def test_conference_date_range_errors():
    for text in ("Smarch 3-4, 2024", "December 9-3, 2024", "February 30, 2025"):
        with pytest.raises(EntryError):
            parse_date_range(text)


def test_malformed_entries_each_reported_and_skipped():
    data = [
        {"title": "Good", "year": 2026, "deadline": "2026-03-01 23:59", "timezone": "AoE"},
        {"title": "Tbd", "year": 2026, "deadline": "TBA", "timezone": "AoE"},
        {"title": "Zone", "year": 2026, "deadline": "2026-03-01 23:59", "timezone": "Mars/Base"},
        {"title": "Bad", "year": 2026, "deadline": "2026-02-30 23:59", "timezone": "UTC"},
        {"title": "NoYear", "year": "soon", "deadline": "2026-03-01", "timezone": "UTC"},
        {"title": "[red]Markup[/]", "year": 2026, "deadline": "2026-03-01", "timezone": "UTC+8"},
        {"title": "Typo", "year": 2026, "deadlin": "2026-03-01", "timezone": "UTC"},
    ]
    result = parse_data(data, "mine.yml")
    assert [p.entry.split(" ")[0] for p in result.problems] == ["Tbd", "Zone", "Bad", "NoYear", "Typo"]
    assert {d.venue_name for d in result.deadlines} == {"Good", "[red]Markup[/]"}
    markup = next(d for d in result.deadlines if d.venue_name.startswith("["))
    assert markup.at is None and markup.on_date == date(2026, 3, 1)  # date-only stays date-only


@pytest.mark.parametrize("data", [None, {}, [], "text", [1, 2], [{"nothing": 1}]])
def test_files_of_another_shape(data):
    result = parse_data(data, "x.yml")
    assert result.deadlines == [] and result.problems and result.problems[0].entry == "(file)"


def test_unreadable_files(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("- title: [unclosed\n", "utf-8")
    assert "not valid YAML" in parse_file(broken).problems[0].message
    binary = tmp_path / "binary.yml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ImportRefused, match="binary.yml: not a text file"):
        parse_file(binary)
    with pytest.raises(ImportRefused, match="missing.yml: no such file"):
        parse_file(tmp_path / "missing.yml")
