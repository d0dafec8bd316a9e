"""USB NFC desk reader over PC/SC (pyscard)."""
