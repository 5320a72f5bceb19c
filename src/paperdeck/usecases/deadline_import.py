"""Read a tracker's file from disk and parse it (domain.trackers)."""

from __future__ import annotations

from pathlib import Path

from ..domain.trackers import MAX_FILE_BYTES, ParseResult, parse_text


def parse_file(path: str | Path) -> ParseResult:
    """Read one tracker file. An unreadable file is a single problem, never an exception."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            result = ParseResult(file=str(path))
            result.problem("(file)", f"too large ({size} bytes; at most {MAX_FILE_BYTES})")
            return result
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        result = ParseResult(file=str(path))
        result.problem("(file)", f"cannot read: {getattr(error, 'strerror', None) or error}")
        return result
    result = parse_text(text, path.name)
    result.file = str(path)
    return result
