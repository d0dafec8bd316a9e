"""End-to-end tests of the desk reader against a real pcscd with the vpcd virtual reader."""
