"""Venues: every venue sorted by its next deadline with a live countdown, a detail view of
each edition's deadlines (past ones and estimates too), filters, a month grid, forms, import."""

from __future__ import annotations

from datetime import datetime, tzinfo

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import ContentSwitcher, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ...models.common import utcnow
from ...models.venues import Deadline, Venue
from ...paths import package_resource
from ...domain.deadlines import (
    URGENCY_STYLE, countdown, local_day, local_text, local_today, opens_at, own_text, urgency,
)
from ...domain.timezones import zone_name
from ...usecases.paper_targets import paper_milestones
from ...textsafe import one_line
from ..widgets.month_grid import Mark, MonthGrid
from ..widgets.panel import literal
from .base import PaperdeckScreen
from .venue_actions import VenueActionsMixin

VIEWS = ("all", "favourites", "papers")
VIEW_LABELS = {"all": ("全部", "all venues"), "favourites": ("收藏", "favourites"), "papers": ("我的论文", "with my papers")}
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
    view: str = "all"
    _zone: tzinfo | None = None

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
        self.query_one("#venue-table", OptionList).border_title = self.pick("会议", "Venues")
        self.query_one("#venue-detail", OptionList).border_title = self.pick("详情", "Detail")
        self.refresh_data()
        self.set_interval(COUNTDOWN_SECONDS, self.refresh_data)

    # -- data -------------------------------------------------------------------------------

    @property
    def zone(self) -> tzinfo:
        """The user's timezone (the `timezone` setting, else the system's); read once a refresh."""
        if self._zone is None:
            self._zone = self.store.settings.zone()
        return self._zone

    def visible_venues(self) -> list[Venue]:
        venues = self.store.venues.all()
        if self.field_filter:
            venues = [v for v in venues if v.field_en == self.field_filter]
        if self.view == "favourites":
            venues = [v for v in venues if v.favourite]
        elif self.view == "papers":
            mine = self.paper_venue_keys()
            venues = [v for v in venues if v.key.lower() in mine]
        return venues

    def paper_venue_keys(self) -> set[str]:
        return {p.venue_key.lower() for p in self.store.papers.all() if p.venue_key}

    def refresh_data(self) -> None:
        if not self.is_mounted:
            return
        self._zone = None
        now = utcnow()
        upcoming = self.store.venues.next_deadlines(now)
        venues = self.visible_venues()
        far = datetime.max.replace(tzinfo=now.tzinfo)
        venues.sort(key=lambda v: (v.key not in upcoming, opens_at(upcoming[v.key]) if v.key in upcoming else far, v.name.lower()))
        table = self.query_one("#venue-table", OptionList)
        keep = table.highlighted_option.id if table.highlighted_option is not None else None
        table.set_options([self.venue_row(v, upcoming.get(v.key), now) for v in venues])
        ids = [f"venue-{v.key}" for v in venues]
        if ids:
            table.highlighted = ids.index(keep) if keep in ids else 0
        self.show_filters(len(venues))
        self.show_detail()
        if self.query_one(ContentSwitcher).current == "venue-month":
            self.show_month()

    def show_filters(self, count: int) -> None:
        field = self.field_filter or self.pick("全部领域", "all fields")
        zh, en = VIEW_LABELS[self.view]
        text = Text()
        text.append(f"{self.pick('领域', 'Field')}: ", style="dim")
        text.append(one_line(field))
        text.append(f"   {self.pick('显示', 'Show')}: ", style="dim")
        text.append(self.pick(zh, en))
        text.append(f"   {count} {self.pick('个会议', 'venues')}   ", style="dim")
        text.append(f"{self.pick('本地时区', 'Local time')}: {zone_name(self.zone, utcnow())}", style="dim")
        self.query_one("#venue-filters", Static).update(text)

    def venue_row(self, venue: Venue, deadline: Deadline | None, now: datetime) -> Option:
        text = Text()
        text.append("★ " if venue.favourite else "  ", style="yellow")
        text.append(cells(venue.name, 9), style="bold")
        if deadline is None:
            text.append(self.pick("无截稿信息", "no deadline known"), style="dim")
            return Option(text, id=f"venue-{venue.key}")
        left = countdown(deadline, now, self.zone, self.language)
        text.append(cells(left, 10), style=URGENCY_STYLE[urgency(deadline, now, self.zone)])
        text.append(cells(f"{deadline.kind.pick(self.language)} {deadline.edition_year}", 14))
        # Local time (the header names the zone); a date only stays a date (no time invented).
        when = local_text(deadline, self.zone, "%m-%d %H:%M", "%m-%d", named=False)
        text.append(when, style="italic dim" if deadline.is_estimate else "")
        return Option(text, id=f"venue-{venue.key}")

    def selected_venue(self) -> Venue | None:
        option = self.query_one("#venue-table", OptionList).highlighted_option
        if option is None or not option.id:
            return None
        return self.store.venues.find(option.id.removeprefix("venue-"))

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
        if venue is None:
            detail.set_options([Option(Text(self.pick("没有会议", "No venue here"), style="dim"), disabled=True)])
            return
        now = utcnow()
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
        for year, deadlines in self.store.venues.editions(venue.key, now).items():
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
        text = Text("✎ " if deadline.user_edited else "  ", style="dim")
        text.append(cells(deadline.label or deadline.kind.pick(self.language), 19), style="")
        if deadline.is_estimate:
            text.append(compact_estimate(deadline), style="italic dim")
            return Option(text, id=f"estimate-{deadline.uid}", disabled=True)
        local, own = local_text(deadline, self.zone), own_text(deadline)
        if own == local:
            own = ""
        elif own[:5] == local[:5]:
            own = own[5:]  # the same year: "05-06 23:59 AoE"
        text.append(cells(local, 21))
        text.append(cells(own, 16), style="dim")
        state = urgency(deadline, now, self.zone)
        text.append(countdown(deadline, now, self.zone, self.language) if state != "past" else "",
                    style=URGENCY_STYLE[state])
        return Option(text, id=f"deadline-{deadline.id}")

    def show_item(self, item: str) -> None:
        """Open at a venue (the dashboard's Enter)."""
        table = self.query_one("#venue-table", OptionList)
        for index in range(table.option_count):
            if table.get_option_at_index(index).id == f"venue-{item}":
                table.highlighted = index
                table.focus()
                return

    # -- month grid -------------------------------------------------------------------------

    def show_month(self) -> None:
        now = utcnow()
        zone = self.zone
        keys = {v.key for v in self.visible_venues()}
        marks = []
        deadlines = [d for d in self.store.venues.deadlines() if d.venue_key in keys]
        deadlines += self.store.venues.estimates(now, keys)
        for deadline in deadlines:
            name = deadline.venue_name or deadline.venue_key
            style = "italic dim" if deadline.is_estimate else URGENCY_STYLE[urgency(deadline, now, zone)]
            prefix = "~" if deadline.is_estimate else ""
            marks.append(Mark(local_day(deadline, zone), f"{prefix}{name} {deadline.kind.pick(self.language)}", style))
        for item in paper_milestones(self.store, now, zone=zone):
            marks.append(Mark(item.on_date, f"▸ {item.label(self.language)}: {item.paper_title}", "magenta"))
        self.query_one(MonthGrid).set_marks(marks, local_today(now, zone), self.language)
