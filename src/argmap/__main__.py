"""Run the command line: ``python -m argmap``."""

import sys

from argmap.cli import main

if __name__ == "__main__":
    sys.exit(main())
