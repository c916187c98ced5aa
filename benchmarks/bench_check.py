"""Speed of `mt-repair check`: words/s over NTREX Arabic, the read+tokenize floor, and
the wall time of one article from the command line, start-up included.

    python benchmarks/bench_check.py [--ntrex ../shared/data/ntrex-128] [--article FILE] [--repeat 5]

Prints figures; asserts nothing. Runs on one core (the checker is single-threaded).
The wordfreq cache is built before timing (a first run ever pays ~1.5 s once for it).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mt_repair.config import Settings  # noqa: E402
from mt_repair.document import Document  # noqa: E402
from mt_repair.linter import check_text  # noqa: E402


def best_of(n, fn):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ntrex", type=Path, default=ROOT.parent / "shared" / "data" / "ntrex-128")
    ap.add_argument("--article", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    src = args.ntrex / "newstest2019-ref.arb.txt"
    if not src.exists():
        sys.exit(f"NTREX not found at {args.ntrex}; pass --ntrex PATH")
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass

    settings = Settings()
    check_text("تهيئة", settings)  # build caches (glossary regexes, word files) outside the timing

    def floor():
        text = src.read_text(encoding="utf-8")
        return len(Document(text).tokens)

    def full():
        text = src.read_text(encoding="utf-8")
        settings.lexicon.clear_memo()  # no memo carried over from the previous repeat
        return check_text(text, settings, str(src))

    t_floor, words = best_of(args.repeat, floor)
    t_full, findings = best_of(args.repeat, full)
    tracemalloc.start()
    full()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"NTREX Arabic: {words} words, {len(findings)} findings (all severities)")
    print(f"  floor (read + tokenize):      {t_floor * 1000:8.1f} ms  {words / t_floor:12,.0f} words/s")
    print(f"  check, all default rules:     {t_full * 1000:8.1f} ms  {words / t_full:12,.0f} words/s")
    print(f"  ratio check/floor speed:      {t_floor / t_full:8.3f}")
    print(f"  peak Python memory in check:  {peak / 1e6:8.1f} MB")

    article = args.article or next(iter(sorted((ROOT.parent / "shared" / "articles").glob("*.txt"))), None) \
        or ROOT / "examples" / "artifacts" / "summit-mt.ar.md"
    cmd = [sys.executable, "-m", "mt_repair", "check", "--output-format", "concise", "--exit-zero", str(article)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run(cmd, capture_output=True, env=env)  # warm the OS file cache
    t_cli, _ = best_of(args.repeat, lambda: subprocess.run(cmd, capture_output=True, env=env))
    t_py, _ = best_of(args.repeat, lambda: subprocess.run([sys.executable, "-c", "pass"], env=env))
    print(f"One article from the CLI ({article.name}, {article.stat().st_size:,} bytes):")
    print(f"  wall time incl. start-up:     {t_cli * 1000:8.1f} ms  (bare python start-up: {t_py * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
