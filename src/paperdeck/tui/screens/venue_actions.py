"""The Venues screen's actions: search, filters, following, hiding and deleting venues (with
undo), month grid, forms and import.

Filters and the month grid render from the screen's view; writes go through usecases/venues.py
(one short transaction), then the view is read again in a worker."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import ContentSwitcher, Input, OptionList

from ...models.venues import DeadlineKind
from ...usecases.core import StoreError
from ...textsafe import one_line
from ...usecases import venues as venue_cases
from .venue_forms import FormModal

if TYPE_CHECKING:
    from ...models.venues import Deadline


class VenueActionsMixin:
    """Mixed into VenuesScreen (which provides store, pick, venues_view, show_list,
    selected_venue, reload_view, ...)."""

    # -- search, filters and following (from the view: no read) -----------------------------

    def action_search(self) -> None:
        search = self.query_one("#venue-search", Input)
        search.display = True
        # At once (Widget.focus waits for the next turn): keys typed right after `/` are the
        # search's, not the list's. `/` itself is a priority binding: not typed into it.
        self.set_focus(search)

    def action_clear_search(self) -> None:
        if self.search or self.query_one("#venue-search", Input).display:
            self.close_search()

    def close_search(self) -> None:
        """Esc in the search: clear it, hide it, back to the list."""
        search = self.query_one("#venue-search", Input)
        search.value = ""
        search.display = False
        self.search = ""
        self.show_list()
        self.query_one("#venue-table", OptionList).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "venue-search":
            self.search = event.value
            self.show_list()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "venue-search":
            event.stop()
            if not event.value.strip():
                self.close_search()
                return
            self.query_one("#venue-table", OptionList).focus()

    def action_cycle_field(self) -> None:
        if self.venues_view is None:
            return
        order = [None, *self.venues_view.fields]
        position = order.index(self.field_filter) if self.field_filter in order else 0
        self.field_filter = order[(position + 1) % len(order)]
        self.show_list()

    def action_cycle_view(self) -> None:
        self.show = venue_cases.SHOWS[(venue_cases.SHOWS.index(self.show) + 1) % len(venue_cases.SHOWS)]
        self.show_list()

    def action_toggle_favourite(self) -> None:
        """Follow (star) the venue, or stop; one a paper targets stays followed through it."""
        venue = self.selected_venue()
        if venue is None or self.venues_view is None:
            return
        try:
            changed = venue_cases.toggle_favourite(self.store, venue.key)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.venues_view = self.venues_view.with_venue(changed)  # the write's answer: nothing to re-read
        name = one_line(changed.name)
        if changed.favourite:
            self.notify(self.pick(f"已关注 {name}", f"Following {name}"), markup=False)
        elif changed.key in self.venues_view.followed:
            self.notify(self.pick(f"已取消星标 {name}；仍因论文目标而关注", f"Unstarred {name}; still followed: a paper targets it"),
                        markup=False)
        else:
            self.notify(self.pick(f"已取消关注 {name}", f"No longer following {name}"), markup=False)
        self.show_list()

    # -- hide, delete, undo (each one short write, then the view is read again) --------------

    def _undo_hint(self) -> str:
        key = self.key_hint("undo")
        return self.pick(f"（{key} 撤销）", f" ({key} undoes)") if key else ""

    def action_toggle_hidden(self) -> None:
        venue = self.selected_venue()
        if venue is None:
            return
        try:
            changed = venue_cases.set_hidden(self.store, venue.key, not venue.hidden)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        name = one_line(changed.name)
        said = (self.pick(f"已隐藏 {name}", f"Hidden: {name}") if changed.hidden
                else self.pick(f"已取消隐藏 {name}", f"Shown again: {name}"))
        self.notify(said + self._undo_hint(), markup=False)
        self.reload_view()

    def action_delete_venue(self) -> None:
        venue = self.selected_venue()
        if venue is None:
            return
        try:
            venue_cases.delete_venue(self.store, venue.key)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        name = one_line(venue.name)
        self.notify(self.pick(f"已删除 {name} 及其截稿", f"Deleted {name} and its deadlines") + self._undo_hint(),
                    markup=False)
        self.reload_view()

    def action_undo(self) -> None:
        try:
            label = venue_cases.undo_venue_change(self.store)
        except StoreError as error:  # ConflictError among them: changed since
            self.notify(str(error), severity="error", markup=False)
            return
        if label is None:
            self.notify(self.pick("没有可撤销的操作", "Nothing to undo"), severity="warning")
            return
        self.notify(self.pick(f"已撤销：{one_line(label)}", f"Undone: {one_line(label)}"), markup=False)
        self.reload_view()

    # -- month grid -------------------------------------------------------------------------

    def action_toggle_month(self) -> None:
        from ..widgets.month_grid import MonthGrid

        switcher = self.query_one(ContentSwitcher)
        if switcher.current == "venue-month":
            switcher.current = "venue-lists"
            self.query_one("#venue-table", OptionList).focus()
        else:
            switcher.current = "venue-month"
            self.show_month()
            self.query_one(MonthGrid).focus()
            if self.venues_view is not None and self.venues_view.milestones is None:
                self.reload_view()  # the papers' milestones are read for the grid only

    def action_move_month(self, months: int) -> None:
        from ..widgets.month_grid import MonthGrid

        if self.query_one(ContentSwitcher).current != "venue-month":
            self.action_toggle_month()
        grid = self.query_one(MonthGrid)
        grid.next_month() if months > 0 else grid.previous_month()

    def action_month_today(self) -> None:
        from ..widgets.month_grid import MonthGrid

        if self.query_one(ContentSwitcher).current != "venue-month":
            self.action_toggle_month()
        self.query_one(MonthGrid).go_today()

    # -- forms ------------------------------------------------------------------------------

    def _open(self, modal: FormModal, message: str) -> None:
        def done(result: Any) -> None:
            if result:
                self.notify(message)
                self.reload_view()

        self.app.push_screen(modal, done)

    def action_add_venue(self) -> None:
        fields = [("name", self.pick("名称", "Name"), ""), ("full_name", self.pick("全称", "Full name"), ""),
                  ("field_en", self.pick("领域", "Field"), ""), ("url", "URL", "")]

        def save(values: dict[str, str]) -> Any:
            venue = venue_cases.add_venue(self.store, values.pop("name"), **values)
            self.wanted_venue = venue.key  # highlighted once the view read again has it
            return venue

        self._open(FormModal(self.pick("添加会议", "Add a venue"), fields, save), self.pick("已添加", "Venue added"))

    def action_edit(self) -> None:
        detail = self.query_one("#venue-detail", OptionList)
        if detail.has_focus and detail.highlighted_option is not None:
            option_id = detail.highlighted_option.id or ""
            deadline = None
            if option_id.startswith("deadline-") and self.venues_view is not None:
                deadline = self.venues_view.deadline(int(option_id.removeprefix("deadline-")))
            if deadline is not None:
                self._edit_deadline(deadline)
            return
        venue = self.selected_venue()
        if venue is None:
            return
        fields = [("name", self.pick("名称", "Name"), venue.name), ("full_name", self.pick("全称", "Full name"), venue.full_name),
                  ("field_en", self.pick("领域", "Field"), venue.field_en), ("url", "URL", venue.url),
                  ("rhythm_en", self.pick("投稿节奏", "Rhythm"), venue.rhythm_en)]
        self._open(FormModal(self.pick("编辑会议", "Edit venue"), fields,
                             lambda values: venue_cases.update_venue(self.store, venue.key, venue.version, **values)),
                   self.pick("已保存", "Venue saved"))

    def _deadline_fields(self, deadline: "Deadline | None", year: int, day: "date | None" = None) -> list[tuple[str, str, str]]:
        from ...domain.deadlines import own_zone

        when = f"{day:%Y-%m-%d}" if day is not None else ""  # the grid's day (a time may be added)
        if deadline is not None:
            if deadline.at is not None:  # the wall time in its own zone, as the form's zone field says
                when = deadline.at.astimezone(own_zone(deadline)).strftime("%Y-%m-%d %H:%M:%S")
            else:
                when = str(deadline.on_date)
        kinds = "、".join(kind.label_zh for kind in DeadlineKind) if self.language == "zh" else \
            ", ".join(kind.value for kind in DeadlineKind)
        return [
            ("edition_year", self.pick("届（年份）", "Edition year"), str(deadline.edition_year if deadline else year)),
            ("kind", f"{self.pick('类型', 'Kind')} ({kinds})",
             (deadline.kind if deadline else DeadlineKind.PAPER).pick(self.language) if self.language == "zh"
             else (deadline.kind.value if deadline else "paper")),
            ("when", self.pick("日期或时间（YYYY-MM-DD [HH:MM]）", "Date or time (YYYY-MM-DD [HH:MM]); date only stays date only"), when),
            ("tz_label", self.pick("时区（AoE、UTC+8、PT、IANA）", "Timezone (AoE, UTC+8, PT, an IANA name)"),
             deadline.tz_label if deadline else "AoE"),
            ("label", self.pick("说明", "Label"), deadline.label if deadline else ""),
        ]

    @staticmethod
    def _deadline_values(values: dict[str, str]) -> dict[str, Any]:
        from ...domain.timezones import BadDate, UnknownTimezone, parse_wall, wall_to_utc

        tz = values["tz_label"].strip() or "AoE"
        try:
            wall = parse_wall(values["when"])
            at = wall_to_utc(wall, tz) if isinstance(wall, datetime) else None
        except (BadDate, UnknownTimezone) as error:
            raise ValueError(str(error)) from error
        year = values["edition_year"].strip()
        if not year.isdigit():
            raise ValueError(f"edition year must be a number, not {one_line(year)!r}")
        return {"edition_year": int(year), "kind": DeadlineKind.parse(values["kind"]), "at": at,
                "on_date": None if at is not None else wall, "tz_label": tz, "label": values["label"]}

    def action_add_deadline(self) -> None:
        venue = self.selected_venue()
        if venue is None:
            return

        def save(values: dict[str, str]) -> Any:
            fields = self._deadline_values(values)
            year, kind = fields.pop("edition_year"), fields.pop("kind")
            return venue_cases.add_deadline(self.store, venue.key, year, kind, **fields)

        day = self.chosen_day()  # on the month grid: on the day its cursor is on
        year = day.year if day is not None else datetime.now().year + 1
        title = self.pick("添加截稿：", "Add a deadline: ") + one_line(venue.name)
        self._open(FormModal(title, self._deadline_fields(None, year, day), save),
                   self.pick("已添加", "Deadline added"))

    def _edit_deadline(self, deadline: "Deadline") -> None:
        def save(values: dict[str, str]) -> Any:
            # Saved elsewhere since it was shown: refused with a message, never overwritten.
            return venue_cases.update_deadline(self.store, deadline.id, deadline.version, **self._deadline_values(values))

        self._open(FormModal(self.pick("编辑截稿", "Edit deadline"), self._deadline_fields(deadline, deadline.edition_year), save),
                   self.pick("已保存（导入不会覆盖）", "Saved (imports keep your edit)"))

    def action_delete_deadline(self) -> None:
        detail = self.query_one("#venue-detail", OptionList)
        option = detail.highlighted_option
        if not detail.has_focus or option is None or not (option.id or "").startswith("deadline-"):
            self.notify(self.pick("先在详情中选中一个截稿", "Highlight a deadline in the detail first"), severity="warning")
            return
        from ..widgets.panel import literal
        from .choice import confirm_dialog

        from .undo_key import deleted_message

        deadline_id = int(option.id.removeprefix("deadline-"))
        shown = option.prompt if isinstance(option.prompt, Text) else literal(str(option.prompt))
        venue = self.selected_venue()
        name = f"{venue.name + ' ' if venue is not None else ''}{shown.plain.strip()}"

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    venue_cases.delete_deadline(self.store, deadline_id)
                except StoreError as error:
                    self.notify(str(error), severity="error", markup=False)
                    return
                self.notify(deleted_message(self, name), markup=False)
                self.reload_view()

        # Ask first (`x` again confirms); `u` undoes.
        question = literal(self.pick("删除这个截稿日期？\n", "Delete this deadline?\n"), single_line=False)
        question.append_text(literal(name, "bold"))
        self.app.push_screen(confirm_dialog(question, yes=("删除", "Delete"), yes_keys="y,x"), answered)

    def action_undo(self) -> None:
        from ...usecases.undo import VENUES
        from .undo_key import undo_on

        undo_on(self, VENUES, self.reload_view)

    def action_import_files(self) -> None:
        from .import_dialog import ImportDialog

        self.app.push_screen(ImportDialog("deadlines"), lambda _plan: self.reload_view())
