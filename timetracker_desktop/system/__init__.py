"""The operating system around the program: Windows integration (drives, firewall, power, registry, mutex)."""
