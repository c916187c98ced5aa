"""Speed and reach of SC007 (mojibake) on clean and real MT text.

    python benchmarks/bench_sc007.py [--shared ../shared] [--repeat 5] [--against HEAD]

Times the rule alone (Document built beforehand) over NTREX-128 Arabic and English and
the TICO-19 MT outputs and references, and prints every finding, so a change in reach
shows up as a changed line. Also times one text with mojibake, where ftfy is loaded.
With `--against REV` the rule module as committed in REV (`git show`) is timed in the
same run, for a before/after ratio. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mt_repair.config import Settings  # noqa: E402
from mt_repair.document import Document  # noqa: E402
from mt_repair.rules import sc007_mojibake as sc007  # noqa: E402


def best_of(n, fn):
    best, out = float("inf"), None
    for _ in range(n):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def committed_rule(rev: str):
    """The SC007 module as committed in `rev`, loaded under another name."""
    source = subprocess.run(["git", "show", f"{rev}:mt_repair/rules/sc007_mojibake.py"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    module = types.ModuleType(f"sc007_{rev}")
    exec(compile(source, f"{rev}:sc007_mojibake.py", "exec"), module.__dict__)
    return module


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--against", default=None, help="a git revision to time the committed rule of")
    args = ap.parse_args()
    old = committed_rule(args.against) if args.against else None
    settings = Settings()
    files = [args.shared / "data" / "ntrex-128" / n for n in ("newstest2019-ref.arb.txt", "newstest2019-src.eng.txt")]
    files += sorted((args.shared / "data" / "mt-outputs").glob("*/*.txt"))
    files += sorted((args.shared / "articles").glob("*.txt"))
    total = old_total = 0.0
    for path in files:
        if not path.exists():
            print(f"{path}: absent, skipped")
            continue
        doc = Document(path.read_text(encoding="utf-8"), str(path))
        _ = doc.tokens  # built once, outside the timing, as the linter shares it between rules
        secs, found = best_of(args.repeat, lambda doc=doc: list(sc007.check(doc, settings)))
        total += secs
        line = f"{path.parent.name}/{path.name}: {len(doc.text):>8,} chars  {secs * 1000:7.2f} ms  {len(found)} findings"
        if old:
            old_secs, old_found = best_of(args.repeat, lambda doc=doc: list(old.check(doc, settings)))
            old_total += old_secs
            line += f"   ({args.against}: {old_secs * 1000:7.2f} ms  {len(old_found)} findings)"
        print(line)
        for f in found:
            line = doc.text.count("\n", 0, f.start) + 1
            print(f"    line {line}: {f.message}")
    print(f"total {total * 1000:.2f} ms; ftfy loaded by clean text: {'ftfy' in sys.modules}")
    if old:
        print(f"{args.against}: total {old_total * 1000:.2f} ms; now / {args.against} = {total / old_total:.2f}")
    # texts with mojibake, generated: here ftfy is loaded and does the work
    from mt_repair.evaluation.injected import mojibake

    ntrex_ar = files[0].read_text(encoding="utf-8") if files[0].exists() else "قال الرئيس إن\n" * 2000
    words = ntrex_ar[:200_000].replace("\n", " ").split(" ")
    cases = [
        ("200 lines, 3 mojibake spans each", "قال Ø§Ù„Ø±Ø¦ÙŠØ³ إن the cafÃ© opened â€™\n" * 200),
        ("NTREX Arabic, every line mojibake", mojibake(ntrex_ar)),
        ("one 200k-char line, every other word", " ".join(mojibake(w) if i % 2 else w for i, w in enumerate(words))),
        ("one 1 MB line of `Ã©`", "Ã©" * 500_000),
        ("one 1 MB line of `Ã© a` (200k findings)", "Ã© a " * 200_000),
    ]
    for name, text in cases:
        doc = Document(text)
        secs, found = best_of(1, lambda doc=doc: list(sc007.check(doc, settings)))
        line = f"{name}: {len(text):,} chars  {secs:.2f} s  {len(found)} findings"
        if old:
            old_secs, old_found = best_of(1, lambda doc=doc: list(old.check(doc, settings)))
            line += f"   ({args.against}: {old_secs:.2f} s  {len(old_found)} findings)"
        print(line, flush=True)

if __name__ == "__main__":
    main()
