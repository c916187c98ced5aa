"""`check --jobs`: parallel against serial on a folder of articles, measured in the same run.

    .venv/bin/python benchmarks/bench_jobs.py [--articles 200] [--runs 3] [--jobs 2]

Generates the folder (articles of 8–20 lines from NTREX-128's Arabic and English news in
../shared, else the paragraphs of examples/), then times the real CLI (start-up included,
as a user sees it) with `--jobs 1` and `--jobs N`, runs alternating, and prints:

- wall time (median), the CPU the run used (its process and its workers), the ratio;
- that both print byte-identical reports;
- the multiprocessing start methods against each other (fork, the default on Linux,
  forkserver, spawn) for the same run;
- the break-even: small folders (2–32 files) serial against a forced pool, which is where
  mt_repair.parallel.BYTES_PER_WORKER comes from;
- the machine's load average and the CPU one and two plain busy processes get, before and
  after: other work on the same cores caps what any parallel run can gain (under full
  load, 2 processes get no more than 1, and the ratio says nothing about this code).

Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from machine import machine_parallelism  # noqa: E402  (benchmarks/machine.py, beside this script)

NTREX = ROOT.parent / "shared" / "data" / "ntrex-128"
PY = sys.executable

# the CLI with a start method and a pool threshold chosen here (the `-c` guard keeps
# spawn/forkserver children from running it again)
RUNNER = r"""
import sys
from mt_repair import parallel
method, per_worker = sys.argv[1], int(sys.argv[2])
if method != "default":
    parallel._start_method = lambda: method
if per_worker:
    parallel.BYTES_PER_WORKER = per_worker
from mt_repair.cli import main
rc = main(sys.argv[3:])
import resource, time
me = resource.getrusage(resource.RUSAGE_SELF)
import os
others = [c for pid, c in parallel.worker_cpu.items() if pid != os.getpid()]  # the CLI works too
cpu = [me.ru_utime + me.ru_stime] + sorted(others, reverse=True)
sys.stderr.write("CPU " + " ".join(f"{c:.3f}" for c in cpu) + "\n")  # this process, then each worker
sys.exit(rc)
"""


def corpus() -> tuple[str, list[list[str]]]:
    files = [NTREX / "newstest2019-ref.arb.txt", NTREX / "newstest2019-src.eng.txt"]
    if all(f.is_file() for f in files):
        return "NTREX-128 (../shared)", [[ln for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
                                         for f in files]
    paras = [[p.strip() for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
             for f in sorted((ROOT / "examples").rglob("*.md"))]
    return "examples/", [p for p in paras if p]


def generate(folder: Path, n: int, seed: int = 7) -> int:
    _, sources = corpus()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        lines = rng.choice(sources)
        k = min(len(lines), rng.randint(8, 20))
        start = rng.randrange(len(lines) - k + 1)
        text = f"# {lines[start][:80]}\n\n" + "\n\n".join(lines[start:start + k]) + "\n"
        data = text.encode("utf-8")
        (folder / f"article-{i:04d}.md").write_bytes(data)
        total += len(data)
    return total


def run(folder: Path, jobs: int, method: str = "default", per_worker: int = 0):
    """(wall seconds, CPU seconds of the CLI and its workers, stdout, [CPU of the CLI, of each
    worker]) of one check. The workers report their own CPU (a forkserver's are not our children)."""
    argv = [PY, "-c", RUNNER, method, str(per_worker), "check", str(folder), "--isolated",
            "--output-format", "concise", "--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(argv, capture_output=True, cwd=ROOT, check=False)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers' CPU is folded in when they are reaped
    if p.returncode not in (0, 1):
        sys.exit(f"check failed (exit {p.returncode}): {p.stderr.decode(errors='replace')[-2000:]}")
    line = [ln for ln in p.stderr.decode(errors="replace").splitlines() if ln.startswith("CPU ")][-1]
    each = [float(x) for x in line.split()[1:]]
    reaped = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, max(reaped, sum(each)), p.stdout, each


def compare(folder: Path, jobs: int, runs: int, method: str = "default", per_worker: int = 0):
    serial, parallel = [], []
    same = True
    for _ in range(runs):  # alternating, so that a change in the machine's load hits both
        s = run(folder, 1)
        p = run(folder, jobs, method, per_worker)
        serial.append(s)
        parallel.append(p)
        same = same and s[2] == p[2]
    def med(rows, k):
        return statistics.median(r[k] for r in rows)

    last = parallel[len(parallel) // 2][3]
    return med(serial, 0), med(serial, 1), med(parallel, 0), med(parallel, 1), same, last


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-methods", action="store_true", help="skip the start-method comparison")
    ap.add_argument("--no-break-even", action="store_true", help="skip the small-folder runs")
    args = ap.parse_args()

    where, _ = corpus()
    load0 = os.getloadavg()
    spare0 = machine_parallelism(2.0)
    print(f"CPUs: {os.cpu_count()}, usable: {len(os.sched_getaffinity(0))}; load average before: "
          f"{load0[0]:.2f} {load0[1]:.2f} {load0[2]:.2f}")
    print(f"CPU a busy process gets now: 1 process {spare0[1]:.2f} cores, 2 processes {spare0[2]:.2f} cores")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "articles")
        size = generate(folder, args.articles)
        print(f"{args.articles} articles from {where}, {size / 1e6:.2f} MB\n")
        run(folder, 1)  # bytecode and the word-list cache, not counted
        sw, sc, pw, pc, same, each = compare(folder, args.jobs, args.runs)
        print(f"{'':<22}{'wall s':>8}{'CPU s':>8}")
        print(f"{'--jobs 1':<22}{sw:>8.2f}{sc:>8.2f}")
        print(f"{f'--jobs {args.jobs}':<22}{pw:>8.2f}{pc:>8.2f}")
        print(f"wall ratio --jobs {args.jobs} / --jobs 1: {pw / sw:.2f}x (goal <= 0.6x on 2 free cores); "
              f"CPU ratio {pc / sc:.2f}x (the pool's overhead); reports identical: {same}")
        print(f"  CPU per process, --jobs {args.jobs}: the CLI (one of the workers) {each[0]:.2f} s, the others "
              f"{', '.join(f'{c:.2f}' for c in each[1:]) or '(none: it stayed serial)'} s")
        if sc > 0 and len(each) > 1:
            path = max(each)  # the CLI works alongside the worker processes
            print(f"  on {args.jobs} free cores: about {path / sc:.2f}x (the busiest process's CPU over the "
                  f"serial run's CPU)")

        if not args.no_methods:
            print("\nstart methods (--jobs 2, same folder; median wall s / CPU s):")
            for method in ("fork", "forkserver", "spawn"):
                rows = [run(folder, 2, method) for _ in range(args.runs)]
                each = rows[len(rows) // 2][3]
                print(f"  {method:<11}{statistics.median(r[0] for r in rows):>7.2f}"
                      f"{statistics.median(r[1] for r in rows):>8.2f}   (CLI {each[0]:.2f}, workers "
                      f"{', '.join(f'{c:.2f}' for c in each[1:])})")

        if not args.no_break_even:
            print("\nbreak-even (a pool forced with --jobs 2, against --jobs 1): median wall s, and the"
                  "\nbusiest process's CPU over the serial CPU (the wall ratio on 2 free cores):")
            print(f"  {'files':>5} {'KB':>6} {'serial':>7} {'pool':>7} {'wall':>6} {'free cores':>11}")
            for n in (2, 4, 8, 16, 32, 64):
                small = Path(tmp, f"small-{n}")
                kb = generate(small, n, seed=n) / 1024
                sw2, sc2, pw2, _, _, each2 = compare(small, 2, args.runs, per_worker=1)
                print(f"  {n:>5} {kb:>6.0f} {sw2:>7.2f} {pw2:>7.2f} {pw2 / sw2:>6.2f} {max(each2) / sc2:>11.2f}")
    load1 = os.getloadavg()
    spare1 = machine_parallelism(2.0)
    print(f"\nload average after: {load1[0]:.2f} {load1[1]:.2f} {load1[2]:.2f}; CPU a busy process got after: "
          f"1 process {spare1[1]:.2f} cores, 2 processes {spare1[2]:.2f} cores")
    possible = min(spare0[2] / spare0[1], spare1[2] / spare1[1]) if spare0[1] and spare1[1] else 0
    print(f"what the machine allowed: 2 busy processes got {possible:.2f}x the CPU of 1 "
          f"(2.00x on 2 free cores; the best wall ratio possible is then about 1/{possible:.2f})")


if __name__ == "__main__":
    main()
