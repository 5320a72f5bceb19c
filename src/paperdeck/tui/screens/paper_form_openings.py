"""The paper form's openings: it is built once and shown again for each paper.

Its ~60 widgets are built, styled and laid out at its first opening (~200 ms at medium, half of
it the first frame's layout and drawing); a later opening only fills them (`reopen`). Each
opening (`Opening`) is one paper's: a read started for an earlier opening is dropped when it
lands, and the opener reads what its own opening wrote. Until an opening's fields hold its paper
nothing of the form is drawn: the terminal keeps the board for the ~10 ms of the read (as a
screen's first showing does, first_paint.py); a read slower than FIRST_PAINT_WAIT shows
"Loading…", without the fields. A form built in another language is not reopened (paper_form.py
builds a new one)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from textual import events

from ...models.papers import Paper
from ...usecases.core import StoreError
from ...usecases.paper_form import PaperFormView, paper_form
from .first_paint import FIRST_PAINT_WAIT

FORM_SCREEN = "paper-form"  # the form kept between openings (an installed screen)


@dataclass(eq=False)
class Opening:
    """One opening of the form, for one paper: what its opener reads once it closed."""

    paper_id: int | None  # None: none yet (a form built ahead of its first opening)
    ahead: PaperFormView | None = None  # its view, read ahead by the opener (form_ahead.py): no read
    paper: Paper | None = None  # the version the form edits (newer after a submission)
    wrote: bool = False  # a save, tick, submission or decision was written (the board re-reads)
    closed: bool = False



class Openings:
    """Mixed into PaperFormModal (before its Screen): one opening after another."""

    _fill_unsettled = False  # the fields were just filled: their own updates have not run yet

    # What the opener reads (pipeline_keys.py): this opening's.
    paper_id = property(lambda self: self.opening.paper_id)

    @property
    def paper(self) -> Paper | None:
        return self.opening.paper

    @paper.setter
    def paper(self, paper: Paper | None) -> None:
        self.opening.paper = paper

    @property
    def wrote(self) -> bool:
        return self.opening.wrote

    @wrote.setter
    def wrote(self, wrote: bool) -> None:
        self.opening.wrote = wrote

    def _title(self) -> str:
        return self.pick("论文", "Paper") + f" #{self.paper_id}"

    def can_reopen(self) -> bool:
        """Closed, and its labels are in the app's language."""
        return self.opening.closed and self.is_running and self.built_language == self.language and not self.is_active

    def reopen(self, paper_id: int, ahead: PaperFormView | None = None) -> None:
        """Empty of the last opening, loading `paper_id` (pushed right after; `ahead`: its view,
        read ahead and current). A form built ahead and still mounting starts it once mounted."""
        self.opening = Opening(paper_id, ahead)
        self.restart_typing()  # KeepsTyping: the last opening's draft was closed with it
        if self.fields_ready:
            dialog, title = self.query_one(".dialog"), self._title()
            if dialog.border_title != title:  # setting it draws the whole box again (~36 lines)
                dialog.border_title = title
            self._start_opening()

    def _start_opening(self) -> None:
        self.view, self.loaded = None, {}
        self._shown.clear()
        self._reload()

    def _reload(self) -> None:
        """Read this opening's paper and fill every field from it; meanwhile a save is ignored
        and nothing is drawn (or "Loading…", if the read is slow)."""
        self.reading = True
        opening = self.opening
        ahead, opening.ahead = opening.ahead, None  # once: a reload after a conflict reads
        if ahead is not None and ahead.paper.id == opening.paper_id:
            self.show_loaded(self._show_form, ahead)
            return
        self.set_timer(FIRST_PAINT_WAIT, lambda: self._read_is_slow(opening), name="paper form loading")
        self._load(self._show_form)

    def _read_is_slow(self, opening: Opening) -> None:
        """Still reading: "Loading…" is drawn, without the fields."""
        if opening is self.opening and self.reading and not opening.closed:
            self._show_loading(True)

    def _show_loading(self, loading: bool) -> None:
        if loading != self._loading_shown:
            self._loading_shown = loading
            self.query_one("#form-loading").display = loading
            self.query_one("#form-tabs").display = self.query_one("#form-actions").display = not loading
            self.refresh()

    def dismiss(self, result=None):
        self.opening.closed = True
        return super().dismiss(result)

    async def _on_idle(self, event: events.Idle) -> None:
        if self.reading and not self._loading_shown and self.is_current:
            # Nor is a frame begun: Textual begins one at most every 1/60 s, so a frame begun
            # for nothing while the paper is read (the push, the resume) held the one with the
            # fields back until the next 1/60 s (~10 ms of each opening). What became dirty
            # stays dirty; callbacks run, as after a frame.
            event.prevent_default()
            await self._invoke_and_clear_callbacks()
            return
        if self._fill_unsettled:
            # The fields just filled ask for their repaint and layout from their own tasks, the
            # app restyles (the focus, an error line hidden): they run before the frame begins
            # (Textual's, below), which draws them all, not a stale layout followed by a second frame.
            self._fill_unsettled = False
            for _ in range(2):
                await asyncio.sleep(0)

    def _compositor_refresh(self) -> None:
        if self.reading and not self._loading_shown:
            return  # its fields are not this opening's yet: the screen below stays as drawn
        if self._paint_whole and self.is_current:
            # What became dirty while it was not drawn is drawn with the whole form (first_paint.py).
            self._paint_whole = False
            self._repaint_required = False
            self._compositor._dirty_regions.add(self._compositor.size.region)
        super()._compositor_refresh()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles every widget of a screen shown again (~60 here: ~35 ms at each
        # opening); its styles can only have changed if the theme, the app's pseudo-classes,
        # the CSS or the size did meanwhile (base.py does the same for screens).
        if self._hidden_style_state is not None and self._hidden_style_state == self._style_state():
            event.refresh_styles = False

    def on_screen_suspend(self) -> None:
        self._hidden_style_state = self._style_state()

    def _load(self, then, read=None) -> None:
        """`read(store, paper_id)` for this opening (None: its view), then `then(result)`;
        dropped if the form was closed or opened for another paper meanwhile."""
        opening = self.opening
        read = read or paper_form

        def landed(view: PaperFormView):
            if opening is self.opening and not opening.closed:
                return then(view)
            return None

        def failed(error: StoreError) -> None:
            if opening is self.opening and not opening.closed:
                self._gone(error)

        paper_id = opening.paper_id
        self.load_then(lambda store: read(store, paper_id), landed, name="paper form", failed=failed)

