"""Unit tests of the services over the fake storage (a package, so its conftest has a module name)."""
