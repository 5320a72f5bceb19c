"""What `deadlines update` keeps between runs: each tracker file's validators (for conditional
requests) and where each venue's file was found in each tracker."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..models.common import to_iso, utcnow

if TYPE_CHECKING:
    from .store import Store


def validators(store: "Store", urls: Iterable[str]) -> dict[str, tuple[str, str]]:
    """url -> (ETag, Last-Modified) of the last applied read."""
    urls = list(urls)
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(urls), 500):
        part = urls[start:start + 500]
        marks = ", ".join("?" for _ in part)
        for row in store.rows(f"SELECT url, etag, last_modified FROM tracker_cache WHERE url IN ({marks})", part):
            found[row["url"]] = (row["etag"], row["last_modified"])
    return found


def remember(store: "Store", read: Iterable[tuple[str, str, str]], paths: dict[str, dict[str, str]]) -> None:
    """Keep each (url, ETag, Last-Modified) read and applied, and each venue's tracker paths
    (venue key -> tracker -> path)."""
    now = to_iso(utcnow())
    with store.transaction() as conn:
        for url, etag, modified in read:
            conn.execute(
                "INSERT INTO tracker_cache (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
                "checked_at = excluded.checked_at",
                (url, etag, modified, now),
            )
        for key, found in paths.items():
            row = conn.execute("SELECT tracker_paths FROM venues WHERE key = ?", (key,)).fetchone()
            if row is None:
                continue
            try:
                current = json.loads(row[0] or "{}")
            except ValueError:
                current = {}
            current = current if isinstance(current, dict) else {}
            current.update(found)
            conn.execute("UPDATE venues SET tracker_paths = ? WHERE key = ?", (json.dumps(current), key))


def forget(store: "Store", urls: Iterable[str]) -> None:
    """Drop validators (a file read but not applied must be read in full next time)."""
    with store.transaction() as conn:
        conn.executemany("DELETE FROM tracker_cache WHERE url = ?", [(url,) for url in urls])
