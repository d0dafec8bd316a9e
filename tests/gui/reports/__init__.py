"""GUI tests of the Reports page."""
