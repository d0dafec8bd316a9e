"""The GUI's own terminal listener: control of its child process and its signals."""
