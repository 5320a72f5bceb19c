"""Venues: every venue sorted by its next deadline with a live countdown, a detail view of
each edition's deadlines (past ones and estimates too), filters, a month grid, forms, import.

Its data is one `VenuesView` (usecases/venues.py) loaded in a worker: moving through the list,
the filters, the month grid and the countdown's tick all render from it and never ask the
store; the tick reads again only once a deadline it holds has closed."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import ContentSwitcher, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ...domain.deadlines import (
    URGENCY_STYLE, countdown, local_day, local_text, local_today, own_text, urgency,
)
from ...domain.timezones import zone_name
from ...models.common import utcnow
from ...models.venues import Deadline, Venue
from ...paths import package_resource
from ...textsafe import one_line
from ...usecases.venues import SHOWS, VenuesRequest, VenuesView, venues_view
from ..widgets.month_grid import Mark, MonthGrid
from ..widgets.panel import literal
from .base import PaperdeckScreen
from .venue_actions import VenueActionsMixin

if TYPE_CHECKING:
    from ...store import Store

SHOW_LABELS = {"all": ("全部", "all venues"), "favourites": ("收藏", "favourites"), "papers": ("我的论文", "with my papers")}
COUNTDOWN_SECONDS = 30


def compact_estimate(deadline: Deadline) -> str:
    """"est. 2027-01-28  01-26…02-01  2023–2026": the date, its range and the editions used."""
    text = f"est. {deadline.on_date}"
    low, high = deadline.range_start, deadline.range_end
    if low and high and low != high:
        text += f"  {low:%m-%d}…{high:%m-%d}"
    years = deadline.based_on
    if years:
        text += f"  {years[0]}" + (f"–{years[-1]}" if len(years) > 1 else "")
    return text


def cells(text: str, width: int) -> str:
    """`text` cut or padded to exactly `width` terminal cells."""
    text = one_line(text)
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return text + " " * (width - cell_len(text))


class VenuesScreen(VenueActionsMixin, PaperdeckScreen):
    CSS_PATH = package_resource("styles") / "venues.tcss"
    BINDINGS = [
        Binding("f", "cycle_field", "Field", id="venues.field", tooltip="Filter by field: all, General ML, NLP, ..."),
        Binding("v", "cycle_view", "Show", id="venues.view", tooltip="All venues, favourites, or venues with my papers"),
        Binding("s", "toggle_favourite", "Star", id="venues.favourite", tooltip="Mark or unmark the venue as a favourite"),
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
        Binding("i", "import_files", "Import", id="venues.import",
                tooltip="Import ccfddl / Hugging Face / ai-deadlines YAML files"),
    ]

    field_filter: str | None = None
    show: str = "all"                        # one of SHOWS
    venues_view: VenuesView | None = None    # what is shown; loaded when the screen is shown
    shown_at: datetime | None = None         # the clock the countdowns were last shown at
    wanted_venue: str | None = None          # a venue to highlight once the view has it

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="venue-filters")
        with ContentSwitcher(initial="venue-lists", id="venue-switcher"):
            with Horizontal(id="venue-lists"):
                yield OptionList(id="venue-table")
                yield OptionList(id="venue-detail")
            yield MonthGrid(id="venue-month")
        yield Footer()

    def on_mount(self) -> None:
        # The data is read when the screen is shown (PaperdeckScreen.on_screen_resume).
        self.query_one("#venue-table", OptionList).border_title = self.pick("会议", "Venues")
        self.query_one("#venue-detail", OptionList).border_title = self.pick("详情", "Detail")
        self.set_interval(COUNTDOWN_SECONDS, self._tick)

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
        venues = view.listed(self.field_filter, self.show)
        table = self.query_one("#venue-table", OptionList)
        keep = table.highlighted_option.id if table.highlighted_option is not None else None
        table.set_options([self.venue_row(v, view.next.get(v.key), now) for v in venues])
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
        text.append(f"   {count} {self.pick('个会议', 'venues')}   ", style="dim")
        if view is not None:
            text.append(f"{self.pick('本地时区', 'Local time')}: {zone_name(view.zone, self.shown_at or view.now)}",
                        style="dim")
        self.query_one("#venue-filters", Static).update(text)

    def venue_row(self, venue: Venue, deadline: Deadline | None, now: datetime) -> Option:
        zone = self.venues_view.zone  # type: ignore[union-attr]
        text = Text()
        text.append("★ " if venue.favourite else "  ", style="yellow")
        text.append(cells(venue.name, 9), style="bold")
        if deadline is None:
            text.append(self.pick("无截稿信息", "no deadline known"), style="dim")
            return Option(text, id=f"venue-{venue.key}")
        left = countdown(deadline, now, zone, self.language)
        text.append(cells(left, 10), style=URGENCY_STYLE[urgency(deadline, now, zone)])
        text.append(cells(f"{deadline.kind.pick(self.language)} {deadline.edition_year}", 14))
        # Local time (the header names the zone); a date only stays a date (no time invented).
        when = local_text(deadline, zone, "%m-%d %H:%M", "%m-%d", named=False)
        text.append(when, style="italic dim" if deadline.is_estimate else "")
        return Option(text, id=f"venue-{venue.key}")

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
        for year, deadlines in view.editions.get(venue.key, {}).items():
            estimated = all(d.is_estimate for d in deadlines)
            title = f"{year}" + (self.pick("（估计）", " (estimated)") if estimated else "")
            rows.append(Option(Text(title, style="bold underline"), disabled=True))
            for deadline in deadlines:
                rows.append(self.deadline_row(deadline, now))
        keep = detail.highlighted_option.id if detail.highlighted_option is not None else None
        detail.set_options(rows)
        ids = [row.id for row in rows]
        if keep is not None and keep in ids:
            detail.highlighted = ids.index(keep)

    def deadline_row(self, deadline: Deadline, now: datetime) -> Option:
        zone = self.venues_view.zone  # type: ignore[union-attr]
        text = Text("✎ " if deadline.user_edited else "  ", style="dim")
        text.append(cells(deadline.label or deadline.kind.pick(self.language), 19), style="")
        if deadline.is_estimate:
            text.append(compact_estimate(deadline), style="italic dim")
            return Option(text, id=f"estimate-{deadline.uid}", disabled=True)
        local, own = local_text(deadline, zone), own_text(deadline)
        if own == local:
            own = ""
        elif own[:5] == local[:5]:
            own = own[5:]  # the same year: "05-06 23:59 AoE"
        text.append(cells(local, 21))
        text.append(cells(own, 16), style="dim")
        state = urgency(deadline, now, zone)
        text.append(countdown(deadline, now, zone, self.language) if state != "past" else "",
                    style=URGENCY_STYLE[state])
        return Option(text, id=f"deadline-{deadline.id}")

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

    # -- month grid -------------------------------------------------------------------------

    def show_month(self) -> None:
        view = self.venues_view
        if view is None:
            return
        now = self.shown_at or view.now
        zone = view.zone
        keys = {v.key for v in view.listed(self.field_filter, self.show)}
        marks = []
        for deadline in view.month_deadlines(keys):
            name = deadline.venue_name or deadline.venue_key
            style = "italic dim" if deadline.is_estimate else URGENCY_STYLE[urgency(deadline, now, zone)]
            prefix = "~" if deadline.is_estimate else ""
            marks.append(Mark(local_day(deadline, zone), f"{prefix}{name} {deadline.kind.pick(self.language)}", style))
        for item in view.milestones or ():
            marks.append(Mark(item.on_date, f"▸ {item.label(self.language)}: {item.paper_title}", "magenta"))
        self.query_one(MonthGrid).set_marks(marks, local_today(now, zone), self.language)
