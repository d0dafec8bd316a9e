"""Moving from the legacy TimeTracker API server."""
