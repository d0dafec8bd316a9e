"""GUI tests: real widgets offscreen, both databases, InlineTaskRunner or waitSignal (never sleep)."""
