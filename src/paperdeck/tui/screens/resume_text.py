"""How the Resume screen writes a row and a group heading (pure Rich text, no store)."""

from __future__ import annotations

from rich.text import Text

from ...domain.snippets import ResumeEntry
from ..widgets.panel import literal

STATUS_STYLES = {"accepted": "green", "under_review": "yellow", "preprint": "cyan"}
HEADINGS_ZH = {
    "Selected Publication": "精选论文", "Other": "其余", "Under Review": "审稿中", "Undated": "未注明年份",
    "Conference Papers": "会议论文", "Journal Articles": "期刊论文", "Workshop Papers": "研讨会论文",
    "Preprints": "预印本",
}


def row_text(entry: ResumeEntry, marked: bool) -> Text:
    """`■ ★ [ACL 2025 Findings] Title (Oral)`: the mark, the Selected star, label, title."""
    row = Text("■ " if marked else "  ", style="bold magenta")
    row.append("★ " if entry.selected else "  ", style="yellow")
    row.append_text(literal(f"[{entry.label}]", STATUS_STYLES.get(entry.status, "")))
    row.append(" ")
    row.append_text(literal(entry.title))
    if entry.award:
        row.append_text(literal(f" ({entry.award})", "magenta"))
    return row


def group_heading(heading: str, count: int, language: str) -> Text:
    shown = HEADINGS_ZH.get(heading, heading) if language == "zh" else heading
    return Text(f"{shown} ({count})", style="bold underline")
