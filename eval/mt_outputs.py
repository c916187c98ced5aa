"""Warnings per 1,000 words on real MT output and on its human reference, by rule.

    .venv/bin/python eval/mt_outputs.py [../shared/data/mt-outputs] [--dump findings.tsv]
        [--judged tests/data/mt_outputs_judged.tsv] [--no-pairs]

For each direction: the reference and every system, warnings and errors per 1,000
words, by rule, and the share of segments flagged. With --judged, findings already
judged are counted as true/false; on the reference every unjudged finding is listed.
--dump writes every finding (folder, file, line, code, message, flagged text) as TSV,
the starting point for judging. --sample writes a seeded random sample of warnings per
system (with any verdict already given) for the judged sample the closing notes cite.
"system-only/1k" counts the warnings whose line and rule the reference does not share.
Every file is checked as the translation of the folder's source, mono and pair rules
(PR…) in one check as `check --source --target` runs them, so one artifact counts once
(PR001 and TM003 on one misspelt name: what a user sees), unless --no-pairs is given.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mt_repair.config import Settings  # noqa: E402
from mt_repair.evaluation.mt_outputs import check_folder, judged, key  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("root", nargs="?", type=Path, default=ROOT.parent / "shared" / "data" / "mt-outputs")
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--judged", type=Path, default=ROOT / "tests" / "data" / "mt_outputs_judged.tsv")
    ap.add_argument("--no-pairs", action="store_true", help="skip the pair rules (source against target)")
    ap.add_argument("--sample", type=Path, metavar="TSV",
                    help="write a seeded random sample of --sample-size warnings per system, for judging")
    ap.add_argument("--sample-size", type=int, default=50)
    args = ap.parse_args(argv)
    verdicts = judged(args.judged) if args.judged.exists() else {}
    settings = Settings()
    dump, sample = [], []
    for folder in sorted(p for p in args.root.iterdir() if (p / "systems.tsv").exists()):
        reports = check_folder(folder, settings, pairs=not args.no_pairs)
        codes = sorted({c for r in reports for c in r.by_rule()})
        print(f"\n## {folder.name}\n")
        print("| file | tier | words | warn/1k | system-only/1k | segments flagged | judged true | judged false | "
              + " | ".join(codes) + " |")
        print("|---|---|---|---|---|---|---|---|" + "---|" * len(codes))
        ref_spots = {(f.line, f.code) for f in reports[0].warnings()}
        for r in reports:
            warn = r.warnings()
            # what the reference does not share (same line, same rule): errors of the system
            own = [f for f in warn if (f.line, f.code) not in ref_spots]
            v = [verdicts.get(key(folder, r, f), ("?", ""))[0] for f in warn]
            segs = len({f.line for f in warn})
            by = r.by_rule()
            print(f"| {r.name} | {r.role} | {r.words} | {r.per_1000():.2f} | {r.per_1000(own):.2f} | {segs} | "
                  f"{v.count('true')} | {v.count('false')} | " + " | ".join(str(by.get(c, 0)) for c in codes) + " |")
            if r.role != "reference":
                rng = random.Random(f"{folder.name}/{r.name}")
                for f in rng.sample(warn, min(args.sample_size, len(warn))):
                    sample.append((*map(str, key(folder, r, f)), *verdicts.get(key(folder, r, f), ("", ""))))
            for f in r.findings:
                dump.append((folder.name, r.name, str(f.line), f.code, f.message, str(f.severity),
                             " ".join(f.text.split())[:200]))
        ref = reports[0]
        unjudged = [f for f in ref.warnings() if key(folder, ref, f) not in verdicts]
        if unjudged:
            print(f"\nunjudged on the reference ({len(unjudged)}):")
            for f in unjudged:
                print(f"  {f.line} {f.code} {f.message}")
    if args.sample:
        args.sample.write_text("".join("\t".join(row) + "\n" for row in sample), encoding="utf-8")
    if args.dump:
        args.dump.write_text("".join("\t".join(row) + "\n" for row in dump), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
