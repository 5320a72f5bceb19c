"""DrawnOptionList draws the rows that fit exactly as Textual's OptionList would (same text,
same styles, same option under the mouse), markup-like text literally, CJK and emoji at their
cell widths; rows that need wrapping are left to Textual. The Venues and Resume lists use it."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.widgets.drawn_options import DrawnOptionList
from paperdeck.tui.widgets.panel import literal
from screen_text import screen_lines
from waiting import settled

WIDTH = 40
FITTING = [
    literal("[red]not red[/] [/] [bold"),                       # markup-like text, shown as typed
    Text.assemble(("论文标题 📄", "bold yellow"), " e\u0301 ｆｕｌｌ", ("[/]", "dim")),  # CJK, emoji, combining
    Text("dim and italic", style="dim italic"),
    Text.assemble(("★ ", "yellow"), ("ACL 2025", "green"), "  ", ("~43 days", "red")),
    Text("two lines\n  of one option"),
    Text(""),
]
TOO_WIDE = Text("a row far wider than the list " * 3)


class Lists(App):
    CSS = """
    #wrapping { height: 12; }
    #cut { height: 12; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def compose(self) -> ComposeResult:
        yield DrawnOptionList(*[Option(prompt, id=f"w{i}") for i, prompt in enumerate([*FITTING, TOO_WIDE])],
                              id="wrapping")
        yield DrawnOptionList(*[Option(prompt, id=f"c{i}") for i, prompt in enumerate([*FITTING, TOO_WIDE])],
                              id="cut")


def drawn(strips) -> list[list[tuple]]:
    """What reaches the terminal from each line (text and style) and the option a click there
    picks; Textual also puts each segment's cell offset in its meta, for text selection, which
    an OptionList does not allow."""
    return [[(segment.text, segment.style.clear_meta_and_links() if segment.style else None,
              (segment.style.meta or {}).get("option") if segment.style else None)
             for segment in strip] for strip in strips]


@pytest.mark.parametrize("list_id", ["wrapping", "cut"])
async def test_rows_are_drawn_as_textual_draws_them(list_id):
    app = Lists()
    async with app.run_test(size=(WIDTH + 4, 30)) as pilot:
        await pilot.pause()
        options = app.query_one(f"#{list_id}", DrawnOptionList)
        options.highlighted = 1
        await pilot.pause()
        width = options.scrollable_content_region.width
        for index, option in enumerate(options.options):
            for component in ("", "option-list--option-highlighted"):
                style = (options.get_visual_style("option-list--option", component) if component
                         else options.get_visual_style("option-list--option"))
                fits = options._fitting_lines(options._get_visual(option), width, style) is not None
                # Every row fits but the wide one, which only the cutting list draws itself.
                assert fits == (option.prompt is not TOO_WIDE or list_id == "cut"), index
                options._option_render_cache.clear()
                ours = options._get_option_render(option, style)
                options._option_render_cache.clear()
                theirs = OptionList._get_option_render(options, option, style)
                assert drawn(ours) == drawn(theirs), (index, component)


@pytest.mark.parametrize("list_id", ["wrapping", "cut"])
async def test_each_option_is_as_high_as_textual_measures_it(list_id):
    app = Lists()
    async with app.run_test(size=(WIDTH + 4, 30)) as pilot:
        await pilot.pause()
        options = app.query_one(f"#{list_id}", DrawnOptionList)
        width = options.scrollable_content_region.width
        heights = [options._option_height(option, width) for option in options.options]
        assert heights == [options._get_visual(option).get_height(options.styles, width) for option in options.options]
        assert heights[4] == 2 and (heights[-1] > 1) == (list_id == "wrapping")  # two lines; the wide row wraps
        assert options.virtual_size.height == sum(heights)


async def test_markup_like_text_and_cjk_show_literally_and_aligned():
    app = Lists()
    async with app.run_test(size=(WIDTH + 4, 30)) as pilot:
        await pilot.pause()
        lines = [line.text for line in app.query_one("#cut", DrawnOptionList).render_lines(
            app.query_one("#cut").region.reset_offset)]
        assert any("[red]not red[/] [/] [bold" in line for line in lines)
        assert any("论文标题 📄 e\u0301 ｆｕｌｌ[/]" in line for line in lines)
        room = app.query_one("#cut").outer_size.width
        assert all(cell_len(line) == room for line in lines)  # every line exactly the list's width
        assert any("a row far…" in line for line in lines)  # the wide row, cut


async def test_venues_rows_with_markup_and_cjk_names_line_up(store, frozen_clock):
    for name in ("[/]会议", "[red]X", "论文📄"):
        store.venues.add(name)
    app = PaperdeckApp(store, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        lines = screen_lines(app)
        shown = {name: next(line for line in lines if f" {name} " in line) for name in ("[/]会议", "[red]X", "论文📄")}
        # The status column ("no deadline known") starts at the same cell on each row.
        starts = {cell_len(line[:line.index("no deadline known")]) for line in shown.values()}
        assert len(starts) == 1, shown


async def test_the_highlight_stays_on_its_venue_after_a_refresh(store, frozen_clock):
    app = PaperdeckApp(store, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        table = app.screen.query_one("#venue-table", DrawnOptionList)
        await pilot.press("down", "down")
        chosen = table.highlighted_option.id
        store.venues.add("AAA first by name")  # another window's write, then the app's refresh
        app.refresh_screens()
        await settled(pilot)
        assert table.highlighted_option.id == chosen
        assert any("AAA first by name" in line for line in screen_lines(app))


async def test_a_highlight_move_repaints_its_two_rows_and_leaves_nothing_stale():
    """A highlight move repaints the row it left and the row it reached (not the whole list);
    what is drawn then is what a whole repaint draws."""
    app = Lists()
    async with app.run_test(size=(WIDTH + 4, 30)) as pilot:
        await pilot.pause()
        options = app.query_one("#wrapping", DrawnOptionList)
        options.focus()
        options.highlighted = 0
        await pilot.pause()
        await pilot.pause()
        for moved_to in (1, 2, 1, 5):
            options.highlighted = moved_to  # as ↓ / ↑ set it
            dirty = set(options._styles_cache._dirty_lines)
            assert 0 < len(dirty) <= 3, dirty  # the two rows' lines (the fifth option has two)
            await pilot.pause()
            await pilot.pause()
            drawn_now = drawn(options.render_lines(options.size.region))
            options.refresh()
            assert drawn(options.render_lines(options.size.region)) == drawn_now, moved_to
