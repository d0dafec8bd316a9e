"""TimeTracker Desktop: on-site time and attendance for the office PC."""

__version__ = "0.1.0"
