"""Golden tests of the reports: a hand-computed data set through every report and export format."""
