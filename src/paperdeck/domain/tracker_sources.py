"""The public trackers `paperdeck deadlines update` reads, and where a venue's file is in each.

A tracker is named by the base of its repository tree (raw files, no listing):
- ccfddl (github.com/ccfddl/ccf-deadlines): `conference/<SUB>/<name>.yml`, one file per
  series, `<SUB>` one of the categories in `conference/types.yml` (AI, DB, ...);
- hf (github.com/huggingface/ai-deadlines): `src/data/conferences/<name>.yml`.
`<name>` is a short lower-case name (nips.yml for NeurIPS): a venue's candidates are its key,
its name and its aliases, and the path it was found at before comes first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

CCFDDL, HF = "ccfddl", "hf"
DEFAULT_BASES = {
    CCFDDL: "https://raw.githubusercontent.com/ccfddl/ccf-deadlines/main/",
    HF: "https://raw.githubusercontent.com/huggingface/ai-deadlines/main/",
}
NAMES = {CCFDDL: "ccfddl", HF: "Hugging Face ai-deadlines"}
ALIASES = {"ccfddl": CCFDDL, "ccf": CCFDDL, "ccf-deadlines": CCFDDL, "hf": HF, "huggingface": HF,
           "ai-deadlines": HF}
CCF_TYPES = "conference/types.yml"
# ccfddl's categories, when its types.yml cannot be read; most venues here are in AI.
CCF_SUBS = ("AI", "DB", "MX", "HI", "CG", "CT", "SE", "SC", "NW", "DS")
HF_FOLDER = "src/data/conferences/"
OFF = "none"
_NAME = re.compile(r"[^a-z0-9_-]+")


class SourceError(ValueError):
    """A --source the update cannot use."""


def parse_source(text: str) -> tuple[str, str]:
    """"ccfddl=URL" / "hf=URL" / "hf=none" -> (tracker, base URL ending in "/", or "none")."""
    name, sep, url = (text or "").partition("=")
    tracker = ALIASES.get(name.strip().lower())
    if not sep or tracker is None:
        raise SourceError(f"--source takes ccfddl=URL or hf=URL (or NAME=none), not {text[:80]!r}")
    url = url.strip()
    if url.lower() == OFF:
        return tracker, OFF
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourceError(f"{tracker}: an http(s) address is needed, not {url[:80]!r}")
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise SourceError(f"{tracker}: the address contains spaces or control characters")
    return tracker, url if url.endswith("/") else url + "/"


def file_names(key: str, name: str, aliases: list[str]) -> list[str]:
    """A venue's candidate file names, most likely first ("neurips", "nips")."""
    found: list[str] = []
    for text in (key, name, *aliases):
        candidate = _NAME.sub("", (text or "").lower().replace(" ", "-")).strip("-")
        if candidate and candidate not in found and len(candidate) <= 60:
            found.append(candidate)
    return found


@dataclass(frozen=True, slots=True)
class VenueFiles:
    """Where to look for one venue in one tracker, in order."""

    venue_key: str
    tracker: str
    paths: tuple[str, ...]


def candidate_paths(tracker: str, key: str, name: str, aliases: list[str], known: str | None,
                    subs: tuple[str, ...] = CCF_SUBS) -> tuple[str, ...]:
    """The paths (relative to the tracker's base) the venue's file may be at; `known`: where it
    was found last time."""
    names = file_names(key, name, aliases)
    if tracker == HF:
        found = [f"{HF_FOLDER}{n}.yml" for n in names]
    else:
        ordered = sorted(subs, key=lambda sub: sub != "AI")
        found = [f"conference/{sub}/{n}.yml" for sub in ordered for n in names]
    if known and known in found:
        found.remove(known)
    return tuple([known, *found] if known else found)


def ccf_subs(types: object) -> tuple[str, ...]:
    """The categories ccfddl's types.yml lists (a list of {name, name_en, sub})."""
    if not isinstance(types, list):
        return CCF_SUBS
    subs = [str(item.get("sub")) for item in types if isinstance(item, dict) and re.fullmatch(r"[A-Z]{1,4}", str(item.get("sub", "")))]
    return tuple(subs) or CCF_SUBS
