"""Database care: health figures, integrity checks, optimisation and the purge of expired scan receipts."""
