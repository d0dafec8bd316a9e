"""Employees, their badges and import; application users and their passwords."""
