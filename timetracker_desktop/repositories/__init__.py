"""Storage ports (protocols) and their SQL implementation."""
