"""Hook mode: which of the files a git hook names are articles to check.

pre-commit (and lefthook, husky, lint-staged) name the staged files one by one. A file
named on the command line is normally checked whatever its name; with `--force-exclude`
(ruff's and black's word) the config's `include` and `exclude` decide for it too, as they
do for files found in folders. `--hook` implies that, and also skips files that are gone
(deleted or renamed away), symbolic links, binary and oversized files with a note instead
of an error, so that a commit never fails on a file that is no article.
"""

from __future__ import annotations

import os


def outside_globs(path: str, settings) -> str | None:
    """A note saying why the config leaves `path` out, or None when it is to be checked:
    the same globs as for files found in folders (workspace.py), relative to the config's folder."""
    from mt_repair.workspace import outside_globs as why

    return why(path, settings)


def gone_or_link(path: str) -> str | None:
    """A note for a named file that is not there to check, or is a symbolic link."""
    if os.path.islink(path):
        return "skipped: symbolic link (the file it points to is checked under its own name)"
    if not os.path.exists(path):
        return "skipped: no such file (deleted or renamed in this commit?)"
    return None
