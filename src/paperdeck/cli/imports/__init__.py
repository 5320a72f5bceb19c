"""Import formats: one module per KIND of `paperdeck import KIND`."""
