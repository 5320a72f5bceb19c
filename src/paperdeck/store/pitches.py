"""Pitch sections, their version history and rehearsal runs.

A section is saved on every autosave (one small transaction, committed at once, so a killed
process loses nothing that was saved). Versions are whole-pitch snapshots taken at moments
that matter (leaving the editor, before a restore, every few minutes while typing).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..models.common import from_iso, to_iso, utcnow
from ..models.pitch import Lap, PitchPart, PitchSection, PitchVersion, Rehearsal
from .errors import NotFound, ValidationError

if TYPE_CHECKING:
    from .store import Store

# The guide's five parts, used when the guide items were deleted or never seeded.
FALLBACK_PARTS = (
    PitchPart("pitch.background", "背景问题", "Why this paper?"),
    PitchPart("pitch.method", "你的方法", "What's new?"),
    PitchPart("pitch.results", "核心结果", "What's the gain?"),
    PitchPart("pitch.highlight", "创新亮点", "One-line summary"),
    PitchPart("pitch.extensions", "可扩展方向 / 应用落地", "Future directions / Real-world use"),
)
MAX_BODY_CHARS = 200_000
VERSIONS_KEPT = 200


class PitchRepo:
    def __init__(self, store: "Store"):
        self.store = store

    # -- the guide's parts ------------------------------------------------------------------

    def parts(self) -> list[PitchPart]:
        rows = self.store.rows("SELECT * FROM guide_items WHERE kind = 'pitch_part' ORDER BY position, id")
        parts = []
        for row in rows:
            data = json.loads(row["data"] or "{}")
            parts.append(PitchPart(
                key=row["key"], zh=row["zh"], en=row["en"],
                example_zh=str(data.get("example_zh", "")), example_en=str(data.get("example_en", "")),
            ))
        return parts or list(FALLBACK_PARTS)

    def target_minutes(self) -> tuple[float, float]:
        raw = self.store.scalar("SELECT data FROM guide_items WHERE key = 'pitch.intro'")
        data = json.loads(raw or "{}")
        try:
            low, high = float(data.get("min_minutes", 5)), float(data.get("max_minutes", 8))
        except (TypeError, ValueError):
            return (5.0, 8.0)
        return (low, high) if 0 < low <= high else (5.0, 8.0)

    # -- sections ---------------------------------------------------------------------------

    def sections(self, paper_id: int) -> dict[str, PitchSection]:
        rows = self.store.rows("SELECT * FROM pitch_sections WHERE paper_id = ?", (paper_id,))
        return {
            row["part_key"]: PitchSection(
                id=row["id"], paper_id=row["paper_id"], part_key=row["part_key"], body=row["body"],
                updated_at=from_iso(row["updated_at"]), version=row["version"],
            )
            for row in rows
        }

    def bodies_by_paper(self) -> dict[int, dict[str, str]]:
        """paper id -> {part key: text} of its saved parts, for every paper, in one query."""
        found: dict[int, dict[str, str]] = {}
        for paper_id, part_key, body in self.store.rows("SELECT paper_id, part_key, body FROM pitch_sections"):
            found.setdefault(paper_id, {})[part_key] = body
        return found

    def bodies(self, paper_id: int) -> dict[str, str]:
        """part key -> text, for every part of the guide (empty when not written yet)."""
        saved = self.sections(paper_id)
        bodies = {part.key: saved[part.key].body if part.key in saved else "" for part in self.parts()}
        for key, section in saved.items():  # a part the guide no longer has keeps its text
            bodies.setdefault(key, section.body)
        return bodies

    def save_section(self, paper_id: int, part_key: str, body: str) -> None:
        """Autosave one part. Unchanged text writes nothing."""
        if len(body) > MAX_BODY_CHARS:
            raise ValidationError(f"a pitch part is limited to {MAX_BODY_CHARS:,} characters", field="body")
        self._require_paper(paper_id)
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO pitch_sections(paper_id, part_key, body, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(paper_id, part_key) DO UPDATE SET body = excluded.body, "
                "updated_at = excluded.updated_at, version = version + 1 WHERE body <> excluded.body",
                (paper_id, part_key, body, to_iso(utcnow())),
            )

    def save_sections(self, paper_id: int, bodies: dict[str, str]) -> None:
        with self.store.transaction():
            for key, body in bodies.items():
                self.save_section(paper_id, key, body)

    # -- versions ---------------------------------------------------------------------------

    def snapshot(self, paper_id: int, *, min_interval: timedelta | None = None) -> PitchVersion | None:
        """Record the pitch as a version unless it equals the last one (or the last is too recent)."""
        bodies = {k: v for k, v in self.bodies(paper_id).items() if v}
        last = self.latest_version(paper_id)
        if last is not None:
            if last.sections == bodies:
                return None
            if min_interval and last.created_at and utcnow() - last.created_at < min_interval:
                return None
        elif not bodies:
            return None
        with self.store.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO pitch_versions(paper_id, sections, created_at) VALUES (?, ?, ?)",
                (paper_id, json.dumps(bodies, ensure_ascii=False), to_iso(utcnow())),
            )
            conn.execute(
                "DELETE FROM pitch_versions WHERE paper_id = ? AND id NOT IN "
                "(SELECT id FROM pitch_versions WHERE paper_id = ? ORDER BY id DESC LIMIT ?)",
                (paper_id, paper_id, VERSIONS_KEPT),
            )
        return self.version(int(cursor.lastrowid))

    def versions(self, paper_id: int) -> list[PitchVersion]:
        """Newest first."""
        rows = self.store.rows("SELECT * FROM pitch_versions WHERE paper_id = ? ORDER BY id DESC", (paper_id,))
        return [_version(row) for row in rows]

    def latest_version(self, paper_id: int) -> PitchVersion | None:
        row = self.store.row("SELECT * FROM pitch_versions WHERE paper_id = ? ORDER BY id DESC LIMIT 1", (paper_id,))
        return None if row is None else _version(row)

    def version(self, version_id: int) -> PitchVersion:
        row = self.store.row("SELECT * FROM pitch_versions WHERE id = ?", (version_id,))
        if row is None:
            raise NotFound(f"no pitch version {version_id}")
        return _version(row)

    def restore(self, version_id: int) -> dict[str, str]:
        """Bring back a version. The current text is kept as a version first: nothing is lost."""
        version = self.version(version_id)
        with self.store.transaction():
            self.snapshot(version.paper_id)
            current = self.bodies(version.paper_id)
            restored = {key: version.sections.get(key, "") for key in current.keys() | version.sections.keys()}
            self.save_sections(version.paper_id, restored)
        return self.bodies(version.paper_id)

    # -- rehearsals -------------------------------------------------------------------------

    def add_rehearsal(self, paper_id: int, started_at: datetime, laps: list[Lap], total_ms: int | None = None) -> Rehearsal:
        self._require_paper(paper_id)
        total = int(total_ms if total_ms is not None else sum(lap.ms for lap in laps))
        if total < 0 or any(lap.ms < 0 for lap in laps):
            raise ValidationError("a rehearsal cannot take negative time")
        laps_json = [{"part_key": l.part_key, "ms": int(l.ms), "words": l.words, "cjk_chars": l.cjk_chars} for l in laps]
        with self.store.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO rehearsals(paper_id, started_at, total_ms, laps, words, cjk_chars) VALUES (?, ?, ?, ?, ?, ?)",
                (paper_id, to_iso(started_at), total, json.dumps(laps_json),
                 sum(l.words for l in laps), sum(l.cjk_chars for l in laps)),
            )
        return self.rehearsals(paper_id, rehearsal_id=int(cursor.lastrowid))[0]

    def rehearsals(self, paper_id: int | None = None, *, rehearsal_id: int | None = None) -> list[Rehearsal]:
        """Newest first; every paper's when `paper_id` is None (rates are the speaker's, not the paper's)."""
        sql, params = "SELECT * FROM rehearsals WHERE 1=1", []
        if paper_id is not None:
            sql, params = sql + " AND paper_id = ?", [*params, paper_id]
        if rehearsal_id is not None:
            sql, params = sql + " AND id = ?", [*params, rehearsal_id]
        return [_rehearsal(row) for row in self.store.rows(sql + " ORDER BY id DESC", params)]

    def _require_paper(self, paper_id: int) -> None:
        if self.store.scalar("SELECT 1 FROM papers WHERE id = ?", (paper_id,)) is None:
            raise NotFound(f"no paper with id {paper_id}")


def _version(row) -> PitchVersion:
    try:
        sections = {str(k): str(v) for k, v in json.loads(row["sections"]).items()}
    except (ValueError, AttributeError):
        sections = {}
    return PitchVersion(id=row["id"], paper_id=row["paper_id"], sections=sections, created_at=from_iso(row["created_at"]))


def _rehearsal(row) -> Rehearsal:
    laps = []
    for item in json.loads(row["laps"] or "[]"):
        if isinstance(item, dict):
            laps.append(Lap(str(item.get("part_key", "")), int(item.get("ms", 0)),
                            int(item.get("words", 0)), int(item.get("cjk_chars", 0))))
    return Rehearsal(
        id=row["id"], paper_id=row["paper_id"], started_at=from_iso(row["started_at"]), total_ms=row["total_ms"],
        laps=tuple(laps), words=row["words"], cjk_chars=row["cjk_chars"],
    )
