"""The seed must cover every item of the Chinese guide it was built from.

`guide_fragments` and `is_covered` take plain strings, so a later test can
check the same fragments against the seeded database.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
GUIDE_NAME = "000_180c943755682910.txt"
SEED_FILES = [REPO / "seed" / "guide.yaml", REPO / "seed" / "venues.yaml"]

EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d]")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
LEAD_IN = re.compile(r"^(?:例如|比如)[：:]\s*")  # "e.g.:" before a quoted example
TABLE_SEPARATOR = re.compile(r"^\|?[\s:|-]+\|?$")
NAV_LINK = re.compile(r"\S+\.md$")  # "返回上级：….md" footer
# When a fragment is not found whole, split it coarse-to-fine and look for the parts.
SPLIT_LEVELS = [r"[：:（）()]", r"[，。？；,?;]", r"\s\+\s|[、/]"]


def guide_path() -> Path:
    """$PAPERDECK_GUIDE, else `shared/` beside the clone (CI) or beside any parent (worktrees)."""
    env = os.environ.get("PAPERDECK_GUIDE")
    if env:
        return Path(env)
    for parent in REPO.parents:
        candidate = parent / "shared" / GUIDE_NAME
        if candidate.is_file():
            return candidate
    return REPO.parent / "shared" / GUIDE_NAME


def _is_table_row(line: str) -> bool:
    return line.lstrip().startswith("|") or "\t" in line


def _clean(text: str) -> str:
    return EMOJI.sub("", text).replace("**", "").strip()


def _is_caption(lines: list[str], i: int) -> bool:
    """An emoji line introducing a table or list acts as a section heading."""
    if not EMOJI.match(lines[i].strip()):
        return False
    following = next((line for line in lines[i + 1 :] if line.strip()), "")
    return _is_table_row(following) or bool(LIST_MARKER.match(following))


def guide_fragments(text: str) -> list[str]:
    """Substantive text of every table cell, list item and prose/example line.

    Skips headings, rules, fences, table headers, captions and the footer link.
    Tables may be markdown (`|`) or tab-separated; the guide uses both.
    """
    lines = text.splitlines()
    fragments: list[str] = []
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line or line.startswith(("#", "```")) or TABLE_SEPARATOR.match(line):
            continue
        if _is_table_row(raw):
            if line.startswith("|"):
                following = lines[i + 1].strip() if i + 1 < len(lines) else ""
                if TABLE_SEPARATOR.match(following) and "-" in following:
                    continue  # header row
                cells = line.strip("|").split("|")
            else:
                if i == 0 or not _is_table_row(lines[i - 1]):
                    continue  # header row
                cells = line.split("\t")
            fragments += [cell for cell in map(_clean, cells) if cell]
        elif not (_is_caption(lines, i) or NAV_LINK.search(line)):
            fragment = LEAD_IN.sub("", _clean(LIST_MARKER.sub("", line)))
            if fragment:
                fragments.append(fragment)
    return fragments


def normalise(text: str) -> str:
    """Letters and digits only, so markdown, emoji, spacing and punctuation don't matter."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def is_covered(fragment: str, haystack: list[str], level: int = 0) -> bool:
    """True if `fragment`, or failing that each of its parts, occurs in one of the
    (already normalised) `haystack` strings."""
    needle = normalise(fragment)
    if not needle or any(needle in text for text in haystack):
        return True
    for depth in range(level, len(SPLIT_LEVELS)):
        parts = [p for p in re.split(SPLIT_LEVELS[depth], fragment) if normalise(p)]
        if len(parts) > 1:
            return all(is_covered(part, haystack, depth + 1) for part in parts)
    return False


def _walk(node):
    """Yield (field, value) for every scalar field in a loaded YAML tree."""
    if isinstance(node, dict):
        for field, value in node.items():
            if isinstance(value, (dict, list)):
                yield from _walk(value)
            else:
                yield field, value
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def _dicts(node):
    if isinstance(node, dict):
        yield node
        node = list(node.values())
    if isinstance(node, list):
        for item in node:
            yield from _dicts(item)


@pytest.fixture(scope="module")
def guide_text() -> str:
    path = guide_path()
    if not path.is_file():
        pytest.skip(f"guide not found at {path} (set PAPERDECK_GUIDE to its path)")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in SEED_FILES}


def test_parser_finds_the_guide_items(guide_text):
    fragments = guide_fragments(guide_text)
    for expected in ["阅读论文 + 思考未解决问题", "ACL ARR x2 / Under Review", "背景问题（Why this paper?）"]:
        assert expected in fragments
    assert not any(f in ("会议", "方向", "平台", "问题示例") for f in fragments), "table headers leaked"
    assert len(fragments) >= 80


def test_every_guide_item_is_in_the_seed(guide_text, seed):
    haystack = [normalise(value) for _, value in _walk(seed) if isinstance(value, str)]
    missing = [f for f in guide_fragments(guide_text) if not is_covered(f, haystack)]
    assert not missing, "guide items missing from seed/*.yaml:\n" + "\n".join(missing)


def test_every_guide_item_is_in_the_seeded_database(guide_text, store):
    """The same check against what the first start wrote into SQLite, not just the files."""
    import json

    haystack = []
    for row in store.rows("SELECT zh, en, data FROM guide_items"):
        haystack += [normalise(row["zh"]), normalise(row["en"])]
        haystack += [normalise(v) for _, v in _walk(json.loads(row["data"])) if isinstance(v, str)]
    for row in store.rows("SELECT * FROM venues"):
        haystack += [normalise(str(row[c])) for c in row.keys() if isinstance(row[c], str)]
    missing = [f for f in guide_fragments(guide_text) if not is_covered(f, haystack)]
    assert not missing, "guide items missing from the seeded database:\n" + "\n".join(missing)


VERBATIM_FIELDS = {"zh", "title_zh", "example_zh", "examples", "venues_zh", "field_zh",
                   "paper_types_zh", "guide_note_zh", "guide_label", "label", "example"}


def test_chinese_fields_quote_the_guide_verbatim(guide_text, seed):
    plain = guide_text.replace("**", "")
    not_verbatim = [
        line
        for field, value in _walk(seed)
        if field in VERBATIM_FIELDS
        for line in str(value).splitlines()
        if line not in plain
    ]
    assert not not_verbatim, "not verbatim from the guide:\n" + "\n".join(not_verbatim)


def test_every_chinese_field_has_an_english_rendering(seed):
    cjk = re.compile(r"[\u4e00-\u9fff]")
    untranslated = []
    for item in _dicts(seed):
        for field, value in item.items():
            if isinstance(value, str) and cjk.search(value):
                en_field = "en" if field == "zh" else re.sub(r"(_zh)?$", "_en", field, count=1)
                if not str(item.get(en_field) or "").strip():
                    untranslated.append(f"{item.get('key')}.{field}")
    assert not untranslated, untranslated


def test_keys_are_unique(seed):
    keys = Counter(item["key"] for item in _dicts(seed) if "key" in item)
    assert not [k for k, n in keys.items() if n > 1]


def test_references_and_order(seed):
    guide, venues = seed["guide"], seed["venues"]
    assert [s["stage"] for s in guide["stages"]] == [
        "ideation", "design", "experiments", "writing", "submission"]

    venue_keys = {v["key"] for v in venues["venues"]}
    group_keys = {g["key"] for g in venues["groups"]}
    assert {k for r in guide["rhythm"] for k in r["venues"]} <= venue_keys
    assert {v["group"] for v in venues["venues"]} <= group_keys

    # Every venue named in a group's cell has its own entry (by name or alias).
    names = {n for v in venues["venues"] for n in [v["name"], *v.get("aliases", [])]}
    for group in venues["groups"]:
        cell = re.sub(r"\(.*?\)", "", group["venues_zh"])
        assert {n.strip() for n in cell.split("/")} <= names, group["key"]
