"""`mt-repair archive INPUT… -o OUT`: check a whole archive on a Dask cluster.

`add_parser` declares options and imports nothing heavy; `run` imports Dask. Without
`--scheduler` a LocalCluster of `--workers` processes (one thread each: the rules are
CPU-bound Python, so threads would share one GIL) runs on this machine; with it, the
same job goes to a running cluster (`dask scheduler`, `dask worker tcp://…`).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

EXIT_OK, EXIT_ERROR = 0, 2
INSTALL_HINT = "pip install 'mt-repair[archive]'"


def add_parser(sub) -> None:
    a = sub.add_parser(
        "archive", help="check a whole archive (folder, JSONL, Parquet) on Dask (needs mt-repair[archive])",
        description="Check an archive of articles in parallel on Dask: a folder (recursively), JSONL or "
                    "Parquet with `id` and `text` (optional `source`, `path`, `section`). Writes findings, "
                    "per-rule and per-section summaries to OUT; never changes the input.")
    a.add_argument("inputs", nargs="+", metavar="INPUT", help="a folder, a .jsonl or a .parquet file")
    a.add_argument("-o", "--output", required=True, type=Path, metavar="OUT",
                   help="folder for findings.parquet|jsonl, summary.json and errors.jsonl")
    where = a.add_mutually_exclusive_group()
    where.add_argument("--scheduler", default=None, metavar="ADDRESS",
                       help="a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")
    where.add_argument("--workers", type=_positive, default=None,
                       help="local cluster: worker processes (default: the CPUs this process may use)")
    a.add_argument("--connect-timeout", type=_positive, default=15, metavar="SECONDS",
                   help="with --scheduler: how long to try to reach it (default 15)")
    a.add_argument("--batch-size", type=_positive, default=200, help="articles per task (default 200)")
    a.add_argument("--format", choices=("parquet", "jsonl"), default="parquet",
                   help="findings (and fixed records) format (default parquet)")
    a.add_argument("--fix-output", type=Path, default=None, metavar="DIR",
                   help="write fixed copies of the changed articles to DIR (the input is never written)")
    a.add_argument("--unsafe-fixes", action="store_true", help="with --fix-output: apply unsafe fixes too")
    a.add_argument("--max-size", type=float, default=20, metavar="MB",
                   help="skip article files larger than this (default 20)")
    a.add_argument("--force", action="store_true", help="replace earlier results in OUT and files in DIR")
    from mt_repair.workspace import add_settings_arguments

    add_settings_arguments(a)
    a.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary table")
    a.set_defaults(fail_on=None)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def run(args) -> int:
    from mt_repair.workspace import UsageError, load_cli_settings

    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError(f"`mt-repair archive` needs Dask: {INSTALL_HINT}") from None
    if args.format == "parquet" or any(i.lower().endswith((".parquet", ".pq")) for i in args.inputs):
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise UsageError(f"Parquet needs pyarrow: {INSTALL_HINT} (or --format jsonl)") from None
    from mt_repair.archive.job import Options, run_batches, ship
    from mt_repair.archive.output import OUTPUT_NAMES, Sink, render_summary
    from mt_repair.archive.sources import FolderBatch, InputProblem, plan
    from mt_repair.types import Applicability

    _check_outputs(args, OUTPUT_NAMES, UsageError)
    first = Path(args.inputs[0])
    settings = load_cli_settings(args, first if first.exists() else Path.cwd())
    try:
        batches, skipped = plan(args.inputs, settings, args.batch_size, int(args.max_size * 1024 * 1024))
    except InputProblem as exc:
        raise UsageError(str(exc)) from None
    options = Options(fix=args.fix_output is not None,
                      minimum_fix=int(Applicability.UNSAFE if args.unsafe_fixes else Applicability.SAFE),
                      max_bytes=int(args.max_size * 1024 * 1024))
    if not args.quiet:
        print(f"{len(batches):,} batches of up to {args.batch_size} articles.", file=sys.stderr)

    started = time.perf_counter()
    with _cluster(args, UsageError) as (client, where):
        workers, threads = _workers(client, UsageError, where, settings.hunspell)
        startup = time.perf_counter() - started
        started = time.perf_counter()  # throughput counts the job, not the cluster's start
        try:
            sink = Sink(args.output, args.format, args.fix_output)
        except OSError as exc:
            raise UsageError(f"-o {args.output}: cannot write there: {exc.strerror or exc}") from None
        try:
            sink.add_errors(skipped)
            run_batches(client, batches, ship(settings), options,
                        lambda r: sink.add(r, isinstance(batches[r.index], FolderBatch)),
                        in_flight=max(2 * threads, 4),
                        progress=None if args.quiet else _Progress(sink))
        except OSError as exc:  # the results could not be written (disk full…): nothing half-written stays
            sink.abort()
            raise UsageError(f"cannot write the results to {args.output}: {exc.strerror or exc}") from None
        except BaseException:
            sink.abort()
            raise
        elapsed = time.perf_counter() - started
        t = sink.totals
        summary = sink.close({
            "scheduler": where, "workers": workers, "threads": threads, "batch_size": args.batch_size,
            "batches": len(batches), "format": args.format, "seconds": round(elapsed, 3),
            "startup_seconds": round(startup, 3), "worker_cpu_seconds": round(t["cpu"], 3),
            "articles_per_s": round(t["articles"] / elapsed, 1) if elapsed else 0.0,
            "words_per_s": round(t["words"] / elapsed, 1) if elapsed else 0.0})
    if not args.quiet:
        sys.stderr.write("\n" if sys.stderr.isatty() else "")
        sys.stdout.write(render_summary(summary, args.output))
    if summary["errors"]:
        print(f"mt-repair: {summary['errors']:,} articles could not be checked; see "
              f"{args.output / 'errors.jsonl'}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def _check_outputs(args, names, UsageError) -> None:
    out = args.output
    if out.exists() and not out.is_dir():
        raise UsageError(f"-o {out}: exists and is not a folder")
    if not args.force and out.is_dir():
        there = [n for n in names if (out / n).exists()]
        if there:
            raise UsageError(f"-o {out}: already has {', '.join(there)} (--force replaces them)")
    fix = args.fix_output
    if fix is None:
        return
    if fix.exists() and not fix.is_dir():
        raise UsageError(f"--fix-output {fix}: exists and is not a folder")
    resolved = fix.resolve()
    for i in args.inputs:
        p = Path(i).resolve()
        if p.is_dir():
            clash = resolved == p or p in resolved.parents  # fixed files would land in the archive
        elif p.name.lower().endswith((".jsonl", ".ndjson", ".parquet", ".pq")):
            clash = p in (resolved / "fixed.jsonl", resolved / "fixed.parquet")
        else:
            clash = resolved == p.parent  # one article: its fixed copy would replace it
        if clash:
            raise UsageError(f"--fix-output {fix}: inside the input {i}; fixed copies go to a separate folder "
                             f"(the archive is never changed in place)")
    if not args.force and fix.is_dir() and any(fix.iterdir()):
        raise UsageError(f"--fix-output {fix}: not empty (--force writes over files there)")


class _cluster:
    """A Client on the given scheduler, or on a LocalCluster it starts and stops."""

    def __init__(self, args, UsageError):
        self.args, self.UsageError = args, UsageError
        self.cluster = self.client = None

    def __enter__(self):
        import logging
        import warnings

        from distributed import Client, LocalCluster

        args = self.args
        logging.getLogger("distributed").setLevel(logging.ERROR)  # its INFO lines are not ours to show
        if args.scheduler:
            try:
                self.client = Client(args.scheduler, timeout=args.connect_timeout)
            except (OSError, TimeoutError, ValueError, TypeError) as exc:
                raise self.UsageError(f"cannot reach the Dask scheduler at {args.scheduler}: {exc}") from None
            return self.client, args.scheduler
        n = args.workers or _cpus()
        with warnings.catch_warnings():  # "port 8787 in use, another chosen": fine for a private cluster
            warnings.filterwarnings("ignore", message="Port .* is already in use")
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
        self.client = Client(self.cluster)
        return self.client, "local"

    def __exit__(self, *exc):
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        return False


def _workers(client, UsageError, where: str, hunspell: bool) -> tuple[int, int]:
    """(workers, threads), after checking every worker can run this mt-repair."""
    from mt_repair.archive.job import probe

    try:
        client.wait_for_workers(1, timeout=30)
    except (TimeoutError, OSError):
        raise UsageError(f"the Dask scheduler at {where} has no workers; start some with "
                         f"`dask worker {where}` on machines with mt-repair installed") from None
    try:
        versions = client.run(probe)
    except Exception as exc:
        raise UsageError(f"the Dask workers cannot run mt-repair ({type(exc).__name__}: {exc}); "
                         f"install mt-repair[archive] on every worker machine") from None
    version, dictionaries = probe()
    wrong = {w: v for w, (v, _) in versions.items() if v != version}
    if wrong:
        w, v = next(iter(wrong.items()))
        raise UsageError(f"worker {w} runs mt-repair {v}, this client {version}: install the same version everywhere")
    if hunspell:
        odd = {w: d for w, (_, d) in versions.items() if d != dictionaries}
        if odd:
            w, d = next(iter(odd.items()))
            print(f"mt-repair: warning: worker {w} has hunspell dictionaries for {', '.join(d) or 'no language'}, "
                  f"this machine for {', '.join(dictionaries) or 'no language'}: spelling findings (GB001, GB003) "
                  f"may differ between nodes; install hunspell-ar and hunspell-en-us everywhere, or pass "
                  f"--no-hunspell", file=sys.stderr)
    nthreads = client.nthreads()
    return len(nthreads), sum(nthreads.values())


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class _Progress:
    """One line on stderr: rewritten in place on a terminal, every 30 s otherwise."""

    def __init__(self, sink):
        self.sink, self.tty = sink, sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, done: int, total: int, elapsed: float) -> None:
        every = 0.5 if self.tty else 30.0
        if elapsed - self.last < every and done < total:
            return
        self.last = elapsed
        n = self.sink.totals["articles"]
        line = (f"{done:,}/{total:,} batches, {n:,} articles, {n / elapsed if elapsed else 0:,.0f} articles/s, "
                f"{self.sink.totals['findings']:,} findings")
        sys.stderr.write(f"\r{line}" if self.tty else line + "\n")
        sys.stderr.flush()
