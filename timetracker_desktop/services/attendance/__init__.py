"""Punches as stored, corrections, the event log, the unassigned queue, presence and worktime."""
