"""Terminals: keys, enrollment windows, health and the online overview."""
