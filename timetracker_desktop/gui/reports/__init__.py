"""The Reports page: filters, table, charts, words, export and printing."""
