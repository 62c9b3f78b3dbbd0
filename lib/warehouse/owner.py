"""Whether the build may replace a path: only where nothing exists yet or a warehouse this build wrote (its mark in `meta`).

INDICATORS_DB can name any file; a mistyped path must never cost a user a text file, another database or a device.
"""
from __future__ import annotations

import errno
import stat
from pathlib import Path

import duckdb

MARK_KEY = "written_by"
MARK = "lib.build of the China-US-EU indicators dashboard"
# Warehouses built before the mark existed: their meta holds exactly the build's bookkeeping keys.
_LEGACY_KEYS = {"inputs", "built_at", "row_counts"}

# reason -> English text (data/i18n/common.yaml `owner.<reason>` says it on a page)
ENGLISH = {
    "not_a_file": "{file} is not a regular file (a folder, device, pipe or socket)",
    "not_duckdb": "{file} is not a DuckDB database ({error})",
    "no_mark": "{file} is a DuckDB database that this dashboard's build did not write (no build mark in its meta)",
    "unreadable": "{file} cannot be read to check who wrote it ({error})",
}


def refusal(path: Path) -> tuple[str, dict] | None:
    """None when the build may write `path`; else (reason, values) saying why the file must be left alone.

    `path` should already be resolved (lib.paths.warehouse_path): a symlink is judged by what it points to."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None  # nothing there (or a dangling link): nothing to lose; the build says if it cannot write
    except OSError as exc:
        return "unreadable", {"file": path.name, "error": exc.strerror or type(exc).__name__}
    if not stat.S_ISREG(info.st_mode):
        return "not_a_file", {"file": path.name}  # never opened: reading a device or a pipe can block or never end
    if info.st_size == 0:
        return None  # an empty file holds nothing to lose (e.g. `touch`ed, or a build killed at its first byte)
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            tables = {name for (name,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall()) if "meta" in tables else {}
    except duckdb.Error as exc:
        return "not_duckdb", {"file": path.name, "error": str(exc).splitlines()[0][:120]}
    if meta.get(MARK_KEY) == MARK or _LEGACY_KEYS <= set(meta):
        return None
    return "no_mark", {"file": path.name}


def explain(reason: str, values: dict) -> str:
    """The English sentence for a refusal (logs, the command line)."""
    return ENGLISH[reason].format(**values)


_ADVICE = (  # (errno codes, words of DuckDB's message for the same cause, what to do)
    ((errno.ENOSPC, errno.EDQUOT), "no space left", "Free disk space on that drive, or set INDICATORS_DB to a path on "
                                                    "another drive."),
    ((errno.EROFS,), "read-only file system", "That drive is mounted read-only: set INDICATORS_DB to a path on a "
                                              "writable drive."),
    ((errno.EACCES, errno.EPERM), "permission denied", "Make the folder writable for the user running the dashboard, "
                                                       "or set INDICATORS_DB to a folder that user may write."),
    ((errno.EEXIST, errno.ENOTDIR), "not a directory", "A file stands where a folder of the path should be: move it, or "
                                                       "set INDICATORS_DB to another path."),
    ((), "lock", "Another program holds the warehouse open for writing: close it, then build again."),
)


def write_advice(exc: BaseException) -> str:
    """What to do when writing the warehouse failed, fitting the cause (a full disk is only one of them)."""
    text = f"{getattr(exc, 'strerror', '') or ''} {exc}".lower()
    for codes, words, advice in _ADVICE:
        if getattr(exc, "errno", None) in codes or words in text:
            return advice
    return "Check that the folder exists and can be written, or set INDICATORS_DB to another path."
