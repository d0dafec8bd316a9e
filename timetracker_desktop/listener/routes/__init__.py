"""The listener's HTTP routes, one module per client kind."""
