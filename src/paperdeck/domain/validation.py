"""The paper form's fields: raw text in, clean values or a clear message out. Pure."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from ..models.papers import LINK_KINDS, YEAR_MAX, YEAR_MIN

MAX_TITLE = 500
MAX_LINE = 300
MAX_NOTES = 20_000
MAX_AUTHORS = 200
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ARXIV_ID = re.compile(r"^(?:arxiv:)?(\d{4}\.\d{4,5}(?:v\d+)?)$", re.IGNORECASE)
_HOST = re.compile(r"^[\w.-]+\.[a-z]{2,}(?::\d+)?$", re.IGNORECASE)


class FieldError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def _no_controls(field: str, text: str, label: str) -> None:
    if _CONTROL.search(text):
        raise FieldError(field, f"{label} contains control characters (such as escape codes); remove them")


def clean_title(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise FieldError("title", "the title is required")
    if "\n" in text or "\r" in text:
        raise FieldError("title", "the title must be one line")
    _no_controls("title", text, "the title")
    if len(text) > MAX_TITLE:
        raise FieldError("title", f"the title is too long ({len(text)} characters; at most {MAX_TITLE})")
    return text


def clean_year(text: str) -> int | None:
    text = (text or "").strip()
    if not text:
        return None
    if not text.isascii() or not text.isdigit() or len(text) != 4:
        raise FieldError("year", f"the year must be four digits, such as 2026 (got {text[:20]!r})")
    year = int(text)
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise FieldError("year", f"the year must be between {YEAR_MIN} and {YEAR_MAX}")
    return year


def clean_url(kind: str, text: str) -> str | None:
    """A link with its scheme: 'github.com/x/y' becomes 'https://github.com/x/y'.

    An arXiv id ('2401.01234') becomes its abs page. Anything else that is not an
    http(s) address with a host is refused rather than stored broken.
    """
    field = f"link_{kind}"
    text = (text or "").strip()
    if not text:
        return None
    _no_controls(field, text, "the link")
    if any(ch.isspace() for ch in text):
        raise FieldError(field, "a link cannot contain spaces")
    arxiv = _ARXIV_ID.match(text)
    if arxiv and kind == "arxiv":
        return f"https://arxiv.org/abs/{arxiv.group(1)}"
    if "://" not in text:
        if re.match(r"^[a-z][a-z0-9+.-]*:", text, re.IGNORECASE) and not _HOST.match(text.split("/")[0]):
            raise FieldError(field, f"only http and https links are kept (got {text.split(':')[0]}:)")
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        raise FieldError(field, f"only http and https links are kept (got {parts.scheme}://)")
    host = parts.hostname or ""
    if not host or ("." not in host and host != "localhost"):
        raise FieldError(field, f"{text!r} has no valid host name (like github.com)")
    if len(text) > 2000:
        raise FieldError(field, "the link is too long (at most 2000 characters)")
    return text


def clean_authors(text: str) -> tuple[list[str], list[int]]:
    """'A. Li*, B. Chen*, C. Wu' -> names and the indexes marked '*' (equal contribution)."""
    names, equal, _corresponding = clean_marked_authors(text)
    return names, equal


def clean_marked_authors(text: str) -> tuple[list[str], list[int], list[int]]:
    """'A. Li*, B. Chen*†, C. Wu' -> names, the indexes marked '*' (equal contribution) and
    those marked '†' (corresponding author), in either order."""
    text = (text or "").strip()
    if not text:
        return [], [], []
    _no_controls("authors", text, "the author list")
    names: list[str] = []
    equal: list[int] = []
    corresponding: list[int] = []
    for index, raw in enumerate(re.split(r"[,;，；\n]", text)):
        name = raw.strip()
        if not name:
            raise FieldError("authors", f"author {index + 1} is empty (two commas in a row?)")
        marks = name[len(name.rstrip("*†")):]
        if "*" in marks:
            equal.append(len(names))
        if "†" in marks:
            corresponding.append(len(names))
        name = name.rstrip("*†").strip()
        if not name:
            raise FieldError("authors", f"author {index + 1} is only a mark ('*' or '†')")
        if len(name) > MAX_LINE:
            raise FieldError("authors", f"author {index + 1} is too long")
        names.append(name)
    if len(names) > MAX_AUTHORS:
        raise FieldError("authors", f"at most {MAX_AUTHORS} authors")
    return names, equal, corresponding


def format_authors(names: list[str], equal: list[int], corresponding: list[int] = ()) -> str:  # type: ignore[assignment]
    return ", ".join(
        name + ("*" if index in equal else "") + ("†" if index in corresponding else "")
        for index, name in enumerate(names)
    )


def clean_position(text: str, author_count: int) -> int | None:
    """The user's own 1-based position in the author list, stored 0-based."""
    text = (text or "").strip()
    if not text:
        return None
    if not text.isascii() or not text.isdigit():
        raise FieldError("my_position", "your position is a number, such as 1 for first author")
    position = int(text)
    if not 1 <= position <= max(author_count, 1) or author_count == 0:
        raise FieldError("my_position", f"your position must be between 1 and {author_count} (the number of authors)" if author_count else "list the authors first")
    return position - 1


def clean_line(field: str, text: str, label: str, limit: int = MAX_LINE) -> str:
    text = (text or "").strip()
    if "\n" in text:
        raise FieldError(field, f"{label} must be one line")
    _no_controls(field, text, label)
    if len(text) > limit:
        raise FieldError(field, f"{label} is too long ({len(text)} characters; at most {limit})")
    return text


def clean_result(text: str) -> str:
    text = clean_line("result", text, "the result line")
    if text and not re.search(r"\d", text):
        raise FieldError("result", "give the result with its numbers, e.g. '+12% win-rate on MT-Bench'")
    return text


def clean_notes(text: str) -> str:
    text = (text or "").replace("\r\n", "\n")
    if _CONTROL.search(text.replace("\t", " ")):
        raise FieldError("notes", "the notes contain control characters (such as escape codes); remove them")
    if len(text) > MAX_NOTES:
        raise FieldError("notes", f"the notes are too long (at most {MAX_NOTES} characters)")
    return text


# The paper's own facts its interview deck asks about (domain/card_templates.py): form field,
# and how an error names it.
PAPER_TEXT_FIELDS = (("method", "the method"), ("baseline", "the baselines"), ("dataset", "the data"))


def clean_paper_form(raw: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """Every field of the form at once: (fields for PaperRepo.update, {field: message})."""
    fields: dict[str, Any] = {}
    errors: dict[str, str] = {}

    def attempt(name: str, produce) -> None:
        try:
            produce()
        except FieldError as error:
            errors.setdefault(error.field or name, error.message)

    attempt("title", lambda: fields.__setitem__("title", clean_title(raw.get("title", ""))))
    attempt("year", lambda: fields.__setitem__("target_year", clean_year(raw.get("year", ""))))

    def authors() -> None:
        names, equal, corresponding = clean_marked_authors(raw.get("authors", ""))
        fields.update(authors=names, equal_contribution=equal, corresponding=corresponding)
        fields["my_author_index"] = clean_position(raw.get("my_position", ""), len(names))

    attempt("authors", authors)
    links = {}
    for kind in LINK_KINDS:
        def link(kind: str = kind) -> None:
            url = clean_url(kind, raw.get(f"link_{kind}", ""))
            if url:
                links[kind] = url
        attempt(f"link_{kind}", link)
    fields["links"] = links
    attempt("contribution", lambda: fields.__setitem__("contribution", clean_line("contribution", raw.get("contribution", ""), "the contribution")))
    attempt("result", lambda: fields.__setitem__("result", clean_result(raw.get("result", ""))))
    for name, what in PAPER_TEXT_FIELDS:  # kept as they are when the form does not show them
        if name in raw:
            attempt(name, lambda name=name, what=what: fields.__setitem__(name, clean_line(name, raw[name], what)))
    attempt("award", lambda: fields.__setitem__("award", clean_line("award", raw.get("award", ""), "the award", 80) or None))
    attempt("notes", lambda: fields.__setitem__("notes", clean_notes(raw.get("notes", ""))))
    for name in ("venue_key", "track", "topic_key", "status"):
        if name in raw:
            fields[name] = raw[name] or None
    return fields, errors
