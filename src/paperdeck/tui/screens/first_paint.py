"""A screen shown for the first time draws nothing until its data is shown, for a moment.

Its empty shell drawn first costs a whole frame (and a second layout once the data arrives) on
the UI thread while the worker reads the view, and both hold the interpreter's lock the read
needs: the frame with the data came 40-60 ms later for it (Venues at medium). So the first
showing keeps the previous screen on the terminal until the first view is shown (or failed),
or until FIRST_PAINT_WAIT has passed: a slow read (a large database) shows the shell by then.
The app's first screen too: the terminal stays blank that long at most (the shell drawn first
cost the Dashboard's first frame with data ~40 ms of CPU at medium, and its read started after it).
Layout, focus and every handler run as usual; only the drawing to the terminal waits. The
footer's keys, composed only once the view is shown (they depend on it), are built right after
that first frame.
"""

from __future__ import annotations

import asyncio

from textual.screen import Screen

FIRST_PAINT_WAIT = 0.25  # seconds after the first view was asked for


class FirstPaint(Screen):
    """Mixed into PaperdeckScreen before Screen."""

    loads_view = False  # PaperdeckScreen: True for a screen whose data comes as a view
    _first_view_shown = False
    _paint_held = False
    _paint_whole = False  # the next paint draws all of the screen (nothing of it was drawn)
    _hold_for_next_view = False  # a re-used screen: nothing drawn until its next view is shown
    _footer_built: asyncio.Event | None = None  # set once the footer that waited is built
    _footer_due = False  # the footer waits for the next paint

    def first_paint_waits(self) -> bool:
        """True until the first view is shown (or failed). The footer is built then too
        (QuietFooter), with the keys the view leaves."""
        return self.loads_view and not self._first_view_shown

    def hold_paint_for_next_view(self) -> None:
        """A screen built before and shown again for something new (a review session): draw
        nothing of what it showed before, until its next view is shown (or FIRST_PAINT_WAIT)."""
        self._hold_for_next_view = True
        self.hold_first_paint()

    def hold_first_paint(self) -> None:
        """Draw nothing until the first view is shown, or FIRST_PAINT_WAIT from now."""
        if self._paint_held or not (self.first_paint_waits() or self._hold_for_next_view):
            return
        self._paint_held = True
        self.set_timer(FIRST_PAINT_WAIT, self._first_paint_due, name="first paint")

    async def built_ahead(self) -> None:
        """Built hidden, ahead of its first showing (built_ahead.py): its footer now, not then;
        `hold_paint_for_next_view` keeps what it shows from being drawn before its view."""
        await self.first_view_shown()
        await self._build_footer()

    async def first_view_shown(self) -> None:
        """The first view is shown (or failed): draw the screen, then build the footer."""
        if self._hold_for_next_view:
            self._hold_for_next_view = False
            if self._first_view_shown:
                await self._first_paint_due()
        if not self._first_view_shown:
            self._first_view_shown = True
            await self._first_paint_due()

    async def _first_paint_due(self) -> None:
        if self._paint_held:
            self._paint_held = False
            self._paint_whole = True
            self.refresh()  # a paint soon, if no layout brings one first
        if not self.first_paint_waits() and self._footer_built is None:  # else the read is slow: the footer waits for it
            # The footer's keys are ~15 widgets, each built and styled (13-18 ms at medium): they
            # come in the frame after the one showing the data, not before it.
            self._footer_built = asyncio.Event()
            self._footer_due = True
            if not self._paint_whole:  # the read was slow: the shell is drawn; the data's paint comes
                self.call_after_refresh(self._build_footer)  # (or the paint below, if it comes first)

    async def _build_footer(self) -> None:
        from ..widgets.footer import QuietFooter

        if not self._footer_due:
            return
        self._footer_due = False
        try:
            for footer in self.query(QuietFooter):
                await footer.build_if_waited()
        finally:
            if self._footer_built is not None:
                self._footer_built.set()

    async def footer_ready(self) -> None:
        """Wait until the footer that waited for the first view is built: for tests."""
        if self._footer_built is not None and self.is_current:
            await self._footer_built.wait()

    def _compositor_refresh(self) -> None:
        if self._paint_held:
            return  # what became dirty meanwhile stays dirty: drawn with the whole screen
        if self._paint_whole and self.is_current:
            self._paint_whole = False
            self._repaint_required = False  # this paint is the whole screen: no second one
            self._compositor._dirty_regions.add(self._compositor.size.region)  # a full update
        super()._compositor_refresh()
        if self.is_current and self._footer_due:
            self.call_later(self._build_footer)  # the frame with the view is drawn
