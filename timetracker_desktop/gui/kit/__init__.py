"""Plumbing every page uses: background tasks, errors, formatting, settings, i18n, small widgets."""
