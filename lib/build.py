"""`python -m lib.build`: the command the README and the contract name; the build itself is lib/warehouse/build.py."""
import sys

from lib.warehouse.build import main

if __name__ == "__main__":
    sys.exit(main())
