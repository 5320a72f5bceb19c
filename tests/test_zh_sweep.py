"""In Chinese, no screen or dialog shows an English UI label (issue 15: fully bilingual).

The app runs in zh on a database whose own text is known; every screen and the dialogs its
keys open are visited and their text read as drawn. A word of Latin letters passes only if it
is the user's data (titles, venue names, notes, what the guide's Chinese itself says), a key
(Esc, Tab, Enter), a name such as AoE, BibTeX or paperdeck, or is inside a document the user
asked for (a resume snippet, a pitch). Anything else is an English label that reached a
Chinese screen, and the test names it and where it was seen.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime, timezone

import pytest
from textual.widgets import TextArea

from paperdeck.models.papers import Stage
from screen_text import blank_region, screen_lines
from waiting import workers_done

# Names and notations that are the same in both languages.
NAMES = {
    "paperdeck", "AoE", "UTC", "GMT", "URL", "BibTeX", "bib", "tex", "txt", "md", "Markdown", "LaTeX", "CSV", "TSV",
    "YAML", "ics", "JSON", "FSRS", "Anki", "EN", "ID", "DOI", "arXiv", "OpenReview", "GitHub", "Hugging", "Face",
    "ccfddl", "ai", "deadlines", "PapersWithCode", "Hub", "LLM", "AI", "ML", "NLP", "CV", "ARR", "PDF", "SVG",
    "Selected", "Publication", "Other",  # the resume's own section names (the guide's format)
    "YYYY", "MM", "DD", "HH", "IANA", "PT", "CST", "PST", "PDT", "EST", "EDT", "CET", "CEST",  # date and zone notation
    "front", "back", "front_zh", "zh", "suspended", "deck", "category",  # the card file's column names
    "xclip", "xsel", "wl", "clipboard",  # clipboard tools (wl-clipboard)
    "OSC", "textual", "dark", "light",  # OSC 52; theme names (textual-dark)
    "San", "Zhang",  # the example spelling of a name (San Zhang; Zhang S.; 张三)
    "Oral", "Spotlight", "UltraFeedback", "PPO", "DPO",  # award and method names the form's examples use
}
KEYS = {"Esc", "Tab", "Space", "Enter", "Home", "End", "PgUp", "PgDn", "ctrl", "shift", "alt", "Del", "Backspace"}
# Columns holding English renderings of bilingual content: their words are not the user's data.
ENGLISH_COLUMNS = {
    ("guide_items", "en"), ("guide_items", "data"), ("venues", "field_en"), ("venues", "paper_types_en"),
    ("venues", "guide_note_en"), ("venues", "rhythm_en"), ("deadlines", "label"), ("deadlines", "kind"),
    ("papers", "stage"), ("papers", "status"), ("papers", "decision"), ("submissions", "decision"),
    ("settings", "value"), ("undo_log", "label"), ("undo_log", "before"), ("undo_log", "after"),
    ("decks", "name"), ("reviews", "mode"), ("reviews", "card_before"),
}
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]")
IDENTIFIER = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")  # a setting's key in a command (my_name): typed as is


def data_words(path) -> set[str]:
    """Every word of the database's own text (the user's and the guide's Chinese), English
    renderings aside; a card or deck with no Chinese keeps its English (it is the user's)."""
    words: set[str] = set()
    connection = sqlite3.connect(path)
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})") if row[2].upper() == "TEXT"]
            for column in columns:
                if (table, column) in ENGLISH_COLUMNS:
                    continue
                for (value,) in connection.execute(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL"):
                    words.update(WORD.findall(value))
        for sql in ("SELECT front FROM cards WHERE front_zh = ''", "SELECT name FROM decks WHERE name_zh = ''"):
            for (value,) in connection.execute(sql):
                words.update(WORD.findall(value))
    finally:
        connection.close()
    return words


# Widgets showing a document the user asked for, in the document's own language, or the
# user's own text being edited.
DOCUMENTS = ("#resume-preview", "#resume-whole", "TextArea")


def guide_words(path) -> set[str]:
    """The guide's Chinese writes the pitch parts' English beside them: 背景问题（Why this paper?）."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT en FROM guide_items WHERE key LIKE 'pitch.%'").fetchall()
    finally:
        connection.close()
    return {word for (text,) in rows for word in WORD.findall(text)}


def english_labels(app, allowed: set[str]) -> list[str]:
    lines = screen_lines(app)
    from textual.widgets import Input

    # The user's text being edited, or an example path (a placeholder otherwise is a label).
    editing = [widget for widget in app.screen.query(Input) if widget.value or widget.placeholder.startswith(("~/", "/"))]
    for widget in [*editing, *(w for selector in DOCUMENTS for w in app.screen.query(selector))]:
        region = widget.region
        lines = blank_region(lines, region.x, region.y, region.width, region.height)
    found = []
    for line in lines:
        for word in WORD.findall(IDENTIFIER.sub("", line)):
            if word not in allowed and word.lower() not in allowed:
                found.append(word)
    return found


@pytest.fixture
def zh_store(store, frozen_clock, utc_zone, add_paper):
    store.settings.update(language="en")  # the test switches with F2, as a user does
    store.venues.add_deadline("neurips", 2027, "paper", at=datetime(2026, 12, 20, 11, 59, 59, tzinfo=timezone.utc),
                              tz_label="AoE")
    add_paper("多模态对齐的奖励模型", Stage.WRITING, venue_key="neurips", target_year=2027)
    add_paper("长上下文推理", Stage.IDEATION)
    add_paper("小模型蒸馏", Stage.DECISION, venue_key="iclr", target_year=2026, status="accepted", decision="accepted")
    add_paper("检索增强生成", Stage.UNDER_REVIEW, venue_key="acl", target_year=2026)
    return store


# Keys that act in place (no screen opens).
ACTIONS = {"m", "y", "s", "shift+right", "f9", "g", "f3", "escape"}
# (screen key, keys that open what is checked, keys that close it again)
VISITS = [
    ("1", "", ""), ("1", "question_mark", "escape"), ("1", "ctrl+p", "escape"),
    ("2", "", ""), ("2", "n", "escape"), ("2", "slash", "escape"), ("2", "enter", "escape"),
    ("2", "enter alt+right", "escape"), ("2", "enter alt+right alt+right", "escape"),
    ("2", "enter alt+left", "escape"),  # the paper form's tabs: Checklist, Submissions, Links ("2", "d", "escape"),
    ("2", "question_mark", "escape"),
    ("3", "", ""), ("3", "m", "m"), ("3", "a", "escape"), ("3", "d", "escape"), ("3", "e", "escape"),
    ("3", "i", "escape"), ("3", "question_mark", "escape"),
    ("4", "", ""), ("4", "b", "escape"), ("4", "s", "escape"), ("4", "i", "escape"), ("4", "t", "escape"),
    ("4", "n", "escape"), ("4", "r", "escape"), ("4", "l", "escape"), ("4", "I", "escape"),
    ("4", "a space", "escape"), ("4", "question_mark", "escape"),
    ("5", "", ""), ("5", "f7", "escape"), ("5", "f8", "escape"), ("5", "f4", "escape"),
    ("5", "escape question_mark", "escape"),  # Esc first: in the editor, ? is text
    ("6", "", ""), ("6", "e", "escape"), ("6", "i", "escape"), ("6", "question_mark", "escape"),
    ("7", "", ""), ("7", "e", "escape"), ("7", "question_mark", "escape"),
    # actions that answer with a toast
    ("6", "y", ""), ("6", "s", "s"), ("3", "s", "s"), ("2", "shift+right", "u"), ("5", "f9", ""),
    ("4", "g", ""), ("5", "f3", "f3"), ("5", "escape", ""),  # Pitch: the examples shown otherwise; keys mode
]


@pytest.mark.parametrize("size", [(120, 40)])
async def test_no_english_label_on_any_screen_or_dialog_in_chinese(zh_store, make_app, size):
    allowed = {word.lower() for word in data_words(zh_store.path) | guide_words(zh_store.path) | NAMES | KEYS}
    app = make_app("dashboard")
    seen: dict[str, list[str]] = {}
    visited: list[str] = []
    async with app.run_test(size=size) as pilot:
        await pilot.press("f2")
        assert app.language == "zh" and zh_store.settings.load().language == "zh"
        for screen_key, opening, closing in VISITS:
            if app.screen.is_modal:
                await pilot.press("escape")
            if isinstance(app.focused, TextArea):  # editing (Pitch): digits are text; Esc first
                await pilot.press("escape")
            await pilot.press(screen_key)
            await workers_done(pilot)
            base = app.screen
            for key in opening.split():
                await pilot.press(key)
                await workers_done(pilot)
            where = f"{type(app.screen).__name__} after {screen_key} {opening}".strip()
            if opening and opening not in ACTIONS:
                assert app.screen is not base, f"{where}: nothing opened"  # the visit saw what it meant to
            visited.append(where)
            words = english_labels(app, allowed)
            for notice in app._notifications:  # the toasts so far (their text, not where they sit)
                words += [w for w in WORD.findall(f"{notice.title} {notice.message}")
                          if w not in allowed and w.lower() not in allowed]
            if words:
                seen[where] = sorted(set(words))
            for key in closing.split():
                await pilot.press(key)
                await workers_done(pilot)
    assert not seen, "English on a Chinese screen:\n" + "\n".join(f"  {where}: {' '.join(words)}" for where, words in seen.items())
