"""Start-up, first run and memory, before and after, measured in the same run.

    .venv/bin/python benchmarks/bench_startup.py [--before DIR] [--sizes 1,10,27] [--runs 7]

Prints: bare `python -c pass`, `mt-repair --version`, a one-line check with a warm cache,
the same check on a new machine (an empty MT_REPAIR_CACHE: the word lists are built
first), their ratios, and peak RSS per input byte on big files made of NTREX repeated.
"before" is another checkout of the package (default: `git archive HEAD` unpacked into
a temporary folder), run with the same interpreter through PYTHONPATH. Bytecode is
allowed (PYTHONDONTWRITEBYTECODE is dropped) and every command runs once before timing,
so compiling .py files is not counted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NTREX = ROOT.parent / "shared" / "data" / "ntrex-128" / "newstest2019-ref.arb.txt"
PY = sys.executable


def _env(tree: Path | None, cache: str | None = None) -> dict:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    if cache is not None:
        env["MT_REPAIR_CACHE"] = cache
    return env


def _run(cmd, env) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of one run."""
    start = time.perf_counter()
    # cwd: a folder of its own, else `python -m` finds the package in the current folder
    # before PYTHONPATH, and "before" would run this checkout
    proc = subprocess.Popen(cmd, env=env, cwd=tempfile.gettempdir(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss


def _median(cmd, env_for, runs) -> tuple[float, float]:
    """Median seconds of `cmd` and of a bare `python -c pass` run right after each of
    its runs (the machine's load changes; a ratio is taken between neighbours)."""
    _run(cmd, env_for())  # warm the bytecode and the cache
    times, bare = [], []
    for _ in range(runs):
        times.append(_run(cmd, env_for())[0])
        bare.append(_run([PY, "-c", "pass"], _env(None))[0])
    return statistics.median(times), statistics.median(bare)


def _before_tree() -> Path:
    out = Path(tempfile.mkdtemp(prefix="mt-repair-before-"))
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD"], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(out)], input=archive, check=True)
    return out


def _big_file(folder: Path, mb: int) -> Path:
    path = folder / f"big-{mb}mb.ar.txt"
    if not path.exists():
        chunk = NTREX.read_bytes()
        with open(path, "wb") as fh:
            written = 0
            while written < mb * 1_000_000:
                fh.write(chunk)
                written += len(chunk)
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--before", type=Path, default=None, help="the old checkout (default: git archive HEAD)")
    ap.add_argument("--sizes", default="1,10,27", help="big-file sizes in MB for memory ('' to skip)")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    before = args.before or _before_tree()
    try:
        return _bench(args, before)
    finally:
        if args.before is None:
            shutil.rmtree(before, ignore_errors=True)


def _bench(args, before: Path) -> int:
    work = Path(tempfile.mkdtemp(prefix="mt-repair-bench-"))
    try:
        return _measure(args, {"before": before, "after": ROOT}, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the big files and the caches


def _measure(args, trees: dict[str, Path], work: Path) -> int:
    one = work / "one.ar.md"
    one.write_text("قال الوزير.\n", encoding="utf-8")
    warm_cache = {name: str(work / f"cache-{name}") for name in trees}

    rows = {}
    for name, tree in trees.items():
        env = lambda tree=tree, name=name: _env(tree, warm_cache[name])  # noqa: E731
        version, bare_v = _median([PY, "-m", "mt_repair", "--version"], env, args.runs)
        check, bare = _median([PY, "-m", "mt_repair", "check", str(one)], env, args.runs)
        print(f"{name:>6}: python -c pass {bare * 1000:.0f} ms (next to the checks), {bare_v * 1000:.0f} ms "
              "(next to --version)")
        colds = [_run([PY, "-m", "mt_repair", "check", str(one)],
                      _env(tree, tempfile.mkdtemp(dir=work)))[0] for _ in range(3)]
        cold = statistics.median(colds)
        rows[name] = (version, check, cold)
        print(f"{name:>6}: --version {version * 1000:.0f} ms ({version / bare_v:.1f}x bare), "
              f"one-line check {check * 1000:.0f} ms ({check / bare:.1f}x bare), "
              f"first run (empty cache) {cold:.2f} s ({cold / check:.1f}x a warm run)")
    if "before" in rows:
        b, a = rows["before"], rows["after"]
        print(f"after/before: one-line check {a[1] / b[1]:.2f}x, first run {a[2] / b[2]:.2f}x")

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if sizes and not NTREX.exists():
        print("memory: skipped (../shared/data/ntrex-128 is not present)")
        sizes = []
    for name, tree in trees.items():  # hunspell's verdicts on NTREX's words: cached before measuring
        _run([PY, "-m", "mt_repair", "check", "--exit-zero", str(NTREX)], _env(tree, warm_cache[name]))
    peaks: dict[str, list[tuple[int, int]]] = {}
    for mb in sizes:
        big = _big_file(work, mb)
        n = big.stat().st_size
        parts = []
        for name, tree in trees.items():
            cmd = [PY, "-m", "mt_repair", "check", "--output-format", "concise", "--exit-zero",
                   "--max-size", "1000", str(big)]
            seconds, kb = _run(cmd, _env(tree, warm_cache[name]))
            peaks.setdefault(name, []).append((n, kb * 1024))
            parts.append(f"{name} {kb * 1024 / n:.1f} B/B ({kb / 1024:.0f} MB peak, {seconds:.1f} s)")
        print(f"memory, {n / 1e6:.0f} MB file: " + "; ".join(parts))
    for name, points in peaks.items():  # the interpreter, rules and word lists cost the same at any size
        if len(points) > 1:
            (n0, p0), (n1, p1) = points[0], points[-1]
            print(f"{name:>6}: {(p1 - p0) / (n1 - n0):.1f} bytes of peak RSS per added input byte "
                  f"({n0 / 1e6:.0f} -> {n1 / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
