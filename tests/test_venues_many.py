"""Venues after importing the shared tracker files (about a hundred venues): search, follow,
hide and delete (undoable), names in full, past venues marked as past with their last edition
and the next they would have, estimates marked as such, the month grid agreeing with the list,
and the trackers' update from a key. Real app (Pilot), real database, frozen clock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual import events

from paperdeck.domain.deadlines import local_day
from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.widgets.month_grid import MonthGrid
from paperdeck.usecases.imports import execute, prepare
from waiting import app_until
from tracker_server import ICML_2027, hf_file, server  # noqa: F401 - the fixture

DATA = Path("/work/shared/testdata/deadlines")
LONG_NAME = "AAAI 2024 Spring Symposium on Clinical Foundation Models"


@pytest.fixture
def many(store, frozen_clock):
    """The shared tracker files imported: ~100 venues, most of them past."""
    store.settings.update(timezone="UTC")
    files = sorted(str(path) for path in DATA.glob("*/*.yml") if path.name != "types.yml")
    plan = execute(store, prepare("deadlines", files))
    assert plan.applied
    return store


async def shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


def listed(app) -> list[str]:
    return [str(option.prompt) for option in app.screen.query_one("#venue-table").options]


def row_of(app, name: str) -> str:
    return next(row for row in listed(app) if row[2:].startswith(name))


def status(app, name: str) -> list[str]:
    """The words after the venue's name in its row."""
    return row_of(app, name)[2:].removeprefix(name).split()


def detail(app) -> str:
    return "\n".join(str(option.prompt) for option in app.screen.query_one("#venue-detail").options)


async def highlight(pilot, name: str) -> None:
    table = pilot.app.screen.query_one("#venue-table")
    table.highlighted = next(i for i, row in enumerate(listed(pilot.app)) if row[2:].startswith(name))
    await pilot.pause()


async def test_search_narrows_the_list_and_the_grid_and_esc_clears_it(many):
    app = PaperdeckApp(many, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        everything = len(listed(app))
        assert everything > 80
        # Typed in one go, as a terminal delivers them: every letter is the search's.
        for key, character in [("slash", "/"), *((c, c) for c in "neur")]:
            app.post_message(events.Key(key, character))
        search = app.screen.query_one("#venue-search")
        await app_until(pilot, lambda: len(listed(app)) < everything, "the list narrowed")
        assert search.value == "neur" and len(app.screen_stack) == 1  # no key went to the list (e: edit)
        assert [row.split()[0] for row in listed(app)] == ["NeurIPS"]
        assert "Search: neur" in str(app.screen.query_one("#venue-filters").render())
        await pilot.press("enter")  # to the list, the search kept
        assert app.screen.query_one("#venue-table").has_focus and len(listed(app)) == 1
        await pilot.press("slash", "ctrl+u", *"symposium clinical")  # every word, any case, full names too
        assert [row[2:].strip().splitlines()[0] for row in listed(app)] == [LONG_NAME]
        await pilot.press("escape")
        assert len(listed(app)) == everything and app.screen.query_one("#venue-table").has_focus
        await pilot.press("slash", *"neur", "enter", "escape")  # Esc in the list clears it too
        assert len(listed(app)) == everything and not app.screen.search


async def test_names_in_full_and_past_venues_say_what_they_know(many):
    app = PaperdeckApp(many, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        rows = listed(app)
        assert not any("…" in row.splitlines()[0] for row in rows)  # no name cut
        assert any(row[2:].startswith(LONG_NAME) for row in rows)
        # AISTATS: announced up to its 2024 edition, silent since: past, its last deadline,
        # and the one its next edition would have on its old rhythm, as an estimate.
        aistats = row_of(app, "AISTATS")
        assert "no deadline known" not in aistats
        assert status(app, "AISTATS")[:3] == ["past", "last", "2024"] and status(app, "AISTATS")[3].startswith("~2027-10-")
        # A one-off (one edition) is past with no guess at a next one.
        assert status(app, LONG_NAME) == ["past", "last", "2024"]
        await highlight(pilot, "AISTATS")
        assert "Past: last edition 2024 (Paper 2023-10-17" in detail(app)
        assert "if it still runs, 2028 Paper est. 2027-10-" in detail(app) and "(from 2021–2024)" in detail(app)
        # Upcoming estimates are marked as such: "~" and "est." (IJCAI 2027 is not announced).
        ijcai = status(app, "IJCAI")
        assert ijcai[0].startswith("~") and " ".join(ijcai[1:4]) == "days Abstract 2027" and ijcai[4].startswith("~01-")
        await pilot.press("f2")
        await shown(pilot)
        assert status(app, "AISTATS")[:3] == ["已过", "上届", "2024"]
        assert "最后一届 2024" in detail(app) and "若仍举办，2028 届论文截止估计 2027-10-" in detail(app)


async def test_names_keep_their_full_width_at_80_columns(many):
    app = PaperdeckApp(many, start_screen="venues", watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await shown(pilot)
        row = row_of(app, "AAAI 2024 Spring")
        assert LONG_NAME in row.replace("\n", "")  # whole, on a line of its own, not cut
        assert cell_len(row_of(app, "NeurIPS").splitlines()[0]) <= 80


async def test_follow_hide_delete_and_undo(many):
    app = PaperdeckApp(many, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        total = len(listed(app))
        await highlight(pilot, "COLM")
        await pilot.press("s")
        assert many.venues.get("colm").favourite and row_of(app, "COLM").startswith("★")
        await pilot.press("v")  # followed
        assert [row.split()[1] for row in listed(app)] == ["COLM"]
        await pilot.press("s")  # unfollow
        assert not many.venues.get("colm").favourite and listed(app) == []
        await pilot.press("v", "v", "v")  # back to all venues
        await highlight(pilot, "AISTATS")
        await pilot.press("h")
        await shown(pilot)
        assert many.venues.get("aistats").hidden and len(listed(app)) == total - 1
        assert not any(row[2:].startswith("AISTATS") for row in listed(app))
        await pilot.press("u")
        await shown(pilot)
        assert not many.venues.get("aistats").hidden and len(listed(app)) == total
        deadlines = len(many.venues.deadlines("aistats"))
        await highlight(pilot, "AISTATS")
        await pilot.press("D")
        await shown(pilot)
        assert many.venues.find("aistats") is None and len(listed(app)) == total - 1
        await pilot.press("u")
        await shown(pilot)
        assert len(many.venues.deadlines("aistats")) == deadlines and len(listed(app)) == total
        # Hidden venues are listed under "hidden", where h shows one again.
        await highlight(pilot, "AISTATS")
        await pilot.press("h")
        await shown(pilot)
        await pilot.press("v", "v", "v")
        assert [row.split()[0] for row in listed(app)] == ["AISTATS"]
        assert "hidden (h shows it again)" in detail(app)
        await pilot.press("h")
        await shown(pilot)
        assert listed(app) == [] and not many.venues.get("aistats").hidden


async def test_the_month_grid_agrees_with_the_list(many):
    many.papers.add("Grid paper", Stage.IDEATION, venue_key="icml", target_year=2027)
    many.papers.add("Other paper", Stage.IDEATION, venue_key="neurips", target_year=2027)
    app = PaperdeckApp(many, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        screen = app.screen
        await highlight(pilot, "NeurIPS")
        await pilot.press("h")  # a hidden venue is in neither
        await shown(pilot)
        view = screen.venues_view
        await pilot.press("m")
        await shown(pilot)
        grid = screen.query_one(MonthGrid)
        checked = 0
        for _ in range(13):
            first = grid.month
            marks = {(day, mark.text) for day, found in grid.marks.items() for mark in found}
            assert not any("NeurIPS" in text for _, text in marks)
            for venue in view.listed(None, "all"):
                deadline = view.next.get(venue.key)
                if deadline is None or (local_day(deadline, view.zone).replace(day=1) != first):
                    continue
                text = f"{'~' if deadline.is_estimate else ''}{venue.name} {deadline.edition_year} {deadline.kind.pick('en')}"
                assert (local_day(deadline, view.zone), text) in marks, text
                checked += 1
            await pilot.press("right_square_bracket")
        assert checked == sum(1 for v in view.listed(None, "all") if v.key in view.next) >= 9
        # The search narrows the grid as it narrows the list.
        await pilot.press("t")
        assert any("Other paper" in m.text for found in grid.marks.values() for m in found)
        await pilot.press("slash", *"icml")
        await pilot.press("enter")
        marks = [mark.text for found in grid.marks.values() for mark in found]
        # Papers' milestones follow it too: ICML's paper's, not the NeurIPS one's.
        assert marks and all("ICML" in text or "Grid paper" in text for text in marks), marks
        assert any("Grid paper" in text for text in marks)


async def test_the_update_key_reads_the_followed_venues(many, server, monkeypatch):  # noqa: F811
    tracker, ccf, hf = server
    monkeypatch.setenv("PAPERDECK_TRACKERS", f"ccfddl={ccf} hf={hf}")
    icml = hf_file(server, "icml.yml")
    icml.write_text(icml.read_text("utf-8") + ICML_2027, "utf-8")
    many.venues.set_favourite("icml", True)
    app = PaperdeckApp(many, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        assert status(app, "ICML")[0].startswith("~")  # an estimate before
        await pilot.press("r")
        await app.screen.update_worker.wait()
        await shown(pilot)
        said = [str(n.message) for n in app._notifications]
        assert any("ICML 2027 Paper Submission announced: 22 Jan 23:59 AoE (estimate said" in m for m in said), said
        assert {path for path, _, _ in tracker.requests if path.endswith("icml.yml")}
        assert not any("neurips" in path for path, _, _ in tracker.requests)  # only the followed
        # 15 Jan 23:59 AoE, in local time (UTC)
        assert "Abstract 2027 01-16 11:59" in " ".join(status(app, "ICML")) and "~" not in row_of(app, "ICML")
        assert {d.kind.value for d in many.venues.deadlines("icml", 2027)} >= {"abstract", "paper"}


async def test_the_update_key_offline_changes_nothing(many, monkeypatch):
    monkeypatch.setenv("PAPERDECK_TRACKERS", "ccfddl=http://127.0.0.1:9/ hf=http://127.0.0.1:9/")
    many.venues.set_favourite("icml", True)
    before = len(many.venues.deadlines())
    app = PaperdeckApp(many, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        await pilot.press("r")
        await app.screen.update_worker.wait()
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert "Cannot reach the trackers: nothing changed" in said
        assert len(many.venues.deadlines()) == before
