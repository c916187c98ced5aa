"""Seconds per MB on worst-case inputs, next to NTREX news text of the same size, measured
in the same run: `check` (check_text), `--fix` (fix_text) and `--diff` (fix_text, then the
unified diff of the encoded bytes, as the CLI does).

    python benchmarks/bench_worst_case.py [NTREX_DIR] [--size KB] [--repeat N] [--only NAME,...] [--wall]

NTREX_DIR defaults to ../shared/data/ntrex-128 (skipped with a message when absent: then
the figures are printed without ratios). Goal: every ratio <= 2 (a linear input costs about
what news costs per MB; a quadratic one grows with --size: run at two sizes to tell them
apart). Times are this process's CPU time (`--wall` for wall-clock): on a shared machine
other processes' load moves it far less, and NTREX is run again beside every input, run
for run, so each ratio compares like with like; the [lo-hi] spread says how far single
runs moved. Prints figures; asserts nothing. Each input once took minutes (issue 10, or found
by an adversarial sweep of every rule): see the table's notes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mt_repair.config import Settings  # noqa: E402
from mt_repair.linter import check_text, fix_text  # noqa: E402
from mt_repair.unified_diff import unified_diff  # noqa: E402


def fill(unit: str, size: int) -> str:
    """`unit` repeated to `size` UTF-8 bytes (about)."""
    per = len(unit.encode())
    return unit * max(1, size // per)


_SUBJECTS = ("The minister", "Officials", "The spokesman", "Residents", "The company", "Police", "The court",
             "Doctors", "The army", "Analysts")
_PREDICATES = ("said the talks would continue", "reported new cases", "denied the claims", "called for calm",
               "expected more rain", "warned of delays", "welcomed the decision", "rejected the offer",
               "confirmed the figures", "announced a review")


def duplicated_sentences(size: int) -> str:
    """100 distinct sentences, every other one printed twice on its line, the whole block
    over and over: half the lines are fixed, and each line recurs (too rarely to be
    difflib's junk): difflib took over 2 minutes on 2 MB of this."""
    sentences = [f"{s} {p} on Monday." for s in _SUBJECTS for p in _PREDICATES]
    block = "".join((f"{x} {x}" if i % 2 else x) + "\n" for i, x in enumerate(sentences))
    return fill(block, size)


_FR_SUBJECTS = ("Le ministre", "Les responsables", "Le porte-parole", "Les habitants", "La société", "La police",
                "Le tribunal", "Les médecins", "L'armée", "Les analystes", "Le gouvernement")
_FR_PREDICATES = ("a déclaré que les négociations reprendraient", "ont signalé de nouveaux cas dans la région",
                  "a démenti les accusations portées contre lui", "ont appelé au calme dans les rues",
                  "a prévu de fortes pluies pour la semaine", "a mis en garde contre des retards importants",
                  "a salué la décision prise par le conseil", "ont rejeté l'offre faite par les syndicats",
                  "a confirmé les chiffres publiés par le ministère")
_FR_TIMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier soir", "ce matin")


def foreign_document(size: int) -> str:
    """A whole article in French: distinct sentences, four to a paragraph (line), as a
    multilingual system gives when it drifts for a whole document."""
    sentences = [f"{s} {p} {t}." for s in _FR_SUBJECTS for p in _FR_PREDICATES for t in _FR_TIMES]
    lines = [" ".join(sentences[i:i + 4]) + "\n" for i in range(0, len(sentences), 4)]
    return fill("".join(lines), size)


# name -> (input of about `size` bytes, where it came from)
CASES = {
    "sc003-glued": (lambda n: fill("Liveالقمة", n), "SC003 on one glued token (issue 10: 70 KB, 31 s)"),
    "skip-unclosed-comment": (lambda n: fill("<!--", n), "document skip regex `<!--.*?-->` (160 KB, 54 s)"),
    "sc004-farsi-yeh": (lambda n: fill("ی", n), "SC004 (and RP011) on one 320,000-letter word (18 s)"),
    "diff-duplicated": (duplicated_sentences, "--diff on duplicated sentences (2 MB: minutes)"),
    "email-dots": (lambda n: fill("a.", n - 1) + "@", "skip regex e-mail branch (found: 160 KB, 20 s)"),
    "pn006-glued-english": (lambda n: fill("About 250.000 people marched on Sunday.", n),
                            "PN006 English, one long line (found: 50 KB, 7 s)"),
    "long-latin-word": (lambda n: "ب " + fill("ab", n), "one long Latin word in Arabic text (a control: never slow)"),
    "pn002-semicolons": (lambda n: fill("قال الوزير إن &#39;المحادثات&#39; مستمرة؛ قال;الوزير ", n),
                         "PN002 entity test per `;` from the line start (found)"),
    "pn003-brackets": (lambda n: fill("بمعدل ٤,٨ )٣,٠-٧,٢(. قال: »لن نتراجع« ", n),
                       "PN003 mirrored brackets and reversed quotes on one line (found)"),
    "sc010-names": (lambda n: fill("نقلت وكالتا (Reuters, AFP) أن الرئيس شاهد برنامج Millionaire? أمس ", n),
                    "SC010 Latin names on one long line (found: 50 KB, 14 s)"),
    "pn001-spaced-quotes": (lambda n: fill('وارتفع الطلب على "الكمامات" و " المعقمات " ، وفق التقرير', n),
                            "PN001 quote pairing per candidate (found: 50 KB, > 20 s)"),
    "pragmas-one-line": (lambda n: fill("<!-- mt-repair: ignore[PN001] --> كلمة ", n),
                         "inline ignores, many on one line (found: 8,000 took 14 s)"),
    "rs001-url-lines": (lambda n: fill("تابعونا على https://x.com/a\n", n),
                        "RS001 residue lines with URLs (found: 8,000 lines took 16 s)"),
    "rp008-mark-runs": (lambda n: fill("!!!!!! x ", n), "RP008 many runs on one line (found: 80 KB, 52 s)"),
    "rp008-stutters": (lambda n: fill("وقد أعطي للمرضى المتعافيننن في المستشفى ", n),
                       "RP008 many findings, each stretch against all (found: 80 KB, 14 s)"),
    "rs003-open-shortcodes": (lambda n: fill("[tweet x] [b]y ", n),
                              "RS003 shortcodes without closers on one line (found)"),
    "tm001-surnames": (lambda n: fill("وقال شولز إن ألمانيا ستدعم أوكرانيا.\n", n),
                       "TM001 variant surnames, whole-text search per match (found)"),
    "tm003-digit-joints": (lambda n: fill("1a ", n), "TM003 compound scan per joint (found: 50 KB, 11 s)"),
    "sc009-detached-waw": (lambda n: fill("اختر الإجابة أ و ب ثم انتقل إلى النسخة باء و جيم ", n),
                           "SC009 line split per `و` (found: 100 KB, 4.5 s)"),
    "sc008-foreign-sentences": (lambda n: fill("Officials confirmed the date. Il-ministru qal li t-taħditiet "
                                               "se jkomplu l-ġimgħa d-dieħla fil-belt.\n", n),
                                "SC008: langdetect once per foreign sentence (linear, slow)"),
    "rp002-pair-echoes": (lambda n: fill("fever and fever for patients. ", n),
                          "RP002 many echoes, each against all reported (found)"),
    "rp002-repeated-line": (lambda n: fill("أطلقت 400 طائرة و18 صاروخاً ب5 دقائق", n),
                            "RP002 loop patterns over one line of repeated words (linear, slow)"),
    "rp002-conjunction-line": (lambda n: fill("نشر المقطع وYouTube وبـNATO", n),
                               "RP002 clause pattern at every word of one line (linear, slow)"),
    "sc008-foreign-document": (foreign_document, "SC008: a whole article in French, four sentences a line"),
    "persian-letter-leak": (lambda n: fill("وثبط الدواء إنزيم بيپتيداز في الخلايا\n", n),
                            "SC004/SC008: langdetect once per sentence with a Persian letter (linear, slow)"),
}


def ntrex_text(folder: Path, size: int) -> str | None:
    files = [folder / "newstest2019-ref.arb.txt", folder / "newstest2019-src.eng.txt"]
    if not all(f.exists() for f in files):
        return None
    text = "".join(f.read_text(encoding="utf-8") for f in files)
    return text.encode()[:size].decode("utf-8", "ignore")


def _clock(wall: bool):
    return time.perf_counter if wall else time.process_time


def run_once(text: str, settings: Settings, clock) -> tuple[float, float, float]:
    """Seconds for one check, one --fix and one --diff (fix, then the diff) of `text`."""
    t = clock()
    check_text(text, settings, "x.md")
    check = clock() - t
    t = clock()
    fixed = fix_text(text, settings, "x.md")[0]
    fix_t = clock() - t
    before, after = text.encode(), fixed.encode()
    t = clock()
    unified_diff("x.md", before, after)
    return check, fix_t, fix_t + clock() - t


def measure(text: str, news: str | None, settings: Settings, repeat: int, clock):
    """Per measure (check, --fix, --diff): the best seconds per MB of `text`, and, with
    NTREX, (best ratio, lowest and highest ratio of one run to the NTREX run just before
    it). NTREX is timed again next to every input, run for run, so a machine that gets
    busier halfway through the table moves both sides of each ratio alike."""
    mb = len(text.encode()) / 1e6
    own, base = [], []
    for _ in range(repeat):
        if news is not None:
            base.append([x / (len(news.encode()) / 1e6) for x in run_once(news, settings, clock)])
        own.append([x / mb for x in run_once(text, settings, clock)])
    out = []
    for k in range(3):
        best = min(r[k] for r in own)
        if not base:
            out.append((best, None))
            continue
        pairs = [o[k] / b[k] for o, b in zip(own, base)]
        out.append((best, (best / min(b[k] for b in base), min(pairs), max(pairs))))
    return out, [min(b[k] for b in base) for k in range(3)] if base else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ntrex", nargs="?", type=Path, default=ROOT.parent / "shared" / "data" / "ntrex-128")
    ap.add_argument("--size", type=int, default=100, help="KB per input (default 100)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per input, each next to an NTREX run (default 5)")
    ap.add_argument("--only", default=None, help="comma-separated case names")
    ap.add_argument("--wall", action="store_true",
                    help="wall-clock time (default: this process's CPU time, which other processes' load moves less)")
    args = ap.parse_args()
    names = args.only.split(",") if args.only else list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown:
        ap.error(f"unknown case(s): {', '.join(unknown)} (known: {', '.join(CASES)})")
    size = args.size * 1000
    clock = _clock(args.wall)
    settings = Settings()
    check_text("تهيئة", settings)  # build caches (glossary regexes, word lists) outside the timing
    # and langdetect's profiles (0.4 s, once a process), which the first SC008 case would pay
    check_text("Le ministre a déclaré que les négociations reprendraient lundi prochain.", settings)

    news = ntrex_text(args.ntrex, size)
    if news is None:
        print(f"NTREX not found at {args.ntrex}: figures without ratios (pass its folder as the argument)")
    else:
        run_once(news, settings, clock)  # warm: the first run compiles the rules' patterns
    print(f"{'CPU' if not args.wall else 'wall-clock'} seconds per MB, best of {args.repeat}; ratio = best / NTREX's "
          f"best, NTREX run next to each input; [lo-hi]: the ratios of single runs to the NTREX run beside them")
    print(f"\n{'input':<23} {'KB':>4}  {'check':>6} {'ratio':>5} {'[lo-hi]':>11}  {'--fix':>6} {'ratio':>5} "
          f"{'[lo-hi]':>11}  {'--diff':>6} {'ratio':>5}  note")
    worst, bases = 0.0, []
    for name in names:
        make, note = CASES[name]
        text = make(size)
        figs, base = measure(text, news, settings, args.repeat, clock)
        if base:
            bases.append(base)
        cells = []
        for k, (v, r) in enumerate(figs):
            if r is None:
                cells.append(f"{v:6.2f}" + ("" if k == 2 else " " * 18))
                continue
            worst = max(worst, r[0])
            cells.append(f"{v:6.2f} {r[0]:5.2f}" + ("" if k == 2 else f" [{r[1]:.2f}-{r[2]:.2f}]".rjust(12)))
        print(f"{name:<23} {len(text.encode()) / 1e3:4.0f}  {'  '.join(cells)}  {note}")
    if bases:
        print(f"\nNTREX-128 ({len(news.encode()) / 1e3:.0f} KB), best of all its runs: check "
              f"{min(b[0] for b in bases):.2f}, --fix {min(b[1] for b in bases):.2f}, "
              f"--diff {min(b[2] for b in bases):.2f} s/MB")
        print(f"worst ratio: {worst:.2f} (goal <= 2)")


if __name__ == "__main__":
    main()
