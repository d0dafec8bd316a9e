"""The listener as a child process of the GUI: the process handle, its line protocol and entry point."""
