"""People's names by BibTeX's rules, their role marks, and "which author is me".

A stored author is one BibTeX name in any of its three forms ("First von Last", "von Last,
First", "von Last, Jr, First"), split by bibtexparser's own splitter; the CV shows it first
name first ("Rob van der Goot", "Martin Luther King Jr."). paperdeck stores names first name
first with no comma (the paper form separates authors by commas), so a trailing "Jr.", "Sr.",
"II"... of a name without commas is read as its Jr part, as people mean it.

Role marks glued to names in real .bib files ("Wu*, Zhaomin", "Deng†, Shuiguang",
"Li$^*$", "\\textsuperscript{\\dag}") become equal-contribution (*) and corresponding-author
(†) indices; other marks (‡ § ¶) are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

# Marks in raw BibTeX (LaTeX) and decoded form. Order matters: \dagger before \dag.
_EQUAL = re.compile(r"\$\^\{?\\?\*\}?\$|\\textsuperscript\{\\?\*\}|\^\{?\*\}?|\*")
_CORRESPONDING = re.compile(
    r"\$\^\{?\\dag(?:ger)?\}?\$|\\textsuperscript\{\\dag(?:ger)?\}|\\textdagger(?:\{\})?|\\dag(?:ger)?\b(?:\{\})?|†"
)
_OTHER_MARKS = re.compile(r"\$\^\{?\\ddag(?:ger)?\}?\$|\\textdaggerdbl(?:\{\})?|\\ddag(?:ger)?\b(?:\{\})?|[‡§¶]")
_JR = re.compile(r"^(jr|sr|ii|iii|iv|v)\.?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Name:
    first: str = ""
    von: str = ""
    last: str = ""
    jr: str = ""

    @property
    def display(self) -> str:
        """First name first, as a CV writes it: "Rob van der Goot", "Martin Luther King Jr."."""
        return " ".join(part for part in (self.first, self.von, self.last, self.jr) if part)

    @property
    def stored(self) -> str:
        """How paperdeck keeps it: first name first, reading back as the same parts; a last
        name BibTeX would split otherwise keeps its braces ("Per {Brinch Hansen}")."""
        plain = self.display
        if parse_name(plain) == self:
            return plain
        last = f"{{{self.last}}}" if self.last else ""
        return " ".join(part for part in (self.first, self.von, last, self.jr) if part)

    @property
    def bibtex(self) -> str:
        """BibTeX's unambiguous form: "van der Goot, Rob", "King, Jr., Martin Luther"."""
        von_last = " ".join(part for part in (self.von, self.last) if part)
        return ", ".join(part for part in (von_last, self.jr, self.first) if part)


def parse_name(text: str, decode: Callable[[str], str] | None = None) -> Name:
    """One name by BibTeX's rules (braces group words; never raises). A trailing Jr of a name
    without commas ("Martin Luther King Jr.") and "First Last, Jr." are read as the suffix.
    `decode` turns each part's LaTeX into text ({\\"O}zge -> Özge); braces go either way."""
    from bibtexparser.middlewares.names import parse_single_name_into_parts

    text = re.sub(r"\s+", " ", text or "").strip()
    if not text:
        return Name()
    parts = [part.strip() for part in _split_commas(text)]
    if len(parts) == 2 and _JR.match(parts[1]) and " " in parts[0]:
        # "Martin Luther King, Jr.": a suffix, not "Last, First".
        head = parse_single_name_into_parts(parts[0], strict=False)
        return _name(head.first, head.von, head.last, [parts[1]], decode)
    if len(parts) == 1:
        words = text.split(" ")
        if len(words) >= 3 and _JR.match(words[-1]):
            head = parse_single_name_into_parts(" ".join(words[:-1]), strict=False)
            return _name(head.first, head.von, head.last, [words[-1]], decode)
    split = parse_single_name_into_parts(text, strict=False)
    return _name(split.first, split.von, split.last, split.jr, decode)


def _name(first: list[str], von: list[str], last: list[str], jr: list[str], decode=None) -> Name:
    def words(part: list[str]) -> str:
        text = " ".join(part)
        if decode is not None:
            text = decode(text)
        return re.sub(r"\s+", " ", text.replace("{", "").replace("}", "")).strip()

    return Name(words(first), words(von), words(last), words(jr))


def _split_commas(text: str) -> list[str]:
    """Split at commas outside braces."""
    parts, depth, current = [], 0, []
    for char in text:
        depth += (char == "{") - (char == "}")
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


@lru_cache(maxsize=16384)
def parsed_name(stored: str) -> Name:
    """parse_name of a stored (decoded) name, remembered: a resume of a few hundred papers
    asks about the same few thousand names again and again, and every paper's cite key
    about its first author (a database of 10,000 papers has a few hundred of them)."""
    return parse_name(stored)


def display_name(stored: str) -> str:
    """A stored author as the CV shows it."""
    name = parsed_name(stored)
    return name.display or stored.strip()


def bibtex_name(stored: str) -> str:
    """A stored author in BibTeX's "von Last, Jr, First" form (one word stays as it is)."""
    name = parsed_name(stored)
    return name.bibtex or stored.strip()


@dataclass(frozen=True, slots=True)
class MarkedName:
    text: str                  # the name with its marks removed
    equal: bool                # * : equal contribution
    corresponding: bool        # † : corresponding author


def strip_marks(raw: str) -> MarkedName:
    """Take role marks off one name ("Wu†, Zhaomin" -> "Wu, Zhaomin", corresponding)."""
    corresponding = bool(_CORRESPONDING.search(raw))
    text = _CORRESPONDING.sub("", raw)
    text = _OTHER_MARKS.sub("", text)
    equal = bool(_EQUAL.search(text))
    text = _EQUAL.sub("", text)
    text = re.sub(r"\{\s*\}", "", text)             # an emptied \textsuperscript{}
    text = re.sub(r"\s+,", ",", re.sub(r"\s+", " ", text)).strip().strip(",").strip()
    return MarkedName(text, equal, corresponding)


# -- is it me? -----------------------------------------------------------------------------------

def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


_SEPARATORS = re.compile(r"[\s,.{}\-'’*†‡]+")


@lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in _SEPARATORS.split(_fold(text)) if t)


def name_key(name: str) -> tuple[str, ...]:
    """Order- and accent-insensitive tokens: "Zhang, San" == "San Zhang" == "san zhang"."""
    return tuple(sorted(_tokens(name)))


def _initials_fit(mine: Sequence[str], theirs: Sequence[str]) -> bool:
    """First names agree, one side possibly as initials: "Philip S." ~ "P. S." ~ "P."."""
    if not mine or not theirs:
        return False
    for a, b in zip(mine, theirs):
        if a == b:
            continue
        if (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
            continue
        return False
    abbreviated = any(len(t) == 1 for t in (*mine, *theirs))
    return abbreviated or len(mine) == len(theirs)


def same_person(author: str, me: str) -> bool:
    """Whether the author `author` is the person `me` names: the same words in any order, or
    the same last name with first names that agree, initials allowed ("Z. Wu" ~ "Zhaomin Wu")."""
    if not me.strip() or not author.strip():
        return False
    if name_key(author) == name_key(me):
        return True
    b = parsed_name(me)
    last_b = _tokens(f"{b.von} {b.last}")
    if not last_b or not set(last_b) <= set(_tokens(author)):
        return False  # my last name is not among its words: not me, without parsing it
    a = parsed_name(author)
    last_a = _tokens(f"{a.von} {a.last}")
    return last_a == last_b and _initials_fit(_tokens(b.first), _tokens(a.first))


def split_names(text: str) -> list[str]:
    """A name and its other spellings after ";" ("San Zhang; Zhang S.; 张三"), each trimmed."""
    return [name.strip() for name in (text or "").split(";") if name.strip()]


def find_me(authors: Sequence[str], names: Iterable[str]) -> int | None:
    """The index of the first author that is one of `names` (my name and its aliases)."""
    wanted = [name for name in names if name and name.strip()]
    if not wanted:
        return None
    for index, author in enumerate(authors):
        if any(same_person(author, name) for name in wanted):
            return index
    return None
