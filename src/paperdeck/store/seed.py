"""Seeding the database from `seed/*.yaml`: the guide as data.

Every seeded thing has a stable key. A key is inserted once and recorded in `seed_applied`;
afterwards the row may be updated from a newer seed only while the user has not edited it,
and it is never inserted again, so deleting a seeded item is final. The seed files' hash is
kept in the settings table (outside the settings catalogue): an unchanged seed costs one query at start-up and no YAML parsing.
"""

from __future__ import annotations

import hashlib
import os
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..models.common import to_iso, utcnow
from ..paths import package_resource
from .venue_seed import seed_deadlines

if TYPE_CHECKING:
    import sqlite3

    from .store import Store

SEED_FILES = ("guide.yaml", "venues.yaml", "deadlines.yaml", "papers.yaml", "talking_points.yaml")
SEED_HASH_SETTING = "seed_hash"
# The sections of guide.yaml, their item kind, and the kinds of their nested lists.
GUIDE_SECTIONS = {
    "intro": "intro",
    "reasons": "reason",
    "topics": "topic",
    "stages": "stage",
    "prep": "prep",
    "rhythm": "rhythm",
    "interview_intro": "pitch_intro",
    "pitch_parts": "pitch_part",
    "resume_formats": "resume_format",
    "question_categories": "question_category",
    "tips": "tip",
    "platforms": "platform",
}
NESTED_KINDS = {"tasks": "task", "tools": "tool", "questions": "question"}


def seed_dir() -> Path:
    return package_resource("seed")


def seed_hash(directory: Path | None = None) -> str:
    """A digest of the seed files and of the seeders' code (`store/*seed*.py`).

    The code counts too: a new seeder (say, decks) must run on a database seeded before it
    existed, even though no YAML changed.
    """
    directory = directory or seed_dir()
    digest = hashlib.sha256()
    sources = [directory / name for name in SEED_FILES]
    sources += sorted(Path(__file__).parent.glob("*seed*.py"))
    for path in sources:
        if path.exists():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def seed_if_needed(store: "Store") -> bool:
    """Seed when the seed files changed since the last run. Returns whether it seeded."""
    current = seed_hash()
    stored = store.scalar("SELECT value FROM settings WHERE key = ?", (SEED_HASH_SETTING,))
    if stored == json.dumps(current):
        return False
    seed_all(store)
    with store.transaction() as conn:
        conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (SEED_HASH_SETTING, json.dumps(current)))
    return True


def load_yaml(name: str) -> Any:
    import yaml

    path = seed_dir() / name
    if not path.exists():
        return None
    return yaml.safe_load(path.read_text("utf-8"))


# Seeders run in this order, each inside the one seeding transaction.
def seed_all(store: "Store") -> None:
    from .card_seed import seed_decks
    from .paper_seed import seed_sample_papers

    with store.transaction() as conn:
        seeder = Seeder(conn)
        seed_guide(seeder, load_yaml("guide.yaml") or {})
        seed_venues(seeder, load_yaml("venues.yaml") or {})
        seed_deadlines(seeder, load_yaml("deadlines.yaml") or {})
        seed_decks(seeder)
        if sample_papers_wanted():
            seed_sample_papers(seeder)


def sample_papers_wanted() -> bool:
    """The guide's two example papers seed a new database, so the Pitch and Resume screens
    have something to show. `PAPERDECK_NO_SAMPLES=1` keeps the board empty (scripts, tests)."""
    return os.environ.get("PAPERDECK_NO_SAMPLES", "") in ("", "0")


class Seeder:
    """Applies seed rows by key: insert once, update while unedited, never resurrect."""

    def __init__(self, conn: "sqlite3.Connection"):
        self.conn = conn
        self.now = to_iso(utcnow())
        self.applied = {row[0] for row in conn.execute("SELECT key FROM seed_applied")}

    def is_new(self, key: str) -> bool:
        return key not in self.applied

    def mark(self, key: str) -> None:
        if key not in self.applied:
            self.conn.execute("INSERT INTO seed_applied(key, applied_at) VALUES (?, ?)", (key, self.now))
            self.applied.add(key)

    def upsert(self, table: str, key_column: str, key: str, values: dict[str, Any], seed_key: str | None = None) -> int | None:
        """Insert `values` once; refresh an existing row unless the user edited it.

        Returns the row id, or None when the user deleted the seeded row.
        """
        seed_key = seed_key or f"{table}:{key}"
        row = self.conn.execute(
            f"SELECT id, user_edited FROM {table} WHERE {key_column} = ?", (key,)
        ).fetchone()
        if row is None:
            if not self.is_new(seed_key):
                return None  # the user deleted it
            columns = [key_column, *values]
            placeholders = ", ".join("?" for _ in columns)
            cursor = self.conn.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",
                [key, *values.values()],
            )
            self.mark(seed_key)
            return cursor.lastrowid
        self.mark(seed_key)
        if not row["user_edited"]:
            assignments = ", ".join(f"{column} = ?" for column in values)
            self.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), row["id"]])
        return row["id"]


def _text(item: dict[str, Any]) -> tuple[str, str]:
    if "zh" in item or "en" in item:
        return str(item.get("zh", "")), str(item.get("en", item.get("zh", "")))
    name = str(item.get("name", item.get("key", "")))
    return name, name


def guide_rows(guide: dict[str, Any]) -> Iterable[dict[str, Any]]:
    """Flatten guide.yaml into guide_items rows."""
    for section, kind in GUIDE_SECTIONS.items():
        entries = guide.get(section)
        if entries is None:
            continue
        if isinstance(entries, dict):
            entries = [entries]
        for position, item in enumerate(entries):
            yield from _item_rows(item, kind, None, position)


def _item_rows(item: dict[str, Any], kind: str, parent: str | None, position: int) -> Iterable[dict[str, Any]]:
    zh, en = _text(item)
    data = {k: v for k, v in item.items() if k not in ("key", "zh", "en") and k not in NESTED_KINDS}
    yield {
        "key": item["key"],
        "kind": kind,
        "parent_key": parent,
        "position": position,
        "zh": zh,
        "en": en,
        "data": json.dumps(data, ensure_ascii=False),
    }
    for nested, nested_kind in NESTED_KINDS.items():
        for child_position, child in enumerate(item.get(nested) or []):
            yield from _item_rows(child, nested_kind, item["key"], child_position)


def seed_guide(seeder: Seeder, guide: dict[str, Any]) -> None:
    for row in guide_rows(guide):
        key = row.pop("key")
        seeder.upsert("guide_items", "key", key, row, seed_key=f"guide:{key}")


def seed_venues(seeder: Seeder, venues: dict[str, Any]) -> None:
    groups = {group["key"]: group for group in venues.get("groups", [])}
    # The guide's venue table, row by row, as guide items too (its wording, verbatim).
    for position, group in enumerate(groups.values()):
        data = {k: v for k, v in group.items() if k not in ("key", "venues_zh", "field_en")}
        row = {
            "kind": "venue_group", "parent_key": None, "position": position,
            "zh": group.get("venues_zh", ""), "en": group.get("field_en", ""),
            "data": json.dumps(data, ensure_ascii=False),
        }
        seeder.upsert("guide_items", "key", group["key"], row, seed_key=f"guide:{group['key']}")
    for venue in venues.get("venues", []):
        group = groups.get(venue.get("group"), {})
        note_zh = venue.get("guide_note_zh", "")
        values = {
            "name": venue["name"],
            "full_name": venue.get("full_name", ""),
            "group_key": venue.get("group"),
            "field_zh": group.get("field_zh", ""),
            "field_en": group.get("field_en", ""),
            "paper_types_zh": group.get("paper_types_zh", ""),
            "paper_types_en": group.get("paper_types_en", ""),
            "guide_note_zh": note_zh,
            "guide_note_en": venue.get("guide_note_en", ""),
            "url": venue.get("url", ""),
            "seed_key": venue["key"],
            "updated_at": seeder.now,
        }
        seeder.upsert("venues", "key", venue["key"], values, seed_key=f"venue:{venue['key']}")
