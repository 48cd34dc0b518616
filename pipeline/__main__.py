"""``python -m pipeline`` is the ``kocurate`` command (useful under spark-submit)."""

import sys

from pipeline.cli import main

sys.exit(main())
