"""The command line: `mt-repair check|rule`. Thin: parse, call the library, report."""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import inspect
import os
import sys
from pathlib import Path

from mt_repair import __version__
from mt_repair.types import Applicability, Severity

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("full", "concise", "json", "github")


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
                   help="full (default on a terminal), concise, json or github")
    c.add_argument("--select", default=None, help="comma-separated codes, prefixes, names or categories")
    c.add_argument("--ignore", default=None, help="comma-separated codes, prefixes, names or categories to skip")
    c.add_argument("--extend-select", default=None, help="add to the configured selection")
    c.add_argument("--config", type=Path, default=None, help="config file (default: nearest .mt-repair.toml "
                   "or pyproject.toml with [tool.mt-repair])")
    c.add_argument("--isolated", action="store_true", help="ignore all config files")
    c.add_argument("--glossary", action="append", type=Path, default=[], help="an extra glossary (TSV)")
    c.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                   help="lowest severity that makes the exit code 1 (default: warning)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    c.add_argument("--stdin-filename", default=None, help="path to report for `-` (and to match config)")
    c.add_argument("--no-hunspell", action="store_true", help="do not use hunspell dictionaries")
    c.add_argument("--max-size", type=float, default=20, metavar="MB", help="skip larger files (default 20)")
    c.add_argument("--no-source", action="store_true", help="full format: do not print the source lines")
    c.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")

    r = sub.add_parser("rule", help="explain a rule (or list them all)")
    r.add_argument("code", nargs="?", help="rule code, e.g. RP001")
    r.add_argument("--all", action="store_true", help="list every rule")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "rule":
            return cmd_rule(args)
        _parser().print_help()
        return EXIT_CLEAN
    except UsageError as exc:
        print(f"mt-repair: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_CLEAN
    except KeyboardInterrupt:
        return 130


# -- rule ------------------------------------------------------------------------------
def cmd_rule(args) -> int:
    from mt_repair.rules import ALL_RULES, REGISTRY

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
    print(inspect.cleandoc(rule.doc))
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


def iter_files(paths: list[str], settings):
    """Yield (display_path, is_stdin) for files given or found under folders."""
    for raw in paths:
        if raw == "-":
            yield "-", True
            continue
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not _excluded(d, settings))
                for name in sorted(files):
                    if _excluded(name, settings):
                        continue
                    if any(fnmatch.fnmatch(name, g) for g in settings.include):
                        yield os.path.join(root, name), False
        else:
            yield raw, False  # named explicitly: checked whatever its extension


def _excluded(name: str, settings) -> bool:
    return any(fnmatch.fnmatch(name, g) for g in settings.exclude)


def cmd_check(args) -> int:
    from mt_repair.linter import check_text, fix_text
    from mt_repair.reporters import FileResult
    from mt_repair.textio import InputError, decode, read_source, write_atomic

    if args.fix and args.diff:
        raise UsageError("--fix and --diff do not go together: --diff never writes")
    anchor = Path(args.paths[0]) if args.paths and args.paths[0] != "-" else Path.cwd()
    settings = load_cli_settings(args, anchor if anchor.exists() else Path.cwd())
    minimum = Applicability.UNSAFE if args.unsafe_fixes else Applicability.SAFE
    max_bytes = int(args.max_size * 1024 * 1024)
    results: list[FileResult] = []
    diffs: list[str] = []
    seen = set()
    for path, is_stdin in iter_files(args.paths, settings):
        if path in seen:
            continue
        seen.add(path)
        shown = (args.stdin_filename or "<stdin>") if is_stdin else path
        try:
            if is_stdin:
                src = decode(sys.stdin.buffer.read(), shown, max_bytes)
            else:
                src = read_source(path, max_bytes)
        except InputError as exc:
            results.append(FileResult(shown, error=str(exc)))
            continue
        if not src.text.strip():
            results.append(FileResult(shown, text=src.text, note="empty, nothing to check"))
            continue
        text = src.text
        fixed_count = 0
        if args.fix or args.diff:
            new_text, fixed_count = fix_text(text, settings, shown, minimum)
            if new_text != text:
                if args.diff:
                    diffs.append(_unified_diff(shown, text, new_text))
                    fixed_count = 0
                elif is_stdin:
                    sys.stdout.buffer.write(src.encode(new_text))
                    text = new_text
                else:
                    try:
                        write_atomic(path, src.encode(new_text))
                        text = new_text
                    except (InputError, OSError) as exc:
                        results.append(FileResult(shown, error=f"fix not written: {exc}"))
                        continue
        findings = check_text(text, settings, shown)
        results.append(FileResult(shown, text=text, findings=findings, fixed=fixed_count))

    if args.diff:
        sys.stdout.write("".join(diffs))
        n = len(diffs)
        if not args.quiet:
            print(f"{n} file{'s' if n != 1 else ''} would be changed." if n else "No fixes to apply.",
                  file=sys.stderr)
        errors = any(r.error for r in results)
        _print_errors(results)
        return EXIT_ERROR if errors else (EXIT_FINDINGS if n and not args.exit_zero else EXIT_CLEAN)

    fmt = args.output_format or ("full" if sys.stdout.isatty() else "concise")
    fixing_stdin = args.fix and any(p == "-" for p in args.paths)
    report(results, fmt, args, fixing=args.fix, to_stderr=fixing_stdin)
    if any(r.error for r in results):
        return EXIT_ERROR
    failing = any(f.severity >= settings.fail_on for r in results for f in r.findings)
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_CLEAN


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
    elif fmt == "concise":
        stream.write(render_concise(results))
        if not args.quiet:
            print(summary_line(results, fixing), file=stream)
    else:
        from rich.console import Console

        from mt_repair.reporters.full import render_full

        console = Console(file=stream, highlight=False, soft_wrap=True)
        render_full(results, console, fixing, show_source=not args.no_source)


def _unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
