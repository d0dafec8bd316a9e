"""Main-window pages, one module per page."""
