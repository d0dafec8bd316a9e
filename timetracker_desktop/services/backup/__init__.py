"""Backups: make, restore and the automatic schedule."""
