"""A large tracker file's YAML read, and its entries made deadlines, on two cores
(usecases/imports/split_load.py): the same deadlines, problems and messages as reading it
whole, whatever the file holds. Real files, real CLI."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from paperdeck.domain import bibtex, safe_yaml
from paperdeck.domain.trackers import parse_text
from paperdeck.usecases.imports import split_load


def entry(n: int, date: str | None = None) -> str:
    year = 2010 + n % 20
    date = f"'{year - 1}-05-17 23:59:59'" if date is None else date
    return (f"- title: SPLIT{n // 20}\n  year: {year}\n  id: split{n // 20}-{year}\n"
            f"  full_name: Split Conference {n // 20}\n  link: https://split{n}.example.org\n"
            "  deadlines:\n  - type: submission\n    label: Paper Submission\n"
            f"    date: {date}\n    timezone: AoE\n"
            f"  start: {year}-07-20\n  end: {year}-07-24\n")


def flat_entry(n: int, title: str) -> str:
    """An ai-deadlines (paperswithcode) entry: its deadline a top-level field, no list."""
    year = 2010 + n % 20
    return (f"- title: {title}\n  year: {year}\n  id: {title.lower()}{n}\n  full_name: Flat {title}\n"
            f"  deadline: '{year - 1}-05-17 23:59:59'\n  timezone: UTC-12\n  note: entry {n}\n")


def tracker(entries: int = 1200) -> str:
    text = "".join(entry(n) for n in range(entries))
    assert len(text) > safe_yaml.SPLIT_MIN_CHARS
    return text


@pytest.fixture
def parts_read(monkeypatch, tmp_path) -> Path:
    """Each half's reader writes its process id to a file here (the child's too)."""
    folder = tmp_path / "parts"
    folder.mkdir()
    real = safe_yaml.load_part

    def load_part(text):
        (folder / f"{os.getpid()}-{len(text)}").touch()
        return real(text)

    monkeypatch.setattr(safe_yaml, "load_part", load_part)
    return folder


def pids(folder: Path) -> set[int]:
    return {int(path.name.split("-")[0]) for path in folder.iterdir()}


def only_thread() -> None:
    """A thread left by an earlier test (a background check finishing) keeps the child from
    being forked: wait for it, briefly."""
    for _ in range(100):
        if threading.active_count() == 1:
            return
        time.sleep(0.05)
    pytest.skip(f"other threads still run: {[t.name for t in threading.enumerate()]}")


def test_a_large_plain_file_is_read_on_two_cores_with_the_same_result(parts_read):
    text = tracker()
    only_thread()
    whole = parse_text(text, "big.yml")
    split = split_load.parse_tracker(text, "big.yml")
    assert split == whole
    assert len(split.deadlines) == 1200 * 3 and not split.problems
    assert pids(parts_read) - {os.getpid()}, "the second half was read in a child process"


def test_the_format_is_told_by_both_halves():
    """Each half alone names one conference (so each would read as Hugging Face's per-series
    file); the whole names two, without deadline lists: paperswithcode's ai-deadlines."""
    first, _second = safe_yaml.halves("".join(flat_entry(n, "FIRST") for n in range(2000)))
    cut = first.count("\n- ") + 1  # entries in the first half (a title of the same length cuts alike)
    text = "".join(flat_entry(n, "FIRST" if n < cut else "LATER") for n in range(2000))
    first, second = safe_yaml.halves(text)
    assert "LATER" not in first and "FIRST" not in second
    only_thread()
    whole = parse_text(text, "flat.yml")
    assert whole.format == "ai-deadlines" and {d.source for d in whole.deadlines} == {"ai-deadlines:flat.yml"}
    assert split_load.parse_tracker(text, "flat.yml") == whole


def test_halves_read_differently_read_the_whole_file():
    """A ccfddl series list cut where its entries give way to Hugging Face entries: the whole
    is neither, and says so as reading it whole does."""
    series = "".join(f"- title: CCF{n}\n  description: Series {n}\n  confs:\n  - year: 2025\n    id: ccf{n}25\n"
                     "    timeline:\n    - deadline: '2025-01-10 23:59:59'\n    timezone: AoE\n    date: March 3-5, 2025\n"
                     for n in range(1500))
    text = series + tracker()
    only_thread()
    assert split_load.parse_tracker(text, "mixed.yml") == parse_text(text, "mixed.yml")

def test_a_cut_inside_a_quoted_value_reads_the_whole_file(parts_read):
    """A double-quoted value may go on at the start of a line, even as '- ...': the first half
    ends inside it, is refused, and the whole text is read."""
    text = tracker()
    middle = text.find("\n- ", len(text) // 2)
    forced = text[:middle] + '\n  note: "over\n- the cut"' + text[middle:]
    first, _second = safe_yaml.halves(forced)
    assert first.endswith('"over\n')  # the cut falls inside the quotes
    assert split_load.parse_tracker(forced, "big.yml") == parse_text(forced, "big.yml")
    assert any(item.get("note") == "over - the cut" for item in safe_yaml.load(forced))


@pytest.mark.parametrize("damage, message", [
    ("  year: [unclosed\n", "not valid YAML at line"),
    ("  alias: *nowhere\n", "not"),
    ("  again: &a 1\n  other: *a\n", "alias"),
])
def test_a_problem_in_either_half_gives_the_same_message(damage, message):
    for where in (100, 1100):  # in the first half, in the second
        entries = [entry(n) for n in range(1200)]
        entries[where] += damage
        text = "".join(entries)
        whole = parse_text(text, "bad.yml")
        split = split_load.parse_tracker(text, "bad.yml")
        assert [str(p) for p in split.problems] == [str(p) for p in whole.problems]
        assert split == whole
        assert any(message in str(p) for p in whole.problems)


def test_no_child_while_another_thread_runs(parts_read):
    """Its locks would be copied held (and the other core is busy with it)."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        text = tracker()
        assert split_load.parse_tracker(text, "big.yml") == parse_text(text, "big.yml")
    finally:
        stop.set()
        other.join()
    assert pids(parts_read) == set()  # read whole, by load itself


def test_small_and_other_texts_are_read_whole(parts_read):
    for text in ("- title: A\n  year: 2020\n", "--- \n" + tracker(), "# a comment\n" + tracker(), "title: A\n" * 30000):
        assert split_load.parse_tracker(text, "some.yml") == parse_text(text, "some.yml")
    assert pids(parts_read) == set()


def test_cli_names_a_bad_entry_in_either_half_of_a_large_file(cli, tmp_path, db_path):
    entries = [entry(n) for n in range(1200)]
    entries[100] = entry(100, date="'TBD'")
    entries[1100] = entry(1100, date="'2024-13-40 25:00'")
    source = tmp_path / "big.yml"
    source.write_text("".join(entries), "utf-8")
    done = cli("import", "deadlines", "--db", str(db_path), str(source))
    assert done.returncode == 1, done.stderr
    problems = [line for line in done.stderr.splitlines() if line.startswith("paperdeck: ")]
    assert len(problems) == 2, done.stderr
    assert str(source) in problems[0] and "SPLIT5 2010 (split5-2010)" in problems[0] and "'TBD'" in problems[0]
    assert str(source) in problems[1] and "SPLIT55 2010 (split55-2010)" in problems[1]
    assert "3594 added, 0 updated, 0 unchanged, 2 skipped" in done.stdout, done.stdout  # a bad entry: all its rows


def test_cli_undoes_a_large_tracker_import_exactly(cli, tmp_path, db_path):
    import sqlite3

    def tables() -> dict[str, list[tuple]]:
        with sqlite3.connect(db_path) as conn:
            return {name: conn.execute(f"SELECT * FROM {name} ORDER BY id").fetchall() for name in ("venues", "deadlines")}

    assert cli("info", "--db", str(db_path)).returncode == 0  # the database made and seeded
    before = tables()
    source = tmp_path / "big.yml"
    source.write_text(tracker(), "utf-8")
    assert cli("import", "deadlines", "--db", str(db_path), str(source)).returncode == 0
    assert len(tables()["deadlines"]) == len(before["deadlines"]) + 3600
    undone = cli("import", "undo", "--db", str(db_path))
    assert undone.returncode == 0, undone.stderr
    assert tables() == before


def test_cli_imports_a_large_tracker_file_as_read_whole(cli, tmp_path, db_path):
    text = tracker()
    source = tmp_path / "big.yml"
    source.write_text(text, "utf-8")
    done = cli("import", "deadlines", "--db", str(db_path), str(source))
    assert done.returncode == 0, done.stderr
    expected = parse_text(text, "big.yml")
    assert f"({expected.format}, UTF-8, 1200 entries): 3600 added" in done.stdout
    again = cli("import", "deadlines", "--db", str(db_path), str(source))
    assert "0 added, 0 updated, 3600 unchanged" in again.stdout, again.stdout


# -- .bib files ------------------------------------------------------------------------------

def bib_entry(n: int, title: str | None = None) -> str:
    title = f"Split Paper Number {n} on Parsing" if title is None else title
    return (f"@inproceedings{{split{n},\n  title = {{{title}}},\n  author = {{Doe, Jane and Roe, Richard}},\n"
            f"  booktitle = {{Proceedings of SPLIT {2020 + n % 6}}},\n  year = {{{2020 + n % 6}}},\n}}\n\n")


def bib(entries: int = 1600, change=None) -> str:
    parts = [bib_entry(n) for n in range(entries)]
    if change:
        change(parts)
    text = "".join(parts)
    assert len(text) > bibtex.SPLIT_MIN_CHARS
    return text


@pytest.fixture
def bib_parts_read(monkeypatch, tmp_path) -> Path:
    folder = tmp_path / "bib-parts"
    folder.mkdir()
    real = bibtex.parse_plain

    def parse_plain(text, file="", first_line=0):
        (folder / f"{os.getpid()}-{first_line}").touch()
        return real(text, file, first_line)

    monkeypatch.setattr(bibtex, "parse_plain", parse_plain)
    return folder


def test_a_large_bib_file_is_parsed_on_two_cores_with_the_same_result(bib_parts_read):
    text = bib()
    only_thread()
    assert split_load.parse_bib(text, "big.bib") == bibtex.parse_bibtex(text, "big.bib")
    assert pids(bib_parts_read) - {os.getpid()}, "the second half was parsed in a child process"


def test_problems_in_the_second_half_name_the_lines_of_the_whole_file(bib_parts_read):
    def change(parts):
        parts[3] = parts[3].replace("\n  title = {", "\n  note = {a line \\\n break},\n  title = {", 1)  # not a new line to BibTeX
        parts[1500] = bib_entry(1500, title="")  # no title: a problem
        parts[1501] = parts[1501].replace("title = {Split", "titel = {Split")

    text = bib(change=change)
    only_thread()
    whole = bibtex.parse_bibtex(text, "big.bib")
    split = split_load.parse_bib(text, "big.bib")
    assert split == whole
    assert [p.entry for p in whole.problems] == ["split1500", "split1501"]
    assert whole.problems[0].line == text[:text.index("@inproceedings{split1500,")].count("\n")  # from 1; a backslash-newline is no line break to BibTeX
    assert pids(bib_parts_read) - {os.getpid()}


@pytest.mark.parametrize("how", ["same key in both halves", "an @ at a line's start inside a value at the cut"])
def test_a_file_that_is_not_plain_as_a_whole_is_parsed_whole(how):
    def change(parts):
        if how == "same key in both halves":
            parts[1500] = parts[1500].replace("{split1500,", "{split3,")
        else:  # a long value across the middle, with an `@` at a line's start after it
            parts.insert(len(parts) // 2, "@misc{long,\n  title = {Long},\n  abstract = {" + "x " * 5000
                         + "\n@misc{inside,\n  title = {x}\n}\n},\n}\n\n")

    text = bib(change=change)
    if how != "same key in both halves":
        first, _second, _line = bibtex.halves(text)
        assert first.endswith("x \n")  # the cut falls inside the value
    whole = bibtex.parse_bibtex(text, "odd.bib")
    assert split_load.parse_bib(text, "odd.bib") == whole


def test_cli_imports_a_large_bib_file_as_parsed_whole(cli, tmp_path, db_path):
    source = tmp_path / "big.bib"
    source.write_text(bib(), "utf-8")
    done = cli("import", "bib", "--db", str(db_path), str(source))
    assert done.returncode == 0, done.stderr
    assert "1600 entries: 1600 imported, 0 duplicates skipped, 0 malformed" in done.stdout
    again = cli("import", "bib", "--db", str(db_path), str(source))
    assert "1600 duplicates skipped" in again.stdout


@pytest.fixture
def slow_child(monkeypatch):
    """The child's half is read 0.3 s late: this process's half is done first."""
    parent = os.getpid()
    real = bibtex.parse_plain

    def parse_plain(text, file="", first_line=0):
        if os.getpid() != parent:
            time.sleep(0.3)
        return real(text, file, first_line)

    monkeypatch.setattr(bibtex, "parse_plain", parse_plain)


def test_work_given_for_meanwhile_runs_while_the_child_parses(slow_child):
    text = bib()
    only_thread()
    ran = []
    def meanwhile(answered):
        ran.append((os.getpid(), answered()))
        while not answered():  # it may look until the child's answer comes
            time.sleep(0.01)
        ran.append(answered())

    assert split_load.parse_bib(text, "big.bib", meanwhile) == bibtex.parse_bibtex(text, "big.bib")
    assert ran == [(os.getpid(), False), True]


def test_work_given_for_meanwhile_that_fails_changes_nothing(slow_child):
    def fails(answered):
        raise RuntimeError("the head start failed")

    text = bib()
    only_thread()
    assert split_load.parse_bib(text, "big.bib", fails) == bibtex.parse_bibtex(text, "big.bib")


def test_the_childs_half_is_used_not_parsed_again(monkeypatch):
    """Its papers come back as written (texts, numbers, None, lists, dicts): had the child failed,
    this process would parse the whole text itself."""
    def change(parts):
        parts[1500] = parts[1500].replace("title = {Split", "doi = {10.1/x},\n  url = {https://openreview.net/forum?id=1},\n"
                                          "  title = {Zoë's Split").replace("Doe, Jane", "Ölçer, Zoë")
    text = bib(change=change)
    whole = bibtex.parse_bibtex(text, "big.bib")
    only_thread()
    monkeypatch.setattr(bibtex, "parse_bibtex", lambda *args: pytest.fail("the whole text was parsed again"))
    split = split_load.parse_bib(text, "big.bib")
    assert split == whole
    assert split.papers[1500].doi == "10.1/x" and split.papers[1500].links and split.papers[1500].authors[0] == "Zoë Ölçer"
    assert split.papers[1500].source == whole.papers[1500].source and split.papers[1500].source["fields"]


def test_the_child_finds_what_it_parses_with_ready(tmp_path):
    """What a plain half is read with is imported and made before the fork (~20 ms the child,
    the parse's longer path, would spend again): the parse after it imports nothing."""
    import subprocess
    import sys

    source = tmp_path / "half.bib"
    source.write_text("".join(bib_entry(n) for n in range(51)), "utf-8")
    code = ("import sys; from paperdeck.domain import bibtex; bibtex.load_plain_parser(); before = set(sys.modules); "
            "part = bibtex.parse_plain(open(sys.argv[1], encoding='utf-8').read(), 'half.bib'); "
            "assert part is not None and len(part[0].papers) == 51, part; print(sorted(set(sys.modules) - before))")
    done = subprocess.run([sys.executable, "-c", code, str(source)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
