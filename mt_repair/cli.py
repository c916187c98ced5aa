"""The command line: `mt-repair check|rule|init`. Thin: parse, call the library, report."""

from __future__ import annotations

import argparse
import fnmatch
import os
import stat
import sys
from pathlib import Path
from typing import NamedTuple

from mt_repair import __version__
from mt_repair.types import Applicability, Severity
from mt_repair.userpatterns import PatternTimeout

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("full", "concise", "json", "github", "sarif")


class UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mt-repair", description=(
        "Find and safely repair machine-translation artifacts in Arabic and English news articles."))
    p.add_argument("--version", action="version", version=f"mt-repair {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("check", help="report artifacts; with --fix, repair them",
                       description="Check files or folders (recursively) for MT artifacts. `-` reads stdin.")
    c.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    c.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    c.add_argument("--unsafe-fixes", action="store_true", help="also apply (or show) unsafe fixes")
    c.add_argument("--diff", action="store_true", help="print a unified diff of the fixes; write nothing")
    c.add_argument("--output-format", choices=FORMATS, default=None,
                   help="full (default on a terminal), concise, json, github or sarif")
    add_settings_arguments(c)
    c.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                   help="lowest severity that makes the exit code 1 (default: warning)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    c.add_argument("--stdin-filename", default=None, help="path to report for `-` (and to match config)")
    def megabytes(value: str) -> float:  # `inf` and `nan` parse as floats but size nothing
        mb = float(value)
        if not 0 < mb < 1e9:
            raise argparse.ArgumentTypeError(f"must be a size in MB above 0, not {value!r}")
        return mb

    c.add_argument("--max-size", type=megabytes, default=20, metavar="MB", help="skip larger files (default 20)")
    c.add_argument("--no-source", action="store_true", help="full format: do not print the source lines")
    c.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    c.add_argument("--hook", action="store_true", help="for git hooks: implies --force-exclude; files that "
                   "are gone, symlinks, binary or oversized are skipped with a note, not an error")
    c.add_argument("--force-exclude", action="store_true",
                   help="apply the config's include/exclude to files named on the command line too")
    c.add_argument("--baseline", type=Path, default=None, metavar="FILE",
                   help="hide the findings recorded in FILE (see --write-baseline)")
    c.add_argument("--write-baseline", type=Path, default=None, metavar="FILE",
                   help="record this run's findings in FILE (replacing it) and report nothing")

    i = sub.add_parser("init", help="create .mt-repair.toml and an empty house glossary (never overwrites)")
    i.add_argument("folder", nargs="?", default=".", type=Path, help="the repository (default: here)")

    c.add_argument("--source", default=None, metavar="FILE",
                   help="with --target: check TARGET as the translation of FILE (pair rules PR…); "
                        "X.en.md beside X.ar.md pairs by itself")
    c.add_argument("--target", default=None, metavar="FILE", help="the translation to check against --source")

    from mt_repair.translate.command import add_parser as add_translate_parser

    add_translate_parser(sub)

    from mt_repair.evaluation.cli import add_parser as add_eval_parser

    add_eval_parser(sub)

    from mt_repair.archive.command import add_parser as add_archive_parser

    add_archive_parser(sub)

    r = sub.add_parser("rule", help="explain a rule (or list them all)")
    r.add_argument("code", nargs="?", help="rule code, e.g. RP001")
    r.add_argument("--all", action="store_true", help="list every rule")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:  # a file name that is not UTF-8 prints as its own bytes (as ls does), not as a crash
        sys.stdout.reconfigure(errors="surrogateescape")
    except (AttributeError, ValueError, OSError):
        pass  # not a text stream we may reconfigure (tests, an embedding program)
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "rule":
            return cmd_rule(args)
        if args.command == "translate":
            from mt_repair.translate.command import run as cmd_translate

            return cmd_translate(args)
        if args.command == "eval":
            from mt_repair.evaluation.cli import run as cmd_eval

            return cmd_eval(args)
        if args.command == "archive":
            from mt_repair.archive.command import run as cmd_archive

            return cmd_archive(args)
        if args.command == "init":
            return cmd_init(args)
        _parser().print_help()
        return EXIT_CLEAN
    except UsageError as exc:
        print(f"mt-repair: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except PatternTimeout as exc:  # a user's residue pattern ran too long on some line
        print(f"mt-repair: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_CLEAN
    except KeyboardInterrupt:
        return 130


# -- rule ------------------------------------------------------------------------------
def cmd_rule(args) -> int:
    from mt_repair.pairs import PAIR_REGISTRY, PAIR_RULES
    from mt_repair.rules import ALL_RULES as MONO_RULES
    from mt_repair.rules import REGISTRY as MONO_REGISTRY

    ALL_RULES, REGISTRY = [*MONO_RULES, *PAIR_RULES], {**MONO_REGISTRY, **PAIR_REGISTRY}  # pair rules too

    if args.all or not args.code:
        for rule in ALL_RULES:
            print(f"{rule.code}  {rule.name:<26} {rule.category:<12} {str(rule.severity):<8} {rule.summary.split(': ', 1)[-1]}")
        return EXIT_CLEAN
    code = args.code.upper()
    if code not in REGISTRY:
        by_name = [r for r in ALL_RULES if r.name == args.code.lower()]
        if not by_name:
            raise UsageError(f"unknown rule {args.code!r}; `mt-repair rule --all` lists them")
        code = by_name[0].code
    rule = REGISTRY[code][0]
    print(f"{rule.code} {rule.name}  (category: {rule.category}, default severity: {rule.severity})\n")
    from inspect import cleandoc

    print(cleandoc(rule.doc))
    return EXIT_CLEAN


# -- init ------------------------------------------------------------------------------
def cmd_init(args) -> int:
    from mt_repair.scaffold import init

    try:
        steps = init(args.folder)
    except OSError as exc:
        raise UsageError(f"cannot create files in {args.folder}: {exc.strerror or exc}") from None
    for step in steps:
        print(f"{'created' if step.created else 'skipped'}  {step.path}  ({step.why})")
    print("Next: `mt-repair check .`, and the pre-commit hooks (README: \"Use it in an editorial repo\").")
    return EXIT_CLEAN


# -- check -----------------------------------------------------------------------------
def _selectors(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    from mt_repair.config import ConfigError, validate_selector

    try:
        return tuple(validate_selector(s) for s in value.split(",") if s.strip())
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def add_settings_arguments(p: argparse.ArgumentParser, selection: bool = True) -> None:
    """The options `load_cli_settings` reads, for every command that runs the checker."""
    if selection:
        p.add_argument("--select", default=None, help="comma-separated codes, prefixes, names or categories")
        p.add_argument("--ignore", default=None, help="comma-separated codes, prefixes, names or categories to skip")
        p.add_argument("--extend-select", default=None, help="add to the configured selection")
    else:
        p.set_defaults(select=None, ignore=None, extend_select=None)
    p.add_argument("--config", type=Path, default=None, help="config file (default: nearest .mt-repair.toml "
                   "or pyproject.toml with [tool.mt-repair])")
    p.add_argument("--isolated", action="store_true", help="ignore all config files")
    p.add_argument("--glossary", action="append", type=Path, default=[], help="an extra glossary (TSV)")
    p.add_argument("--no-hunspell", action="store_true", help="do not use hunspell dictionaries")


def load_cli_settings(args, anchor: Path):
    from mt_repair.config import ConfigError, Settings, find_config, load_settings
    from mt_repair.glossary import GlossaryError

    try:
        if args.isolated:
            settings = Settings()
        else:
            cfg = args.config if args.config else find_config(anchor)
            if args.config and not args.config.is_file():
                raise UsageError(f"config file {args.config} does not exist")
            settings = load_settings(cfg)
        select = _selectors(args.select)
        if select is not None:
            settings.select = select
        extend = _selectors(args.extend_select)
        if extend:
            settings.select = settings.select + extend
        ignore = _selectors(args.ignore)
        if ignore:
            settings.ignore = settings.ignore + ignore
        for g in args.glossary:
            if not g.is_file():
                raise UsageError(f"glossary {g} does not exist")
        settings.glossaries = settings.glossaries + tuple(args.glossary)
        if args.fail_on:
            settings.fail_on = Severity.parse(args.fail_on)
        if args.no_hunspell:
            settings.hunspell = False
        settings.glossary  # load now so that a broken glossary is a usage error
    except (ConfigError, GlossaryError) as exc:
        raise UsageError(str(exc)) from None
    return settings


class Entry(NamedTuple):
    """A file to check (or stdin), or why one cannot be: `error` fails the run, `note` does not."""

    path: str
    stdin: bool = False
    error: str | None = None
    note: str | None = None


def iter_files(paths: list[str], settings):
    """Yield an Entry for each file given or found under folders. Only regular files found
    in folders are checked (a FIFO would block, a link to /dev/zero never ends); other
    files there get a note. A folder that cannot be read is an error, never skipped silently."""
    for raw in paths:
        if raw == "-":
            yield Entry("-", stdin=True)
            continue
        p = Path(raw)
        if not p.is_dir():
            yield Entry(raw)  # named explicitly: checked whatever its extension
            continue
        unreadable: list[OSError] = []
        for root, dirs, files in os.walk(p, onerror=unreadable.append):
            yield from _folder_errors(unreadable)
            dirs[:] = sorted(d for d in dirs if not _excluded(d, settings))
            for name in sorted(files):
                if _excluded(name, settings) or not any(fnmatch.fnmatch(name, g) for g in settings.include):
                    continue
                path = os.path.join(root, name)
                try:
                    mode = os.stat(path).st_mode
                except OSError:
                    yield Entry(path)  # a dangling link, gone: reading it says so
                    continue
                if stat.S_ISREG(mode):
                    yield Entry(path)
                else:
                    from mt_repair.textio import kind_of

                    yield Entry(path, note=f"skipped: {kind_of(mode)}, not a regular file")
        yield from _folder_errors(unreadable)


def _folder_errors(errors: list[OSError]):
    while errors:
        exc = errors.pop(0)
        why = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
        yield Entry(str(exc.filename), error=f"cannot read this folder: {why}; its files were not checked")


def _excluded(name: str, settings) -> bool:
    return any(fnmatch.fnmatch(name, g) for g in settings.exclude)


def cmd_check(args) -> int:
    from mt_repair.reporters import FileResult

    if args.fix and args.diff:
        raise UsageError("--fix and --diff do not go together: --diff never writes")
    if args.write_baseline and args.diff:
        raise UsageError("--write-baseline and --diff do not go together")
    baseline = None if args.write_baseline else _load_baseline(args.baseline)  # writing records everything
    if args.write_baseline:
        _refuse_to_replace(args.write_baseline)
    if sys.stdout is None or sys.stdin is None and "-" in args.paths:  # started with `>&-` or `<&-`
        raise UsageError(f"standard {'output' if sys.stdout is None else 'input'} is closed")
    force_exclude = args.force_exclude or args.hook
    if (args.source is None) != (args.target is None):
        raise UsageError("--source and --target go together")
    if args.target:
        args.paths = [args.target] if args.paths == ["."] else args.paths + [args.target]
    anchor = Path(args.paths[0]) if args.paths and args.paths[0] != "-" else Path.cwd()
    settings = load_cli_settings(args, anchor if anchor.exists() else Path.cwd())
    minimum = Applicability.UNSAFE if args.unsafe_fixes else Applicability.SAFE
    max_bytes = int(args.max_size * 1024 * 1024)
    results: list[FileResult] = []
    diffs: list[bytes] = []
    seen = set()
    for entry in iter_files(args.paths, settings):
        path, is_stdin = entry.path, entry.stdin
        if path in seen:
            continue
        seen.add(path)
        shown = (args.stdin_filename or "<stdin>") if is_stdin else path
        if entry.error:
            results.append(FileResult(shown, error=entry.error))
            continue
        note = entry.note or (None if is_stdin else _skip_note(path, settings, args.hook, force_exclude))
        if note:
            results.append(FileResult(shown, note=note, skipped=True))
            continue
        echo = _Echo() if is_stdin and args.fix else None
        try:
            results.append(_check_one(args, path, shown, is_stdin, settings, minimum, max_bytes, baseline, diffs,
                                      echo))
        finally:
            if echo is not None:
                echo.flush()  # a filter prints the text, fixed or not, whatever else happened

    if args.diff:
        sys.stdout.flush()
        sys.stdout.buffer.write(b"".join(diffs))  # bytes: the patch must match the file's bytes
        n = len(diffs)
        if not args.quiet:
            print(f"{n} file{'s' if n != 1 else ''} would be changed." if n else "No fixes to apply.",
                  file=sys.stderr)
        errors = any(r.error for r in results)
        _print_errors(results)
        return EXIT_ERROR if errors else (EXIT_FINDINGS if n and not args.exit_zero else EXIT_CLEAN)

    if args.write_baseline:
        return _write_baseline(args, results)
    fmt = args.output_format or ("full" if sys.stdout.isatty() else "concise")
    fixing_stdin = args.fix and any(p == "-" for p in args.paths)
    report(results, fmt, args, fixing=args.fix, to_stderr=fixing_stdin)
    if baseline is not None and not args.quiet and fmt in ("full", "concise"):
        _baseline_summary(args.baseline, baseline)
    if any(r.error for r in results):
        return EXIT_ERROR
    failing = any(f.severity >= settings.fail_on for r in results for f in r.findings)
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_CLEAN


class _Echo:
    """What `check - --fix` prints: the input as read until a fixed text replaces it."""

    def __init__(self) -> None:
        self.data = b""
        self.more = False  # stdin was cut at the size limit: the rest is copied through as is

    def flush(self) -> None:
        out = sys.stdout.buffer
        out.write(self.data)
        if self.more:
            import shutil

            shutil.copyfileobj(sys.stdin.buffer, out)
        out.flush()


def _check_one(args, path, shown, is_stdin, settings, minimum, max_bytes, baseline, diffs, echo):
    """Check one file (or stdin); with --fix write it back, or into `echo` for stdin."""
    from mt_repair.linter import check_text, fix_and_check
    from mt_repair.reporters import FileResult
    from mt_repair.textio import FileChanged, InputError, NotAnArticle, decode, read_at_most, read_source
    from mt_repair.textio import write_atomic

    try:
        if is_stdin:
            raw = read_at_most(sys.stdin.buffer.read, max_bytes + 1)  # bounded: stdin may never end
            if echo is not None:
                echo.data, echo.more = raw, len(raw) > max_bytes
            src = decode(raw, shown, max_bytes)
        else:
            src = read_source(path, max_bytes)
    except InputError as exc:
        if args.hook and isinstance(exc, NotAnArticle):
            return FileResult(shown, note=str(exc), skipped=True)
        return FileResult(shown, error=str(exc))
    if not src.text.strip():
        return FileResult(shown, text=src.text, note="empty, nothing to check")
    text = src.text
    fixed_count = 0
    outcome = None
    if args.fix or args.diff:
        outcome = fix_and_check(text, settings, shown, minimum)  # with the findings on the fixed text
        new_text, fixed_count = outcome.text, outcome.fixed
        if new_text != text:
            if args.diff:
                diffs.append(_unified_diff(shown, src, new_text))
                fixed_count = 0
            elif echo is not None:
                echo.data = src.encode(new_text)
                text = new_text
            else:
                try:
                    write_atomic(path, src.encode(new_text), expect=src.stamp)
                    text = new_text
                except (FileChanged, InputError) as exc:
                    return FileResult(shown, error=str(exc))
                except OSError as exc:
                    return FileResult(shown, error=f"fix not written: {exc.strerror or exc}")
    # after --fix the last round's findings are the report (nothing a fix hid, no second check)
    findings = outcome.findings if outcome and text == outcome.text else check_text(text, settings, shown)
    findings = _with_pair_findings(args, shown, text, findings, settings, max_bytes)
    if baseline is not None:
        findings = baseline.filter(shown, text, findings)
    return FileResult(shown, text=text, findings=findings, fixed=fixed_count)


def _with_pair_findings(args, shown: str, text: str, findings, settings, max_bytes: int):
    """Add the pair rules' findings when `shown` is a translation: --target, or X.en.md
    with X.ar.md beside it. They belong to the target file, sorted in with the others."""
    if not args.target and ".en." not in Path(shown).name:
        return findings  # not a translation: keep the pair rules' imports off the hook's path
    from mt_repair.pairs import check_pair, source_for
    from mt_repair.textio import InputError, read_source

    if args.target and Path(shown) == Path(args.target):
        source = Path(args.source)
        try:
            source_text = read_source(source, max_bytes).text
        except InputError as exc:
            raise UsageError(f"--source {source}: {exc}") from None
    else:
        source = source_for(shown)
        if source is None:
            return findings
        try:
            source_text = read_source(source, max_bytes).text
        except InputError:
            return findings  # reported on its own when it is checked
    pair = check_pair(source_text, text, settings, str(source), shown)
    return sorted(findings + pair, key=lambda f: (f.start, f.end, f.code)) if pair else findings


def _skip_note(path: str, settings, hook: bool, force_exclude: bool) -> str | None:
    """Why hook mode / --force-exclude leaves a named file out, or None to check it."""
    if not (hook or force_exclude):
        return None
    from mt_repair.hook import gone_or_link, outside_globs

    return (gone_or_link(path) if hook else None) or outside_globs(path, settings)


def _load_baseline(path: Path | None):
    if path is None:
        return None
    from mt_repair.baseline import Baseline, BaselineError

    try:
        return Baseline.load(path)
    except BaselineError as exc:
        raise UsageError(str(exc)) from None


def _refuse_to_replace(path: Path) -> None:
    """--write-baseline replaces only a baseline (or an empty file): never an article."""
    from mt_repair.baseline import FORMAT
    from mt_repair.textio import InputError, read_source

    if not os.path.exists(path):
        if not Path(os.path.realpath(path)).parent.is_dir():
            raise UsageError(f"--write-baseline {path}: the folder {path.parent} does not exist")
        return
    try:
        raw = read_source(path, max_bytes=1 << 30).text
    except InputError as exc:
        why = str(exc).removeprefix("skipped: ")
        raise UsageError(f"--write-baseline {path}: {why}; refusing to replace it") from None
    if not raw.strip():
        return
    try:
        import json

        ours = json.loads(raw).get("format") == FORMAT
    except (ValueError, AttributeError, RecursionError):
        ours = False
    if not ours:
        raise UsageError(f"--write-baseline {path}: the file exists and is not an mt-repair baseline; "
                         f"refusing to replace it (choose another name, or delete the file first)")


def _write_baseline(args, results) -> int:
    from mt_repair.baseline import Baseline
    from mt_repair.textio import InputError

    base = Baseline.record(args.write_baseline.parent, results)
    try:
        base.write(args.write_baseline)
    except InputError as exc:
        raise UsageError(f"cannot write baseline {args.write_baseline}: {exc}") from None
    except OSError as exc:
        raise UsageError(f"cannot write baseline {args.write_baseline}: {exc.strerror or exc}") from None
    _print_errors(results)
    if not args.quiet:
        files = len(base.counts)
        print(f"Recorded {base.total} finding{'s' if base.total != 1 else ''} in {files} "
              f"file{'s' if files != 1 else ''} to {args.write_baseline}.", file=sys.stderr)
    return EXIT_ERROR if any(r.error for r in results) else EXIT_CLEAN


def _baseline_summary(path: Path, baseline) -> None:
    parts = [f"{baseline.hidden} finding{'s' if baseline.hidden != 1 else ''} hidden by the baseline {path}."]
    if baseline.stale:
        parts.append(f"{baseline.stale} recorded there no longer found (rewrite it with --write-baseline "
                     f"to drop them).")
    print(" ".join(parts), file=sys.stderr)


def _print_errors(results) -> None:
    for r in results:
        if r.error:
            print(f"{r.path}: error: {r.error}", file=sys.stderr)


def report(results, fmt: str, args, fixing: bool, to_stderr: bool = False) -> None:
    from mt_repair.reporters import summary_line
    from mt_repair.reporters.machine import render_concise, render_github, render_json

    stream = sys.stderr if to_stderr else sys.stdout
    if fmt == "json":
        stream.write(render_json(results))
        _print_errors(results)
    elif fmt == "github":
        stream.write(render_github(results))
    elif fmt == "sarif":
        from mt_repair.reporters.sarif import render_sarif
        from mt_repair.pairs import PAIR_RULES
        from mt_repair.rules import ALL_RULES

        stream.write(render_sarif(results, [*ALL_RULES, *PAIR_RULES], __version__))
        _print_errors(results)
    elif fmt == "concise":
        stream.write(render_concise(results))
        if not args.quiet:
            print(summary_line(results, fixing), file=stream)
    else:
        from rich.console import Console

        from mt_repair.reporters.full import render_full

        console = Console(file=stream, highlight=False, soft_wrap=True)
        render_full(results, console, fixing, show_source=not args.no_source)


def _unified_diff(path: str, src, new_text: str) -> bytes:
    """The patch from the file as read to the bytes --fix would write (mt_repair.unified_diff)."""
    from mt_repair.unified_diff import unified_diff

    diff = unified_diff(path, src.encode(src.text), src.encode(new_text))
    if diff.note:
        print(f"{path}: note: {diff.note}", file=sys.stderr)
    return diff.data
