"""Cost of fixing: `check --fix` against a plain `check` of the same file, and
`apply_fixes` on many fixes against the old all-pairs overlap test.

    python benchmarks/bench_fix.py [--shared ../shared] [--repeat 3] [--n 16000] [--reference-n 4000]

Prints figures; asserts nothing. Both commands run in this process (start-up excluded)
on a temporary copy of each file, restored before every `--fix` run; CPU time, best of
--repeat, pinned to one core; and how many times `--fix` runs the checker.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mt_repair.cli import main as cli_main  # noqa: E402
from mt_repair.fixes import apply_fixes  # noqa: E402
from mt_repair.types import Fix  # noqa: E402


def reference_apply_fixes(text, fixes):
    """The overlap test before it was made linear: every fix against every taken edit."""
    def overlaps(a, b, fix):
        for e in fix.edits:
            if e.start < b and a < e.end:
                return True
            if e.start == e.end == a == b or (e.start == e.end and a < e.start < b):
                return True
            if a == b and e.start < a < e.end:
                return True
        return False

    applied, taken = [], []
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if not any(overlaps(a, b, fix) for a, b in taken):
            applied.append(fix)
            taken.extend((e.start, e.end) for e in fix.edits)
    return applied


def best_of(n, fn):
    """Best CPU time of n runs (CPU time, not wall: steadier on a shared machine)."""
    best = float("inf")
    for _ in range(n):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def count_checks(argv) -> int:
    """How many times one command runs the whole checker over a text."""
    import mt_repair.linter as linter

    # every check runs through a Checker (check_text makes one; --fix keeps one for its rounds)
    owner, name = (linter.Checker, "__call__") if hasattr(linter, "Checker") else (linter, "check_text")
    real, calls = getattr(owner, name), [0]

    def counting(*a, **k):
        calls[0] += 1
        return real(*a, **k)

    setattr(owner, name, counting)
    try:
        run_cli(argv)
    finally:
        setattr(owner, name, real)
    return calls[0]


def run_cli(argv):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return cli_main(argv)


def fix_vs_check(path: Path, repeat: int, unsafe: bool, label: str = "") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / path.name
        shutil.copyfile(path, work)
        base = ["check", str(work), "--isolated", "--output-format", "concise", "--exit-zero"]
        run_cli(base)  # warm the caches
        check = best_of(repeat, lambda: run_cli(base))

        def fix():
            shutil.copyfile(path, work)
            run_cli(base + ["--fix"] + (["--unsafe-fixes"] if unsafe else []))

        fixed = best_of(repeat, fix)
        copy = best_of(repeat, lambda: shutil.copyfile(path, work))
        shutil.copyfile(path, work)
        checks = count_checks(base + ["--fix"] + (["--unsafe-fixes"] if unsafe else []))
    words = len(path.read_text(encoding="utf-8").split())
    mode = "--fix --unsafe-fixes" if unsafe else "--fix"
    print(f"{label or path.name} ({words} words): check {check:.3f} s, {mode} {fixed - copy:.3f} s, "
          f"ratio {(fixed - copy) / check:.2f}x ({checks} check{'s' if checks != 1 else ''} of the whole text)")


def apply_cost(n: int, reference_n: int) -> None:
    def case(k):
        text = "ab " * k
        return text, [Fix.replace(3 * i + 1, 3 * i + 1, " ") for i in range(k)]

    for k in (n // 10, n, n * 10):
        text, fixes = case(k)
        t = best_of(1, lambda: apply_fixes(text, fixes))
        print(f"apply_fixes, {k} insertions: {t:.3f} s")
    if reference_n:
        text, fixes = case(reference_n)
        t = best_of(1, lambda: reference_apply_fixes(text, fixes))
        print(f"old all-pairs overlap test, {reference_n} insertions: {t:.3f} s "
              f"(quadratic: x{(n / reference_n) ** 2:.0f} for {n})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--n", type=int, default=16000)
    ap.add_argument("--reference-n", type=int, default=4000, help="0 skips the old implementation")
    ap.add_argument("--no-apply", action="store_true", help="only the fix/check ratios")
    args = ap.parse_args()
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass
    if not args.no_apply:
        apply_cost(args.n, args.reference_n)
    files = [
        (args.shared / "data" / "ntrex-128" / "newstest2019-ref.arb.txt", False),
        (args.shared / "data" / "mt-outputs" / "tico19-test.eng-ara" / "tatoeba-eng-ara-2021-02-23.ar.txt", False),
        (args.shared / "articles" / "euronews-rubio-lavrov-kuala-lumpur.ar.txt", True),
    ]
    for path, unsafe in files:
        if path.exists():
            fix_vs_check(path, args.repeat, unsafe)
        else:
            print(f"{path}: not found (pass --shared)")
    if files[0][0].exists():  # the same text with its safe fixes applied: nothing left to fix
        from mt_repair.config import Settings
        from mt_repair.linter import fix_text

        with tempfile.TemporaryDirectory() as tmp:
            clean = Path(tmp) / "ntrex-fixed.ar.txt"
            clean.write_text(fix_text(files[0][0].read_text(encoding="utf-8"), Settings())[0], encoding="utf-8")
            fix_vs_check(clean, args.repeat, False, "NTREX Arabic after --fix (nothing left to fix)")


if __name__ == "__main__":
    main()
