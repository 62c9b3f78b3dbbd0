"""`python -m lib.build`: the command the README and the contract name; the build itself is lib/warehouse/build.py.

Before building it refuses a target the build did not write (lib/warehouse/owner.py) unless --force says the user
means it: a mistyped INDICATORS_DB must not replace somebody's file."""
import sys

from lib.errors import WarehouseError
from lib.paths import warehouse_path
from lib.warehouse.build import main
from lib.warehouse import owner


def guarded_main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        target = warehouse_path()
    except WarehouseError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    refused = owner.refusal(target)
    if refused and "--force" not in argv:
        print(f"Left alone: {owner.explain(*refused)} (path {target}, from INDICATORS_DB). Set INDICATORS_DB to "
              "another path; if you are sure this file may be replaced, run `python -m lib.build --force`.",
              file=sys.stderr)
        return 1
    return main(argv)


if __name__ == "__main__":
    sys.exit(guarded_main())
