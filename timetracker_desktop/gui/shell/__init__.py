"""The application shell: start-up, main window, page registry, status bar and Help menu."""
