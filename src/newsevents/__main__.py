"""``python -m newsevents``: the same as the ``newsevents`` command."""

import sys

from newsevents.cli import main

sys.exit(main())
