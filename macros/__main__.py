"""``python -m macros``: the command line (``check``, ``new``); see ``macros.core.cli``."""
from __future__ import annotations

import sys

from .core.cli import main

if __name__ == "__main__":
    sys.exit(main())
