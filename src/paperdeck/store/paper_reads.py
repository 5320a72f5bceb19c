"""Papers, read: the board, outlines, whole papers by id, tiles, histories and submissions.

The reading half of the papers repository (store/papers.py mixes it into PaperRepo, which
keeps the writes and the undo journal); every method is one query or a few.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..models.common import from_iso
from ..models.stages import PaperAim, PaperBrief, PaperChoice, PaperPlacement, Stage
from .errors import NotFound
from .mapping import text_item
from .paper_parts import template_counts
from .tables import PAPERS, STAGE_HISTORY, SUBMISSIONS

if TYPE_CHECKING:  # the whole papers' models are imported where one is built: the day's summary builds none
    from ..models.papers import Paper, PaperFilter, PaperTile, StageMove, Submission
    from .store import Store

# Papers in board order: by stage as the pipeline runs (not alphabetically), then position.
STAGE_RANK = "CASE p.stage " + " ".join(f"WHEN '{stage.value}' THEN {n}" for n, stage in enumerate(Stage)) + " END"
# Every paper read carries its venue's name, as the venue writes it ("NeurIPS", "MLSys").
# Stage(value) is an Enum call: ~1 µs each, 10,000 a board at the large size.
STAGE_OF = {stage.value: stage for stage in Stage}
PAPER_SELECT = "SELECT p.*, v.name AS venue_name FROM papers p LEFT JOIN venues v ON v.key = p.venue_key"


def _json_value(text: str) -> str | None:
    """A stored list's item (JSON text) as the list's decoding reads it (mapping.text_item);
    a string with no escapes in it is its own content."""
    if text.startswith('"') and "\\" not in text:
        return text[1:-1]
    return text_item(json.loads(text))


class PaperReads:
    store: "Store"

    def all(self) -> list[Paper]:
        rows = self.store.rows(f"{PAPER_SELECT} ORDER BY {STAGE_RANK}, p.position, p.id")
        return PAPERS.from_rows(rows)

    # What the plan, the countdowns and the alerts read; not the long texts and JSON lists.
    # Every column a paper's target reads (domain/targets.py: target_key) is in it.
    _OUTLINE = ("p.id, p.title, p.stage, p.position, p.venue_key, p.target_year, p.target_cycle, p.track, "
                "p.topic_key, p.status, "
                "p.decision, p.on_resume, p.selected, p.stage_entered_at, p.created_at, p.updated_at, p.version, "
                "p.seed_key, p.arxiv_id, v.name AS venue_name")

    def outlines(self) -> list[Paper]:
        """Every paper in board order with only its outline columns read (_OUTLINE); the
        long text and JSON fields (authors, links, bullets, notes, ...) stay at their
        defaults. For the plan, countdowns and alerts over 10,000 papers: 3x faster."""
        return PAPERS.from_rows(self.store.rows(
            f"SELECT {self._OUTLINE} FROM papers p LEFT JOIN venues v ON v.key = p.venue_key "
            f"ORDER BY {STAGE_RANK}, p.position, p.id"))

    # A paper's authors' first, as JSON text, when SQLite can read the list (NULL: it cannot;
    # '': no first author). Read as text (a name with a lone surrogate escape would not decode).
    _FIRST_AUTHOR = ("CASE WHEN typeof(p.authors) = 'text' AND json_valid(p.authors) THEN "
                     "CASE WHEN json_type(p.authors) = 'array' THEN coalesce(p.authors -> '$[0]', '') ELSE '' END END")

    def cite_key_sources(self) -> list[tuple[int, str | None, tuple[Any, ...], int | None, str]]:
        """(id, cite key, (first author,) or (), year, title) of every paper: all its cite key
        is made from (`assign_cite_keys` reads only the first author), without decoding every
        paper's author list. A list SQLite cannot read is decoded as whole papers are."""
        rows = self.store.rows(f"SELECT p.id, p.cite_key, p.target_year, p.title, {self._FIRST_AUTHOR} FROM papers p")
        found, odd = [], []
        for paper_id, cite_key, year, title, first in rows:
            if first is None:
                odd.append(paper_id)
            author = _json_value(first) if first else None
            found.append((paper_id, cite_key, (author,) if author is not None else (), year, title))
        if odd:
            firsts = {paper.id: tuple(paper.authors[:1]) for paper in self._columns_of(odd, "p.id, p.stage, p.title, p.authors")}
            found = [(i, key, firsts.get(i, first), year, title) for i, key, first, year, title in found]
        return found

    def _columns_of(self, ids: list[int], columns: str) -> list[Paper]:
        """These papers with only `columns` read (the rest at their defaults)."""
        found: list[Paper] = []
        for start in range(0, len(ids), 500):  # within SQLite's limit on bound parameters
            part = ids[start:start + 500]
            found += PAPERS.from_rows(self.store.rows(
                f"SELECT {columns} FROM papers p WHERE p.id IN ({', '.join('?' for _ in part)})", part))
        return found

    def placements(self) -> list[PaperPlacement]:
        """Every paper's PaperPlacement (what puts it on the resume), in board order."""
        return [PaperPlacement(paper_id, bool(seed_key), STAGE_OF[stage], status, decision, bool(on_resume), version,
                               arxiv_id)
                for paper_id, seed_key, stage, status, decision, on_resume, version, arxiv_id in self.store.rows(
                    "SELECT p.id, p.seed_key, p.stage, p.status, p.decision, p.on_resume, p.version, p.arxiv_id "
                    f"FROM papers p ORDER BY {STAGE_RANK}, p.position, p.id")]

    def choices(self) -> list[PaperChoice]:
        """Every paper as a picker lists it, in board order (no whole Paper built for each)."""
        return [PaperChoice(paper_id, title, STAGE_OF[stage], bool(seed_key)) for paper_id, title, stage, seed_key in
                self.store.rows(f"SELECT p.id, p.title, p.stage, p.seed_key FROM papers p "
                                f"ORDER BY {STAGE_RANK}, p.position, p.id")]

    def aims(self) -> list[PaperAim]:
        """Every paper's PaperAim: what its target and plan are computed from, and its title."""
        return [PaperAim(paper_id, title, STAGE_OF[stage], *rest) for paper_id, title, stage, *rest in self.store.rows(
            "SELECT p.id, p.title, p.stage, p.venue_key, p.target_year, p.track, p.decision, p.target_cycle FROM papers p")]

    def briefs(self) -> list[PaperBrief]:
        """Every paper's PaperBrief (what the day's summary reads), in board order: no whole
        Paper built, no venue joined, no text or JSON column read."""
        make = PaperBrief._make  # tuple.__new__: a NamedTuple's own constructor is a Python call
        return [make((paper_id, title, STAGE_OF[stage], venue_key, year, track, decision, cycle,
                      from_iso(entered), bool(seed_key)))
                for paper_id, title, stage, venue_key, year, track, decision, cycle, entered, seed_key in self.store.rows(
                    "SELECT p.id, p.title, p.stage, p.venue_key, p.target_year, p.track, p.decision, p.target_cycle, "
                    f"p.stage_entered_at, p.seed_key FROM papers p ORDER BY {STAGE_RANK}, p.position, p.id")]

    def by_ids(self, ids: list[int], fields: tuple[str, ...] | None = None) -> list[Paper]:
        """These papers, in the order of `all()` (ids not found are left out): whole, or with
        only `fields` read (the rest at their defaults; id, stage and position always read)."""
        if fields is None:
            select = PAPER_SELECT
        else:
            wanted = dict.fromkeys(("id", "stage", "position", *fields))
            select = f"SELECT {', '.join(f'p.{name}' for name in wanted)} FROM papers p"
        found: list[Paper] = []
        for start in range(0, len(ids), 500):  # within SQLite's limit on bound parameters
            part = ids[start:start + 500]
            marks = ", ".join("?" for _ in part)
            found += PAPERS.from_rows(self.store.rows(f"{select} WHERE p.id IN ({marks})", part))
        rank = {stage: n for n, stage in enumerate(Stage)}
        return sorted(found, key=lambda paper: (rank[paper.stage], paper.position, paper.id))  # as STAGE_RANK

    def titles(self) -> list[tuple[int, str]]:
        """(id, title) of every paper, in board order: a picker's list, without reading whole papers."""
        return [(row[0], row[1]) for row in self.store.rows(
            f"SELECT p.id, p.title FROM papers p ORDER BY {STAGE_RANK}, p.position, p.id")]

    def latest_id(self) -> int | None:
        """The paper most recently changed (else created)."""
        return self.store.scalar("SELECT id FROM papers ORDER BY coalesce(updated_at, created_at) DESC, id DESC LIMIT 1")

    def venue_keys(self) -> set[str]:
        """The venue keys papers name, lower-cased."""
        return {row[0] for row in self.store.rows(
            "SELECT DISTINCT lower(venue_key) FROM papers WHERE coalesce(venue_key, '') != ''")}

    def by_stage(self, stage: Stage) -> list[Paper]:
        rows = self.store.rows(f"{PAPER_SELECT} WHERE p.stage = ? ORDER BY p.position, p.id", (stage.value,))
        return PAPERS.from_rows(rows)

    def get(self, paper_id: int) -> Paper:
        row = self.store.row(f"{PAPER_SELECT} WHERE p.id = ?", (paper_id,))
        if row is None:
            raise NotFound(f"no paper with id {paper_id}")
        return PAPERS.from_row(row)

    def filtered(self, wanted: PaperFilter) -> list[Paper]:
        where, params = self._where(wanted)
        rows = self.store.rows(f"{PAPER_SELECT} WHERE {where} ORDER BY {STAGE_RANK}, p.position, p.id", params)
        return PAPERS.from_rows(rows)

    def tiles(self, wanted: PaperFilter | None = None, *, paper_id: int | None = None) -> list[PaperTile]:
        """The board in one query: tile fields and the current stage's checklist progress."""
        from ..models.papers import PaperFilter, PaperTile

        where, params = self._where(wanted or PaperFilter())
        if paper_id is not None:
            where += " AND p.id = ?"
            params.append(paper_id)
        rows = self.store.rows(
            # Correlated counts use the checklist index per paper: twice as fast as a GROUP BY join.
            "SELECT p.id, p.title, p.stage, p.position, p.venue_key, p.target_year, p.topic_key, "
            "p.stage_entered_at, p.decision, p.track, p.target_cycle, p.seed_key IS NOT NULL AS is_example, p.version, "
            "(SELECT v.name FROM venues v WHERE v.key = p.venue_key) AS venue_name, "
            "(SELECT count(*) FROM checklist_items c WHERE c.paper_id = p.id AND c.stage = p.stage) AS total, "
            "(SELECT count(*) FROM checklist_items c WHERE c.paper_id = p.id AND c.stage = p.stage AND c.done) AS done, "
            "p.checklist_from_template AS from_template "
            f"FROM papers p WHERE {where} ORDER BY p.position, p.id",
            params,
        )
        # A checklist still read from its templates has no rows: its total is theirs, none done.
        templates = template_counts(self.store.rows) if any(row[16] for row in rows) else {}
        # Unpacked by position, fields passed in order: a row read by name and a keyword call
        # per field were half of this read's Python time (10,000 tiles at the large size).
        return [
            PaperTile(paper_id, title, STAGE_OF[stage], position, venue_key, target_year, topic_key, from_iso(entered),
                      done, templates.get(stage, 0) if from_template else total, decision, track, target_cycle,
                      venue_name or "", bool(is_example), version)
            for (paper_id, title, stage, position, venue_key, target_year, topic_key, entered, decision, track,
                 target_cycle, is_example, version, venue_name, total, done, from_template) in rows
        ]

    @staticmethod
    def _where(wanted: PaperFilter) -> tuple[str, list[Any]]:
        clauses, params = ["1 = 1"], []
        text = wanted.text.strip().lower()
        if text:
            clauses.append(
                "(instr(lower(p.title), ?) OR instr(lower(coalesce(p.venue_key, '')), ?) "
                "OR instr(lower(p.contribution), ?) OR instr(lower(p.notes), ?) OR instr(lower(p.authors), ?))"
            )
            params += [text] * 5
        if wanted.venue_key:
            clauses.append("p.venue_key = ? COLLATE NOCASE")
            params.append(wanted.venue_key)
        if wanted.topic_key:
            clauses.append("p.topic_key = ?")
            params.append(wanted.topic_key)
        if wanted.stage:
            clauses.append("p.stage = ?")
            params.append(wanted.stage.value)
        return " AND ".join(clauses), params

    def history(self, paper_id: int) -> list[StageMove]:
        rows = self.store.rows("SELECT * FROM stage_history WHERE paper_id = ? ORDER BY at, id", (paper_id,))
        return STAGE_HISTORY.from_rows(rows)

    def histories(self) -> dict[int, list[StageMove]]:
        """Every paper's stage moves, in one query: paper id -> its moves in time order."""
        found: dict[int, list[StageMove]] = {}
        for move in STAGE_HISTORY.from_rows(self.store.rows("SELECT * FROM stage_history ORDER BY paper_id, at, id")):
            found.setdefault(move.paper_id, []).append(move)
        return found

    def submissions(self, paper_id: int) -> list[Submission]:
        rows = self.store.rows("SELECT * FROM submissions WHERE paper_id = ? ORDER BY coalesce(submitted_on, ''), id", (paper_id,))
        return SUBMISSIONS.from_rows(rows)


# -- Every paper at once: what the resume, a target and the .bib import read -----------------------

def paper_identities(store: "Store") -> list[tuple[int, str, str | None, str | None]]:
    """(id, title, doi, arxiv_id) of every paper: what an import checks duplicates against.
    Read as plain tuples (10,000 papers: ~6 ms, ~15 ms as Rows made tuples)."""
    return store.tuples("SELECT id, title, doi, arxiv_id FROM papers")


def submissions_by_paper(store: "Store") -> dict[int, list["Submission"]]:
    """Every paper's submission history, oldest first."""
    history: dict[int, list[Submission]] = {}
    rows = store.rows("SELECT * FROM submissions ORDER BY paper_id, coalesce(submitted_on, ''), id")
    for row in rows:
        history.setdefault(row["paper_id"], []).append(SUBMISSIONS.from_row(row))
    return history


def latest_submitted_on(store: "Store") -> dict[int, str | None]:
    """paper id -> `submitted_on` of its latest submission (the last of `submissions_by_paper`'s
    history), for every paper with one: what a target reads, without building every submission."""
    return {paper_id: submitted_on for paper_id, submitted_on in store.rows(
        "SELECT paper_id, submitted_on FROM submissions ORDER BY paper_id, coalesce(submitted_on, ''), id")}
