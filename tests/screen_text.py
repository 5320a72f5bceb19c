"""What a Pilot-driven app shows, as the terminal's lines of text (for geometry and language
checks that do not churn like SVG snapshots)."""

from __future__ import annotations

import io

from rich.console import Console


def screen_lines(app) -> list[str]:
    """The screen in view (dialogs over it included), one string per terminal row, as drawn."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True))  # what export_screenshot draws
    return console.export_text(styles=False).splitlines()[:height]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))


def blank_region(lines: list[str], x: int, y: int, width: int, height: int) -> list[str]:
    """`lines` with the cells of one rectangle (terminal cells, CJK counted as two) blanked."""
    from rich.cells import get_character_cell_size

    out = list(lines)
    for row in range(max(y, 0), min(y + height, len(out))):
        column, kept = 0, []
        for char in out[row]:
            size = get_character_cell_size(char)
            kept.append(" " * size if x <= column < x + width else char)
            column += size
        out[row] = "".join(kept)
    return out
