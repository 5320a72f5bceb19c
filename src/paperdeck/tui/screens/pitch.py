"""Pitch: the guide's five-part, 5-8 minute paper pitch, per paper.

Each part has its editor with the guide's prompt and example beside it; counts and speaking
time update as you type; a rehearsal stopwatch takes a lap per part. Text is saved within a
second of the last keystroke, when you leave the screen or switch paper, and on quit.
"""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Digits, Footer, Header, Select, Static, TextArea
from textual.widgets.select import InvalidSelectValueError

from ...models.common import utcnow
from ...models.pitch import Lap, PitchPart
from ...paths import package_resource
from ...domain.rehearsal import Stopwatch
from ...domain.speaking import (
    Rates, count_speech, estimate_pitch, format_duration, pitch_markdown, rates_from_laps,
)
from ..widgets.gauge import SpeakingGauge
from ..widgets.panel import literal
from .base import PaperdeckScreen
from ..widgets.safe_text import SafeTextArea

AUTOSAVE_SECONDS = 0.6
SNAPSHOT_EVERY = timedelta(minutes=5)


class PitchScreen(PaperdeckScreen):
    CSS_PATH = package_resource("styles") / "pitch.tcss"
    BINDINGS = [
        Binding("f5,ctrl+r", "rehearse", "Rehearse/lap", id="pitch.rehearse", priority=True,
                tooltip="Start a rehearsal; again to end the current part's lap"),
        Binding("f6", "stop_rehearsal", "Stop", id="pitch.stop", priority=True,
                tooltip="Stop the rehearsal and save the run"),
        Binding("f7", "history", "History", id="pitch.history", priority=True,
                tooltip="Version history: restore any earlier version"),
        Binding("f8", "export", "Export .md", id="pitch.export", priority=True,
                tooltip="Write the pitch as Markdown to a file (asks where: pitch-<id>.md here by default)"),
        Binding("f9", "copy", "Copy", id="pitch.copy", priority=True,
                tooltip="Copy the pitch as Markdown to the clipboard"),
        Binding("escape", "leave_editor", "Leave editor", id="pitch.leave", show=False,
                tooltip="Leave the editor (letters then act as keys)"),
        Binding("r", "rehearse", "Rehearse", id="pitch.rehearse-letter", show=False,
                tooltip="Outside an editor: start a rehearsal / next lap"),
        Binding("h", "history", "History", id="pitch.history-letter", show=False,
                tooltip="Outside an editor: version history"),
        Binding("y", "copy", "Copy", id="pitch.copy-letter", show=False,
                tooltip="Outside an editor: copy the pitch as Markdown"),
        Binding("left_square_bracket", "cycle_paper(-1)", "Previous paper", id="pitch.prev", show=False,
                tooltip="Outside an editor: the previous paper"),
        Binding("right_square_bracket", "cycle_paper(1)", "Next paper", id="pitch.next", show=False,
                tooltip="Outside an editor: the next paper"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.paper_id: int | None = None
        self.parts: list[PitchPart] = []
        self.dirty: set[str] = set()
        self.save_timer: Timer | None = None
        self.stopwatch: Stopwatch | None = None
        self.tick_timer: Timer | None = None
        self.rates = Rates()
        self.texts: dict[str, str] = {}  # mirrors the editors: saving on quit needs no DOM

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="pitch-top"):
            yield Select[int]([], prompt="Paper", id="pitch-paper", allow_blank=True)
            yield SpeakingGauge(id="pitch-gauge")
        with Horizontal(id="pitch-body"):
            self.parts = self.store.pitches.parts()
            with VerticalScroll(id="pitch-parts"):
                for number, part in enumerate(self.parts, start=1):
                    with Vertical(classes="part"):
                        yield Static(id=f"head-{number}", classes="part-head")
                        with Horizontal(classes="part-row"):
                            yield Static(id=f"prompt-{number}", classes="part-prompt")
                            yield SafeTextArea(id=f"editor-{number}", classes="part-editor", soft_wrap=True)
            with Vertical(id="pitch-rehearsal"):
                yield Static(id="pitch-rehearsal-title")
                yield Digits("0:00", id="pitch-timer")
                yield Static(id="pitch-laps")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    # -- data -------------------------------------------------------------------------------

    def refresh_data(self) -> None:
        papers = self.store.papers.all()
        select = self.query_one("#pitch-paper", Select)
        options = [(literal(paper.title[:80] or f"#{paper.id}"), paper.id) for paper in papers]
        with self.prevent(Select.Changed):
            select.set_options(options)
            ids = [paper.id for paper in papers]
            if self.paper_id not in ids:
                self.paper_id = self._initial_paper(papers)
            if self.paper_id is not None:
                select.value = self.paper_id
        self.rates = self._rates()
        if not self.dirty:
            self._load_paper()
        self._render_prompts()
        self._update_counts()
        self._render_rehearsal()

    def _initial_paper(self, papers) -> int | None:
        """The paper pitched last time, else the one most recently worked on."""
        remembered = self.store.settings.load().pitch_paper_id
        if any(paper.id == remembered for paper in papers):
            return remembered
        latest = max(papers, key=lambda p: (p.updated_at or p.created_at, p.id), default=None)
        return latest.id if latest else None

    def show_item(self, item: str) -> None:
        if item.isdigit():
            self._switch_paper(int(item))

    def _rates(self) -> Rates:
        defaults = self.store.settings.load().speaking_rates()
        laps = [lap for run in self.store.pitches.rehearsals() for lap in run.laps]
        return rates_from_laps(laps, defaults)

    def _load_paper(self) -> None:
        bodies = self.store.pitches.bodies(self.paper_id) if self.paper_id is not None else {}
        for number, part in enumerate(self.parts, start=1):
            editor = self.query_one(f"#editor-{number}", TextArea)
            text = bodies.get(part.key, "")
            self.texts[part.key] = text
            if editor.text != text:
                editor.load_text(text)
            editor.disabled = self.paper_id is None

    def _render_prompts(self) -> None:
        for number, part in enumerate(self.parts, start=1):
            prompt = Text()
            other = part.en if self.language == "zh" else part.zh
            prompt.append_text(literal(other, "bold"))
            example = part.example(self.language)
            if example:
                prompt.append("\n")
                prompt.append("例：" if self.language == "zh" else "e.g. ", style="dim")
                prompt.append_text(literal(example, "italic"))
            self.query_one(f"#prompt-{number}", Static).update(prompt)

    def _texts(self) -> dict[str, str]:
        return {part.key: self.texts.get(part.key, "") for part in self.parts}

    def _update_counts(self) -> None:
        estimate = estimate_pitch(self._texts(), self.rates, self.store.pitches.target_minutes())
        for number, (part, part_estimate) in enumerate(zip(self.parts, estimate.parts), start=1):
            head = Text(f"{number}. ", style="bold")
            head.append_text(literal(part.title(self.language), "bold"))
            head.append(f"   {format_duration(part_estimate.seconds)} · {part_estimate.share:.0%}", style="cyan")
            count = part_estimate.count
            unit = "字" if self.language == "zh" else "CJK"
            head.append(f" · {count.words} {'词' if self.language == 'zh' else 'words'} · {count.cjk_chars} {unit}", style="dim")
            self.query_one(f"#head-{number}", Static).update(head)
        self.query_one("#pitch-gauge", SpeakingGauge).show(estimate, self.language)
        if self.paper_id is None:
            self.query_one("#pitch-gauge", SpeakingGauge).show_message(Text(self.pick(
                "还没有论文：先在论文流程（2）中添加一篇。", "No papers yet: add one on the Pipeline screen (2) first.")))

    # -- editing and autosave ---------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.paper_id is None or not (event.text_area.id or "").startswith("editor-"):
            return
        number = int((event.text_area.id or "editor-0").split("-")[1])
        key = self.parts[number - 1].key
        if self.texts.get(key) == event.text_area.text:
            return  # a load, not an edit
        self.texts[key] = event.text_area.text
        self.dirty.add(key)
        self._update_counts()
        if self.save_timer is not None:
            self.save_timer.stop()
        self.save_timer = self.set_timer(AUTOSAVE_SECONDS, self.flush)

    def flush(self, *, snapshot: bool = False) -> None:
        """Write the edited parts now (and take a version when asked or when one is due)."""
        if self.save_timer is not None:
            self.save_timer.stop()
            self.save_timer = None
        if self.paper_id is None:
            return
        from ...store import StoreError

        try:
            if self.dirty:
                texts = self._texts()
                self.store.pitches.save_sections(self.paper_id, {key: texts[key] for key in self.dirty if key in texts})
                self.dirty.clear()
            self.store.pitches.snapshot(self.paper_id, min_interval=None if snapshot else SNAPSHOT_EVERY)
        except StoreError as error:
            # The text stays in the editor and stays dirty: the next autosave retries.
            self.notify(str(error), title=self.pick("未保存", "Not saved"), severity="error", markup=False)
            if self.save_timer is None and self.dirty and self.is_mounted:
                self.save_timer = self.set_timer(5, self.flush)

    def on_select_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, int):
            self._switch_paper(event.value)

    def _switch_paper(self, paper_id: int) -> None:
        if paper_id == self.paper_id:
            return
        self.flush(snapshot=True)
        self._cancel_rehearsal()
        self.paper_id = paper_id
        self.store.settings.update(pitch_paper_id=paper_id)
        select = self.query_one("#pitch-paper", Select)
        with self.prevent(Select.Changed):
            try:
                select.value = paper_id
            except InvalidSelectValueError:  # not among the options (deleted meanwhile)
                pass
        self._load_paper()
        self._update_counts()
        self._render_rehearsal()

    def action_cycle_paper(self, step: int) -> None:
        ids = [paper.id for paper in self.store.papers.all()]
        if not ids:
            return
        index = ids.index(self.paper_id) if self.paper_id in ids else -step
        self._switch_paper(ids[(index + step) % len(ids)])

    def action_leave_editor(self) -> None:
        self.query_one("#pitch-paper", Select).focus()

    def on_screen_suspend(self) -> None:
        self.flush(snapshot=True)

    def on_unmount(self) -> None:
        self.flush(snapshot=True)

    # -- rehearsal --------------------------------------------------------------------------

    def action_rehearse(self) -> None:
        if self.paper_id is None:
            self.notify(self.pick("没有论文可排练", "No paper to rehearse"), severity="warning")
            return
        if self.stopwatch is None or not self.stopwatch.running:
            self.stopwatch = Stopwatch([part.key for part in self.parts])
            self.stopwatch.start()
            self.tick_timer = self.set_interval(0.25, self._render_rehearsal)
        elif self.stopwatch.lap():
            self._finish_rehearsal()
            return
        self._focus_current_part()
        self._render_rehearsal()

    def action_stop_rehearsal(self) -> None:
        if self.stopwatch is not None and self.stopwatch.running:
            self._finish_rehearsal()

    def _finish_rehearsal(self) -> None:
        assert self.stopwatch is not None and self.paper_id is not None
        started = self.stopwatch.started_at or utcnow()
        total = self.stopwatch.elapsed_ms()
        texts = self._texts()
        laps = []
        for key, ms in self.stopwatch.stop():
            count = count_speech(texts.get(key, ""))
            laps.append(Lap(key, ms, count.words, count.cjk_chars))
        self._stop_ticking()
        if laps:
            self.store.pitches.add_rehearsal(self.paper_id, started, laps, total)
            self.rates = self._rates()
            self.notify(self.pick(f"排练已保存：{format_duration(total / 1000)}", f"Rehearsal saved: {format_duration(total / 1000)}"))
        self._update_counts()
        self._render_rehearsal()

    def _cancel_rehearsal(self) -> None:
        if self.stopwatch is not None:
            self.stopwatch.stop()
        self._stop_ticking()

    def _stop_ticking(self) -> None:
        if self.tick_timer is not None:
            self.tick_timer.stop()
            self.tick_timer = None

    def _focus_current_part(self) -> None:
        if self.stopwatch is not None and self.stopwatch.current_key is not None:
            number = self.stopwatch.current_index + 1
            self.query_one(f"#head-{number}", Static).scroll_visible()

    def _render_rehearsal(self) -> None:
        timer = self.query_one("#pitch-timer", Digits)
        low, high = self.store.pitches.target_minutes()
        watch = self.stopwatch
        running = watch is not None and watch.running
        elapsed = watch.elapsed_ms() / 1000 if running and watch else 0.0
        timer.update(format_duration(elapsed))
        timer.set_class(running and elapsed >= high * 60, "over")
        timer.set_class(running and high * 60 - 60 <= elapsed < high * 60, "near-end")
        timer.set_class(running and low * 60 <= elapsed < high * 60 - 60, "in-range")
        title = self.query_one("#pitch-rehearsal-title", Static)
        if running and watch:
            current = self.parts[watch.current_index] if watch.current_index < len(self.parts) else None
            text = Text(self.pick("排练中 · ", "Rehearsing · "), style="bold")
            if current:
                text.append_text(literal(current.title(self.language)))
            title.update(text)
        else:
            key = self.key_hint("rehearse")
            title.update(Text(self.pick(f"排练：{key} 开始，每部分再按 {key}", f"Rehearsal: {key} to start, {key} per part"), style="dim"))
        laps_text = Text()
        laps = list(watch.laps) if running and watch else []
        if running and watch and watch.current_key:
            laps.append((watch.current_key, watch.lap_ms()))
        names = {part.key: part.title(self.language) for part in self.parts}
        for index, (key, ms) in enumerate(laps, start=1):
            laps_text.append(f"{index}. {format_duration(ms / 1000):>5}  ", style="bold" if index == len(laps) and running else "")
            laps_text.append_text(literal(names.get(key, key)[:18]))
            laps_text.append("\n")
        runs = self.store.pitches.rehearsals(self.paper_id) if self.paper_id is not None else []
        if runs:
            laps_text.append(self.pick(f"\n上次 {format_duration(runs[0].total_ms / 1000)} · 共 {len(runs)} 次",
                                       f"\nLast run {format_duration(runs[0].total_ms / 1000)} · {len(runs)} runs"), style="dim")
        self.query_one("#pitch-laps", Static).update(laps_text)

    # -- history, export, copy --------------------------------------------------------------

    def action_history(self) -> None:
        if self.paper_id is None:
            return
        from .pitch_history import history_dialog

        self.flush(snapshot=True)
        self.app.push_screen(history_dialog(self.store.pitches.versions(self.paper_id), self.language), self._restore)

    def _restore(self, version_id: int | None) -> None:
        if version_id is None:
            return
        self.store.pitches.restore(version_id)
        self.dirty.clear()
        self._load_paper()
        self._update_counts()
        self.notify(self.pick("已恢复所选版本", "Version restored (the previous text is in the history)"))

    def markdown(self) -> str:
        title = self.store.papers.get(self.paper_id).title if self.paper_id is not None else "Pitch"
        texts = self._texts()
        estimate = estimate_pitch(texts, self.rates, self.store.pitches.target_minutes())
        parts = [(part.zh, part.en, texts[part.key]) for part in self.parts]
        return pitch_markdown(title, parts, estimate)

    def action_export(self) -> None:
        if self.paper_id is None:
            return
        from pathlib import Path

        from .save_dialog import SaveFileDialog

        self.flush()
        dialog = SaveFileDialog(("导出讲稿（Markdown）", "Export the pitch (Markdown)"),
                                Path.cwd() / f"pitch-{self.paper_id}.md", self.markdown(), self.store.path)

        def exported(path: Path | None) -> None:
            if path is not None:
                self.notify(self.pick(f"已导出到 {path}", f"Exported to {path}"), markup=False)

        self.app.push_screen(dialog, exported)

    def action_copy(self) -> None:
        if self.paper_id is None:
            return
        from ..clipboard import copy_text

        self.flush()
        copy_text(self.app, self.markdown())
