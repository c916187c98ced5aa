"""Glossary enforcement and translation speed on CPU, with random Marian models.

Builds two models with random weights on the 55-sentence fixture
(tests/data/translate/news.ar.txt, 100 protected glossary terms): a tiny one, and one
with the shape of opus-mt-ar-en (6+6 layers, d_model 512, 62,834-entry vocabulary).
Both are random, so only the term rate and the speed mean anything: the rate says
whether every protected term reaches the English (at the model's output, before any
post-editing, and in the final English), the speed is sentences per second of
generation (output length is capped at 2 × source + 10 tokens, as for a real model).

    python benchmarks/bench_translate.py [--threads 1] [--beams 1 4] [--device cpu]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mt_repair.config import Settings  # noqa: E402
from mt_repair.translate.model import load_translator  # noqa: E402
from mt_repair.translate.pipeline import translate_text  # noqa: E402
from mt_repair.translate.testing import OPUS, TINY, build_marian  # noqa: E402

DATA = ROOT / "tests" / "data" / "translate"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, nargs="*", default=[1, 2])
    ap.add_argument("--beams", type=int, nargs="*", default=[1, 4])
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--sizes", nargs="*", default=["tiny", "opus"])
    args = ap.parse_args()
    settings = Settings()
    ar = (DATA / "news.ar.txt").read_text(encoding="utf-8")
    en = (DATA / "news.en.txt").read_text(encoding="utf-8")
    names = [e.en for e in settings.glossary.entries]
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            dims, pad = (TINY, 0) if size == "tiny" else (OPUS, 62834)
            folder = build_marian(Path(tmp) / size, ar.splitlines() + [e.ar for e in settings.glossary.entries]
                                  + names, en.splitlines() + names, dims=dims, pad_vocab_to=pad)
            for threads in args.threads:
                tr = load_translator(str(folder), device=args.device, threads=threads)
                params = sum(p.numel() for p in tr.model.parameters())
                for beams in args.beams:
                    tr.seconds = 0.0
                    start = time.perf_counter()
                    result = translate_text(ar, settings, tr, num_beams=beams, batch_size=16, repair=False)
                    wall = time.perf_counter() - start
                    n = len(result.records)
                    print(f"{size:>4} ({params / 1e6:.1f}M params) {args.device} threads={threads} beams={beams}: "
                          f"{n} sentences, {result.term_count} terms; term rate at the model's output "
                          f"{100 * result.term_rate('model'):.1f}%, in the English {100 * result.term_rate():.1f}% "
                          f"{result.statuses()}; {n / tr.seconds:.1f} sentences/s generating "
                          f"({n / wall:.1f}/s with the rest of the pipeline)", flush=True)


if __name__ == "__main__":
    main()
