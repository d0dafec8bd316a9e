"""Several processes on one database: two real `serve` listeners deciding the same employees' taps."""
