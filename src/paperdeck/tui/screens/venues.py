"""Venues: every venue sorted by its next deadline with a live countdown, a detail view of
each edition's deadlines (past ones and estimates too), search, filters, a month grid, forms,
import, and the trackers' update. Following, hiding and deleting venues: venue_actions.py.

Its data is one `VenuesView` (usecases/venues.py) loaded in a worker: moving through the list,
the filters, the month grid and the countdown's tick all render from it and never ask the
store; the tick reads again only once a deadline it holds has closed."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import ContentSwitcher, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ...domain.timezones import zone_name
from ...models.common import utcnow
from ...models.venues import Venue
from ...textsafe import one_line
from ...usecases.core import StoreError
from ...usecases.venues import VenuesRequest, VenuesView, month_milestones, venues_view
from ..widgets.drawn_options import DrawnOptionList
from ..widgets.month_grid import Mark, MonthGrid
from ..widgets.panel import literal
from ..widgets.safe_text import SafeInput
from .base import PaperdeckScreen
from .venue_actions import VenueActionsMixin
from .venue_month import VenueMonthMixin, month_marks
from .venue_rows import LIST_CHROME, ListColumns, ListedVenue, deadline_row, label_width, list_columns, past_note, venue_row
from .venue_update import VenueUpdateMixin

if TYPE_CHECKING:
    from ...usecases.core import Store

SHOW_LABELS = {"all": ("全部", "all venues"), "followed": ("关注的", "followed"), "papers": ("我的论文", "with my papers"),
               "hidden": ("已隐藏", "hidden")}
COUNTDOWN_SECONDS = 30


class SearchInput(SafeInput):
    """The list's search: narrows it as you type; Enter goes to the list, Esc clears it."""

    BINDINGS = [Binding("escape", "clear_search", "Clear search", id="venues.clear_search",
                        tooltip="Clear the search and go back to the list")]

    def action_clear_search(self) -> None:
        self.screen.close_search()  # type: ignore[attr-defined]


class VenuesScreen(VenueUpdateMixin, VenueActionsMixin, VenueMonthMixin, PaperdeckScreen):
    # Not a CSS_PATH: a stylesheet file read at the first showing re-parses the app's CSS and
    # restyles every screen's widgets (as the other screens). The list and the detail side by
    # side (stacked when narrow: fit_lists), or the month grid (its agenda below when narrow).
    DEFAULT_CSS = """
    #venue-filters { height: 1; padding: 0 1; }
    #venue-switcher { height: 1fr; }
    #venue-lists { height: 1fr; }
    #venue-table { width: 5fr; height: 1fr; border: round $primary 50%; border-title-color: $text-accent; }
    #venue-detail { width: 7fr; height: 1fr; border: round $primary 50%; border-title-color: $text-accent; }
    #venue-table:focus, #venue-detail:focus { border: round $accent; }
    #venue-month { height: 1fr; }
    #venue-grid { width: 1fr; height: 1fr; }
    #venue-agenda-box { width: 46; height: 1fr; border: round $primary 50%; padding: 0 1; }
    #venue-agenda { height: 1fr; }
    #venue-legend { height: auto; color: $text-muted; }
    #venue-month.-agenda-below { layout: vertical; }
    #venue-month.-agenda-below #venue-agenda-box { width: 100%; height: 9; }
    /* rows are laid out in fixed columns (venue_rows.py): the scrollbar's cell is always kept */
    #venue-table, #venue-detail { scrollbar-gutter: stable; scrollbar-size-vertical: 1; }
    VenuesScreen.-stacked #venue-lists { layout: vertical; }
    VenuesScreen.-stacked #venue-table { width: 100%; height: 2fr; }
    VenuesScreen.-stacked #venue-detail { width: 100%; height: 3fr; }
    """
    AUTO_FOCUS = "#venue-table"  # not the search, hidden until `/`
    BINDINGS = [
        Binding("slash", "search", "Search", id="venues.search", tooltip="Search venues by name, full name or alias",
                priority=True),
        Binding("escape", "clear_search", "Clear search", id="venues.clear", show=False,
                tooltip="Clear the search (from the list too)"),
        Binding("f", "cycle_field", "Field", id="venues.field", tooltip="Filter by field: all, General ML, NLP, ..."),
        Binding("v", "cycle_view", "Show", id="venues.view",
                tooltip="All venues, the ones you follow, the ones with my papers, or the hidden ones"),
        Binding("s", "toggle_favourite", "Follow", id="venues.favourite",
                tooltip="Follow (star) the venue or stop; deadlines update reads the venues you follow"),
        Binding("h", "toggle_hidden", "Hide", id="venues.hide", tooltip="Hide the venue from every list, or show it again (u undoes)"),
        Binding("D", "delete_venue", "Delete venue", id="venues.delete", tooltip="Delete the venue and its deadlines (u undoes)"),
        Binding("u", "undo", "Undo", id="venues.undo", tooltip="Undo the last hide, delete or import of venues"),
        Binding("r", "update_deadlines", "Update", id="venues.update",
                tooltip="Fetch the trackers' current deadlines for the venues you follow (deadlines update)"),
        Binding("m", "toggle_month", "Month", id="venues.month", tooltip="Month grid of deadlines and paper milestones"),
        Binding("left_square_bracket", "move_month(-1)", "Prev month", id="venues.prev_month",
                tooltip="Month grid: previous month"),
        Binding("right_square_bracket", "move_month(1)", "Next month", id="venues.next_month",
                tooltip="Month grid: next month"),
        Binding("t", "month_today", "Today", id="venues.today", tooltip="Month grid: back to this month"),
        Binding("a", "add_venue", "Add venue", id="venues.add", tooltip="Add a venue of your own"),
        Binding("e", "edit", "Edit", id="venues.edit",
                tooltip="Edit the venue (list) or the highlighted deadline (detail)"),
        Binding("d", "add_deadline", "Add deadline", id="venues.add_deadline",
                tooltip="Add a deadline to the selected venue"),
        Binding("x", "delete_deadline", "Delete deadline", id="venues.delete_deadline",
                tooltip="Delete the highlighted deadline (detail)"),
        Binding("u", "undo", "Undo", id="venues.undo", show=False,
                tooltip="Undo the latest delete of a deadline or venue (or import)"),
        Binding("i", "import_files", "Import", id="venues.import",
                tooltip="Import ccfddl / Hugging Face / ai-deadlines YAML files"),
    ]

    field_filter: str | None = None
    show: str = "all"                        # one of SHOWS
    search: str = ""                         # the search's words ("": none)
    venues_view: VenuesView | None = None    # what is shown; loaded when the screen is shown
    shown_at: datetime | None = None         # the clock the countdowns were last shown at
    wanted_venue: str | None = None          # a venue to highlight once the view has it
    list_columns: ListColumns | None = None  # the list's column widths, as last shown
    _detail_shown: tuple | None = None       # (view, what of it) the detail shows: show_detail

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="venue-filters")
        search = SearchInput(placeholder="/", id="venue-search")
        search.display = False  # shown by `/`
        yield search
        with ContentSwitcher(initial="venue-lists", id="venue-switcher"):
            with Horizontal(id="venue-lists"):
                yield DrawnOptionList(id="venue-table")
                yield DrawnOptionList(id="venue-detail")
            with Horizontal(id="venue-month"):
                yield MonthGrid(id="venue-grid")
                with Vertical(id="venue-agenda-box"):
                    yield Static(id="venue-agenda")
                    yield Static(id="venue-legend")
        yield Footer()

    def on_mount(self) -> None:
        # The data is read when the screen is shown (PaperdeckScreen.on_screen_resume).
        self.query_one("#venue-table", OptionList).border_title = self.pick("会议", "Venues")
        self.query_one("#venue-detail", OptionList).border_title = self.pick("详情", "Detail")
        self.set_interval(COUNTDOWN_SECONDS, self._tick)

    def on_resize(self, event: events.Resize) -> None:
        self.fit_month()
        self.call_after_refresh(self.show_list)  # the names' column follows the list's width

    # -- the view ---------------------------------------------------------------------------

    def month_shown(self) -> bool:
        return self.query_one(ContentSwitcher).current == "venue-month"

    def view_request(self) -> VenuesRequest:
        return VenuesRequest(now=utcnow(), with_milestones=self.month_shown())

    @staticmethod
    def load_view(store: "Store", request: VenuesRequest) -> VenuesView:
        return venues_view(store, request)

    def show_view(self, view: VenuesView) -> None:
        self.venues_view = view
        self.query_one("#venue-table", OptionList).border_title = self.pick("会议", "Venues")
        self.query_one("#venue-detail", OptionList).border_title = self.pick("详情", "Detail")
        self.show_list(view.now)
        if self.wanted_venue is not None:
            wanted, self.wanted_venue = self.wanted_venue, None
            self.show_item(wanted)
        if view.milestones is None:
            self.call_after_refresh(self.read_milestones, view)

    def read_milestones(self, view: VenuesView) -> None:
        """The month grid's milestones, read once the list is drawn, so that `m` only draws
        (at 10,000 papers they take ~300 ms to read). Kept only if nothing changed since the
        view was read (same change stamp) and the view is still the one shown."""
        stamp = self._view_requested_key
        if self.venues_view is not view or not self._still_read_under(stamp):
            return
        # The grid's marks are made there too, for the list as shown now (~6 ms of the first `m`
        # at medium): kept if the list is still so shown when they arrive.
        made_at = self.marks_made_at(self.shown_at or view.now)

        def read(store) -> tuple[VenuesView, list[Mark]]:
            read_view = view.with_milestones(month_milestones(store, view.now, view.zone))
            return read_view, month_marks(read_view, *made_at)

        def keep(read: tuple[VenuesView, list[Mark]]) -> None:
            if self.venues_view is view and self._view_requested_key == stamp and self._still_read_under(stamp):
                self.venues_view, marks = read
                self._month_marks = (self.venues_view, made_at, marks)
                if self.month_shown():
                    self.show_month()

        self.load_then(read, keep, name="month milestones",
                       failed=lambda error: None)  # the grid reads them itself when shown

    def _still_read_under(self, stamp: tuple | None) -> bool:
        """True when the data (and language) are as they were under `stamp` (a view's key)."""
        try:
            return stamp is not None and stamp == self._view_key()
        except StoreError:
            return False

    def _tick(self) -> None:
        """Countdowns move on: shown at the new clock; read again once a held deadline closed."""
        view = self.venues_view
        if not self.is_current or view is None:
            return
        now = utcnow()
        if view.expired(now):
            self.reload_view()
        else:
            self.show_list(now)

    def show_list(self, now: datetime | None = None) -> None:
        """The list, the filters line, the detail and (when shown) the month grid, at `now`."""
        view = self.venues_view
        if view is None:
            return
        now = now or self.shown_at or view.now
        self.shown_at = now
        venues = view.listed(self.field_filter, self.show, self.search)
        table = self.query_one("#venue-table", OptionList)
        keep = table.highlighted_option.id if table.highlighted_option is not None else None
        listed = [ListedVenue(v, next_one=view.next.get(v.key), last=view.last.get(v.key),
                              if_running=view.if_running.get(v.key), followed=v.key in view.followed)
                  for v in venues]
        columns = self.list_columns = list_columns(listed, now, view.zone, self.language,
                                                   room=self.size.width - LIST_CHROME)
        self.fit_lists(columns.width + LIST_CHROME)
        table.set_options([
            Option(venue_row(line, now, view.zone, self.language, columns), id=f"venue-{line.venue.key}")
            for line in listed
        ])
        ids = [f"venue-{v.key}" for v in venues]
        if ids:
            table.highlighted = ids.index(keep) if keep in ids else 0
        self.show_filters(len(venues))
        self.show_detail()
        if self.month_shown():
            self.show_month()

    def show_filters(self, count: int) -> None:
        view = self.venues_view
        field = self.field_filter or self.pick("全部领域", "all fields")
        zh, en = SHOW_LABELS[self.show]
        text = Text()
        text.append(f"{self.pick('领域', 'Field')}: ", style="dim")
        text.append(one_line(field))
        text.append(f"   {self.pick('显示', 'Show')}: ", style="dim")
        text.append(self.pick(zh, en))
        if self.search.strip():
            text.append(f"   {self.pick('搜索', 'Search')}: ", style="dim")
            text.append(one_line(self.search))
        text.append(f"   {count} {self.pick('个会议', 'venues')}   ", style="dim")
        if view is not None:
            text.append(f"{self.pick('本地时区', 'Local time')}: {zone_name(view.zone, self.shown_at or view.now)}",
                        style="dim")
        self.query_one("#venue-filters", Static).update(text)

    # Below this many columns for the detail, the list and the detail are stacked.
    DETAIL_MIN = 56

    def fit_lists(self, list_width: int) -> None:
        """The list exactly as wide as its rows, the detail beside it, or both stacked (the
        whole width each) when the screen is too narrow for both."""
        stacked = self.size.width - list_width < self.DETAIL_MIN
        self.set_class(stacked, "-stacked")
        self.query_one("#venue-table", OptionList).styles.width = "100%" if stacked else list_width

    def detail_width(self) -> int:
        """The detail's room for text (known before it is laid out: the rows are built first)."""
        table = self.query_one("#venue-table", OptionList)
        used = 0 if self.has_class("-stacked") else int(table.styles.width.value) if table.styles.width else 0
        return max(20, self.size.width - used - LIST_CHROME)

    def selected_venue(self) -> Venue | None:
        option = self.query_one("#venue-table", OptionList).highlighted_option
        if option is None or not option.id or self.venues_view is None:
            return None
        return self.venues_view.venue(option.id.removeprefix("venue-"))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "venue-table":
            self.show_detail()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "venue-table":
            self.query_one("#venue-detail", OptionList).focus()
        elif event.option_list.id == "venue-detail":
            self.action_edit()

    def show_detail(self) -> None:
        detail = self.query_one("#venue-detail", OptionList)
        venue = self.selected_venue()
        view = self.venues_view
        # Shown already for this venue, view, clock, language and width (show_list highlights the
        # venue, then shows its detail: the highlight's message would build it all again).
        shown = (venue.key if venue is not None else None, self.shown_at, self.language, self.detail_width())
        if view is not None and self._detail_shown is not None and self._detail_shown[0] is view and self._detail_shown[1] == shown:
            return
        self._detail_shown = (view, shown) if view is not None else None
        if venue is None or view is None:
            detail.set_options([Option(Text(self.pick("没有会议", "No venue here"), style="dim"), disabled=True)])
            return
        now = self.shown_at or view.now
        rows: list[Option] = []

        def note(label: str, value: str, style: str = "") -> None:
            if value:
                line = Text(f"{label}: ", style="dim")
                line.append(literal(value, style))
                rows.append(Option(line, disabled=True))

        head = literal(venue.name, "bold")
        if venue.full_name:
            head.append(" — ")
            head.append(literal(venue.full_name))
        rows.append(Option(head, disabled=True))
        note(self.pick("领域", "Field"), self.pick(venue.field_zh, venue.field_en))
        note(self.pick("指南", "Guide"), self.pick(venue.guide_note_zh, venue.guide_note_en), "italic")
        note(self.pick("实际", "Facts"), self.pick(venue.rhythm_zh, venue.rhythm_en))
        note("URL", venue.url)
        if venue.hidden:
            note(self.pick("状态", "State"), self.pick("已隐藏（h 取消隐藏）", "hidden (h shows it again)"))
        last = view.last.get(venue.key)
        if last is not None:
            note(self.pick("已过", "Past"), past_note(last, view.if_running.get(venue.key), view.zone, self.language))
        editions = view.editions.get(venue.key, {})
        label = label_width([d for deadlines in editions.values() for d in deadlines], self.language)
        for year, deadlines in editions.items():
            estimated = all(d.is_estimate for d in deadlines)
            title = f"{year}" + (self.pick("（估计）", " (estimated)") if estimated else "")
            rows.append(Option(Text(title, style="bold underline"), disabled=True))
            for deadline in deadlines:
                row = deadline_row(deadline, now, view.zone, self.language, label, self.detail_width())
                option_id = f"estimate-{deadline.uid}" if deadline.is_estimate else f"deadline-{deadline.id}"
                rows.append(Option(row, id=option_id, disabled=deadline.is_estimate))
        keep = detail.highlighted_option.id if detail.highlighted_option is not None else None
        detail.set_options(rows)
        ids = [row.id for row in rows]
        if keep is not None and keep in ids:
            detail.highlighted = ids.index(keep)

    def show_item(self, item: str) -> None:
        """Open at a venue (the dashboard's Enter); once the view has it, if it is loading."""
        table = self.query_one("#venue-table", OptionList)
        for index in range(table.option_count):
            if table.get_option_at_index(index).id == f"venue-{item}":
                table.highlighted = index
                table.focus()
                return
        if self.venues_view is None or self.venues_view.venue(item) is None:
            self.wanted_venue = item  # not read yet (a venue just added, or the first load)
