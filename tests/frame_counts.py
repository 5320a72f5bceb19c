"""What a key costs the UI thread, counted: layouts, restyles, and the widgets each frame renders."""

from __future__ import annotations

from textual.widget import Widget


def count_layouts_and_restyles(app, screen) -> dict[str, list]:
    """Spies on `screen`'s layouts and the app's restyles of its widgets (what a key costs)."""
    seen: dict[str, list] = {"layouts": [], "restyled": []}
    lay_out, restyle = screen._refresh_layout, app.update_styles

    def counted_layout(*args, **kwargs):
        seen["layouts"].append(args)
        return lay_out(*args, **kwargs)

    def counted_restyle(node, *args, **kwargs):
        if node is not screen and node.is_attached and node.screen is screen:
            seen["restyled"].append(node)
        return restyle(node, *args, **kwargs)

    screen._refresh_layout, app.update_styles = counted_layout, counted_restyle
    return seen


def widgets_rendered_per_frame(screen, monkeypatch) -> list[set[Widget]]:
    """Spies on `screen`'s frames: for each frame drawn from now on, the widgets it rendered."""
    frames: list[set[Widget]] = []
    compositor = screen._compositor
    render_update, render_lines = compositor.render_update, Widget.render_lines

    def counted_frame(*args, **kwargs):
        frames.append(set())
        return render_update(*args, **kwargs)

    def counted_render(widget, crop):
        if frames and widget.screen is screen:
            frames[-1].add(widget)
        return render_lines(widget, crop)

    monkeypatch.setattr(compositor, "render_update", counted_frame)
    monkeypatch.setattr(Widget, "render_lines", counted_render)
    return frames
