"""Schedules: cells, codes, holidays, templates and the month grid."""
