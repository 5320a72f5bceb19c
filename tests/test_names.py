"""Names by BibTeX's rules (bibtexparser's splitter), role marks, and which author is me."""

from __future__ import annotations

import pytest

from paperdeck.domain.bibtex import parse_author_field
from paperdeck.domain.names import bibtex_name, display_name, find_me, parse_name, same_person, strip_marks


@pytest.mark.parametrize("written, display, bibtex", [
    ("van der Goot, Rob", "Rob van der Goot", "van der Goot, Rob"),
    ("Rob van der Goot", "Rob van der Goot", "van der Goot, Rob"),
    ("{van der Goot}, Rob", "Rob van der Goot", "van der Goot, Rob"),
    ("de La Fontaine, Jean", "Jean de La Fontaine", "de La Fontaine, Jean"),
    ("King, Jr., Martin Luther", "Martin Luther King Jr.", "King, Jr., Martin Luther"),
    ("Martin Luther King, Jr.", "Martin Luther King Jr.", "King, Jr., Martin Luther"),
    ("Martin Luther King Jr.", "Martin Luther King Jr.", "King, Jr., Martin Luther"),
    ("Yu, Philip S.", "Philip S. Yu", "Yu, Philip S."),
    ("Brinch Hansen, Per", "Per Brinch Hansen", "Brinch Hansen, Per"),
    ("吴兆民", "吴兆民", "吴兆民"),
    ("{Barack Obama Foundation}", "Barack Obama Foundation", "Barack Obama Foundation"),
])
def test_bibtex_name_forms(written, display, bibtex):
    assert display_name(written) == display
    assert bibtex_name(written) == bibtex
    # What paperdeck stores reads back as the same parts; the CV shows it without braces.
    stored = parse_name(written).stored
    assert parse_name(stored) == parse_name(written) and display_name(stored) == display


@pytest.mark.parametrize("raw, text, equal, corresponding", [
    ("Wu†, Zhaomin", "Wu, Zhaomin", False, True),
    ("Wu*, Zhaomin", "Wu, Zhaomin", True, False),
    ("Li$^*$, Si", "Li, Si", True, False),
    ("Li$^{*}$, Si", "Li, Si", True, False),
    (r"Li\textsuperscript{*}, Si", "Li, Si", True, False),
    (r"Deng\dag, Shuiguang", "Deng, Shuiguang", False, True),
    (r"Deng$^\dagger$, Shuiguang", "Deng, Shuiguang", False, True),
    ("Wu*†, Zhaomin", "Wu, Zhaomin", True, True),
    ("Wang‡, Xin", "Wang, Xin", False, False),
    ("Plain, Name", "Plain, Name", False, False),
])
def test_role_marks_come_off_names(raw, text, equal, corresponding):
    marked = strip_marks(raw)
    assert (marked.text, marked.equal, marked.corresponding) == (text, equal, corresponding)


def test_author_field_keeps_raw_names_and_decodes_accents():
    field = parse_author_field(r'Guo, Jizhou and Wu†, Zhaomin and {\"O}zge Alacam and {van der Goot}, Rob and others')
    assert field.authors == ["Jizhou Guo", "Zhaomin Wu", "Özge Alacam", "Rob {van der Goot}", "et al."]
    assert [display_name(name) for name in field.authors][3] == "Rob van der Goot"
    assert field.raw == ["Guo, Jizhou", "Wu, Zhaomin", r'{\"O}zge Alacam', "{van der Goot}, Rob", "others"]
    assert (field.equal, field.corresponding) == ([], [1])
    # "and" inside braces is part of a name, not a separator.
    assert parse_author_field("{Barnes and Noble}, Inc and Smith, A").authors == ["Inc {Barnes and Noble}", "A Smith"]


@pytest.mark.parametrize("author, me, expected", [
    ("Zhaomin Wu", "Zhaomin Wu", True),
    ("Wu, Zhaomin", "Zhaomin Wu", True),
    ("Wu Zhaomin", "Zhaomin Wu", True),         # family name first, as many Chinese names are written
    ("Z. Wu", "Zhaomin Wu", True),               # initials
    ("Wu, Z.", "Zhaomin Wu", True),
    ("Zhiyuan Wu", "Zhaomin Wu", False),
    ("Philip S. Yu", "P. Yu", True),
    ("Anne-Marie Lutgen", "A.-M. Lutgen", True),
    ("José Müller", "Jose Muller", True),        # accents do not matter
    ("Rob van der Goot", "R. van der Goot", True),
    ("Rob Goot", "Rob van der Goot", False),
    ("吴兆民", "吴兆民", True),
    ("吴兆", "吴兆民", False),
])
def test_same_person(author, me, expected):
    assert same_person(author, me) is expected


def test_find_me_uses_my_name_and_aliases():
    authors = ["Jizhou Guo", "吴兆民", "Hanchen Yang"]
    assert find_me(authors, ["Zhaomin Wu"]) is None
    assert find_me(authors, ["Zhaomin Wu", "吴兆民"]) == 1
    assert find_me(authors, []) is None and find_me(authors, ["  "]) is None
