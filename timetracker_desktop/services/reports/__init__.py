"""Reports: data, tables, words and the CSV, XLSX and PDF writers."""
