"""Hook mode: which of the files a git hook names are articles to check.

pre-commit (and lefthook, husky, lint-staged) name the staged files one by one. A file
named on the command line is normally checked whatever its name; with `--force-exclude`
(ruff's and black's word) the config's `include` and `exclude` decide for it too, as they
do for files found in folders. `--hook` implies that, and also skips files that are gone
(deleted or renamed away), symbolic links, binary and oversized files with a note instead
of an error, so that a commit never fails on a file that is no article.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path


def outside_globs(path: str, settings) -> str | None:
    """A note saying why the config leaves `path` out, or None when it is to be checked.

    The same test as for files found in folders: any folder or file name in the path
    (below the config's folder) matching an `exclude` glob excludes it, and the file name
    must match an `include` glob.
    """
    for part in _relative_parts(Path(path), settings.root):
        for glob in settings.exclude:
            if fnmatch.fnmatch(part, glob):
                return f"skipped: excluded by the config (`{glob}`)"
    name = Path(path).name
    if not any(fnmatch.fnmatch(name, glob) for glob in settings.include):
        return f"skipped: not matched by the config's include globs ({' '.join(settings.include)})"
    return None


def gone_or_link(path: str) -> str | None:
    """A note for a named file that is not there to check, or is a symbolic link."""
    if os.path.islink(path):
        return "skipped: symbolic link (the file it points to is checked under its own name)"
    if not os.path.exists(path):
        return "skipped: no such file (deleted or renamed in this commit?)"
    return None


def _relative_parts(p: Path, root: Path | None) -> tuple[str, ...]:
    """The path's names below `root` (or the current folder), without `.`/`..`/the anchor."""
    absolute = Path(os.path.abspath(p))
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            return absolute.relative_to(os.path.abspath(base)).parts
        except ValueError:
            continue
    return tuple(part for part in p.parts if part not in (".", "..", p.anchor))
