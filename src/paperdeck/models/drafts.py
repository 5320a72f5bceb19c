"""Text kept aside because what it was written for was deleted elsewhere while it was typed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Draft:
    """Text kept aside (its subject was deleted while it was typed)."""

    id: int
    kind: str        # 'pitch', 'paper', ...
    about: str       # what it was written for, as the user saw it ("pitch of “Title”")
    body: str
    created_at: datetime
