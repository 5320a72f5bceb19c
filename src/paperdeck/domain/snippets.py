"""Resume snippets: the guide's formats (one paper with bullets; Selected + Other list),
Markdown, LaTeX and BibTeX, built from a paper, its submission history and the user's name.

Pure: takes dataclasses, returns strings. `build_entry` decides what the pipeline says about a
paper (accepted -> venue and year; submitted -> "Under Review", with the history of venues
before it: "ACL ARR x2 / Under Review"); the `render_*` functions only format.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..i18n_words import FORMAT_NAMES as FORMAT_WORDS
from ..models.papers import RESUME_FORMATS as FORMATS, Paper, Stage, Submission

FORMAT_NAMES = {key: en for key, (_zh, en) in FORMAT_WORDS.items()}  # English; both in i18n_words

TRACK_LABELS = {
    "main": "Main conference",
    "findings": "Findings",
    "workshop": "Workshop",
    "industry": "Industry Track",
    "demo": "System Demonstrations",
    "short": "Short paper",
    "datasets-benchmarks": "Datasets and Benchmarks",
    "srw": "Student Research Workshop",
}
ACCEPTED, UNDER_REVIEW, PREPRINT, MANUSCRIPT = "accepted", "under_review", "preprint", "manuscript"
STATUS_ORDER = {ACCEPTED: 0, UNDER_REVIEW: 1, PREPRINT: 2, MANUSCRIPT: 3}


@dataclass(frozen=True, slots=True)
class ResumeEntry:
    paper_id: int
    title: str
    status: str                     # accepted | under_review | preprint | manuscript
    label: str                      # "EMNLP 2024", "ACL ARR x2 / Under Review", "arXiv 2024"
    venue: str | None = None
    year: int | None = None
    track: str | None = None        # display text: "Main conference", "Findings", ...
    award: str | None = None
    authors: tuple[str, ...] = ()
    my_index: int | None = None
    equal: frozenset[int] = field(default_factory=frozenset)
    bullets: tuple[str, ...] = ()
    selected: bool = False
    doi: str | None = None
    arxiv_id: str | None = None
    venue_full: str | None = None


def norm(text: str | None) -> str:
    return (text or "").strip().lower().replace("_", " ").replace("-", " ")


def is_accepted(paper: Paper) -> bool:
    return norm(paper.decision).startswith("accept") or norm(paper.status) in ("accepted", "published")


def name_key(name: str) -> tuple[str, ...]:
    """Order- and accent-insensitive tokens: "Zhang, San" == "San Zhang" == "san zhang"."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return tuple(sorted(t for t in re.split(r"[\s,.{}*†‡]+", plain) if t))


def find_my_index(authors: Sequence[str], my_name: str) -> int | None:
    wanted = name_key(my_name) if my_name.strip() else ()
    if not wanted:
        return None
    for index, author in enumerate(authors):
        if name_key(author) == wanted:
            return index
    return None


def derive_bullets(paper: Paper) -> list[str]:
    """The paper's own bullets, else one per line of its contribution and result."""
    if paper.bullets:
        return [b for b in (str(x).strip() for x in paper.bullets) if b]
    lines = (paper.contribution or "").splitlines() + (paper.result or "").splitlines()
    return [line.strip().lstrip("-•* ").strip() for line in lines if line.strip().lstrip("-•* ").strip()]


def history_label(submissions: Sequence[Submission], fallback_venue: str | None) -> str:
    """"ACL ARR x2 / Under Review": the venues tried, in order, with repeat counts."""
    counts: dict[str, int] = {}
    for submission in submissions:
        name = (submission.venue_name or submission.venue_key or "").strip()
        if name:
            counts[name] = counts.get(name, 0) + 1
    if not counts and fallback_venue:
        counts[fallback_venue] = 1
    parts = [f"{name} x{n}" if n > 1 else name for name, n in counts.items()]
    return " / ".join([*parts, "Under Review"])


def entry_status(paper: Paper, submissions: Sequence[Submission] = (), arxiv_id: str | None = None) -> str:
    """ACCEPTED, UNDER_REVIEW, PREPRINT or MANUSCRIPT: from the paper's decision, status and
    stage (no long text), its pending submissions and arXiv id."""
    if is_accepted(paper):
        return ACCEPTED
    pending = any(not (s.decision or "").strip() for s in submissions)
    if paper.stage in (Stage.SUBMISSION, Stage.UNDER_REVIEW) or pending or norm(paper.status) in ("submitted", "under review"):
        return UNDER_REVIEW
    if arxiv_id or norm(paper.status) == "preprint":
        return PREPRINT
    return MANUSCRIPT


def build_entry(
    paper: Paper,
    submissions: Sequence[Submission] = (),
    venue_names: Mapping[str, str] | None = None,
    my_name: str = "",
    doi: str | None = None,
    arxiv_id: str | None = None,
    venue_full_names: Mapping[str, str] | None = None,
) -> ResumeEntry:
    venue_names = venue_names or {}
    key = paper.venue_key or ""
    # A seeded key ("emnlp") has a name; a free-text one ("Applied Sciences") is its own name.
    venue = venue_names.get(key) or (key.upper() if key.islower() and " " not in key else key) or None
    status = entry_status(paper, submissions, arxiv_id)
    if status == ACCEPTED:
        label = " ".join(x for x in (venue, str(paper.target_year or "")) if x) or "Accepted"
    elif status == UNDER_REVIEW:
        label = history_label(submissions, venue)
    elif status == PREPRINT:
        label = f"arXiv {paper.target_year}" if arxiv_id and paper.target_year else ("arXiv" if arxiv_id else "Preprint")
    else:
        label = "Manuscript"
    my_index = paper.my_author_index
    if my_index is None or not 0 <= my_index < len(paper.authors):
        my_index = find_my_index(paper.authors, my_name)
    track = TRACK_LABELS.get(norm(paper.track).replace(" ", "-"), paper.track) if paper.track else None
    return ResumeEntry(
        paper_id=paper.id, title=paper.title.strip(), status=status, label=label, venue=venue,
        year=paper.target_year, track=track if status == ACCEPTED else None,
        award=(paper.award or "").strip() or None, authors=tuple(paper.authors), my_index=my_index,
        equal=frozenset(i for i in paper.equal_contribution if isinstance(i, int)),
        bullets=tuple(derive_bullets(paper)), selected=paper.selected, doi=doi, arxiv_id=arxiv_id,
        venue_full=(venue_full_names or {}).get(paper.venue_key or ""),
    )


def sort_entries(entries: Sequence[ResumeEntry]) -> list[ResumeEntry]:
    return sorted(entries, key=lambda e: (STATUS_ORDER.get(e.status, 9), -(e.year or 0), e.title.lower()))


def split_selected(entries: Sequence[ResumeEntry]) -> tuple[list[ResumeEntry], list[ResumeEntry]]:
    """The guide's Selected / Other split; with nothing marked selected, accepted papers lead."""
    ordered = sort_entries(entries)
    if any(e.selected for e in ordered):
        return [e for e in ordered if e.selected], [e for e in ordered if not e.selected]
    return [e for e in ordered if e.status == ACCEPTED], [e for e in ordered if e.status != ACCEPTED]


# -- one entry -------------------------------------------------------------------------------

def venue_phrase(entry: ResumeEntry) -> str:
    """`EMNLP 2024 (Main conference)`, `ICLR 2023 (Spotlight)`, `ACL ARR x2 / Under Review`."""
    extras = [x for x in (entry.track, entry.award) if x]
    return f"{entry.label} ({', '.join(extras)})" if extras else entry.label


def render(entry: ResumeEntry, fmt: str) -> str:
    return {"txt": render_txt, "md": render_md, "tex": render_tex, "bib": render_bib}[_check(fmt)](entry)


def render_list(entries: Sequence[ResumeEntry], fmt: str) -> str:
    fmt = _check(fmt)
    if fmt == "bib":
        return "\n\n".join(render_bib(e) for e in sort_entries(entries))
    selected, other = split_selected(entries)
    return {"txt": _list_txt, "md": _list_md, "tex": _list_tex}[fmt](selected, other)


def _check(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    return fmt


def _authors(entry: ResumeEntry, bold, star: str) -> str:
    names = []
    for index, name in enumerate(entry.authors):
        text = name + (star if index in entry.equal else "")
        names.append(bold(text) if index == entry.my_index else text)
    return ", ".join(names)


def _equal_note(entry: ResumeEntry, star: str) -> str:
    return f" ({star} equal contribution)" if entry.equal and entry.authors else ""


def render_txt(entry: ResumeEntry) -> str:
    lines = [f'Paper: "{entry.title}", {venue_phrase(entry)}']
    if entry.authors:
        lines.append("Authors: " + _authors(entry, lambda s: s, "*") + _equal_note(entry, "*"))
    lines += [f"- {bullet}" for bullet in entry.bullets]
    return "\n".join(lines)


def _list_line_txt(entry: ResumeEntry) -> str:
    award = f" ({entry.award})" if entry.award else ""
    return f"- [{entry.label}] {entry.title}{award}"


def _list_txt(selected: list[ResumeEntry], other: list[ResumeEntry]) -> str:
    blocks = []
    if selected:
        blocks.append("\n".join(["Selected Publication:", *map(_list_line_txt, selected)]))
    if other:
        blocks.append("\n".join(["Other:", *map(_list_line_txt, other)]))
    return "\n".join(blocks)


# -- Markdown --------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def escape_md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def render_md(entry: ResumeEntry) -> str:
    lines = [f"**{escape_md(entry.title)}**  ", f"*{escape_md(venue_phrase(entry))}*"]
    if entry.authors:
        lines[-1] += "  "
        lines.append(_authors(_escaped(entry, escape_md), lambda s: f"**{s}**", "\\*") + _equal_note(entry, "\\*"))
    lines += [f"- {escape_md(bullet)}" for bullet in entry.bullets]
    return "\n".join(lines)


def _list_md(selected: list[ResumeEntry], other: list[ResumeEntry]) -> str:
    def line(entry: ResumeEntry) -> str:
        award = f" ({escape_md(entry.award)})" if entry.award else ""
        text = f"- **\\[{escape_md(entry.label)}\\]** {escape_md(entry.title)}{award}"
        if entry.authors:
            text += "  \n  " + _authors(_escaped(entry, escape_md), lambda s: f"**{s}**", "\\*")
        return text

    blocks = []
    if selected:
        blocks.append("\n".join(["**Selected Publication**", "", *map(line, selected)]))
    if other:
        blocks.append("\n".join(["**Other**", "", *map(line, other)]))
    return "\n\n".join(blocks)


def _escaped(entry: ResumeEntry, escape) -> ResumeEntry:
    from dataclasses import replace

    return replace(entry, authors=tuple(escape(a) for a in entry.authors))


# -- LaTeX -----------------------------------------------------------------------------------

_LATEX = {
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}",
}
# In BibTeX, braces count for balancing even after a backslash: use brace-free commands.
_BIBTEX = {**_LATEX, "{": r"\textbraceleft{}", "}": r"\textbraceright{}"}


def escape_latex(text: str) -> str:
    return "".join(_LATEX.get(char, char) for char in text)


def escape_bibtex(text: str) -> str:
    return "".join(_BIBTEX.get(char, char) for char in text)


def render_tex(entry: ResumeEntry) -> str:
    lines = [f"\\textbf{{{escape_latex(entry.title)}}}, {escape_latex(venue_phrase(entry))}"]
    if entry.authors:
        lines[-1] += r"\\"
        lines.append(_authors(_escaped(entry, escape_latex), lambda s: f"\\textbf{{{s}}}", "$^*$") + _equal_note(entry, "$^*$"))
    if entry.bullets:
        lines.append(r"\begin{itemize}")
        lines += [f"  \\item {escape_latex(bullet)}" for bullet in entry.bullets]
        lines.append(r"\end{itemize}")
    return "\n".join(lines)


def _list_tex(selected: list[ResumeEntry], other: list[ResumeEntry]) -> str:
    def line(entry: ResumeEntry) -> str:
        # \textbf first: a bare `\item [` would be read as \item's optional argument.
        award = f" ({escape_latex(entry.award)})" if entry.award else ""
        text = f"  \\item \\textbf{{[{escape_latex(entry.label)}]}} {escape_latex(entry.title)}{award}"
        if entry.authors:
            text += r"\\ " + _authors(_escaped(entry, escape_latex), lambda s: f"\\textbf{{{s}}}", "$^*$")
        return text

    blocks = []
    for heading, group in (("Selected Publication", selected), ("Other", other)):
        if group:
            blocks.append("\n".join([f"\\section*{{{heading}}}", r"\begin{itemize}", *map(line, group), r"\end{itemize}"]))
    return "\n".join(blocks)


# -- BibTeX ----------------------------------------------------------------------------------

def bib_key(entry: ResumeEntry) -> str:
    first = entry.authors[0] if entry.authors else ""
    surname = first.split(",")[0] if "," in first else (first.split() or [""])[-1]
    words = [w for w in re.findall(r"[A-Za-z0-9]+", _ascii(entry.title)) if len(w) > 3 or w.isdigit()]
    key = f"{_ascii(surname)}{entry.year or ''}{words[0] if words else ''}".lower()
    key = re.sub(r"[^a-z0-9]", "", key)
    return key if re.match(r"[a-z]", key) else f"paper{entry.paper_id}{key}"


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def render_bib(entry: ResumeEntry) -> str:
    fields: list[tuple[str, str]] = [("title", "{" + escape_bibtex(entry.title) + "}")]
    if entry.authors:
        fields.append(("author", " and ".join(escape_bibtex(a) for a in entry.authors)))
    if entry.status == ACCEPTED:
        kind = "inproceedings"
        fields.append(("booktitle", escape_bibtex(entry.venue_full or entry.venue or entry.label)))
    elif entry.status == PREPRINT and entry.arxiv_id:
        kind = "misc"
    else:
        kind = "unpublished"
    if entry.year:
        fields.append(("year", str(entry.year)))
    if entry.doi:
        fields.append(("doi", escape_bibtex(entry.doi)))
    if entry.arxiv_id:
        fields += [("eprint", escape_bibtex(entry.arxiv_id)), ("archivePrefix", "arXiv")]
    notes = [x for x in (entry.track, entry.award) if x]
    if entry.status == UNDER_REVIEW:
        notes.append(entry.label)
    elif kind == "unpublished":
        notes.append(entry.label)
    if notes:
        fields.append(("note", escape_bibtex(", ".join(notes))))
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{bib_key(entry)},\n{body}\n}}"


RESUME_STATUSES = (ACCEPTED, UNDER_REVIEW, PREPRINT)


def find_entry(entries: Sequence[ResumeEntry], query: str) -> ResumeEntry:
    """By id, exact title, or a unique case-insensitive part of the title. ValueError otherwise."""
    query = query.strip()
    if query.isascii() and query.isdigit():
        for entry in entries:
            if entry.paper_id == int(query):
                return entry
    folded = query.casefold()
    exact = [e for e in entries if e.title.casefold() == folded]
    if len(exact) == 1:
        return exact[0]
    matches = [e for e in entries if folded and folded in e.title.casefold()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise ValueError(f"no paper on the resume matches {query!r}")
    listed = "; ".join(f"{e.paper_id}: {e.title}" for e in matches[:8])
    raise ValueError(f"{len(matches)} papers match {query!r} ({listed}); give the id")
