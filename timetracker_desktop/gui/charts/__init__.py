"""pyqtgraph chart wrappers."""
