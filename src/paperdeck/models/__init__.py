"""Plain dataclasses shared by the store, the services and the UI. No I/O here."""
