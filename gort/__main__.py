"""`python -m gort` is the `gort` command."""

from gort.cmd.gort.main import main

raise SystemExit(main())
