"""The machine's own time zone, read from the environment. The one place that asks the system;
the rules that use a zone live in `domain.timezones`. Imports nothing of paperdeck."""

from __future__ import annotations

import os
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def system_zone() -> tzinfo:
    """$TZ (an IANA name), else the zone /etc/localtime points at, else the C library's
    current offset, else UTC."""
    candidate = os.environ.get("TZ", "").lstrip(":")
    if candidate:
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    try:
        target = str(Path("/etc/localtime").resolve())
        marker = "/zoneinfo/"
        if marker in target:
            return ZoneInfo(target.split(marker, 1)[1])
    except (OSError, ZoneInfoNotFoundError, ValueError):
        pass
    try:
        return datetime.now().astimezone().tzinfo or timezone.utc
    except (OverflowError, ValueError, OSError):
        return timezone.utc
