"""The paper form's fields: raw text in, clean values or a clear message out. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence
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
    """`message` is English (the CLI's); `message_zh` the same in Chinese (the TUI in zh)."""

    def __init__(self, field: str, message: str, message_zh: str = ""):
        super().__init__(message)
        self.field = field
        self.message = message
        self.message_zh = message_zh

    def say(self, language: str) -> str:
        return self.message_zh if language == "zh" and self.message_zh else self.message


# The fields' names inside messages, in Chinese.
LABELS_ZH = {"the title": "标题", "the link": "链接", "the author list": "作者列表", "the result line": "结果",
             "the contribution": "贡献", "the award": "奖项", "the method": "方法", "the baselines": "基线",
             "the data": "数据", "the problem": "问题", "the limitations": "局限"}


def _zh(label: str) -> str:
    return LABELS_ZH.get(label, label)


def _no_controls(field: str, text: str, label: str) -> None:
    if _CONTROL.search(text):
        raise FieldError(field, f"{label} contains control characters (such as escape codes); remove them",
                         f"{_zh(label)}含有控制字符（如转义码），请删除")


def clean_title(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise FieldError("title", "the title is required", "标题不能为空")
    if "\n" in text or "\r" in text:
        raise FieldError("title", "the title must be one line", "标题只能有一行")
    _no_controls("title", text, "the title")
    if len(text) > MAX_TITLE:
        raise FieldError("title", f"the title is too long ({len(text)} characters; at most {MAX_TITLE})",
                         f"标题太长（{len(text)} 个字符；最多 {MAX_TITLE}）")
    return text


def clean_year(text: str) -> int | None:
    text = (text or "").strip()
    if not text:
        return None
    if not text.isascii() or not text.isdigit() or len(text) != 4:
        raise FieldError("year", f"the year must be four digits, such as 2026 (got {text[:20]!r})",
                         f"年份须为四位数字，如 2026（输入为 {text[:20]!r}）")
    year = int(text)
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise FieldError("year", f"the year must be between {YEAR_MIN} and {YEAR_MAX}",
                         f"年份须在 {YEAR_MIN} 到 {YEAR_MAX} 之间")
    return year


def clean_day(field: str, text: str) -> str | None:
    """A calendar day typed as YYYY-MM-DD (ISO text back), or None when empty."""
    from datetime import date

    text = (text or "").strip()
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise FieldError(field, f"the date must be YYYY-MM-DD, such as 2026-05-19 (got {text[:20]!r})") from None
    if not YEAR_MIN <= day.year <= YEAR_MAX:
        raise FieldError(field, f"the year must be between {YEAR_MIN} and {YEAR_MAX}")
    return day.isoformat()


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
        raise FieldError(field, "a link cannot contain spaces", "链接不能含空格")
    arxiv = _ARXIV_ID.match(text)
    if arxiv and kind == "arxiv":
        return f"https://arxiv.org/abs/{arxiv.group(1)}"
    if "://" not in text:
        if re.match(r"^[a-z][a-z0-9+.-]*:", text, re.IGNORECASE) and not _HOST.match(text.split("/")[0]):
            raise FieldError(field, f"only http and https links are kept (got {text.split(':')[0]}:)",
                             f"只保存 http 和 https 链接（输入为 {text.split(':')[0]}:）")
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        raise FieldError(field, f"only http and https links are kept (got {parts.scheme}://)",
                         f"只保存 http 和 https 链接（输入为 {parts.scheme}://）")
    host = parts.hostname or ""
    if not host or ("." not in host and host != "localhost"):
        raise FieldError(field, f"{text!r} has no valid host name (like github.com)",
                         f"{text!r} 没有有效的主机名（如 github.com）")
    if len(text) > 2000:
        raise FieldError(field, "the link is too long (at most 2000 characters)", "链接太长（最多 2000 个字符）")
    return text


# BibTeX's separator: with it, a name keeps its commas ("Martin Luther King, Jr.").
_AND = re.compile(r"\s+and\s+|\n")
_COMMAS = re.compile(r"[,;，；\n]")


def clean_authors(text: str) -> tuple[list[str], list[int]]:
    """'A. Li*, B. Chen*, C. Wu' -> names and the indexes marked '*' (equal contribution)."""
    names, equal, _corresponding = clean_marked_authors(text)
    return names, equal


def clean_marked_authors(text: str) -> tuple[list[str], list[int], list[int]]:
    """'A. Li*, B. Chen*†, C. Wu' -> names, the indexes marked '*' (equal contribution) and
    those marked '†' (corresponding author), in either order.

    Names are separated by commas, or by ' and ' as in BibTeX: once ' and ' separates them,
    a comma belongs to a name ('A. Li and Martin Luther King, Jr.*' is two authors)."""
    text = (text or "").strip()
    if not text:
        return [], [], []
    _no_controls("authors", text, "the author list")
    names: list[str] = []
    equal: list[int] = []
    corresponding: list[int] = []
    separator = _AND if re.search(r"\s+and\s+", text) else _COMMAS
    for index, raw in enumerate(separator.split(text)):
        name = raw.strip()
        if not name:
            raise FieldError("authors", f"author {index + 1} is empty (two commas in a row?)",
                             f"第 {index + 1} 位作者为空（连续两个逗号？）")
        marks = name[len(name.rstrip("*†")):]
        if "*" in marks:
            equal.append(len(names))
        if "†" in marks:
            corresponding.append(len(names))
        name = name.rstrip("*†").strip()
        if not name:
            raise FieldError("authors", f"author {index + 1} is only a mark ('*' or '†')",
                             f"第 {index + 1} 位作者只有一个标记（'*' 或 '†'）")
        if len(name) > MAX_LINE:
            raise FieldError("authors", f"author {index + 1} is too long", f"第 {index + 1} 位作者太长")
        names.append(name)
    if len(names) > MAX_AUTHORS:
        raise FieldError("authors", f"at most {MAX_AUTHORS} authors", f"最多 {MAX_AUTHORS} 位作者")
    return names, equal, corresponding


def format_authors(names: list[str], equal: list[int], corresponding: Sequence[int] = ()) -> str:
    """The text clean_marked_authors reads back as the same names and marks: comma-separated,
    or ' and '-separated when a name holds a comma or the word 'and' itself."""
    separator = " and " if any(_COMMAS.search(name) or re.search(r"\s+and\s+", f" {name} ") for name in names) else ", "
    return separator.join(
        name + ("*" if index in equal else "") + ("†" if index in corresponding else "")
        for index, name in enumerate(names)
    )


def clean_position(text: str, author_count: int) -> int | None:
    """The user's own 1-based position in the author list, stored 0-based."""
    text = (text or "").strip()
    if not text:
        return None
    if not text.isascii() or not text.isdigit():
        raise FieldError("my_position", "your position is a number, such as 1 for first author",
                         "署名位置是一个数字，如 1 表示一作")
    position = int(text)
    if not 1 <= position <= max(author_count, 1) or author_count == 0:
        if not author_count:
            raise FieldError("my_position", "list the authors first", "请先填写作者")
        raise FieldError("my_position", f"your position must be between 1 and {author_count} (the number of authors)",
                         f"署名位置须在 1 到 {author_count}（作者人数）之间")
    return position - 1


def clean_line(field: str, text: str, label: str, limit: int = MAX_LINE) -> str:
    text = (text or "").strip()
    if "\n" in text:
        raise FieldError(field, f"{label} must be one line", f"{_zh(label)}只能有一行")
    _no_controls(field, text, label)
    if len(text) > limit:
        raise FieldError(field, f"{label} is too long ({len(text)} characters; at most {limit})",
                         f"{_zh(label)}太长（{len(text)} 个字符；最多 {limit}）")
    return text


def clean_result(text: str) -> str:
    text = clean_line("result", text, "the result line")
    if text and not re.search(r"\d", text):
        raise FieldError("result", "give the result with its numbers, e.g. '+12% win-rate on MT-Bench'",
                         "结果请带上数字，如「MT-Bench win-rate +12%」")
    return text


def clean_notes(text: str) -> str:
    text = (text or "").replace("\r\n", "\n")
    if _CONTROL.search(text.replace("\t", " ")):
        raise FieldError("notes", "the notes contain control characters (such as escape codes); remove them",
                         "备注含有控制字符（如转义码），请删除")
    if len(text) > MAX_NOTES:
        raise FieldError("notes", f"the notes are too long (at most {MAX_NOTES} characters)",
                         f"备注太长（最多 {MAX_NOTES} 个字符）")
    return text


def clean_paper_form_changes(raw: dict[str, str], loaded: dict[str, str],
                             language: str = "en") -> tuple[dict[str, Any], dict[str, str]]:
    """Only what the user changed since the form was filled (`loaded`: its fields' text then):
    a form saved unchanged changes nothing (values the form cannot show exactly - an imported
    track, a link kind it has no field for - stay as stored), and a field left as it was is
    not checked again. Returns (fields for PaperRepo.update, {field: message in `language`})."""
    changed = {name for name, text in raw.items() if loaded.get(name) != text}
    if not changed:
        return {}, {}
    fields, errors = clean_paper_form(raw, language)
    if changed & {"authors", "my_position"}:
        changed |= {"authors", "my_position"}  # the position counts the authors
    owners = {"year": ("target_year",), "authors": ("authors", "equal_contribution", "corresponding"), "my_position": ("my_author_index",)}
    wanted = {field for name in changed for field in owners.get(name, (name,))}
    links = {name.removeprefix("link_") for name in changed if name.startswith("link_")}
    kept = {name: value for name, value in fields.items() if name in wanted}
    if links:  # only the kinds edited; None removes one the user emptied
        kept["links"] = {kind: fields["links"].get(kind) for kind in links}
    return kept, {name: message for name, message in errors.items() if name in changed}


# The paper's own facts its interview deck asks about (domain/card_templates.py): form field,
# and how an error names it.
PAPER_TEXT_FIELDS = (("problem", "the problem"), ("method", "the method"), ("baseline", "the baselines"),
                     ("dataset", "the data"), ("limitations", "the limitations"))


def clean_paper_form(raw: dict[str, str], language: str = "en") -> tuple[dict[str, Any], dict[str, str]]:
    """Every field of the form at once: (fields for PaperRepo.update, {field: message in `language`})."""
    fields: dict[str, Any] = {}
    errors: dict[str, str] = {}

    def attempt(name: str, produce) -> None:
        try:
            produce()
        except FieldError as error:
            errors.setdefault(error.field or name, error.say(language))

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
