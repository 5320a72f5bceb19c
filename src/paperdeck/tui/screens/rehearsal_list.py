"""A paper's rehearsals, newest first, against the pitch's target: the highlighted run's laps
against each part's share of the target, and a plot of every run's length against the target
band. d deletes the highlighted run, u brings the last deleted back. Dismisses with True when a
run was deleted (the rates and the run count then change), else None."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...domain.pitch_shares import lap_timings, part_targets
from ...domain.speaking import format_duration, minutes_span, target_band
from ...models.pitch import PitchPart, Rehearsal
from ...usecases.core import StoreError
from ...usecases.pitch import delete_rehearsal, rehearsal_list, undo_rehearsal_delete
from ..widgets.plotting import PLOTS, plot_widget
from ..widgets.rehearsal_plots import durations_plot, durations_sparkline, laps_text
from .modal import PaperdeckModal

VERDICT = {"short": ("偏短", "short", "yellow"), "ok": ("达标", "on target", "green"), "long": ("偏长", "long", "red")}


def run_verdict(run: Rehearsal, target_minutes: tuple[float, float]) -> str:
    """'short', 'ok' or 'long': the run's length against the target (the gauge's band)."""
    low, high = target_band(target_minutes)
    seconds = run.total_ms / 1000
    return "short" if seconds < low * 60 else "long" if seconds > high * 60 else "ok"


class RehearsalList(PaperdeckModal[bool]):
    DEFAULT_CSS = """
    RehearsalList > .dialog { width: 84; }
    RehearsalList #runs { height: auto; max-height: 8; }
    RehearsalList #run-laps { margin-top: 1; height: auto; }
    RehearsalList #runs-help { margin-top: 1; height: auto; }
    RehearsalList #runs-plot { margin-top: 1; height: 11; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", id="runs.close", tooltip="Close the list"),
        Binding("d,delete", "delete", "Delete", id="runs.delete", tooltip="Delete the highlighted rehearsal"),
        Binding("u", "undelete", "Undo", id="runs.undo", tooltip="Bring the last deleted rehearsal back"),
    ]

    def __init__(self, paper_id: int, runs: Sequence[Rehearsal], parts: Sequence[PitchPart],
                 target_minutes: tuple[float, float]):
        super().__init__(id="rehearsal-list")
        self.paper_id = paper_id
        self.runs = list(runs)
        self.parts = list(parts)
        self.target_minutes = target_minutes
        self.deleted = 0  # deleted here and not brought back: u undoes that many at most
        self.changed = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog") as box:
            span = minutes_span(self.target_minutes)
            box.border_title = self.pick(f"排练记录（目标 {span} 分钟）", f"Rehearsals (target {span} min)")
            yield OptionList(id="runs")
            yield Static(id="run-laps")
            yield Static(id="runs-help")
            yield plot_widget("runs-plot")

    def on_mount(self) -> None:
        self._show()
        self.query_one("#runs", OptionList).focus()

    def _row(self, run: Rehearsal) -> Text:
        when = run.started_at.astimezone().strftime("%Y-%m-%d %H:%M") if run.started_at else "?"
        stopped = any(lap.partial for lap in run.laps)
        text = Text(f"{when}  ")
        text.append(f"{format_duration(run.total_ms / 1000):>6}", style="bold")
        if not stopped:  # a run stopped part-way is no verdict on the pitch's length
            zh_word, en_word, style = VERDICT[run_verdict(run, self.target_minutes)]
            text.append(f"  {self.pick(zh_word, en_word)}", style=style)
        done = sum(1 for lap in run.laps if not lap.partial)
        total = len(self.parts) or len(run.laps)
        text.append(self.pick(f"  {done}/{total} 部分", f"  {done}/{total} parts"), style="dim")
        if stopped:
            text.append(self.pick("（中途停止）", " (stopped part-way)"), style="dim")
        return text

    def _show(self) -> None:
        listing = self.query_one("#runs", OptionList)
        keep = listing.highlighted or 0
        listing.set_options([Option(self._row(run), id=str(run.id)) for run in self.runs])
        if self.runs:
            listing.highlighted = min(keep, len(self.runs) - 1)
        help_text = Text(self.pick("还没有排练记录。", "No rehearsal yet.") if not self.runs else "", style="dim")
        keys = self.pick(f"{self.key_hint('delete')} 删除 · {self.key_hint('undelete')} 撤销 · Esc 关闭",
                         f"{self.key_hint('delete')} delete · {self.key_hint('undelete')} undo · Esc close")
        help_text.append(("\n" if help_text.plain else "") + keys, style="dim")
        self.query_one("#runs-help", Static).update(help_text)
        self._show_laps()
        plot = self.query_one("#runs-plot")
        plot.display = bool(self.runs)
        if not self.runs:
            return
        if PLOTS:
            durations_plot(plot, self.runs, self.target_minutes, self.pick)
        else:
            plot.update(durations_sparkline(self.runs, self.target_minutes, self.pick))

    def _show_laps(self) -> None:
        """The highlighted run's laps, each against its part's share of the target."""
        index = self.query_one("#runs", OptionList).highlighted
        laps = self.query_one("#run-laps", Static)
        laps.display = index is not None and bool(self.runs)
        if not laps.display:
            return
        targets = part_targets([part.key for part in self.parts], self.target_minutes)
        laps.update(laps_text(lap_timings(self.runs[index].laps, targets), self.parts, self.language))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_laps()

    def action_delete(self) -> None:
        index = self.query_one("#runs", OptionList).highlighted
        if index is None or not self.runs:
            return
        try:
            delete_rehearsal(self.store, self.runs[index].id)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.runs.pop(index)
        self.deleted += 1
        self.changed = True
        self._show()
        self.notify(self.pick("已删除该次排练（u 撤销）", "Rehearsal deleted (u brings it back)"))

    def action_undelete(self) -> None:
        if not self.deleted:
            return
        try:
            undo_rehearsal_delete(self.store)
            self.runs = rehearsal_list(self.store, self.paper_id)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.deleted -= 1
        self._show()

    def action_close(self) -> None:
        self.dismiss(True if self.changed else None)
