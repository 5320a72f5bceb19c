"""What a BibTeX entry's cleaned fields say beyond its title and authors: its year, its venue
(through the catalogue), its arXiv id, its links, an award or oral / spotlight, its DOI.

Each reader takes the entry's fields as `bibtex.entry_to_paper` cleaned them (LaTeX decoded,
whitespace tidied), keyed by lower-case field name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .resume_entry import award_label
from .venue_catalogue import VenueInfo, match_venue, short_venue_name

ARXIV_ID = re.compile(r"(\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?", re.IGNORECASE)

_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def year_in(text: str) -> int | None:
    found = _YEAR.search(text)
    return int(found.group(0)) if found else None


# The catalogue is fixed: a venue text (a file repeats its booktitles) is matched once.
_venue_named = lru_cache(maxsize=4096)(match_venue)


def infer_venue(texts: dict[str, str]) -> VenueInfo | None:
    """The catalogue venue of an entry: its booktitle, journal, al-folio abbr, howpublished."""
    for name in ("booktitle", "journal", "abbr", "howpublished"):
        venue = _venue_named(texts.get(name, ""))
        if venue is not None:
            return venue
    return None


def own_venue_name(texts: dict[str, str]) -> str | None:
    """An unknown venue's short name: al-folio's abbr without its year, else from the name."""
    abbr = _YEAR.sub("", texts.get("abbr", "")).strip()
    if abbr:
        return abbr
    return short_venue_name(texts.get("booktitle", "") or texts.get("journal", "") or texts.get("howpublished", ""))


def find_arxiv_id(fields: dict[str, object], texts: dict[str, str]) -> str | None:
    """`fields` as decoded, `texts` the same cleaned (entry_to_paper's)."""
    prefix = texts.get("archiveprefix" if fields.get("archiveprefix", "") else "eprinttype", "").lower()
    eprint = texts.get("eprint", "")
    candidates = [texts.get("arxiv", "")]
    if eprint and (prefix == "arxiv" or not prefix):
        candidates.append(eprint)
    for name in ("journal", "url", "pdf", "volume", "howpublished", "note"):
        text = texts.get(name, "")
        if not text:
            continue
        if "arxiv" in text.lower() or (name == "volume" and text.lower().startswith("abs/")):
            candidates.append(text.split("arxiv", 1)[-1] if "arxiv" in text.lower() else text)
    for candidate in candidates:
        found = ARXIV_ID.search(candidate or "")
        if found:
            return found.group(1)
    return None


# (link kind, the fields it is read from, first non-empty wins)
LINK_FIELDS = (("code", ("code", "github")), ("project", ("website", "project", "html")), ("pdf", ("pdf",)),
               ("url", ("url",)))


def find_links(texts: dict[str, str]) -> dict[str, str]:
    """The links among an entry's fields (cleaned: entry_to_paper's `text`)."""
    links = {}
    for kind, names in LINK_FIELDS:
        for name in names:
            url = texts.get(name, "")
            if url and url[:8].lower().startswith(("http://", "https://")):
                links[kind] = url
                break
    url = links.get("url", "")
    if "openreview.net" in url:
        links["openreview"] = url
    return links


# Recognised in note / annotation / award_text: what a CV shows in parentheses.
AWARD_WORDS = (
    (r"best (student |long |short )?paper( award)?( honou?rable mention)?", None),
    (r"outstanding paper( award)?", "Outstanding Paper"),
    (r"honou?rable mention", "Honorable Mention"),
    (r"distinguished paper", "Distinguished Paper"),
    (r"\boral\b", "Oral"),
    (r"\bspotlight\b", "Spotlight"),
)


_AWARD_PATTERNS = tuple((re.compile(pattern), label) for pattern, label in AWARD_WORDS)


def find_award(texts: dict[str, str], venue_name: str | None, year: int | None) -> str | None:
    """`award` / `award_name` as written (without a repeated "ICLR 2026"), else an oral,
    spotlight or award named in `note`, `annotation` or `award_text` (cleaned fields)."""
    for name in ("award", "award_name"):
        text = texts.get(name, "")
        if text:
            return _without_venue(text, venue_name, year)[:80]
    for name in ("note", "annote", "annotation", "award_text"):
        text = texts.get(name, "").lower()
        if not text:
            continue
        for pattern, label in _AWARD_PATTERNS:
            found = pattern.search(text)
            if found:
                return label or found.group(0).title().replace("Award", "").strip()
    return None


def _without_venue(text: str, venue_name: str | None, year: int | None) -> str:
    """"ICLR 2026 Oral (1%)" -> "Oral, 1%": the label already says ICLR 2026, and every format
    writes the award in parentheses, where a second pair would nest: "(Oral (1%))"."""
    if venue_name:
        prefix = re.escape(venue_name) + (rf"\s*{year}" if year else "")
        text = re.sub(rf"^{prefix}\s*[:,-]?\s*", "", text, flags=re.IGNORECASE) or text
    return award_label(text)


def normalize_doi(doi: str | None) -> str | None:
    if not doi:
        return None
    doi = re.sub(r"^(https?://)?(dx\.)?doi\.org/|^doi:\s*", "", doi.strip(), flags=re.IGNORECASE)
    return doi if doi.startswith("10.") else None  # as written: DOIs compare case-insensitively


def doi_from_url(url: str) -> str | None:
    return url if "doi.org/10." in url.lower() else None
