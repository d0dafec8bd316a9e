"""Card and badge-phone emulators for tests that need real PC/SC traffic."""
