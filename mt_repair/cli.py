"""The command line: `mt-repair check|rule|init`. Thin: parse, call the library, report."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mt_repair import __version__
from mt_repair.types import Applicability
from mt_repair.userpatterns import PatternTimeout
from mt_repair.workspace import UsageError, add_settings_arguments, load_cli_settings  # noqa: F401 - re-exported

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("full", "concise", "json", "github", "sarif")
SELECTION_HELP = """\
which rules run (as ruff):
  Each file uses its nearest config (.mt-repair.toml, mt-repair.toml, pyproject.toml
  [tool.mt-repair]); selection is resolved in layers, first to last: the config (the
  root of an `extend` chain first, then each config extending it), then the command
  line, so the command line wins over the configs:
  - a layer with select (--select) replaces what the layers before it selected, their
    ignores included; one without edits it: --extend-select turns on rules a config
    ignores, --ignore / --extend-ignore turn off more;
  - inside one layer the more specific selector wins (ALL < P < PN or a category <
    PN0 < PN00 < a code or name), and ignore wins a tie: --select RP001 --ignore RP
    runs RP001; --select RP --ignore RP001 does not;
  - per-file-ignores and <!-- mt-repair: ignore[CODE] --> apply last, whatever was
    selected; PR008 runs only when named by its code or name.
exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error or a file that
could not be read (a missing path; a folder with nothing to check unless --allow-empty).
"""


def _columns() -> int:
    """shutil.get_terminal_size().columns without shutil (it imports zlib, bz2 and lzma,
    ~2 ms of every run): $COLUMNS, else the terminal's width, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    """argparse builds a help formatter for every argument added, and each asks shutil for
    the terminal width; this one passes the width (subparsers are of this class too)."""

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog, width=_columns() - 2)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="mt-repair", description=(
        "Find and safely repair machine-translation artifacts in Arabic and English news articles."))
    p.add_argument("--version", action="version", version=f"mt-repair {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("check", help="report artifacts; with --fix, repair them",
                       description="Check files or folders (recursively) for MT artifacts. `-` reads stdin.",
                       epilog=SELECTION_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                   help="files or folders to check (default: .); - reads stdin")
    c.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    c.add_argument("--unsafe-fixes", action="store_true", help="also apply (or show) unsafe fixes")
    c.add_argument("--diff", action="store_true", help="print a unified diff of the fixes; write nothing")
    c.add_argument("--output-format", choices=FORMATS, default=None,
                   help="full (default on a terminal), concise, json, github or sarif")
    add_settings_arguments(c)
    c.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                   help="lowest severity that makes the exit code 1 (default: warning)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    def jobs(value: str) -> int:
        n = int(value)
        if n < 1:
            raise argparse.ArgumentTypeError(f"must be 1 or more, not {value!r}")
        return n

    c.add_argument("--jobs", "-j", type=jobs, default=None, metavar="N",
                   help="check folders on N processes (default: the usable cores; 1: serial)")
    c.add_argument("--stdin-filename", default=None, metavar="PATH", help="path to report for `-` (and to match config)")
    def megabytes(value: str) -> float:  # `inf` and `nan` parse as floats but size nothing
        mb = float(value)
        if not 0 < mb < 1e9:
            raise argparse.ArgumentTypeError(f"must be a size in MB above 0, not {value!r}")
        return mb

    c.add_argument("--max-size", type=megabytes, default=20, metavar="MB", help="skip larger files (default 20)")
    c.add_argument("--no-source", action="store_true", help="full format: do not print the source lines")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="full format's colours and styles: auto (default) on a terminal, off when NO_COLOR "
                        "is set, on when FORCE_COLOR is; always/never override both")
    c.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    c.add_argument("--show-fixes", action="store_true", help="with --fix: list what was fixed, per file and line")
    c.add_argument("--statistics", action="store_true", help="print counts per rule instead of the findings")
    c.add_argument("--allow-empty", action="store_true",
                   help="exit 0 when a folder holds no file to check (default: an error, exit 2)")
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
                        "X.en.md beside X.ar.md pairs by itself (the config's source-language, \"ar\" "
                        "or \"en\", says which is the source); the source's script gives the direction")
    c.add_argument("--target", default=None, metavar="FILE", help="the translation to check against --source")

    from mt_repair.subcommands import add_lazy_parsers  # translate, eval, archive: imported when used

    add_lazy_parsers(sub)

    r = sub.add_parser("rule", help="explain a rule (or list them all)")
    r.add_argument("code", nargs="?", help="rule code, e.g. RP001")
    r.add_argument("--all", action="store_true", help="list every rule")
    r.add_argument("--output-format", choices=("text", "json"), default="text",
                   help="json: code, name, category, severity, fix safety, summary and docstring")
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

    as_json = getattr(args, "output_format", "text") == "json"
    if as_json:
        import json

        from mt_repair.api import RuleInfo
    if args.all or not args.code:
        if as_json:
            print(json.dumps([RuleInfo.from_rule(r).as_dict() for r in ALL_RULES], ensure_ascii=False, indent=2))
            return EXIT_CLEAN
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
    if as_json:
        print(json.dumps(RuleInfo.from_rule(rule).as_dict(), ensure_ascii=False, indent=2))
        return EXIT_CLEAN
    print(f"{rule.code} {rule.name}  (category: {rule.category}, default severity: {rule.severity})\n")
    from inspect import cleandoc

    print(cleandoc(rule.doc))
    return EXIT_CLEAN


# -- init ------------------------------------------------------------------------------
def cmd_init(args) -> int:
    from mt_repair.scaffold import init

    folder = Path(args.folder)
    if not folder.is_dir() and not folder.absolute().parent.is_dir():
        raise UsageError(f"cannot create {folder}: its parent folder {folder.absolute().parent} does not exist "
                         f"(init makes at most the last folder)")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is not a folder")
    try:
        steps = init(args.folder)
    except OSError as exc:
        raise UsageError(f"cannot create files in {args.folder}: {exc.strerror or exc}") from None
    for step in steps:
        print(f"{'created' if step.created else 'skipped'}  {step.path}  ({step.why})")
    print("Next: `mt-repair check .`, and the pre-commit hooks (README: \"Use it in an editorial repo\").")
    return EXIT_CLEAN


# -- check -----------------------------------------------------------------------------
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
    if args.show_fixes and not args.fix:
        raise UsageError("--show-fixes goes with --fix (use --diff to see what --fix would change)")
    if args.statistics and (args.diff or args.write_baseline):
        raise UsageError(f"--statistics and {'--diff' if args.diff else '--write-baseline'} do not go together: "
                         f"{'--diff prints the patch' if args.diff else '--write-baseline reports nothing'}")
    if args.statistics and args.output_format in ("github", "sarif"):
        raise UsageError(f"--statistics prints a table (full, concise) or JSON (json), not {args.output_format}")
    from mt_repair.workspace import Workspace

    ws = Workspace.from_args(args)  # each file's nearest config, the CLI's options on top
    minimum = Applicability.UNSAFE if args.unsafe_fixes else Applicability.SAFE
    max_bytes = int(args.max_size * 1024 * 1024)
    results: list[FileResult] = []
    settings_of: dict[int, object] = {}  # id(result) -> its settings, for --fail-on
    fix_log: dict[str, list] | None = {} if args.show_fixes else None
    diffs: list[bytes] = []
    empty: list[str] = []
    seen = set()
    pending: list[tuple[int, str, str, bool, object]] = []  # (place in results, path, shown, stdin, settings)
    for raw in args.paths:
        if raw != "-" and not os.path.lexists(raw) and not args.hook:
            results.append(FileResult(raw, error="file not found"))  # a typo must not pass CI
            continue
        found = 0
        for entry in ws.files([raw]):
            path, is_stdin = entry.path, entry.stdin
            key = path if is_stdin else os.path.normpath(os.path.abspath(path))  # `a.md` and `./a.md`: once
            if key in seen:
                found += 1
                continue
            seen.add(key)
            shown = (args.stdin_filename or "<stdin>") if is_stdin else path
            if entry.error:
                results.append(FileResult(shown, error=entry.error))
                continue
            found += 1
            settings = ws.settings_for(args.stdin_filename or ".") if is_stdin else entry.settings
            note = entry.note or (None if is_stdin else _skip_note(path, settings, args.hook, force_exclude))
            if note:
                results.append(FileResult(shown, note=note, skipped=True))
                continue
            pending.append((len(results), path, shown, is_stdin, settings))
            results.append(None)  # type: ignore[arg-type] - its place, filled below in this order
        if not found and raw != "-" and os.path.isdir(raw):
            empty.append(raw)
    _warn_if_nothing_selected(p[4] for p in pending)
    # the files this run fixes: a translation's source among them is compared as fixed (_pair_source)
    args.run_paths = frozenset(os.path.realpath(p[1]) for p in pending if not p[3])
    done = _check_parallel(args, pending, minimum, max_bytes, baseline, diffs, fix_log)
    for place, path, shown, is_stdin, settings in pending:
        if place in done:
            results[place] = done[place]
        else:
            echo = _Echo() if is_stdin and args.fix else None
            try:
                results[place] = _check_one(args, path, shown, is_stdin, settings, minimum, max_bytes, baseline,
                                            diffs, echo, fix_log)
            finally:
                if echo is not None:
                    echo.flush()  # a filter prints the text, fixed or not, whatever else happened
        settings_of[id(results[place])] = settings
    for folder in empty:
        why = ("no file matches the include globs, or all are excluded, hidden or ignored by git; "
               "--allow-empty makes this exit 0")
        print(f"mt-repair: {'warning' if args.allow_empty else 'error'}: {folder}: no files to check ({why})",
              file=sys.stderr)
    empty_error = bool(empty) and not args.allow_empty

    if args.diff:
        sys.stdout.flush()
        sys.stdout.buffer.write(b"".join(diffs))  # bytes: the patch must match the file's bytes
        n = len(diffs)
        if not args.quiet:
            print(f"{n} file{'s' if n != 1 else ''} would be changed." if n else "No fixes to apply.",
                  file=sys.stderr)
        errors = any(r.error for r in results) or empty_error
        _print_errors(results)
        return EXIT_ERROR if errors else (EXIT_FINDINGS if n and not args.exit_zero else EXIT_CLEAN)

    if args.write_baseline:
        code = _write_baseline(args, results)
        return EXIT_ERROR if empty_error else code
    fmt = args.output_format or ("full" if sys.stdout.isatty() else "concise")
    fixing_stdin = args.fix and any(p == "-" for p in args.paths)
    stream = sys.stderr if fixing_stdin else sys.stdout
    if args.statistics:
        _statistics(results, fmt, args, stream)
    elif not results and fmt in ("full", "concise"):
        if not args.quiet:
            print("No files to check.", file=stream)  # never "No problems found in 0 files"
    else:
        report(results, fmt, args, fixing=args.fix, to_stderr=fixing_stdin)
    if fix_log is not None:  # after a machine format's output, on stderr: stdout stays valid JSON/SARIF
        _show_fixes(fix_log, stream if fmt in ("full", "concise") else sys.stderr)
    if baseline is not None and not args.quiet and fmt in ("full", "concise"):
        _baseline_summary(args.baseline, baseline)
    if any(r.error for r in results) or empty_error:
        return EXIT_ERROR
    failing = any(f.severity >= settings_of[id(r)].fail_on for r in results if id(r) in settings_of
                  for f in r.findings)
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_CLEAN


def _warn_if_nothing_selected(all_settings) -> None:
    """A selection that leaves no rule at all checks nothing: say so instead of "No problems"."""
    distinct = {id(s): s for s in all_settings if s is not None}
    empty = [s for s in distinct.values() if not s.rules]
    if not empty:
        return
    from mt_repair.pairs import PAIR_RULES

    empty = [s for s in empty if not s.rules_among(PAIR_RULES)]
    for s in empty:
        where = f" for the files under {s.config_file}" if s.config_file else ""
        print(f"mt-repair: warning: no rule is selected{where}: nothing is checked (see `mt-repair check --help`, "
              f"\"which rules run\")", file=sys.stderr)


def _check_parallel(args, pending, minimum, max_bytes, baseline, diffs, fix_log) -> dict:
    """--jobs: check `pending` on several cores when it is worth it (mt_repair.parallel);
    {place: FileResult}, with the diffs, fix log, notes and baseline applied in input order
    as the serial loop would. Empty when the run stays serial (one job, stdin, few bytes)."""
    if len(pending) < 2:  # one file: serial, without importing the pool
        return {}
    from mt_repair import parallel

    jobs = getattr(args, "jobs", None) or parallel.default_jobs()
    if jobs < 2 or len(pending) < 2 or any(p[3] for p in pending):
        return {}
    workers = parallel.workers_for(jobs, [p[1] for p in pending])
    if workers < 2:
        return {}
    shipped: dict[int, int] = {}  # id(settings) -> its place in the tuple sent once
    for p in pending:
        shipped.setdefault(id(p[4]), len(shipped))
    by_place = {id(p[4]): p[4] for p in pending}
    job = parallel.Job(_check_one, args, tuple(by_place[k] for k in shipped), minimum, max_bytes,
                       baseline is not None)
    tasks = [parallel.Task(i, p[1], p[2], shipped[id(p[4])]) for i, p in enumerate(pending)]
    out = {}
    printed = set()
    try:
        outcomes = parallel.check_files(job, tasks, workers)
    except parallel.WorkerDied as exc:
        raise UsageError(str(exc)) from None
    for p, d in zip(pending, outcomes):
        result = d.result
        if d.filter:
            result.findings = baseline.filter(result.path, result.text, result.findings)
        diffs.extend(d.diffs)
        if fix_log is not None:
            fix_log.update(d.fixed)
        for line in d.stderr.splitlines(keepends=True):
            if line not in printed:  # a once-per-process warning is printed once, as serially
                printed.add(line)
                sys.stderr.write(line)
        out[p[0]] = result
    return out


def _statistics(results, fmt: str, args, stream) -> None:
    """Counts per rule, most frequent first (ruff's --statistics); `[*]` marks a safe fix."""
    from collections import Counter

    from mt_repair.reporters import summary_line

    counts = Counter(f.code for r in results for f in r.findings)
    first = {}
    fixable = Counter()
    for r in results:
        for f in r.findings:
            first.setdefault(f.code, f)
            if f.fix is not None and f.fix.applicability == Applicability.SAFE:
                fixable[f.code] += 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if fmt == "json":
        import json

        stream.write(json.dumps([{"code": c, "name": first[c].name, "count": n, "fixable": fixable[c]}
                                 for c, n in rows], ensure_ascii=False, indent=2) + "\n")
    else:
        width = max((len(str(n)) for _, n in rows), default=1)
        for code, n in rows:
            mark = "[*] " if fixable[code] == n else ("[-] " if fixable[code] else "    ")
            print(f"{n:>{width}}\t{code}\t{mark}{first[code].name}", file=stream)
        if not args.quiet:
            print(summary_line(results, args.fix), file=stream)
    _print_errors(results)


def _show_fixes(log: dict[str, list], stream) -> None:
    """--show-fixes: each applied fix by file and line (the line in the text it was applied to)."""
    total = sum(len(v) for v in log.values())
    if not total:
        print("No fixes applied.", file=stream)
        return
    print(f"Fixed {total} problem{'s' if total != 1 else ''}:", file=stream)
    for path, rows in log.items():
        if rows:
            print(f"- {path}:", file=stream)
            for line, code, name, message in rows:
                print(f"    {line:>4}: {code} {name}: {message}", file=stream)


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


def _check_one(args, path, shown, is_stdin, settings, minimum, max_bytes, baseline, diffs, echo, fix_log=None):
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
    pair = _pair_source(args, shown, max_bytes, settings, minimum)  # (source, its path) for a translation
    fixed_count = 0
    outcome = None
    if args.fix or args.diff:
        if fix_log is not None and args.fix:
            outcome, applied = _fix_and_log(text, settings, shown, minimum, pair)
        else:  # findings on the fixed text; with a source, the pair rules' fixes too
            outcome, applied = fix_and_check(text, settings, shown, minimum, *pair), []
        new_text, fixed_count = outcome.text, outcome.fixed
        if new_text != text:
            if args.diff:
                diffs.append(_unified_diff(shown, src, new_text))
                fixed_count = 0
            elif echo is not None:
                echo.data = src.encode(new_text)
                text = new_text
                if fix_log is not None:
                    fix_log[shown] = applied
            else:
                try:
                    write_atomic(path, src.encode(new_text), expect=src.stamp)
                    text = new_text
                    if fix_log is not None:
                        fix_log[shown] = applied
                except (FileChanged, InputError) as exc:
                    return FileResult(shown, error=str(exc))
                except OSError as exc:
                    return FileResult(shown, error=f"fix not written: {exc.strerror or exc}")
    # after --fix the last round's findings are the report (nothing a fix hid, no second check)
    findings = outcome.findings if outcome and text == outcome.text else check_text(text, settings, shown, *pair)
    if baseline is not None:
        findings = baseline.filter(shown, text, findings)
    return FileResult(shown, text=text, findings=findings, fixed=fixed_count)


def _fix_and_log(text, settings, shown, minimum, pair=()):
    """fix_and_check, and the fixes it applied as (line, code, name, message): each round's
    plan is computed again from the recorded check (the same pure functions, so the same
    fixes); only for --show-fixes. `pair`: (source, source path) for a translation."""
    from mt_repair.document import Document
    from mt_repair.fixes import apply_fixes, fix_findings_until_stable, plan_fixes
    from mt_repair.linter import Checker

    rounds = []
    checker = Checker(settings, shown, *pair)

    def check(t):
        found = checker(t)
        rounds.append((t, found))
        return found

    outcome = fix_findings_until_stable(text, check, minimum)
    applied = []
    for t, found in rounds[:-1]:
        fixes, own, _ = plan_fixes(found, minimum)
        _, done, _ = apply_fixes(t, fixes)
        doc = Document(t, shown)
        for fix in done:
            for f in own.get(id(fix), ()):
                applied.append((doc.line_col(f.start)[0], f.code, f.name, f.message))
    return outcome, sorted(set(applied))  # the whole row: a set's order changes from run to run


def _pair_source(args, shown: str, max_bytes: int, settings, minimum) -> tuple[str, str] | tuple[()]:
    """(source text, source path) when `shown` is a translation: --target, or X.en.md
    with X.ar.md beside it; else (). The pair rules then run in the same check as the
    others, so --fix, --diff and --show-fixes apply their fixes too. A source this run
    also fixes is compared as fixed, whichever file comes first, on whichever core:
    --diff then shows what --fix writes, and --jobs writes what a serial run does."""
    lang = settings.source_language  # which of X.ar.md / X.en.md is the source
    if not args.target and f".{'en' if lang == 'ar' else 'ar'}." not in Path(shown).name:
        return ()  # not a translation: keep the pair rules' imports off the hook's path
    from mt_repair.pairs import source_for
    from mt_repair.textio import InputError, read_source

    if args.target and Path(shown) == Path(args.target):
        source = Path(args.source)
        try:
            text = read_source(source, max_bytes).text
        except InputError as exc:
            raise UsageError(f"--source {source}: {exc}") from None
    else:
        source = source_for(shown, lang)
        if source is None:
            return ()
        try:
            text = read_source(source, max_bytes).text
        except InputError:
            return ()  # reported on its own when it is checked
    if (args.fix or args.diff) and os.path.realpath(source) in getattr(args, "run_paths", ()):
        from mt_repair.linter import fix_text

        text = fix_text(text, settings, str(source), minimum)[0]  # as fixed: idempotent if it already is
    return text, str(source)


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
        from mt_repair.reporters.full import render_full

        tty = _isatty(stream)
        console = _console(stream, use_color(getattr(args, "color", "auto"), tty))
        console.quiet_summary = args.quiet  # read by render_full: -q prints the findings only
        render_full(results, console, fixing, show_source=not args.no_source, tty=tty)


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def use_color(choice: str, tty: bool, env=None) -> bool:
    """--color: always/never win; auto follows the conventions: NO_COLOR set and not empty
    turns colour off (no-color.org), then FORCE_COLOR set, not empty and not 0 turns it on
    (force-color.org), else colour on a terminal unless TERM=dumb."""
    if choice != "auto":
        return choice == "always"
    env = os.environ if env is None else env
    if env.get("NO_COLOR", ""):
        return False
    if env.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return tty and env.get("TERM", "") != "dumb"


def _console(stream, color: bool):
    """A rich console with colour exactly as decided (rich's own NO_COLOR/FORCE_COLOR and
    terminal guesses are overridden): without colour no escape code at all, not even bold."""
    from rich.console import Console

    console = Console(file=stream, highlight=False, soft_wrap=True, force_terminal=color, no_color=not color,
                      color_system="auto" if color else None)
    if color and console.color_system is None:  # TERM=dumb or unknown, but colour was asked for
        console = Console(file=stream, highlight=False, soft_wrap=True, force_terminal=True, no_color=False,
                          color_system="standard")
    return console


def _unified_diff(path: str, src, new_text: str) -> bytes:
    """The patch from the file as read to the bytes --fix would write (mt_repair.unified_diff)."""
    from mt_repair.unified_diff import unified_diff

    diff = unified_diff(path, src.encode(src.text), src.encode(new_text))
    if diff.note:
        print(f"{path}: note: {diff.note}", file=sys.stderr)
    return diff.data
