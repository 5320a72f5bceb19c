"""Resume snippets: the guide's formats (one paper with bullets; Selected + Other list),
Markdown, LaTeX and BibTeX, rendered from `ResumeEntry` (domain/resume_entry.py decides what
each paper says; this module only writes it).

The same label ("ACL 2025 Findings", "ICLR 2023", "ACL ARR x2 / Under Review") appears in
every format, single or list. Authors carry * (equal contribution) and † (corresponding);
my name is in bold in Markdown and LaTeX. Markdown and LaTeX carry the arXiv, code and project
links. A paper under review is the guide's anonymised line unless titles are asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..i18n_words import FORMAT_NAMES as FORMAT_WORDS
from ..models.papers import RESUME_FORMATS as FORMATS
from .bibtex_out import escape_bibtex, render_bib, render_bib_list
from .names import find_me, split_names
from .resume_entry import (  # noqa: F401  (the resume's names, importable from here)
    ACCEPTED, MANUSCRIPT, PREPRINT, RESUME_STATUSES, UNDER_REVIEW, ResumeEntry, VenueName, build_entry,
    entry_status, grouped, norm, sort_entries, split_selected,
)

FORMAT_NAMES = {key: en for key, (_zh, en) in FORMAT_WORDS.items()}  # English; both in i18n_words
MAIN_NOTE = "Main conference"  # the guide's single-paper line: "EMNLP 2024 (Main conference)"


def my_names(my_name: str) -> list[str]:
    """The `my_name` setting's names: my name, then its other spellings after ";"
    ("San Zhang; Zhang S.; 张三")."""
    return split_names(my_name)


def find_my_index(authors: Sequence[str], my_name: str) -> int | None:
    """My position in `authors`: the first author who is me under my name or one of its aliases."""
    return find_me(authors, my_names(my_name))


def venue_phrase(entry: ResumeEntry) -> str:
    """The single-paper line's venue: `EMNLP 2024 (Main conference)`, `ICLR 2023 (Spotlight)`,
    `ACL 2025 Findings (Oral)`, `ACL ARR x2 / Under Review`."""
    extras = [x for x in (MAIN_NOTE if entry.track == "main" else None, entry.award) if x]
    return f"{entry.label} ({', '.join(extras)})" if extras else entry.label


def render(entry: ResumeEntry, fmt: str) -> str:
    return {"txt": render_txt, "md": render_md, "tex": render_tex, "bib": render_bib}[_check(fmt)](entry)


def render_list(entries: Sequence[ResumeEntry], fmt: str, group: str = "selected") -> str:
    fmt = _check(fmt)
    if fmt == "bib":
        return render_bib_list(sort_entries(entries))
    groups = grouped(entries, group)
    return {"txt": _list_txt, "md": _list_md, "tex": _list_tex}[fmt](groups)


def one_line(entry: ResumeEntry) -> str:
    """The paper as one plain line (the list's line): what a form field or a chat takes."""
    return _list_line_txt(entry)[2:]


def _check(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    return fmt


# -- authors ---------------------------------------------------------------------------------

class Style:
    """How one format writes the author marks, my name and escapes."""

    def __init__(self, escape: Callable[[str], str], bold: Callable[[str], str], star: str, dagger: str):
        self.escape, self.bold, self.star, self.dagger = escape, bold, star, dagger


def _authors(entry: ResumeEntry, style: Style) -> str:
    names = []
    for index, name in enumerate(entry.authors):
        text = style.escape(name) + (style.star if index in entry.equal else "") + (
            style.dagger if index in entry.corresponding else "")
        names.append(style.bold(text) if index == entry.my_index else text)
    return ", ".join(names)


def _roles_note(entry: ResumeEntry, style: Style) -> str:
    notes = []
    if entry.equal:
        notes.append(f"{style.star} equal contribution")
    if entry.corresponding:
        notes.append(f"{style.dagger} corresponding author")
    return f" ({', '.join(notes)})" if notes and entry.authors else ""


# -- plain text (the guide's) ------------------------------------------------------------------

TXT = Style(lambda s: s, lambda s: s, "*", "†")


def render_txt(entry: ResumeEntry) -> str:
    if entry.anonymous:
        lines = [f"Paper: {entry.label}"]
    else:
        lines = [f'Paper: "{entry.title}", {venue_phrase(entry)}']
        if entry.authors:
            lines.append("Authors: " + _authors(entry, TXT) + _roles_note(entry, TXT))
    lines += [f"- {bullet}" for bullet in entry.bullets]
    return "\n".join(lines)


def _list_line_txt(entry: ResumeEntry) -> str:
    if entry.anonymous:
        return f"- {entry.label}"
    award = f" ({entry.award})" if entry.award else ""
    return f"- [{entry.label}] {entry.title}{award}"


def _list_txt(groups: list[tuple[str, list[ResumeEntry]]]) -> str:
    return "\n".join("\n".join([f"{heading}:", *map(_list_line_txt, group)]) for heading, group in groups)


# -- Markdown --------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def escape_md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_url(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


MD = Style(escape_md, lambda s: f"**{s}**", "\\*", "†")


def _md_links(entry: ResumeEntry) -> str:
    return " ".join(f"[[{label}]({md_url(url)})]" for label, url in entry.links)


def render_md(entry: ResumeEntry) -> str:
    if entry.anonymous:
        lines = [f"*{escape_md(entry.label)}*"]
    else:
        lines = [f"**{escape_md(entry.title)}**  ", f"*{escape_md(venue_phrase(entry))}*"]
        if entry.authors:
            lines[-1] += "  "
            lines.append(_authors(entry, MD) + _roles_note(entry, MD))
        if entry.links:
            lines[-1] += "  "
            lines.append(_md_links(entry))
    lines += [f"- {escape_md(bullet)}" for bullet in entry.bullets]
    return "\n".join(lines)


def _list_md(groups: list[tuple[str, list[ResumeEntry]]]) -> str:
    def line(entry: ResumeEntry) -> str:
        if entry.anonymous:
            return f"- {escape_md(entry.label)}"
        award = f" ({escape_md(entry.award)})" if entry.award else ""
        links = f" {_md_links(entry)}" if entry.links else ""
        text = f"- **\\[{escape_md(entry.label)}\\]** {escape_md(entry.title)}{award}{links}"
        if entry.authors:
            text += "  \n  " + _authors(entry, MD)
        return text

    return "\n\n".join("\n".join([f"**{heading}**", "", *map(line, group)]) for heading, group in groups)


# -- LaTeX -----------------------------------------------------------------------------------

_LATEX = {
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}",
}


def escape_latex(text: str) -> str:
    return "".join(_LATEX.get(char, char) for char in text)


def tex_url(url: str) -> str:
    """A URL inside \\href{...}: characters TeX would read percent-encoded, % # & escaped."""
    for char, code in (("\\", "%5C"), ("{", "%7B"), ("}", "%7D"), ("~", "%7E"), ("^", "%5E"), (" ", "%20")):
        url = url.replace(char, code)
    return url.replace("%", r"\%").replace("#", r"\#").replace("&", r"\&")


TEX = Style(escape_latex, lambda s: f"\\textbf{{{s}}}", "$^*$", "$^\\dagger$")


def _tex_links(entry: ResumeEntry) -> str:
    return " ".join(f"\\href{{{tex_url(url)}}}{{[{label}]}}" for label, url in entry.links)


def render_tex(entry: ResumeEntry) -> str:
    if entry.anonymous:
        lines = [escape_latex(entry.label)]
    else:
        lines = [f"\\textbf{{{escape_latex(entry.title)}}}, {escape_latex(venue_phrase(entry))}"]
        if entry.authors:
            lines[-1] += r"\\"
            lines.append(_authors(entry, TEX) + _roles_note(entry, TEX))
        if entry.links:
            lines[-1] += r"\\" if not lines[-1].endswith(r"\\") else ""
            lines.append(_tex_links(entry))
    if entry.bullets:
        lines.append(r"\begin{itemize}")
        lines += [f"  \\item {escape_latex(bullet)}" for bullet in entry.bullets]
        lines.append(r"\end{itemize}")
    return "\n".join(lines)


def _list_tex(groups: list[tuple[str, list[ResumeEntry]]]) -> str:
    def line(entry: ResumeEntry) -> str:
        if entry.anonymous:
            return f"  \\item {escape_latex(entry.label)}"
        # \textbf first: a bare `\item [` would be read as \item's optional argument.
        award = f" ({escape_latex(entry.award)})" if entry.award else ""
        links = f" {_tex_links(entry)}" if entry.links else ""
        text = f"  \\item \\textbf{{[{escape_latex(entry.label)}]}} {escape_latex(entry.title)}{award}{links}"
        if entry.authors:
            text += r"\\ " + _authors(entry, TEX)
        return text

    return "\n".join(
        "\n".join([f"\\section*{{{escape_latex(heading)}}}", r"\begin{itemize}", *map(line, group), r"\end{itemize}"])
        for heading, group in groups
    )


# -- finding a paper ---------------------------------------------------------------------------

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


__all__ = [
    "FORMATS", "FORMAT_NAMES", "ResumeEntry", "VenueName", "build_entry", "escape_bibtex", "escape_latex",
    "escape_md", "find_entry", "grouped", "norm", "one_line", "render", "render_list", "sort_entries",
    "split_selected", "venue_phrase",
]
