"""A closed dialog's widgets are freed (tui/textual_fixes.py): no removed widget's rendered
lines kept by Textual's StylesCache, no Notes editor kept by the app's theme watchers."""

from __future__ import annotations

import gc

from textual._styles_cache import StylesCache
from textual.widget import Widget

from paperdeck.models.papers import Stage
from paperdeck.tui.screens.paper_form import PaperFormModal
from paperdeck.tui.widgets.safe_text import SafeTextArea
from waiting import settled


def alive(kind: type) -> list:
    gc.collect()
    return [thing for thing in gc.get_objects() if isinstance(thing, kind)]


async def test_closing_the_paper_form_frees_its_widgets(store, make_app):
    store.papers.add("Alpha", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        for _ in range(3):
            await pilot.press("e")
            await settled(pilot)
            assert isinstance(app.screen, PaperFormModal) and len(alive(SafeTextArea)) == 1
            await pilot.press("escape")
            await settled(pilot)
        assert not isinstance(app.screen, PaperFormModal)
        await pilot.pause()
        # None kept from earlier openings (the last one may still be tearing down).
        assert len(alive(PaperFormModal)) <= 1 and len(alive(SafeTextArea)) <= 1
        widgets_caches = {id(widget._styles_cache) for widget in alive(Widget)}
        orphans = [cache for cache in alive(StylesCache) if id(cache) not in widgets_caches]
        assert orphans == []  # before the fix: every removed widget's cache, ~170 an opening
