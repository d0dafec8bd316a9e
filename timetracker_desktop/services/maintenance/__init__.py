"""Scheduled maintenance: one runner per database (a lease in the database) and the jobs it runs."""
