"""Export formats: one module per KIND of `paperdeck export KIND`."""
