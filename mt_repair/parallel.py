"""Check many files on several cores: `check --jobs N`, as ruff does.

What: the files `check` found in folders are checked by a pool of worker processes; each
result comes back to its place in input order, whatever order they finish in, so the
report, the exit code, the notes and the files `--fix` writes are those of a serial run.
Why processes: the checker is pure Python, so threads would wait on each other (the GIL).
How:
- on Linux the workers are forked from the CLI once it has checked the first few files
  (which loads the word lists, glossary, rules): a worker starts in milliseconds with warm
  caches, and what it needs (the options, the settings) reaches it once, through the
  initializer, without being copied; elsewhere (no fork) the workers are spawned and
  unpickle it once. Fork used the least CPU of fork, forkserver and spawn (bench_jobs.py);
- each worker reads, checks and, with `--fix`, writes its own files (textio.write_atomic:
  the stamp check, links, owners and permissions, exactly as serially); paths that are
  one file on disk (links) go to one worker, in order, so the second sees the first's fix;
- what a worker prints to stderr (a diff note) is sent back and printed in order; the
  baseline is applied by the CLI, in order (it counts what it hides);
- the CLI is one of the N workers (it takes chunks from the end while N - 1 processes take
  them from the front), so --jobs 2 forks one process;
- small runs stay serial: one worker per BYTES_PER_WORKER of input at most, so a pool
  starts only from about 128 KB of articles (benchmarks/bench_jobs.py measures the break-even).
"""

from __future__ import annotations

import os
import sys
from collections import namedtuple

# A worker is started for each BYTES_PER_WORKER of articles. The pool's own cost (a fork,
# copied pages, results sent back: ~0.1 s of CPU for 200 articles) is paid back only once
# half the checking saves more than that: on 2 free cores 73 KB of articles ran 0.94x to
# 1.04x the serial wall time, 160 KB 0.94x to 1.00x, 510 KB 0.71x, 1.45 MB 0.58-0.65x
# (benchmarks/bench_jobs.py). Below ~128 KB, serial.
BYTES_PER_WORKER = 64 * 1024
CHUNKS_PER_WORKER = 32  # tasks go in chunks (fewer messages), small ones so that all finish together
QUEUED_PER_PROCESS = 3  # chunks handed to a process ahead of time
WARM_FILES = 4  # checked by the CLI itself before it forks the workers (see check_files)


worker_cpu: dict[int, float] = {}  # the last pool's CPU seconds per worker process (for benchmarks)


def default_jobs() -> int:
    """The cores this process may run on (a container's or taskset's limit, not the machine's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


class WorkerDied(Exception):
    """A worker process ended without its results (killed); the message says what to do."""


# (collections.namedtuple, not typing.NamedTuple: importing typing is ~3 ms of every check)
class Task(namedtuple("Task", "index path shown settings")):
    """One file to check: its place in the results (int), its path, the name it is reported
    as, and which of the shipped settings it uses (an index)."""

    __slots__ = ()


class Job(namedtuple("Job", "check args settings minimum max_bytes baseline")):
    """What every worker needs, sent once: `check(args, path, shown, is_stdin, settings,
    minimum, max_bytes, baseline, diffs, echo, fix_log)` is cli._check_one; `baseline`: the
    CLI applies one, so tell it whether this file reached the filter."""

    __slots__ = ()


class Done(namedtuple("Done", "result diffs fixed stderr filter")):
    """A task's outcome, as the serial loop would have left it: `result` (a FileResult,
    findings not yet filtered by the baseline), `diffs` (bytes of --diff), `fixed` (--show-fixes
    rows, {shown: rows} when a fix was written), `stderr` (what the check printed, in order),
    `filter` (the baseline filter is to be applied to this result)."""

    __slots__ = ()


def workers_for(jobs: int, paths: list[str]) -> int:
    """How many workers are worth starting for these files: 1 means check serially."""
    if jobs < 2 or len(paths) < 2:
        return 1
    total = 0
    for p in paths:
        try:
            total += os.stat(p).st_size
        except OSError:
            pass  # reading it says why
    return max(1, min(jobs, len(paths), total // BYTES_PER_WORKER))


def check_files(job: Job, tasks: list[Task], workers: int, method: str | None = None) -> list[Done]:
    """Every task's outcome, in the order of `tasks` (task.index: its place there). `method`: a multiprocessing start
    method (default: fork where it is safe, else the platform's default)."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _JOB
    if workers < 2:
        raise ValueError("check_files needs 2 workers or more (the CLI is one of them)")
    ctx = mp.get_context(method or _start_method())
    units = _units(tasks, job.args)
    out: list[Done | None] = [None] * len(tasks)
    worker_cpu.clear()
    if ctx.get_start_method() == "fork":
        import gc

        # The first files are checked here, before forking: that loads what checks need
        # (word lists, spellers' verdicts, lazily compiled patterns, rule modules) once,
        # and the workers inherit it rather than each loading its own; no work is repeated.
        _JOB, warm = job, 0
        while units and warm < WARM_FILES:
            for task in units.pop(0):
                out[task.index] = _run(task)
                warm += 1
        _JOB = None
        gc.freeze()  # the collector then leaves the inherited objects alone: fewer pages copied on write
    else:
        job = job._replace(settings=tuple(_fields_only(s) for s in job.settings))
    if not units:
        _thaw()
        return out  # type: ignore[return-value]
    size = max(1, len(units) // (workers * CHUNKS_PER_WORKER))
    chunks = [units[i:i + size] for i in range(0, len(units), size)]
    # workers - 1 processes: the CLI is the last worker (it would only wait otherwise); the
    # processes take chunks from the front, the CLI from the back
    try:
        pool = ProcessPoolExecutor(workers - 1, mp_context=ctx, initializer=_init, initargs=(job,))
    except OSError:  # no semaphores here (a sandbox without /dev/shm): check in this process
        _JOB = job
        for unit in units:
            for task in unit:
                out[task.index] = _run(task)
        _JOB = None
        _thaw()
        return out  # type: ignore[return-value]
    try:
        from collections import deque

        left, futures, own = deque(chunks), [], []
        _JOB = job
        while left:
            # keep each process QUEUED_PER_PROCESS chunks ahead (from the front), then check
            # one from the back here: at the end no process holds more than that few
            busy = sum(not f.done() for f in futures)
            for _ in range(min(len(left), QUEUED_PER_PROCESS * (workers - 1) - busy)):
                futures.append(pool.submit(_run_chunk, left.popleft()))
            if left:
                own.append(_run_chunk(left.pop()))
        _JOB = None
        try:
            theirs = [f.result() for f in futures]
        except BrokenProcessPool:
            raise WorkerDied("a worker process died (killed for memory?), so its files have no results "
                             "(fixes it wrote stay written); run again with --jobs 1") from None
        for pid, cpu, chunk in theirs + own:
            worker_cpu[pid] = max(cpu, worker_cpu.get(pid, 0.0))
            for index, done in chunk:
                out[index] = done
    finally:
        # on Ctrl-C: no new file is started; a worker finishes (and writes) the one it has
        _JOB = None
        pool.shutdown(wait=True, cancel_futures=True)
        _thaw()
    return out  # type: ignore[return-value]


def _thaw() -> None:
    import gc

    gc.unfreeze()  # what check_files froze can be collected again (a program that goes on)


def _start_method() -> str:
    import multiprocessing as mp
    import threading

    # fork is safe here only while this process runs no other thread (CPython warns from 3.12)
    if sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return mp.get_start_method(allow_none=False)


def _fields_only(settings):
    """A copy without cached word lists (a worker loads its own, rather than unpickling them)."""
    return settings.replace()


def _units(tasks: list[Task], args) -> list[tuple[Task, ...]]:
    """Tasks grouped so that, with --fix, paths that are one file on disk stay in one unit, in order."""
    if not getattr(args, "fix", False):
        return [(t,) for t in tasks]
    groups: dict[object, list[Task]] = {}
    for t in tasks:
        try:
            st = os.stat(t.path)
            key = (st.st_dev, st.st_ino)
        except OSError:
            key = ("path", t.index)  # reading it fails and says why
        groups.setdefault(key, []).append(t)
    return sorted((tuple(g) for g in groups.values()), key=lambda g: g[0].index)


# -- in the worker ------------------------------------------------------------------------
_JOB: Job | None = None


def _init(job: Job) -> None:
    import signal

    global _JOB
    _JOB = job
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the CLI's to handle, not each worker's


class _Deferred:
    """Stands in for the baseline: notes that the file reached the filter, changes nothing."""

    def __init__(self) -> None:
        self.called = False

    def filter(self, path, text, findings):
        self.called = True
        return findings


def _run_chunk(chunk: list[tuple[Task, ...]]) -> tuple[int, float, list[tuple[int, Done]]]:
    import time

    out = []
    for unit in chunk:
        for task in unit:
            out.append((task.index, _run(task)))
    return os.getpid(), time.process_time(), out


def _run(task: Task) -> Done:
    import io
    from contextlib import redirect_stderr

    job = _JOB
    assert job is not None
    diffs: list[bytes] = []
    fixed: dict | None = {} if getattr(job.args, "show_fixes", False) else None
    later = _Deferred() if job.baseline else None
    err = io.StringIO()
    with redirect_stderr(err):
        result = job.check(job.args, task.path, task.shown, False, job.settings[task.settings], job.minimum,
                           job.max_bytes, later, diffs, None, fixed)
    return Done(result, diffs, fixed or {}, err.getvalue(), bool(later and later.called))
