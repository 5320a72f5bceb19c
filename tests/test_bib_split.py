"""The .bib fast path (domain/bib_split.py) against bibtexparser, entry by entry and field by
field: on every real .bib file, on hostile inputs and on random damage to a plain file. Where
the fast path takes a file, it must give what bibtexparser gives; where it does not, the file
goes to bibtexparser, so parse_bibtex's answer must be the same either way."""

from __future__ import annotations

import random
from pathlib import Path

import bibtexparser
import pytest

from paperdeck.domain.bib_split import split_simple
from paperdeck.domain.bibtex import parse_bibtex

DATA = Path(__file__).parent / "data" / "bib"
SHARED = Path("/work/shared/testdata/bib")
REAL_FILES = sorted(DATA.glob("*.bib")) + (sorted(SHARED.glob("*.bib")) if SHARED.is_dir() else [])

PLAIN = """@inproceedings{doe2024,
  title = {A {BERT} Study of \\"Uber Models},
  editor = "Smith, Ann  and
      Li, Wei",
  month = sep,
  author = {Doe, Jane and M{\\"u}ller, Hans},
  booktitle = {Proceedings of ACL 2024},
  year = 2024,
}

@article{roe2023,
  title={Second}, journal={TACL},year={2023}}
"""

# Each is a whole file; a name says what it tries.
HOSTILE = {
    "unbalanced open brace": "@article{a,\n title = {Open {brace},\n year = {2020}\n}\n@article{b, title={B}}\n",
    "unbalanced close brace": "@article{a,\n title = {Close} brace}},\n year = {2020}\n}\n",
    "never closed": "@article{a,\n title = {Never closed\n",
    "string macro": "@string{acl = {Association for Computational Linguistics}}\n@inproceedings{a, title={T}, booktitle=acl}\n",
    "comment block": "@comment{ignore @article{x, title={X}} }\n@article{a, title={A}}\n",
    "Comment mixed case": "@Comment{x}\n@article{a, title={A}}\n",
    "commentary type": "@commentary{a, title={A}}\n",
    "preamble": "@preamble{\"\\newcommand{\\noop}[1]{}\"}\n@article{a, title={A}}\n",
    "quoted values": "@article{a, title = \"Quoted {Title}\", year = \"2020\"}\n",
    "quote inside braces": "@article{a, title = {Say \"hi\" now}, note={{\"}}}\n",
    "quote escaped in braces": "@article{a, title = \"A {\"} quote\", year = 2020}\n",
    "quote after a backslash": "@article{a, title = \"A \\\" quote\", year = 2020}\n",
    "quote ending in a backslash": "@article{a, title = \"A\\\", year = \"2020\"}\n",
    "quote ending in a brace": "@article{a, title = \"A {\", year = \"}\"}\n",
    "unbalanced braces in quotes": "@article{a, title = \"A { b\", note = \"c } d\"}\n",
    "at line start in quotes": "@article{a, title = \"A\n@book{b, title={B}}\n\"}\n",
    "quoted multi-line names": "@inproceedings{a,\n    author = \"Gao, Silin  and\n      Zhang, Yichi\",\n    title = \"{MAKIE}val\"\n}\n",
    "empty quotes": "@article{a, title = {T}, note = \"\"}\n",
    "concatenation": "@article{a, title = {A} # {B}, year = 2020}\n",
    "bare month": "@article{a, title = {A}, month = jan}\n",
    "paren delimited": "@article(a, title = {A}, year = 2020)\n",
    "duplicate entry key": "@article{a, title={A}}\n@article{a, title={A again}}\n",
    "duplicate key other case": "@article{Key, title={A}}\n@article{key, title={B}}\n",
    "duplicate field": "@article{a, title={A}, title={B}}\n",
    "field names differing in case": "@article{a, Title={A}, title={B}, YEAR={2021}}\n",
    "no fields": "@misc{lonely}\n@misc{empty,}\n",
    "missing comma after key": "@article{a title={A}}\n",
    "missing equals": "@article{a, title {A}}\n",
    "CJK and emoji": "@article{zh2024,\n title = {大语言模型的对齐 🚀 研究},\n author = {张, 伟 and 李, 娜},\n year = {2024}\n}\n",
    "control characters": "@article{c,\n title = {Bell\x07 and \x1b[31mescape\x1b[0m \x00nul},\n year = {2020}\n}\n",
    "rich markup": "@article{r,\n title = {[red]Red[/red] and [/] and [bold]x},\n note = {[link=http://x]y[/link]}\n}\n",
    "at mid-line in a value": "@misc{m, title = {LeQua @ {CLEF} 2024}, note = {mail me@example.org}}\n",
    "at line start in a value": "@misc{m, title = {First\n@article{inner, title={I}}\n}}\n",
    "at line start after spaces": "@misc{m, title = {First\n   @book{b, x}\n}}\n",
    "text between entries": "% my papers\n@article{a, title={A}}\nsome words\n@article{b, title={B}}\n",
    "email between entries": "% contact me@example.org\n@article{a, title={A}}\n",
    "escaped braces": "@article{a, title = {Set \\{x\\} and \\}}, year={2020}}\n",
    "backslash before newline": "@article{a,\n title = {Line one \\\\\n line two \\\n three},\n year = {2020}\n}\n@article{b,\n title = {B}\n}\n",
    "latex accents and math": "@article{a, title = {{\\\"O}zge's $\\alpha$-Net -- {\\'e}t{\\'e} \\& more}, author={G{\\\"o}del, Kurt}}\n",
    "bad latex": "@article{a, title = {Broken \\textbf{ and \\unknowncommand{x} $unclosed}}\n",
    "crlf": "@article{a,\r\n  title = {Windows},\r\n  year = {2020}\r\n}\r\n",
    "bom and unicode spaces": "\ufeff@article{a,\u3000title\xa0=\u2003{Spaces},\x1cyear = {2020}\x85}\n",
    "unicode key": "@article{ключ2024, title={Key}}\n",
    "digits then junk": "@article{a, title={A}, year = 2020 2021}\n",
    "unicode digits": "@article{a, title={A}, year = ２０２０}\n",
    "space before brace": "@article \t{a, title={A}}\n",
    "newline before brace": "@article\n{a, title={A}}\n",
    "empty type": "@{a, title={A}}\n",
    "deep nesting": "@article{a, title = {" + "{" * 50 + "deep" + "}" * 50 + "}}\n",
    "empty value": "@article{a, title = {}, note={ }}\n",
    "no title": "@article{a, year = {2020}}\n",
    "id and entrytype fields": "@article{a, title={A}, ID={other}, ENTRYTYPE={book}}\n",
    "trailing garbage": "@article{a, title={A}}}}\n",
    "only text": "just some text, no entries\n",
    "empty": "",
    "huge value": "@article{a, title = {" + "x" * 200_000 + "}}\n",
}


def bibtexparser_entries(text: str):
    """bibtexparser's entries after its default middlewares, and whether it failed anywhere."""
    library = bibtexparser.parse_string(text)
    entries = [(e.entry_type, e.key, e.start_line, [(f.key, f.value) for f in e.fields]) for e in library.entries]
    return entries, bool(library.failed_blocks)


def fast_entries(text: str):
    simple = split_simple(text)
    if simple is None:
        return None
    return [(e.entry_type, e.key, e.start_line, list(e.fields)) for e in simple]


def assert_same(text: str) -> bool:
    """The fast path (if it takes `text`) equals bibtexparser; parse_bibtex equals either way.
    True when the fast path took the text."""
    fast = fast_entries(text)
    if fast is not None:
        expected, failed = bibtexparser_entries(text)
        assert not failed
        assert fast == expected
    assert parse_bibtex(text, "f.bib") == parse_bibtex(text, "f.bib", fast=False)
    return fast is not None


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_real_files_parse_the_same(path):
    assert_same(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_input_parses_the_same(name):
    assert_same(HOSTILE[name])


def test_the_fast_path_is_taken_where_it_should_be():
    # Else the comparisons above could pass by never taking it.
    taken = {name for name, text in HOSTILE.items() if fast_entries(text) is not None}
    assert {"CJK and emoji", "control characters", "rich markup", "at mid-line in a value", "escaped braces",
            "backslash before newline", "latex accents and math", "crlf", "bom and unicode spaces",
            "field names differing in case", "text between entries", "deep nesting", "empty value",
            "no title", "id and entrytype fields", "huge value", "only text", "empty", "space before brace"} <= taken
    assert {"quoted values", "bare month", "quote inside braces", "unicode digits", "unbalanced braces in quotes",
            "quoted multi-line names"} <= taken
    for refused in ("string macro", "comment block", "concatenation", "paren delimited",
                    "duplicate entry key", "duplicate field", "no fields", "at line start in a value", "unbalanced open brace",
                    "never closed", "email between entries", "newline before brace", "empty type",
                    "quote escaped in braces", "quote after a backslash", "quote ending in a backslash"):
        assert refused not in taken
    assert assert_same(PLAIN)


def test_a_bench_shaped_file_takes_the_fast_path_and_parses_the_same():
    # The shape of benchmarks/commands.py's import file.
    text = "\n".join(
        f"@inproceedings{{bench{n},\n  title = {{Benchmark Paper Number {n} on Scaling Imports}},\n"
        f"  author = {{Doe, Jane and Roe, Richard and Zhang, Wei}},\n"
        f"  booktitle = {{Proceedings of BENCH {2020 + n % 6}}},\n  year = {{{2020 + n % 6}}},\n}}\n"
        for n in range(300))
    assert assert_same(text)


def _damaged(rng: random.Random, base: str) -> str:
    marks = list("{}\"@,=#()\\\n %") + ["@article{", "\\\n", "\n@", "} ", "中", "🚀", "\x1b", "[red]", "\u3000"]
    text = list(base)
    for _ in range(rng.randint(1, 4)):
        where = rng.randrange(len(text) + 1)
        action = rng.random()
        if action < 0.6:
            text.insert(where, rng.choice(marks))
        elif where < len(text):
            if action < 0.8:
                del text[where]
            else:
                text.insert(where, text[where])
    return "".join(text)


@pytest.mark.parametrize("seed", range(6))
def test_random_damage_parses_the_same(seed):
    """A plain file with characters that matter to BibTeX inserted, dropped or doubled."""
    rng = random.Random(seed)
    base = PLAIN + PLAIN.replace("doe2024", "doe2024b").replace("roe2023", "roe2023b")
    taken = sum(assert_same(_damaged(rng, base)) for _ in range(80))
    assert taken >= 10  # some damage still leaves plain entries: those were compared


@pytest.mark.parametrize("value", ["Non\\-breaking", "Cost \\$5", "Math $x^2$", "A~B", "50\\% off", "Pages 1--2",
                                   "``Quoted''", "It's a dash-ed word", "`single'", "no latex at all"])
def test_each_latex_trigger_is_decoded_as_bibtexparser_decodes_it(value):
    """The decoding is skipped for values without LaTeX: never for one with it (on either path)."""
    from bibtexparser.middlewares import LatexDecodingMiddleware

    from paperdeck.domain.bibtex import clean

    text = f"@article{{a,\n  title = {{{value}}},\n  journal = {{{value}}},\n  note = {{{value}}}\n}}\n"
    stock = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()]).entries[0]
    assert split_simple(text) is not None  # the fast path takes it
    for fast in (True, False):
        paper = parse_bibtex(text, "f.bib", fast=fast).papers[0]
        assert paper.title == clean(stock["title"])
