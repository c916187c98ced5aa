"""Pair mode against mono mode on long texts: the first N lines of NTREX-128's
Arabic and English as one document each.

    python benchmarks/bench_pairs.py [--ntrex ../shared/data/ntrex-128] [--sizes 100,200,400,800,all]
        [--repeat 3] [--timeout 600]

For each N, in a fresh process each time (start-up included, as a user sees it):
  pair  `mt-repair check --source N.ar.txt --target N.en.txt` (the English checked, plus the pair rules)
  mono  `mt-repair check N.ar.txt N.en.txt` named so that they do not pair (both files checked alone)
  diff  the pair with `--diff --unsafe-fixes` (every round of fixes checks the pair again)
and prints wall seconds (best of --repeat), the ratio pair/mono measured in the same run,
and each command's peak resident memory (ru_maxrss of that child, from wait4). A run
past --timeout is stopped and shown as such. Prints figures; asserts nothing. Skips
(exit 0) when NTREX is not there.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run(cmd: list[str], timeout: float) -> tuple[float, int, bool]:
    """Wall seconds, peak RSS in bytes, and whether it finished within `timeout`."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = t + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return time.perf_counter() - t, usage.ru_maxrss * 1024, True
        if time.perf_counter() > deadline:
            proc.kill()
            _, _, usage = os.wait4(proc.pid, 0)
            return time.perf_counter() - t, usage.ru_maxrss * 1024, False
        time.sleep(0.01)


def best(cmd: list[str], repeat: int, timeout: float) -> tuple[float, int, bool]:
    runs = [run(cmd, timeout) for _ in range(repeat)]
    done = [r for r in runs if r[2]]
    if not done:
        return runs[0]
    return min(r[0] for r in done), max(r[1] for r in done), True


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ntrex", type=Path, default=ROOT.parent / "shared" / "data" / "ntrex-128")
    ap.add_argument("--sizes", default="100,200,400,800,all")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=600, help="seconds before a run is stopped")
    args = ap.parse_args()
    ar_file = args.ntrex / "newstest2019-ref.arb.txt"
    en_file = args.ntrex / "newstest2019-src.eng.txt"
    if not ar_file.exists():
        print(f"skipped: NTREX-128 not found at {args.ntrex} (pass --ntrex PATH)")
        return 0
    ar = ar_file.read_text(encoding="utf-8").splitlines()
    en = en_file.read_text(encoding="utf-8").splitlines()
    cli = [sys.executable, "-m", "mt_repair", "check", "--isolated", "--output-format", "concise",
           "--exit-zero", "-q"]
    print("| lines | pair s | mono s | pair/mono | diff s | diff/mono | pair peak MB | mono peak MB |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes.split(","):
            n = len(ar) if size == "all" else int(size)
            src = Path(tmp, f"src{n}.ar.txt")
            tgt = Path(tmp, f"tgt{n}.en.txt")  # another stem: mono mode does not pair them
            src.write_text("\n".join(ar[:n]) + "\n", encoding="utf-8")
            tgt.write_text("\n".join(en[:n]) + "\n", encoding="utf-8")
            p_s, p_mem, p_ok = best(cli + ["--source", str(src), "--target", str(tgt)], args.repeat, args.timeout)
            m_s, m_mem, _ = best(cli + [str(src), str(tgt)], args.repeat, args.timeout)
            d_s, _, d_ok = best(cli + ["--diff", "--unsafe-fixes", "--source", str(src), "--target", str(tgt)],
                                args.repeat, args.timeout)
            shown = f"{p_s:.2f}" if p_ok else f"> {args.timeout:.0f} (stopped)"
            ratio = f"{p_s / m_s:.2f}" if p_ok else f"> {args.timeout / m_s:.0f}"
            d_shown = f"{d_s:.2f} | {d_s / m_s:.2f}" if d_ok else f"> {args.timeout:.0f} (stopped) | -"
            print(f"| {n} | {shown} | {m_s:.2f} | {ratio} | {d_shown} "
                  f"| {p_mem / 2**20:.0f} | {m_mem / 2**20:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
