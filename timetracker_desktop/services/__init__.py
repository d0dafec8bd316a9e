"""Use cases: the only way the GUI, the listener and the CLI change data."""
