"""The accountant's timesheet (issue 15): the absences register; later the П-5 codes, hours, closing."""
