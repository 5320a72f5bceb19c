"""Pure rules: time zones, editions and deadlines, estimates, the backward plan, FSRS scheduling,
speaking time, templates, parsers and renderers, validation. No I/O, no SQLite, no Textual:
everything here takes plain values and models and returns them."""
