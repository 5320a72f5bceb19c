"""A screen switch draws once the new screen is ready, not 50 ms later.

Textual's `switch_mode` calls `delay_update()`: no frame for 50 ms, "to mask a brief
transition". Every screen switch (1-6) drew 50 ms late, most of its time: the new screen's own
work is ~10-15 ms. Here the hold ends as soon as the screen shown has handled its ScreenResume
(styles, focus, the decision to re-read: `PaperdeckScreen.on_screen_resume`) and, when it
re-reads, once that view is shown; Textual's 50 ms stays the longest hold, so nothing is drawn
earlier than the screen is ready and nothing waits longer than before.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App


class SwitchDelay(App):
    """Mixed into PaperdeckApp before App."""

    _switch_holds: list[Callable[[], None]] | None = None  # the ends of the holds not yet ended

    def delay_update(self, delay: float = 0.05) -> None:
        self._begin_batch()
        ended = False
        holds = self._switch_holds = self._switch_holds or []

        def end_batch() -> None:  # the timer's, or `end_switch_delay`'s: whichever comes first
            nonlocal ended
            if ended:
                return
            ended = True
            if end_batch in holds:
                holds.remove(end_batch)
            self._end_batch()
            if not self._batch_count:
                self.screen.refresh()

        holds.append(end_batch)
        self.set_timer(delay, end_batch, name="delay_update")

    def end_switch_delay(self) -> None:
        """The screen in view is ready to be drawn: end the switches' holds now."""
        for end in list(self._switch_holds or ()):
            end()
