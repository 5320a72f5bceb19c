"""Pure logic: no Textual, no SQLite."""
