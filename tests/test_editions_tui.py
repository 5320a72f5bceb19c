"""Issue 13's "Why" bullets as the app shows them (test_editions.py checks them through the CLI):
the Pipeline's tiles and detail, the Dashboard, the Venues detail. Real app (Pilot), real
database, the clock frozen where they were measured (ICLR 2027's deadline passed on 25 Sep)."""

from __future__ import annotations

from datetime import datetime

from paperdeck.domain.timezones import wall_to_utc
from paperdeck.models.common import utcnow
from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.usecases.submissions import decide, submit


async def shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


def tiles(app) -> dict[str, str]:
    """Each tile's venue line as drawn (title -> "ICLR 2027 passed")."""
    found = {}
    for column in app.screen.columns:
        for tile in column.tiles:
            lines = ["".join(s.text for s in strip) for strip in column._render_tile(tile, 60, False)]
            found[tile.title] = lines[2].strip()
    return found


async def test_each_card_counts_down_to_its_own_edition_and_stage(store, frozen_clock):
    store.settings.update(timezone="UTC")
    add = store.papers.add
    add("Speculative decoding", Stage.SUBMISSION, venue_key="iclr", target_year=2027)
    add("Prompt tuning", Stage.WRITING, venue_key="naacl", target_year=2027)
    add("Old idea", Stage.IDEATION, venue_key="icml", target_year=1999)
    add("Decided", Stage.DECISION, venue_key="iclr", target_year=2023)
    add("Waiting", Stage.UNDER_REVIEW, venue_key="iclr", target_year=2027)
    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(200, 60)) as pilot:
        await shown(pilot)
        seen = tiles(app)
        # On main: "ICLR 2027 ~294d" (ICLR 2028's estimate), a decided paper counting down to
        # ICLR 2028, an under-review card counting down to the submission deadline.
        assert seen["Speculative decoding"].startswith("ICLR 2027") and seen["Speculative decoding"].endswith("passed")
        assert seen["Prompt tuning"].endswith("passed") and "NAACL 2027" in seen["Prompt tuning"]
        assert "294" not in seen["Decided"] and "~" not in seen["Decided"]
        assert "notif." in seen["Waiting"] and seen["Waiting"].startswith("ICLR 2027")
        await pilot.press("right", "right", "right", "right")  # the Submission column
        await pilot.pause()
        detail = str(app.screen.query_one("#pipeline-detail").render())
        assert "ICLR 2027 deadline passed 25 Sep 2026; next: ICLR 2028 (est. " in detail
        await app.switch_mode("dashboard")
        await shown(pilot)
        attention = "\n".join(o.prompt.plain for o in app.screen.query_one("#dash-attention").options)
        assert "ICLR 2027 deadline passed 25 Sep 2026" in attention
        assert "ICML 1999 has passed; next: ICML 2027" in attention  # not at risk against ICML 2027's plan


async def test_a_resubmission_retargets_the_card(store, frozen_clock):
    store.settings.update(timezone="UTC")
    paper = store.papers.add("Spec", Stage.WRITING, venue_key="icml", target_year=2027)
    submit(store, paper.id, "ICML", utcnow())
    decide(store, paper.id, "rejected")
    submit(store, paper.id, "NeurIPS", utcnow(), year=2027)
    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(200, 60)) as pilot:
        await shown(pilot)
        line = tiles(app)["Spec"]
        assert line.startswith("NeurIPS 2027") and "ICML" not in line  # on main: still ICML 2027


async def test_a_real_deadline_replaces_only_its_own_estimate_on_venues(store, frozen_clock):
    store.settings.update(timezone="UTC")
    store.venues.add_deadline("icml", 2027, "paper", at=wall_to_utc(datetime(2027, 1, 28, 23, 59), "AoE"),
                              tz_label="AoE")
    app = PaperdeckApp(store, start_screen="venues", watch=False)
    async with app.run_test(size=(200, 60)) as pilot:
        await shown(pilot)
        table = app.screen.query_one("#venue-table")
        table.highlighted = next(i for i, o in enumerate(table.options) if o.id == "venue-icml")
        await pilot.pause()
        rows = [o.prompt.plain for o in app.screen.query_one("#venue-detail").options]
        edition = rows[rows.index(next(r for r in rows if r.startswith("2027"))):][:12]
        text = "\n".join(edition)
        # On main the real paper deadline wiped the edition's other estimates.
        assert "2027-01-29 11:59 UTC" in text  # the real one, 28 Jan 23:59 AoE in local time
        for kind in ("Abstract", "Notification", "Conference"):
            assert any(kind in row and "est. " in row for row in edition), (kind, text)
        # ICML 2028 keeps the venue's own zone (AoE) and its abstract estimate.
        later = app.screen.venues_view.editions["icml"].get(2028, [])
        assert all(d.tz_label == "AoE" for d in later if d.is_estimate)
