"""The stored speaking counts of pitch sections (migration 0010): words and CJK characters,
counted from the body when it is saved (`counted`), so that timing every pitch (the Dashboard, `paperdeck
today`) reads two numbers instead of running two regexes over every text.

NULL counts mean "not counted" (rows written before 0010, by a bulk load, or a body changed
without its counts: the trigger clears them). Readers count such a body themselves
(`PitchRepo.counts_by_paper`); a writer's open fills them in (`fill_missing`).
"""

from __future__ import annotations

import sqlite3

FILL_CHUNK = 2_000
# (domain.speaking is imported where it is used: compiling its patterns costs every command's
# start ~15 ms, and most commands never count speech.)


def counted(body: str) -> dict[str, int]:
    """The count columns for a body about to be saved."""
    from ..domain.speaking import count_speech

    count = count_speech(body)
    return {"words": count.words, "cjk_chars": count.cjk_chars}


def fill_missing(conn: sqlite3.Connection) -> int:
    """Count every section whose counts are not stored; returns how many. Each chunk is its own
    short write transaction, read and written in it (another process's save cannot slip
    between); a first open after the migration counts every section once."""
    filled = 0
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            rows = conn.execute(
                "SELECT id, body FROM pitch_sections WHERE words IS NULL OR cjk_chars IS NULL LIMIT ?",
                (FILL_CHUNK,),
            ).fetchall()
            if rows:
                from ..domain.speaking import count_speech

                values = []
                for row_id, body in rows:
                    count = count_speech(body)
                    values.append((count.words, count.cjk_chars, row_id))
                conn.executemany("UPDATE pitch_sections SET words = ?, cjk_chars = ? WHERE id = ?", values)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        if not rows:
            return filled
        filled += len(rows)
