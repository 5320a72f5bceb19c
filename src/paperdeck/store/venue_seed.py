"""Seeding the true deadlines of recent editions (seed/deadlines.yaml) and each venue's rhythm."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..models.common import to_iso
from ..models.venues import DeadlineKind, deadline_uid

if TYPE_CHECKING:
    from .seed import Seeder


def seed_deadlines(seeder: "Seeder", data: dict[str, Any]) -> None:
    from ..domain.timezones import parse_wall, wall_to_utc

    sources = data.get("sources") or {}
    for venue_key, venue in (data.get("venues") or {}).items():
        row = seeder.conn.execute("SELECT id FROM venues WHERE key = ?", (venue_key,)).fetchone()
        if row is None:
            continue  # the user deleted the venue: its deadlines stay gone too
        venue_id = row["id"]
        seeder.conn.execute(
            "UPDATE venues SET rhythm_zh = ?, rhythm_en = ?, aliases = ? WHERE id = ? AND user_edited = 0",
            (venue.get("rhythm_zh", ""), venue.get("rhythm_en", ""),
             json.dumps(venue.get("aliases") or [], ensure_ascii=False), venue_id),
        )
        for edition in venue.get("editions") or []:
            year = int(edition["year"])
            source = str(sources.get(edition.get("source"), edition.get("source", "")))
            counts: dict[DeadlineKind, int] = {}
            rows = []
            for item in edition.get("deadlines") or []:
                kind = DeadlineKind(item["kind"])
                wall = parse_wall(item["at"])
                at = to_iso(wall_to_utc(wall, item["tz"])) if isinstance(wall, datetime) else None
                on_date = None if at else wall.isoformat()
                rows.append((kind, at, on_date, item["tz"], item.get("label", "")))
            if edition.get("dates"):
                start, end = edition["dates"]
                rows.append((DeadlineKind.CONFERENCE_START, None, str(start), "AoE", "Conference starts"))
                rows.append((DeadlineKind.CONFERENCE_END, None, str(end), "AoE", "Conference ends"))
            for kind, at, on_date, tz, label in rows:
                counts[kind] = counts.get(kind, 0) + 1
                uid = deadline_uid(venue_key, year, kind, counts[kind])
                values = {
                    "venue_id": venue_id, "edition_year": year, "kind": kind.value, "label": label,
                    "at_utc": at, "on_date": on_date, "tz_label": tz, "source": source,
                    "updated_at": seeder.now,
                }
                seeder.upsert("deadlines", "uid", uid, values, seed_key=f"deadline:{uid}")
