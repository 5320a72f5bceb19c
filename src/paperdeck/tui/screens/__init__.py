"""One screen per module; modals beside them."""
