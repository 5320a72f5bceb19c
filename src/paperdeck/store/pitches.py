"""Pitch sections, their version history and rehearsal runs.

A section is saved on every autosave (one small transaction, committed at once, so a killed
process loses nothing that was saved). Versions are whole-pitch snapshots taken at moments
that matter (leaving the editor, before a restore, every few minutes while typing).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..models.common import to_iso, utcnow
from ..models.pitch import Lap, PitchPart, PitchSection, PitchVersion, Rehearsal
from . import undo, versions
from .speech_counts import counted
from .errors import ConflictError, NotFound, ValidationError
from .tables import GUIDE_ITEMS, PITCH_SECTIONS, PITCH_VERSIONS, REHEARSALS

if TYPE_CHECKING:
    from ..domain.speaking import SpeechCount
    from .store import Store

# The guide's five parts, used when the guide items were deleted or never seeded.
FALLBACK_PARTS = (
    PitchPart("pitch.background", "背景问题", "Why this paper?"),
    PitchPart("pitch.method", "你的方法", "What's new?"),
    PitchPart("pitch.results", "核心结果", "What's the gain?"),
    PitchPart("pitch.highlight", "创新亮点", "One-line summary"),
    PitchPart("pitch.extensions", "可扩展方向 / 应用落地", "Future directions / Real-world use"),
)
# What `str.strip()` strips: every character for which `str.isspace()` holds (a test keeps
# it so), for SQLite's trim(X, Y) to decide "has text" as Python does.
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
              "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
MAX_BODY_CHARS = 200_000
SCOPE = "pitch"  # the undo journal of rehearsals
VERSIONS_KEPT = 200


class PitchRepo:
    def __init__(self, store: "Store"):
        self.store = store

    # -- the guide's parts ------------------------------------------------------------------

    def parts(self) -> list[PitchPart]:
        rows = self.store.rows("SELECT * FROM guide_items WHERE kind = 'pitch_part' ORDER BY position, id")
        parts = []
        for item in map(GUIDE_ITEMS.from_row, rows):
            parts.append(PitchPart(
                key=item.key, zh=item.zh, en=item.en,
                example_zh=str(item.data.get("example_zh", "")), example_en=str(item.data.get("example_en", "")),
            ))
        return parts or list(FALLBACK_PARTS)

    def target_minutes(self) -> tuple[float, float]:
        """The pitch's target in minutes: the `pitch_minutes` setting, else the guide's (5-8)."""
        chosen = self.store.settings.load().pitch_minutes
        if chosen is not None:
            return chosen
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
        return {row["part_key"]: PITCH_SECTIONS.from_row(row) for row in rows}

    def counts_by_paper(self) -> dict[int, dict[str, tuple[bool, "SpeechCount"]]]:
        """paper id -> {part key: (has text, its speaking count)} of its saved parts, for every
        paper, in one query: the stored counts (migration 0010), else counted here. "Has text"
        is decided in SQL: a counted word or CJK character is text (neither is ever whitespace),
        else the body trimmed of `str.strip`'s whitespace; a body is read only to be counted."""
        from ..domain.speaking import SpeechCount, count_speech

        found: dict[int, dict[str, tuple[bool, SpeechCount]]] = {}
        made: dict[tuple[int, int], SpeechCount] = {}  # counts repeat: one (frozen) object each
        for paper_id, part_key, uncounted, has_text, words, cjk_chars in self.store.rows(
                "SELECT paper_id, part_key, CASE WHEN words IS NULL OR cjk_chars IS NULL THEN body END, "
                "CASE WHEN words > 0 OR cjk_chars > 0 THEN 1 ELSE trim(body, ?) <> '' END, words, cjk_chars "
                "FROM pitch_sections",
                (WHITESPACE,)):
            if uncounted is not None:  # not counted when saved (both counts are stored, or neither is used)
                count = count_speech(uncounted)
                found.setdefault(paper_id, {})[part_key] = (bool(uncounted.strip()), count)
            else:
                count = made.get((words, cjk_chars))
                if count is None:
                    count = made[(words, cjk_chars)] = SpeechCount(words, cjk_chars)
                found.setdefault(paper_id, {})[part_key] = (bool(has_text), count)
        return found

    def last_edited_paper(self, among: set[int]) -> int | None:
        """Of these papers, the one whose pitch text was saved last (None: none has any)."""
        for paper_id, in self.store.rows(
                "SELECT paper_id FROM pitch_sections WHERE body <> '' ORDER BY updated_at DESC, id DESC"):
            if paper_id in among:
                return paper_id
        return None

    def bodies(self, paper_id: int) -> dict[str, str]:
        """part key -> text, for every part of the guide (empty when not written yet)."""
        saved = self.sections(paper_id)
        bodies = {part.key: saved[part.key].body if part.key in saved else "" for part in self.parts()}
        for key, section in saved.items():  # a part the guide no longer has keeps its text
            bodies.setdefault(key, section.body)
        return bodies

    def part_versions(self, paper_id: int) -> dict[str, int]:
        """part key -> version of its saved text (a part never saved is version 0)."""
        rows = self.store.rows("SELECT part_key, version FROM pitch_sections WHERE paper_id = ?", (paper_id,))
        return {part_key: version for part_key, version in rows}

    def save_section(self, paper_id: int, part_key: str, body: str, expected_version: int | None = None) -> int:
        """Autosave one part; returns its version. Unchanged text writes nothing.

        `expected_version` is the version the editor loaded (0: the part had no text saved);
        if the part was saved elsewhere since, ConflictError carries the stored text. A paper
        deleted meanwhile raises NotFound: the text is never saved into another paper.
        """
        if len(body) > MAX_BODY_CHARS:
            raise ValidationError(f"a pitch part is limited to {MAX_BODY_CHARS:,} characters", field="body")
        with self.store.transaction() as conn:
            self._require_paper(paper_id)
            row = conn.execute("SELECT * FROM pitch_sections WHERE paper_id = ? AND part_key = ?",
                               (paper_id, part_key)).fetchone()
            if row is None:
                if expected_version:  # it had text when loaded; the row went with a restore or undo
                    raise ConflictError(f"pitch part {part_key} was changed elsewhere", 0,
                                        theirs={"part_key": part_key, "body": "", "version": 0})
                count = counted(body)
                conn.execute("INSERT INTO pitch_sections(paper_id, part_key, body, updated_at, words, cjk_chars) "
                             "VALUES (?, ?, ?, ?, ?, ?)",
                             (paper_id, part_key, body, to_iso(utcnow()), count["words"], count["cjk_chars"]))
                return 1
            # 0 = "it had no text when I loaded it": text saved elsewhere since is a conflict too.
            versions.require(conn, "pitch_sections", row["id"], -1 if expected_version == 0 else expected_version,
                             f"pitch part {part_key}")
            if row["body"] == body:
                return int(row["version"])
            count = counted(body)
            conn.execute("UPDATE pitch_sections SET body = ?, updated_at = ?, version = version + 1, words = ?, "
                         "cjk_chars = ? WHERE id = ?",
                         (body, to_iso(utcnow()), count["words"], count["cjk_chars"], row["id"]))
            return int(row["version"]) + 1

    def save_sections(self, paper_id: int, bodies: dict[str, str],
                      expected: dict[str, int] | None = None) -> dict[str, int]:
        """Save several parts in one transaction (all or none); part key -> its new version.
        `expected`: the versions the editor loaded (parts not named are not checked)."""
        saved = {}
        with self.store.transaction():
            for key, body in bodies.items():
                saved[key] = self.save_section(paper_id, key, body, (expected or {}).get(key))
        return saved

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
            version_id = PITCH_VERSIONS.insert(conn, paper_id=paper_id, sections=bodies, created_at=utcnow())
            conn.execute(
                "DELETE FROM pitch_versions WHERE paper_id = ? AND id NOT IN "
                "(SELECT id FROM pitch_versions WHERE paper_id = ? ORDER BY id DESC LIMIT ?)",
                (paper_id, paper_id, VERSIONS_KEPT),
            )
        return self.version(version_id)

    def versions(self, paper_id: int) -> list[PitchVersion]:
        """Newest first."""
        rows = self.store.rows("SELECT * FROM pitch_versions WHERE paper_id = ? ORDER BY id DESC", (paper_id,))
        return PITCH_VERSIONS.from_rows(rows)

    def latest_version(self, paper_id: int) -> PitchVersion | None:
        row = self.store.row("SELECT * FROM pitch_versions WHERE paper_id = ? ORDER BY id DESC LIMIT 1", (paper_id,))
        return None if row is None else PITCH_VERSIONS.from_row(row)

    def version(self, version_id: int) -> PitchVersion:
        row = self.store.row("SELECT * FROM pitch_versions WHERE id = ?", (version_id,))
        if row is None:
            raise NotFound(f"no pitch version {version_id}")
        return PITCH_VERSIONS.from_row(row)

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
        with self.store.transaction() as conn:
            rehearsal_id = REHEARSALS.insert(
                conn, paper_id=paper_id, started_at=started_at, total_ms=total, laps=tuple(laps),
                words=sum(lap.words for lap in laps), cjk_chars=sum(lap.cjk_chars for lap in laps),
            )
        return self.rehearsals(paper_id, rehearsal_id=rehearsal_id)[0]

    def rehearsals(self, paper_id: int | None = None, *, rehearsal_id: int | None = None) -> list[Rehearsal]:
        """Newest first; every paper's when `paper_id` is None (rates are the speaker's, not the paper's)."""
        sql, params = "SELECT * FROM rehearsals WHERE 1=1", []
        if paper_id is not None:
            sql, params = sql + " AND paper_id = ?", [*params, paper_id]
        if rehearsal_id is not None:
            sql, params = sql + " AND id = ?", [*params, rehearsal_id]
        return REHEARSALS.from_rows(self.store.rows(sql + " ORDER BY id DESC", params))

    def delete_rehearsal(self, rehearsal_id: int) -> None:
        """Delete one rehearsal run: one undo entry of the pitch journal."""
        run = self.rehearsals(rehearsal_id=rehearsal_id)
        if not run:
            raise NotFound(f"no rehearsal #{rehearsal_id}")
        with self.store.transaction() as conn:
            undo.journal_delete(conn, SCOPE, f"delete the rehearsal of {run[0].started_at:%Y-%m-%d %H:%M}",
                                "rehearsals", [rehearsal_id])

    def _require_paper(self, paper_id: int) -> None:
        if self.store.scalar("SELECT 1 FROM papers WHERE id = ?", (paper_id,)) is None:
            raise NotFound(f"no paper with id {paper_id}")
