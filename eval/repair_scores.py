"""chrF and TER of each mt-outputs file against its human reference, before and after repair.

    .venv/bin/python eval/repair_scores.py [../shared/data/mt-outputs] [--samples 1000]
        [--test ar|bs] [--show N] [--no-source]

For each direction and each file (the systems and the reference itself), each document
of the file (its lines from one origin, lines.tsv's source_url: an article) is repaired
as `mt-repair check --fix` repairs an article (`linter.fix_text`, SAFE), and again with
unsafe fixes (UNSAFE), with the same lines of the folder's source file as its source, so
the pair rules' fixes (PR001, PR010, …) apply where the source is Arabic, as `check --fix`
applies them to `X.en.txt` beside `X.ar.txt`; the files are line-aligned, so segments are lines
(a repair that changes the line count is reported and not scored). Scores are
sacrebleu's chrF2++ and TER (evaluation.scores), with sacrebleu's paired test of each
repair against the original (approximate randomization by default; p-values below 0.05
mean the change is not chance). The reference scored against itself must not fall:
that is the do-no-harm check; where it falls, the rules whose fixes changed it are listed
and the exit status is 1. --show N prints the N changed lines that lose most chrF.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mt_repair.config import Settings  # noqa: E402
from mt_repair.evaluation.mt_outputs import documents  # noqa: E402
from mt_repair.evaluation.scores import score_segments, sentence_chrf  # noqa: E402
from mt_repair.linter import fix_text  # noqa: E402
from mt_repair.types import Applicability  # noqa: E402

LEVELS = (("safe", Applicability.SAFE), ("unsafe", Applicability.UNSAFE))


def systems(folder: Path) -> list[tuple[str, str, Path]]:
    """(name, tier, path) of the reference then each system, from systems.tsv."""
    rows = [r.split("\t") for r in (folder / "systems.tsv").read_text(encoding="utf-8").splitlines() if r.strip()]
    head, rows = rows[0], rows[1:]
    fi, ti = head.index("file"), head.index("tier")
    ref = next(folder.glob("reference.*.txt"))
    return [(ref.name, "reference", ref)] + [(r[fi], r[ti], folder / r[fi]) for r in rows]


def lines(text: str) -> list[str]:
    return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")


def source_of(folder: Path) -> tuple[list[str] | None, str]:
    """(lines, path) of the folder's source file, the original every file translates;
    (None, "") when the folder has none (the files are then checked alone)."""
    src = next(folder.glob("source.*.txt"), None)
    return (lines(src.read_text(encoding="utf-8")), str(src)) if src else (None, "")


def groups_of(folder: Path, n: int) -> list[list[int]]:
    """The documents of the folder (lines.tsv), or all `n` lines as one."""
    return documents(folder) if (folder / "lines.tsv").exists() else [list(range(n))]


def articles(segments: list[str], source: list[str], groups: list[list[int]]):
    """(text, source text) of each document: its lines, one per line."""
    for g in groups:
        yield ("\n".join(segments[i] for i in g) + "\n",
               None if source is None else "\n".join(source[i] for i in g) + "\n")


def repair(segments, source, src_path, groups, settings, path, minimum) -> list[str]:
    """`segments` with each document fixed as an article against its source lines (a
    document whose line count a fix changes is kept whole and counted as such)."""
    out = list(segments)
    for g, (text, src) in zip(groups, articles(segments, source, groups)):
        fixed, _ = fix_text(text, settings, str(path), minimum, src, src_path)
        new = lines(fixed)
        if len(new) != len(g):
            raise ValueError(f"{path.name}: a fix changed a document's line count ({len(g)} -> {len(new)})")
        for i, line in zip(g, new):
            out[i] = line
    return out


def fixes_by_rule(segments, source, src_path, groups, settings, path, minimum) -> list[tuple[str, int]]:
    """Rule -> fixes of at least `minimum` found on the original documents (the first round)."""
    from collections import Counter

    from mt_repair.linter import check_text

    found = Counter(f.code for text, src in articles(segments, source, groups)
                    for f in check_text(text, settings, str(path), src, src_path)
                    if f.fix is not None and f.fix.applicability >= minimum)
    return found.most_common()


def fmt_p(p) -> str:
    return "n/a" if p is None else ("<0.001" if p < 0.001 else f"{p:.3f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("root", nargs="?", type=Path, default=ROOT.parent / "shared" / "data" / "mt-outputs")
    ap.add_argument("--samples", type=int, default=1000, help="trials of the paired test (0: no test)")
    ap.add_argument("--test", choices=("ar", "bs"), default="ar")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print the N changed lines that lose most chrF")
    ap.add_argument("--no-source", action="store_true",
                    help="repair each file alone, without its source (no pair fixes): their share of the gain")
    args = ap.parse_args(argv)
    if not args.root.is_dir():
        print(f"error: {args.root}: not a folder", file=sys.stderr)
        return 2
    settings = Settings()
    bad, harm = 0, []
    for folder in sorted(p for p in args.root.iterdir() if (p / "systems.tsv").exists()):
        entries = systems(folder)
        refs = lines(entries[0][2].read_text(encoding="utf-8"))
        source, src_path = (None, "") if args.no_source else source_of(folder)
        groups = groups_of(folder, len(refs))
        print(f"\n## {folder.name} ({len(refs)} segments; {args.test} test, {args.samples} trials)\n")
        print("| file | tier | fix | lines changed | chrF2++ before | after | Δ | p | TER before | after | Δ | p |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for name, tier, path in entries:
            before = lines(path.read_text(encoding="utf-8"))
            for label, minimum in LEVELS:
                try:
                    after = repair(before, source, src_path, groups, settings, path, minimum)
                except ValueError as exc:
                    print(f"| {name} | {tier} | {label} | {exc}: not scored |" + " |" * 8)
                    bad += 1
                    continue
                s = score_segments(before, after, refs, n_samples=args.samples, test=args.test)
                m = {r.name: r for r in s.metrics}
                c, t = m["chrF2++"], m["TER"]
                print(f"| {name} | {tier} | {label} | {s.changed} | {c.before:.2f} | {c.after:.2f} | {c.delta:+.2f} | "
                      f"{fmt_p(c.p_value)} | {t.before:.2f} | {t.after:.2f} | {t.delta:+.2f} | {fmt_p(t.p_value)} |",
                      flush=True)
                if tier == "reference" and (c.delta < 0 or t.delta > 0):
                    bad += 1
                    rules = fixes_by_rule(before, source, src_path, groups, settings, path, minimum)
                    harm.append(f"{folder.name}/{name} {label}: {s.changed} lines, fixes by "
                                + ", ".join(f"{k} {n}" for k, n in rules))
                if args.show:
                    worst = sorted((sentence_chrf(after[i], refs[i]) - sentence_chrf(before[i], refs[i]), i)
                                   for i in range(len(before)) if before[i] != after[i])[:args.show]
                    for d, i in worst:
                        print(f"    line {i + 1} {d:+.1f}\n      - {before[i][:200]}\n      + {after[i][:200]}"
                              f"\n      = {refs[i][:200]}")
    if harm:
        print("\nreferences changed by their own repair (each change lowers the self-score; read them: "
              "a real defect of the human text may be worth it):")
        for h in harm:
            print("  " + h)
    if bad:
        print(f"\n{bad} problem(s): a reference scored lower after its own repair, or a repair changed the line count")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
