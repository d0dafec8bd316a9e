"""The Reports page's pyqtgraph charts."""
