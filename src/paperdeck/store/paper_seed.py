"""Seeding the guide's two example papers (seed/papers.yaml) as sample papers.

Inserted once per seed key, refreshed while the user has not edited them, never brought
back once deleted (Seeder's rules). A paper the user already has under the same title is
left alone: the sample is then considered applied.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..models.papers import Stage
from .papers import insert_paper

if TYPE_CHECKING:
    from .seed import Seeder


def seed_sample_papers(seeder: "Seeder") -> None:
    from .seed import load_yaml

    for item in (load_yaml("papers.yaml") or {}).get("papers", []):
        _seed_one(seeder, item)


def _values(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "venue_key": item.get("venue"), "target_year": item.get("year"), "track": item.get("track"),
        "topic_key": item.get("topic"), "decision": item.get("decision"), "award": item.get("award"),
        "contribution": item.get("contribution", ""), "result": item.get("result", ""),
        "bullets": json.dumps(item.get("bullets", []), ensure_ascii=False),
        "selected": int(bool(item.get("selected"))),
    }


def _seed_one(seeder: "Seeder", item: dict[str, Any]) -> None:
    conn = seeder.conn
    seed_key = f"paper:{item['key']}"
    values = _values(item)
    row = conn.execute("SELECT id, user_edited FROM papers WHERE seed_key = ?", (item["key"],)).fetchone()
    if row is not None:
        seeder.mark(seed_key)
        if not row["user_edited"]:
            assignments = ", ".join(f"{column} = ?" for column in values)
            conn.execute(f"UPDATE papers SET {assignments}, title = ? WHERE id = ?", [*values.values(), item["title"], row["id"]])
        return
    if not seeder.is_new(seed_key):
        return  # the user deleted it
    seeder.mark(seed_key)
    if conn.execute("SELECT 1 FROM papers WHERE lower(title) = lower(?)", (item["title"],)).fetchone():
        return  # the user entered this paper already
    paper_id = insert_paper(conn, item["title"], Stage(item.get("stage", "ideation")), {**values, "seed_key": item["key"]}, seeder.now)
    submission = item.get("submission")
    if submission:
        conn.execute(
            "INSERT INTO submissions(paper_id, venue_key, venue_name, year, track, decision) VALUES (?, ?, ?, ?, ?, ?)",
            (paper_id, item.get("venue"), submission["venue_name"], submission.get("year"),
             submission.get("track"), submission.get("decision")),
        )
