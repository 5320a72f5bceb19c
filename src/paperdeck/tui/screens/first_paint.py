"""A screen shown for the first time draws nothing until its data is shown, for a moment.

Its empty shell drawn first costs a whole frame (and a second layout once the data arrives) on
the UI thread while the worker reads the view, and both hold the interpreter's lock the read
needs: the frame with the data came 40-60 ms later for it (Venues at medium). So the first
showing keeps the previous screen on the terminal until the first view is shown (or failed),
or until FIRST_PAINT_WAIT has passed: a slow read (a large database) shows the shell by then.
Layout, focus and every handler run as usual; only the drawing to the terminal waits.
"""

from __future__ import annotations

from textual.screen import Screen

FIRST_PAINT_WAIT = 0.25  # seconds after the first view was asked for


class FirstPaint(Screen):
    """Mixed into PaperdeckScreen before Screen."""

    _paint_held = False
    _paint_whole = False  # the next paint draws all of the screen (nothing of it was drawn)

    def hold_first_paint(self) -> None:
        """Draw nothing until `release_first_paint`, or FIRST_PAINT_WAIT from now. Not for the
        app's first screen: its first frame is the app's first frame (the terminal is blank)."""
        if self._paint_held or not self.app._dom_ready:
            return
        self._paint_held = True
        self.set_timer(FIRST_PAINT_WAIT, self.release_first_paint, name="first paint")

    def release_first_paint(self) -> None:
        if self._paint_held:
            self._paint_held = False
            self._paint_whole = True
            self.refresh()  # a paint soon, if no layout brings one first

    def _compositor_refresh(self) -> None:
        if self._paint_held:
            return  # what became dirty meanwhile stays dirty: drawn with the whole screen
        if self._paint_whole and self.is_current:
            self._paint_whole = False
            self._repaint_required = False  # this paint is the whole screen: no second one
            self._compositor._dirty_regions.add(self._compositor.size.region)  # a full update
        super()._compositor_refresh()
