"""Entry point for ``python -m timetracker_desktop``."""

from timetracker_desktop.cli import main

raise SystemExit(main())
