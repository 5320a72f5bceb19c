"""The Pipeline board's questions: its columns of paper tiles with their countdowns and risk,
for the whole board or only the columns a write touched (a move re-reads two columns, not
10,000 tiles), the filter's choices, and the writes behind the board's keys."""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING

from ..domain.target_text import status_text, target_line
from ..i18n_words import DECISION_NAMES, word
from ..models.papers import STAGES, Paper, PaperTile, PaperFilter, Stage
from .paper_targets import paper_targets

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True)
class BoardRequest:
    now: datetime
    language: str
    paper_filter: PaperFilter = PaperFilter()
    stages: frozenset[Stage] | None = None  # only these columns (a write touched them); None: all
    # With `stages`: these papers' tiles too, alone (a move: the one paper, not its two columns).
    papers: frozenset[int] = frozenset()


@dataclass(frozen=True)
class BoardColumnView:
    stage: Stage
    tiles: tuple[PaperTile, ...]
    countdowns: Mapping[int, str] = field(default_factory=dict)  # paper id -> "41d" / "~41d" / "notif. 9d" / "passed" / ""
    targets: Mapping[int, str] = field(default_factory=dict)     # paper id -> the whole target line (the detail) or ""
    at_risk: frozenset[int] = frozenset()                        # paper ids behind their plan

    def without(self, paper_id: int) -> "BoardColumnView":
        return replace(self, tiles=tuple(tile for tile in self.tiles if tile.id != paper_id))


@dataclass(frozen=True)
class BoardView:
    """What the board shows, read at one instant: every column, or (`request.stages`) only
    those a write touched, to be put in place of the same columns of the board shown."""

    request: BoardRequest
    columns: Mapping[Stage, BoardColumnView]
    topics: tuple[tuple[str, str], ...]   # (key, label in the request's language), the guide's order
    venues: tuple[tuple[str, str], ...]   # (name, key): the filter's venue choices
    wip_limit: int | None
    # Columns holding only `request.papers`' tiles: put into the board's columns (`updated`).
    partial: frozenset[Stage] = frozenset()

    @property
    def is_whole(self) -> bool:
        return all(stage in self.columns for stage in STAGES)

    @property
    def topic_labels(self) -> dict[str, str]:
        return dict(self.topics)

    def tile(self, paper_id: int) -> PaperTile | None:
        return next((tile for column in self.columns.values() for tile in column.tiles if tile.id == paper_id), None)

    def updated(self, part: "BoardView") -> "BoardView":
        """This board with `part`'s columns (and its fresher choices and limit) in place; its
        papers read alone leave the columns they were in for their own, in stored order."""
        columns = {**self.columns, **{stage: column for stage, column in part.columns.items() if stage not in part.partial}}
        alone = part.request.papers
        if alone:
            for stage, column in columns.items():
                if any(tile.id in alone for tile in column.tiles):
                    columns[stage] = replace(column, tiles=tuple(t for t in column.tiles if t.id not in alone),
                                             at_risk=column.at_risk - alone)
            for stage in part.partial:
                read, shown = part.columns[stage], columns[stage]
                columns[stage] = BoardColumnView(
                    stage, tuple(sorted((*shown.tiles, *read.tiles), key=lambda tile: (tile.position, tile.id))),
                    layered(read.countdowns, shown.countdowns), layered(read.targets, shown.targets),
                    shown.at_risk | read.at_risk)
        return replace(part, request=replace(part.request, stages=None, papers=frozenset()), columns=columns,
                       partial=frozenset())

    def with_columns(self, columns: Mapping[Stage, BoardColumnView]) -> "BoardView":
        return replace(self, columns={**self.columns, **columns})


def board_view(store: "Store", request: BoardRequest) -> BoardView:
    """The board under the request's filter: every column in one query, or only
    `request.stages`, one query each."""
    wanted = request.paper_filter
    partial: set[Stage] = set()
    if request.stages is None:
        stages: list[Stage] = list(STAGES)
        tiles = store.papers.tiles(wanted)
    else:
        stages = [stage for stage in STAGES if stage in request.stages]
        tiles = []
        for stage in stages:
            if wanted.stage is None or wanted.stage is stage:
                tiles += store.papers.tiles(replace(wanted, stage=stage))
        for paper_id in sorted(request.papers):
            for tile in store.papers.tiles(wanted, paper_id=paper_id):  # none: gone, or filtered out
                if tile.stage not in request.stages:
                    tiles.append(tile)
                    partial.add(tile.stage)
        stages += [stage for stage in STAGES if stage in partial]
    return BoardView(
        request=request,
        partial=frozenset(partial),
        columns=_columns(store, request, tiles, stages),
        topics=tuple((item.key, item.pick(request.language)) for item in store.guide.items("topic")),
        venues=tuple((venue.name, venue.key) for venue in store.venues.all()),
        wip_limit=store.settings.load().wip_limit,
    )


def layered(front: Mapping[int, str], back: Mapping[int, str]) -> Mapping[int, str]:
    """`front`'s few texts (a moved tile's, a re-read tile's) over `back`'s, two maps deep
    however many are laid: one ChainMap per move and re-read, nested, made each tile's lookup
    (two per tile drawn) longer with every move."""
    overlay, base = back.maps if isinstance(back, ChainMap) else ({}, back)
    return ChainMap({**overlay, **front}, base)


class LazyTexts(Mapping[int, str]):
    """Paper id -> a text made when first asked for (then kept; "" when there is none): a
    board shows a few dozen of its tiles' countdowns, and one target line (the focused
    tile's), of 10,000 at the large size."""

    def __init__(self, make: Callable[[int], str], keys: Iterable[int]):
        self._make = make
        self._keys = frozenset(keys)
        self._made: dict[int, str] = {}

    def __getitem__(self, paper_id: int) -> str:
        if paper_id not in self._keys:
            raise KeyError(paper_id)
        text = self._made.get(paper_id)
        if text is None:
            text = self._made[paper_id] = self._make(paper_id)
        return text

    def __contains__(self, paper_id: object) -> bool:
        return paper_id in self._keys

    def __iter__(self) -> Iterator[int]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def _columns(store: "Store", request: BoardRequest, tiles: list[PaperTile],
             stages: Iterable[Stage]) -> dict[Stage, BoardColumnView]:
    now, language = request.now, request.language
    zone = store.settings.zone()
    # Shared: papers alike hold one target (the texts below never ask whose it is), so at
    # risk is decided once per target, not per paper.
    targets = paper_targets(store, tiles, now, zone, shared=True)
    risky: dict[int, bool] = {}
    at_risk = set()
    for paper_id, target in targets.items():
        risk = risky.get(id(target))
        if risk is None:
            risk = risky[id(target)] = target.at_risk
        if risk:
            at_risk.add(paper_id)

    def countdown(paper_id: int) -> str:
        return status_text(targets[paper_id], now, zone, language, compact=True)

    def line(paper_id: int) -> str:
        return target_line(targets[paper_id], now, zone, language)

    by_stage: dict[Stage, list[PaperTile]] = {stage: [] for stage in stages}
    for tile in tiles:
        if tile.stage in by_stage:
            by_stage[tile.stage].append(tile)
    columns = {}
    for stage, found in by_stage.items():
        aimed = [tile.id for tile in found if tile.id in targets]
        columns[stage] = BoardColumnView(stage, tuple(found), LazyTexts(countdown, aimed), LazyTexts(line, aimed),
                                         frozenset(paper_id for paper_id in aimed if paper_id in at_risk))
    return columns


# -- writes: one short transaction each, on the UI thread; the board then re-reads what changed --


def move_paper(store: "Store", paper_id: int, stage: Stage, expected_version: int | None = None) -> Stage:
    """Put the paper at the end of `stage`; returns the stage it left. `expected_version`: the
    version the board showed (ConflictError if it changed since; NotFound if deleted)."""
    source = store.papers.get(paper_id).stage
    store.papers.move(paper_id, stage, expected_version)
    return source


def place_paper(store: "Store", paper_id: int, neighbour_id: int, *, after: bool,
                expected_version: int | None = None) -> None:
    """Put the paper just before or after its neighbour in the neighbour's column."""
    store.papers.place(paper_id, neighbour_id, after=after, expected_version=expected_version)


def add_paper(store: "Store", title: str, stage: Stage) -> Paper:
    return store.papers.add(title, stage)


def delete_paper(store: "Store", paper_id: int) -> None:
    store.papers.delete(paper_id)


# The papers' undo labels (store/papers.py, store/paper_parts.py), stored in English: their Chinese.
_UNDO_ZH = [
    (re.compile(r"^add (?P<rest>.+)$"), "添加 {rest}"),
    (re.compile(r"^delete (?P<rest>'.+'|\".+\")$"), "删除 {rest}"),
    (re.compile(r"^move to (?P<stage>.+)$"), "移到「{stage}」"),
    (re.compile(r"^submit to (?P<rest>.+)$"), "投稿到 {rest}"),
    (re.compile(r"^decision: (?P<decision>.+)$"), "结果：{decision}"),
]
_UNDO_WORDS_ZH = {
    "edit": "编辑", "reorder": "调整顺序", "add checklist item": "添加清单项", "tick checklist item": "勾选清单项",
    "untick checklist item": "取消勾选清单项", "edit checklist item": "编辑清单项", "delete checklist item": "删除清单项",
}


def change_label(label: str, language: str) -> str:
    """An undo label as the user reads it: "move to Writing" -> "移到「写作」" in Chinese."""
    if language != "zh":
        return label
    if label in _UNDO_WORDS_ZH:
        return _UNDO_WORDS_ZH[label]
    for pattern, chinese in _UNDO_ZH:
        found = pattern.match(label)
        if found:
            values = found.groupdict()
            if "stage" in values:
                stage = next((s for s in Stage if s.label == values["stage"]), None)
                values["stage"] = stage.label_zh if stage is not None else values["stage"]
            if "decision" in values:
                values["decision"] = word(DECISION_NAMES, values["decision"], language)
            return chinese.format(**values)
    return label


def undo_change(store: "Store") -> str | None:
    """Undo the last change to the papers; its label, or None when there is nothing to undo."""
    return store.papers.undo()


def redo_change(store: "Store") -> str | None:
    return store.papers.redo()


def step_change(store: "Store", *, redo: bool) -> tuple[str, list[int]] | None:
    """Undo (or redo) the last change to the papers: its label and the papers it changed."""
    return store.papers.step_with_papers(redo=redo)
