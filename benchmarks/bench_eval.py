"""Speed of `mt-repair eval --reference` on 1, 10 and 100 generated articles, per phase.

    python benchmarks/bench_eval.py [SHARED] [--corpus ntrex|tico] [--language ar|en] [--sizes 1,10,100]

SHARED is the shared data folder (default ../shared). Articles with references are
generated outside the timing:
- `ntrex` (default): NTREX-128 documents; the reference is the clean document, the
  output the same document with the seeded artifact injector's artifacts (the
  synthetic benchmark's, `--rate 0.25`): residue lines it adds make some outputs
  longer than their reference, so both line and sentence alignment are exercised;
- `tico`: real OPUS-MT output (`data/mt-outputs/tico19-test.ara-eng`, the 2019
  opus-mt-ar-en system) against its human reference, cut into articles of 20 lines.
Beyond the corpus's size, articles repeat under new names.

`--calibrate` instead measures how often each paired test (1,000 trials, as eval runs
them) rejects a true null hypothesis at p < 0.05, by number of segments: on TICO-19,
two real systems' outputs are swapped segment by segment at random (so 'before' and
'after' are exchangeable) over random subsets of n segments. A sound test rejects
about 5%. The figures chose eval's default test (ar) and its floor of 30 segments
(scores.MIN_SEGMENTS); see mt_repair/evaluation/scores.py.

Runs `mt-repair eval OUT --reference REF` in this process (start-up excluded; the
wordfreq cache is built before timing), pinned to one core, and prints seconds per
phase from the eval's own `--timings` figures, seconds per article, and the total.
Prints figures; asserts nothing. Skips (exit 0) when SHARED is absent.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TICO = "data/mt-outputs/tico19-test.ara-eng"
TICO_SYSTEM = "opus-mt-ar-en-2019-12-18.en.txt"


def ntrex_articles(shared: Path, language: str, n: int):
    """(name, output text, reference text) for n NTREX documents with injected artifacts."""
    from mt_repair.config import Settings
    from mt_repair.evaluation.inject import Injector
    from mt_repair.evaluation.synthetic import load_ntrex

    docs = load_ntrex(shared / "data" / "ntrex-128", language)
    injector = Injector(language, Settings(), seed=13, rate=0.25)
    out = []
    for k in range(n):
        doc_id, lines = docs[k % len(docs)]
        name = f"{k:04d}-{doc_id}.{language}.txt"
        inj = injector.document(name, lines)
        out.append((name, inj.corrupted, inj.clean))
    return out


def tico_articles(shared: Path, n: int, size: int = 20):
    folder = shared / TICO
    hyp = (folder / TICO_SYSTEM).read_text(encoding="utf-8").splitlines()
    ref = (folder / "reference.en.txt").read_text(encoding="utf-8").splitlines()
    chunks = [(hyp[i:i + size], ref[i:i + size]) for i in range(0, len(ref) - size + 1, size)]
    return [(f"{k:04d}-tico.en.txt", "\n".join(chunks[k % len(chunks)][0]) + "\n",
             "\n".join(chunks[k % len(chunks)][1]) + "\n") for k in range(n)]


def write_layout(root: Path, articles) -> tuple[Path, Path]:
    out, ref = root / "output", root / "reference"
    out.mkdir(parents=True)
    ref.mkdir()
    for name, hyp, clean in articles:
        (out / name).write_text(hyp, encoding="utf-8")
        (ref / name).write_text(clean, encoding="utf-8")
    return out, ref


PHASE_RE = re.compile(r"^mt-repair eval: (.+): ([0-9.]+) s \(CPU ([0-9.]+) s\)$")


def run_eval(out: Path, ref: Path, report: Path, extra=()) -> tuple[float, float, dict, dict]:
    """Wall and CPU seconds of one eval, its scores, and CPU seconds per phase."""
    from mt_repair.cli import main

    err = io.StringIO()
    t, c = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        rc = main(["eval", "--isolated", "--no-progress", "--timings", str(out), "--reference", str(ref),
                   "-o", str(report), *extra])
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    if rc != 0:
        sys.exit(f"eval exited {rc}: {err.getvalue()}")
    doc = json.loads((report / "report.json").read_text(encoding="utf-8"))
    phases = {m.group(1): float(m.group(3)) for line in err.getvalue().splitlines() if (m := PHASE_RE.match(line))}
    return wall, cpu, doc["runs"][0].get("scores", {}), phases


def calibrate(shared: Path, trials: int, sizes=(2, 5, 10, 20, 30, 50, 100, 200)) -> None:
    import numpy as np

    from mt_repair.evaluation.scores import METRIC_NAMES, _metrics, approximate_randomization, paired_bootstrap

    folder = shared / TICO
    ref = (folder / "reference.en.txt").read_text(encoding="utf-8").splitlines()
    sys_a = (folder / TICO_SYSTEM).read_text(encoding="utf-8").splitlines()
    sys_b = (folder / "tc-big-ara-eng-2022-03-09.en.txt").read_text(encoding="utf-8").splitlines()
    metrics = _metrics()
    t = time.perf_counter()
    table = {m: (np.array(metrics[m]._extract_corpus_statistics(sys_a, [ref]), dtype=np.float64),
                 np.array(metrics[m]._extract_corpus_statistics(sys_b, [ref]), dtype=np.float64))
             for m in METRIC_NAMES}
    print(f"segment statistics of 2 x {len(ref)} segments: {time.perf_counter() - t:.1f} s")
    rng = np.random.default_rng(2024)
    print(f"share of {trials} null trials with p < 0.05 (a sound test: about 0.05); bs: the paired bootstrap "
          f"(--test bs), ar: approximate randomization, ties counted (--test ar, the default)")
    print(f"{'segments':>8}  " + "  ".join(f"{'bs ' + m:>11}" for m in METRIC_NAMES) + "  "
          + "  ".join(f"{'ar ' + m:>11}" for m in METRIC_NAMES))
    for n in sizes:
        rejected = dict.fromkeys(METRIC_NAMES, 0)
        rejected_ar = dict.fromkeys(METRIC_NAMES, 0)
        for _ in range(trials):
            pick = rng.choice(len(ref), size=n, replace=False)
            swap = rng.random(n) < 0.5
            stats, scores = {}, {}
            for m in METRIC_NAMES:
                a, b = table[m][0][pick], table[m][1][pick]
                before = np.where(swap[:, None], b, a)
                after = np.where(swap[:, None], a, b)
                stats[m] = (before, after)
                scores[m] = tuple(float(metrics[m]._aggregate_and_compute(x.tolist()).score) for x in (before, after))
            for m, (p, _, _) in paired_bootstrap(stats, metrics, scores, 1000, 12345).items():
                rejected[m] += p < 0.05
            for m, p in approximate_randomization(stats, metrics, scores, 1000, 12345).items():
                rejected_ar[m] += p < 0.05
        print(f"{n:>8}  " + "  ".join(f"{rejected[m] / trials:>11.3f}" for m in METRIC_NAMES) + "  "
              + "  ".join(f"{rejected_ar[m] / trials:>11.3f}" for m in METRIC_NAMES))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("shared", nargs="?", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--corpus", choices=("ntrex", "tico"), default="ntrex")
    ap.add_argument("--language", choices=("ar", "en"), default="ar")
    ap.add_argument("--sizes", default="1,10,100")
    ap.add_argument("--calibrate", action="store_true", help="false rejections of the paired bootstrap by size")
    ap.add_argument("--trials", type=int, default=200, help="--calibrate: null trials per size (default 200)")
    args = ap.parse_args()
    need = args.shared / (TICO if args.corpus == "tico" or args.calibrate else "data/ntrex-128")
    if not need.is_dir():
        print(f"skipped: {need} not found (pass the shared data folder)")
        return
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass
    if args.calibrate:
        calibrate(args.shared, args.trials)
        return
    sizes = [int(x) for x in args.sizes.split(",")]
    from mt_repair.config import Settings
    from mt_repair.linter import check_text

    check_text("تهيئة warm-up", Settings())  # wordfreq cache and regexes, outside the timing
    print(f"corpus {args.corpus}" + (f" ({args.language})" if args.corpus == "ntrex" else "") + ", one core")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            arts = tico_articles(args.shared, n) if args.corpus == "tico" else \
                ntrex_articles(args.shared, args.language, n)
            out, ref = write_layout(Path(tmp) / f"n{n}", arts)
            words = sum(len(h.split()) for _, h, _ in arts)
            wall, cpu, scores, phases = run_eval(out, ref, Path(tmp) / f"rep{n}")
            rows.append((n, words, wall, cpu, phases, scores))
    names = list(rows[-1][4])
    short = {p: p.replace("significance (", "").rstrip(")") for p in names}
    print("CPU seconds (one core); wall seconds depend on what else runs")
    print(f"{'articles':>8} {'words':>7} {'segments':>8} {'wall s':>7} {'CPU s':>7} {'CPU s/art':>9}  " +
          "  ".join(f"{short[p]:>18}" for p in names))
    for n, words, wall, cpu, phases, scores in rows:
        print(f"{n:>8} {words:>7} {scores.get('segments', 0):>8} {wall:>7.2f} {cpu:>7.2f} {cpu / n:>9.3f}  " +
              "  ".join(f"{phases.get(p, 0.0):>18.2f}" for p in names))
    n, _, wall, cpu, _, scores = rows[-1]
    print(f"total for {n} articles: {cpu:.2f} s CPU, {wall:.2f} s wall (goal <= 10 s on one core); "
          f"{scores.get('segments')} segments by {scores.get('unit')}, {scores.get('changed_segments')} changed")


if __name__ == "__main__":
    main()
