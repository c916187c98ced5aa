"""Which files to check, and with which settings: one place for `check`, `eval` and `translate`.

As ruff does it:
- each file uses the nearest `.mt-repair.toml`, `mt-repair.toml` or `pyproject.toml` with
  `[tool.mt-repair]` in its folder or above, whatever the order of the paths given; `extend`
  inherits from another config; `--config` takes the place of all of them and `--isolated`
  of none; CLI selection flags (`--select`, `--ignore`, ...) apply on top of each file's config;
- `include`, `exclude` and `per-file-ignores` are .gitignore-style globs relative to the
  folder of the config that defines them: a bare name (`drafts`, `*.md`) matches at any
  depth, a glob with a `/` (`archive/2019`, `archive/*`, `**/drafts/*`) from that folder;
- walking folders skips hidden files and folders and what `.gitignore` files ignore
  (`--no-respect-gitignore`, `respect-gitignore = false`); files named on the command line
  are checked whatever their name (unless `--force-exclude`).

Light to import (the git hook starts here): pathspec and the config load lazily.
"""

from __future__ import annotations

import argparse
import os
import stat
from collections.abc import Callable, Iterator
from functools import lru_cache
from collections import namedtuple
from pathlib import Path


class UsageError(Exception):
    """A mistake on the command line or in a config: message and exit 2, never a traceback."""


# -- options shared by every command that runs the checker ----------------------------------
def add_settings_arguments(p: argparse.ArgumentParser, selection: bool = True) -> None:
    """The options `Workspace.from_args` reads."""
    if selection:
        p.add_argument("--select", default=None, metavar="CODES",
                       help="comma-separated codes, prefixes, names or categories; replaces the configs' "
                            "selection, their ignores included")
        p.add_argument("--ignore", default=None, metavar="CODES", help="comma-separated codes, prefixes, names or categories to skip")
        p.add_argument("--extend-select", default=None, metavar="CODES",
                       help="add to the configured selection (even rules a config ignores)")
        p.add_argument("--extend-ignore", default=None, metavar="CODES", help="like --ignore (ruff's alias): skip these too")
    else:
        p.set_defaults(select=None, ignore=None, extend_select=None, extend_ignore=None)
    p.add_argument("--config", type=Path, default=None, metavar="FILE", help="config file for every file (default: each file's "
                   "nearest .mt-repair.toml, mt-repair.toml or pyproject.toml with [tool.mt-repair])")
    p.add_argument("--isolated", action="store_true", help="ignore all config files")
    p.add_argument("--glossary", action="append", type=Path, default=[], metavar="FILE",
                   help="an extra glossary (TSV; repeat for more)")
    p.add_argument("--no-hunspell", action="store_true", help="do not use hunspell dictionaries")
    p.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false", default=True,
                   help="in folders, also check files that .gitignore files ignore")


def load_cli_settings(args, anchor: Path):
    """The settings for one file or folder (`anchor`): for commands that take one input."""
    return Workspace.from_args(args).settings_for(anchor if anchor.exists() else Path.cwd())


def _selectors(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    from mt_repair.config import ConfigError, validate_selector

    try:
        return tuple(validate_selector(s.strip()) for s in value.split(",") if s.strip())
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


# -- globs ----------------------------------------------------------------------------------
@lru_cache(maxsize=512)
def _spec(patterns: tuple[str, ...]):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def glob_problem(glob: str) -> str | None:
    """Why a config glob cannot be used, or None."""
    try:
        _spec((glob,))
    except Exception as exc:  # noqa: BLE001 - pathspec raises several kinds for a bad pattern
        return f"is not a valid glob: {exc}"
    if glob.strip().startswith("!"):
        return "starts with '!': negation is for .gitignore files, not config globs"
    return None


def relative_to(path: str | Path, root: Path | None) -> str:
    """`path` as a posix path relative to `root` (else the current folder), for glob matching."""
    absolute = os.path.abspath(path)
    for base in (root, Path.cwd()):
        if base is None:
            continue
        rel = os.path.relpath(absolute, os.path.abspath(base))
        if rel != ".." and not rel.startswith(".." + os.sep):
            return Path(rel).as_posix()
    return "/".join(p for p in Path(path).parts if p not in (".", "..", Path(path).anchor))


def glob_matches(glob: str, rel: str, is_dir: bool = False) -> bool:
    return _spec((glob,)).match_file(rel + "/" if is_dir else rel)


def first_match(globs: tuple[str, ...], rel: str, is_dir: bool = False) -> str | None:
    """The glob (of `globs`) that matches `rel`, or None. Fast path: one compiled spec."""
    if not globs or rel in ("", "."):
        return None
    key = rel + "/" if is_dir else rel
    if not _spec(tuple(globs)).match_file(key):
        return None
    return next((g for g in globs if _spec((g,)).match_file(key)), globs[0])


def rebase_globs(globs: tuple[str, ...], old: Path, new: Path) -> tuple[str, ...]:
    """Globs relative to folder `old` (an extended config's), rewritten relative to `new`.
    A bare name matches at any depth either way; an anchored glob keeps only what lies
    below `new` (a glob for a sibling folder can match nothing there and is dropped)."""
    try:
        down = Path(os.path.abspath(new)).relative_to(os.path.abspath(old)).as_posix()
    except ValueError:
        return globs  # not below: keep them as written
    if down == ".":
        return globs
    out = []
    for g in globs:
        body = g.strip().lstrip("/")
        if "/" not in body.rstrip("/") or body.startswith("**/"):
            out.append(g)
        elif body.startswith(down + "/"):
            out.append("/" + body[len(down) + 1:])
        elif body.startswith("*"):
            out.append(g)  # `*/drafts`: cannot be rebased exactly; kept (matches at least what it did)
    return tuple(out)


def excluded(path: str | Path, settings, is_dir: bool = False) -> str | None:
    """The `exclude` glob that leaves `path` out (relative to the config's folder), or None."""
    return first_match(tuple(settings.exclude), relative_to(path, settings.root), is_dir)


def included(path: str | Path, settings) -> bool:
    return first_match(tuple(settings.include), relative_to(path, settings.root)) is not None


def outside_globs(path: str, settings) -> str | None:
    """A note saying why the config leaves a named file out (hook mode, --force-exclude)."""
    glob = excluded(path, settings)
    if glob is not None:
        return f"skipped: excluded by the config (`{glob}`)"
    if not included(path, settings):
        return f"skipped: not matched by the config's include globs ({' '.join(settings.include)})"
    return None


# -- .gitignore -----------------------------------------------------------------------------
class _GitIgnores:
    """The .gitignore files that apply in a folder, shallowest first (a deeper file's last
    matching line wins, as in git), plus .git/info/exclude of the repository."""

    def __init__(self) -> None:
        self._by_dir: dict[str, tuple[tuple[str, object], ...]] = {}

    def specs(self, folder: str) -> tuple[tuple[str, object], ...]:
        folder = os.path.abspath(folder)
        found = self._by_dir.get(folder)
        if found is not None:
            return found
        parent = os.path.dirname(folder)
        inherited = () if parent == folder or os.path.isdir(os.path.join(folder, ".git")) else self.specs(parent)
        own = []
        if os.path.isdir(os.path.join(folder, ".git")):
            own.append(os.path.join(folder, ".git", "info", "exclude"))
        own.append(os.path.join(folder, ".gitignore"))
        specs = list(inherited)
        for file in own:
            try:
                with open(file, encoding="utf-8", errors="replace") as fh:
                    lines = fh.read().splitlines()
            except OSError:
                continue
            import pathspec

            specs.append((folder, pathspec.GitIgnoreSpec.from_lines(lines)))
        self._by_dir[folder] = found = tuple(specs)
        return found

    def ignored(self, path: str, is_dir: bool) -> bool:
        verdict = None
        for base, spec in self.specs(os.path.dirname(os.path.abspath(path))):
            rel = Path(os.path.relpath(os.path.abspath(path), base)).as_posix()
            result = spec.check_file(rel + "/" if is_dir else rel)
            if result.include is not None:
                verdict = result.include
        return bool(verdict)


# -- files and their settings ---------------------------------------------------------------
class Entry(namedtuple("Entry", "path settings stdin error note", defaults=(None, False, None, None))):
    """A file to check (or stdin) with its settings, or why one cannot be: `error` fails
    the run, `note` does not. (Not typing.NamedTuple: importing typing is ~3 ms of a check.)"""

    __slots__ = ()


class Workspace:
    """Settings per file (nearest config, cached per folder and per config file) and the
    files under the paths given."""

    def __init__(self, config: Path | None = None, isolated: bool = False,
                 overrides: Callable | None = None, respect_gitignore: bool = True) -> None:
        self.config, self.isolated = config, isolated
        self.overrides = overrides or (lambda s: s)
        self.respect_gitignore = respect_gitignore
        self._config_of: dict[str, Path | None] = {}
        self._settings: dict[Path | None, object] = {}
        self._gitignores = _GitIgnores()

    @classmethod
    def from_args(cls, args) -> Workspace:
        """From the options of `add_settings_arguments` (and `--fail-on` where a command has it);
        every CLI value is checked now, before any file is looked at."""
        from mt_repair.config import Settings  # noqa: F401 - imported here so a broken install fails early
        from mt_repair.types import Severity

        select, extend, ignore, extend_ignore = (_selectors(getattr(args, k, None))
                                                 for k in ("select", "extend_select", "ignore", "extend_ignore"))
        from mt_repair.config import RuleSelection

        # the command line is the last selection layer, on top of each file's config (as ruff)
        cli_layer = RuleSelection(select, extend or (), (*(ignore or ()), *(extend_ignore or ())))
        for g in args.glossary:
            if not g.is_file():
                raise UsageError(f"glossary {g} does not exist")
        if args.config and not args.config.is_file():
            raise UsageError(f"config file {args.config} does not exist")
        fail_on = Severity.parse(args.fail_on) if getattr(args, "fail_on", None) else None

        def overrides(s):
            if cli_layer:
                s.selections = (*s.selections, cli_layer)
            s.glossaries = s.glossaries + tuple(args.glossary)
            if fail_on is not None:
                s.fail_on = fail_on
            if args.no_hunspell:
                s.hunspell = False
            return s

        return cls(args.config, args.isolated, overrides, getattr(args, "respect_gitignore", True))

    @classmethod
    def fixed(cls, settings) -> Workspace:
        """A workspace where every file has `settings` (a command that resolved them once)."""
        ws = cls(respect_gitignore=settings.respect_gitignore)
        ws.config_for = lambda path: None  # type: ignore[method-assign]
        ws._settings[None] = settings
        return ws

    # settings -------------------------------------------------------------------------
    def config_for(self, path: str | Path) -> Path | None:
        """The config file that governs `path` (a file or a folder)."""
        if self.isolated:
            return None
        if self.config is not None:
            return self.config
        folder = os.path.abspath(path)
        if not os.path.isdir(folder):
            folder = os.path.dirname(folder)
        if folder not in self._config_of:
            from mt_repair.config import find_config

            self._config_of[folder] = find_config(Path(folder))
        return self._config_of[folder]

    def settings_for(self, path: str | Path):
        """The settings for `path`: its config's, with the CLI's on top; one object per config."""
        cfg = self.config_for(path)
        if cfg not in self._settings:
            from mt_repair.config import ConfigError, Settings, load_settings
            from mt_repair.glossary import GlossaryError

            try:
                s = Settings() if cfg is None else load_settings(cfg)
                s = self.overrides(s)
                if not self.respect_gitignore:
                    s.respect_gitignore = False
                _ = s.glossary  # load now so that a broken glossary is a usage error
            except (ConfigError, GlossaryError) as exc:
                raise UsageError(str(exc)) from None
            self._settings[cfg] = s
        return self._settings[cfg]

    # files ------------------------------------------------------------------------------
    def files(self, paths: list[str], skip: Path | None = None) -> Iterator[Entry]:
        """An Entry per file named or found under a folder (sorted); `skip`: a folder never read.

        A path that does not exist is an error. Only regular files found in folders are
        checked (a FIFO would block, a link to /dev/zero never ends); other files there get
        a note. A folder that cannot be read is an error, never skipped silently."""
        skip_abs = os.path.abspath(skip) if skip else None
        for raw in paths:
            if raw == "-":
                yield Entry("-", None, stdin=True)
                continue
            if not os.path.isdir(raw):
                yield Entry(raw, self.settings_for(raw))  # named explicitly: checked whatever its name
                continue
            yield from self._walk(raw, skip_abs)

    def _walk(self, top: str, skip_abs: str | None) -> Iterator[Entry]:
        unreadable: list[OSError] = []
        for root, dirs, files in os.walk(top, onerror=unreadable.append):
            yield from _folder_errors(unreadable)
            settings = self.settings_for(root)
            git = self._gitignores if settings.respect_gitignore else None
            kept = []
            for d in sorted(dirs):
                full = os.path.join(root, d)
                if d.startswith(".") or excluded(full, settings, is_dir=True) or (
                        skip_abs and os.path.abspath(full) == skip_abs) or (git and git.ignored(full, True)):
                    continue
                kept.append(d)
            dirs[:] = kept
            for name in sorted(files):
                path = os.path.join(root, name)
                if (name.startswith(".") or excluded(path, settings) or not included(path, settings)
                        or (git and git.ignored(path, False))):
                    continue
                try:
                    mode = os.stat(path).st_mode
                except OSError:
                    yield Entry(path, settings)  # a dangling link, gone: reading it says so
                    continue
                if stat.S_ISREG(mode):
                    yield Entry(path, settings)
                else:
                    from mt_repair.textio import kind_of

                    yield Entry(path, settings, note=f"skipped: {kind_of(mode)}, not a regular file")
        yield from _folder_errors(unreadable)


def _folder_errors(errors: list[OSError]):
    while errors:
        exc = errors.pop(0)
        why = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
        yield Entry(str(exc.filename), error=f"cannot read this folder: {why}; its files were not checked")
