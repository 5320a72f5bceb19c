"""The baseline: a bare Textual app that shows one label (and counts key presses).

Run as `python -m benchmarks.bare_app` in a terminal. Pressing `j` updates the label, which
gives the key-to-frame baseline.
"""

from textual.app import App, ComposeResult
from textual.widgets import Label

READY_TEXT = "bare app ready"


class BareApp(App[None]):
    BINDINGS = [("j", "bump", "Bump")]

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def compose(self) -> ComposeResult:
        yield Label(READY_TEXT, id="label")

    def action_bump(self) -> None:
        self.presses += 1
        self.query_one("#label", Label).update(f"{READY_TEXT}: {self.presses} presses")


if __name__ == "__main__":
    BareApp().run()
