"""Start-up, first run and memory, before and after, measured in the same run.

    .venv/bin/python benchmarks/bench_startup.py [--before DIR] [--sizes 1,10,27] [--runs 7] [--no-wheel]

Prints: bare `python -c pass`, `mt-repair --version`, a one-line check with a warm cache,
the same check on a new machine (an empty MT_REPAIR_CACHE: the word lists are built
first), their ratios, and peak RSS per input byte on big files made of NTREX repeated.
"before" is another checkout of the package (default: `git archive HEAD` unpacked into
a temporary folder), run with the same interpreter through PYTHONPATH. Bytecode is
allowed (PYTHONDONTWRITEBYTECODE is dropped) and every command runs once before timing,
so compiling .py files is not counted.

Installed wheels (skip with --no-wheel): a checkout run through PYTHONPATH never has the
word-list files a wheel ships, so each tree is also built into a wheel (`pip wheel
--no-build-isolation`: this environment's setuptools and wordfreq, no network) and
installed into a fresh virtual environment, as pip and pre-commit install it (the
dependencies come from this environment through a .pth line); there the first run (empty
cache) is timed against a warm one, and the one-line check against that environment's
bare Python (no editable-install hook at start-up).
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


def _interleaved(jobs: dict, runs: int) -> dict:
    """Median seconds of each job and of a bare `python -c pass` (that job's interpreter)
    run right after it. Jobs run in turn, round after round, so a change of the machine's
    load between the first and the last job touches all of them alike. A job is
    (command, env_for, bare interpreter); env_for() gives a fresh environment per run."""
    for cmd, env_for, _ in jobs.values():
        _run(cmd, env_for())  # warm the bytecode and the cache
    times: dict = {k: [] for k in jobs}
    bare: dict = {k: [] for k in jobs}
    for _ in range(runs):
        for k, (cmd, env_for, python) in jobs.items():
            times[k].append(_run(cmd, env_for())[0])
            bare[k].append(_run([python, "-c", "pass"], _env(None))[0])
    return {k: (statistics.median(times[k]), statistics.median(bare[k])) for k in jobs}


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
    ap.add_argument("--after", type=Path, default=ROOT, help="the new checkout (default: this one)")
    ap.add_argument("--sizes", default="1,10,27", help="big-file sizes in MB for memory ('' to skip)")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--no-wheel", action="store_true", help="skip the installed-wheel measurements")
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
        return _measure(args, {"before": before, "after": args.after.resolve()}, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the big files and the caches


def _measure(args, trees: dict[str, Path], work: Path) -> int:
    one = work / "one.ar.md"
    one.write_text("قال الوزير.\n", encoding="utf-8")
    warm_cache = {name: str(work / f"cache-{name}") for name in trees}

    check = [PY, "-m", "mt_repair", "check", str(one)]
    jobs = {}
    for name, tree in trees.items():
        env = lambda tree=tree, name=name: _env(tree, warm_cache[name])  # noqa: E731
        jobs[name, "version"] = ([PY, "-m", "mt_repair", "--version"], env, PY)
        jobs[name, "check"] = (check, env, PY)
        # a new machine: an empty cache each run (the word lists are built first)
        jobs[name, "cold"] = (check, lambda tree=tree: _env(tree, tempfile.mkdtemp(dir=work)), PY)
    got = _interleaved({k: v for k, v in jobs.items() if k[1] != "cold"}, args.runs)
    got.update(_interleaved({k: v for k, v in jobs.items() if k[1] == "cold"}, 3))
    for name in trees:
        (version, bare_v), (warm, bare), (cold, _) = (got[name, w] for w in ("version", "check", "cold"))
        print(f"{name:>6}: python -c pass {bare * 1000:.0f} ms, --version {version * 1000:.0f} ms "
              f"({version / bare_v:.1f}x bare), one-line check {warm * 1000:.0f} ms ({warm / bare:.1f}x bare), "
              f"first run (empty cache) {cold:.2f} s ({cold / warm:.1f}x a warm run)")
    if "before" in trees:
        print(f"after/before: one-line check {got['after', 'check'][0] / got['before', 'check'][0]:.2f}x, "
              f"first run {got['after', 'cold'][0] / got['before', 'cold'][0]:.2f}x")
    if not args.no_wheel:
        _installed(args, trees, work, one)

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


def _site_packages(python: str) -> str:
    return subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()


def _install_wheel(name: str, tree: Path, work: Path) -> str | None:
    """A fresh virtual environment with `tree` built and installed as a wheel; its python."""
    src = work / f"src-{name}"  # a copy: an in-tree build would leave build/ behind
    shutil.copytree(tree, src, ignore=shutil.ignore_patterns(".venv", "build", "*.egg-info", "__pycache__",
                                                             ".git", "eval-report"))
    dist, venv = work / f"dist-{name}", work / f"venv-{name}"
    quiet = {"capture_output": True, "text": True}
    built = subprocess.run([PY, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist),
                            str(src)], **quiet)
    if built.returncode != 0:
        print(f"{name:>6}: wheel not built: {built.stderr.strip()[-300:]}")
        return None
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    Path(_site_packages(python), "_deps.pth").write_text(_site_packages(PY) + "\n")  # the dependencies
    (wheel,) = dist.glob("*.whl")
    done = subprocess.run([PY, "-m", "pip", "--python", python, "install", "--no-deps", "-q", str(wheel)], **quiet)
    if done.returncode != 0:
        print(f"{name:>6}: wheel not installed: {done.stderr.strip()[-300:]}")
        return None
    return python


def _installed(args, trees: dict[str, Path], work: Path, one: Path) -> None:
    jobs = {}
    for name, tree in trees.items():
        python = _install_wheel(name, tree, work)
        if python is None:
            continue
        warm = {**_env(None, str(work / f"cache-wheel-{name}")), "PYTHONPATH": ""}
        check = [python, "-m", "mt_repair", "check", str(one)]
        jobs[name, "check"] = (check, lambda warm=warm: warm, python)
        jobs[name, "cold"] = (check, lambda warm=warm: {**warm, "MT_REPAIR_CACHE": tempfile.mkdtemp(dir=work)},
                              python)
    got = _interleaved(jobs, args.runs)
    for name in trees:
        if (name, "check") in got:
            (t, b), (c, _) = got[name, "check"], got[name, "cold"]
            print(f"{name:>6} (installed wheel): python -c pass {b * 1000:.0f} ms, one-line check {t * 1000:.0f} ms "
                  f"({t / b:.1f}x bare), first run (empty cache) {c * 1000:.0f} ms ({c / t:.2f}x a warm run)")


if __name__ == "__main__":
    sys.exit(main())
