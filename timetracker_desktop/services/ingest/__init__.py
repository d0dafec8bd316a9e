"""Taps arriving from terminals: scans, challenges, phone keys and terminal enrollment."""
