"""Run the command line as ``python -m skillprofiles``."""

from skillprofiles.cli import main

raise SystemExit(main())
