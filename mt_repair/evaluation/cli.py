"""`mt-repair eval`: score repairs, artifact rates, term accuracy, do-no-harm, detection, and
the synthetic NTREX benchmark. Parses arguments, calls the evaluation modules, writes reports."""

from __future__ import annotations

import json
import shlex
import sys
from collections import Counter
from pathlib import Path

from mt_repair.evaluation import EvalError

EXIT_OK, EXIT_GOALS, EXIT_ERROR = 0, 1, 2


def add_parser(subparsers) -> None:
    e = subparsers.add_parser(
        "eval", help="evaluate repairs: scores, artifact rates, terms, do-no-harm, detection, synthetic benchmark",
        description="Evaluate the checker and its repairs. Give texts (files or folders) to get artifact rates and "
                    "term accuracy before and after the repair; add --reference for BLEU/chrF++/TER over aligned "
                    "segments with a paired significance test, --labels for detection precision/recall/F1, --clean for do-no-harm, --source "
                    "for Arabic-source term accuracy; or run --synthetic on NTREX-128. Reports (report.md, "
                    "report.json, report.html) go into --output and nowhere else.")
    e.add_argument("paths", nargs="*", metavar="PATH", help="texts to evaluate (the 'before' side)")
    e.add_argument("--after", metavar="PATH", help="repaired texts, same file names (default: the tool's own fixes, "
                   "in memory)")
    e.add_argument("--unsafe-fixes", action="store_true", help="the in-memory repair also applies unsafe fixes")
    e.add_argument("--reference", metavar="PATH", help="reference texts (clean or post-edited), same file names")
    e.add_argument("--segments", choices=("auto", "line", "sentence", "document"), default="auto",
                   help="what a segment is: a line, an aligned sentence, or a whole file (slow for TER, and "
                        "too few segments for a significance test); auto: lines for a file whose reference has "
                        "as many lines, else aligned sentences")
    e.add_argument("--source", metavar="PATH", help="pair mode: Arabic source texts of the (English) PATHs")
    e.add_argument("--labels", metavar="FILE", help="labels JSON Lines: detection precision, recall and F1")
    e.add_argument("--baseline", metavar="FILE", help="findings to set apart from detection scores (JSON Lines, "
                   "as written by --synthetic)")
    e.add_argument("--clean", action="append", default=[], metavar="PATH",
                   help="texts marked clean: the repair must change 0 characters (repeatable)")
    e.add_argument("--synthetic", metavar="NTREX_DIR", help="run the synthetic benchmark on NTREX-128 "
                   "(e.g. ../shared/data/ntrex-128)")
    e.add_argument("--languages", default="ar,en", help="synthetic: languages (default ar,en)")
    e.add_argument("--seed", type=int, default=13, help="synthetic: injector seed (default 13)")
    e.add_argument("--rate", type=float, default=0.25, help="synthetic: share of lines corrupted (default 0.25)")
    e.add_argument("--judged", metavar="FILE", help="synthetic: TSV of clean-corpus findings judged real defects "
                   "(tests/data/ntrex_judged.tsv)")
    e.add_argument("--bootstrap", type=int, default=1000, metavar="N",
                   help="trials of the paired significance test and resamples of its 95%% intervals (default 1000; "
                        "0 = no significance test)")
    e.add_argument("--test", choices=("ar", "bs"), default="ar",
                   help="paired significance test, as sacrebleu runs it: ar, approximate randomization (default: "
                        "it rejects a true null hypothesis at its nominal rate), or bs, the paired bootstrap "
                        "(2-3x too often on TICO-19: benchmarks/bench_eval.py --calibrate)")
    e.add_argument("--tokenize", default=None, help="sacrebleu tokenizer for BLEU (default 13a)")
    e.add_argument("--min-severity", choices=("info", "warning", "error"), default="info",
                   help="ignore findings below this severity (default: count all)")
    e.add_argument("--output", "-o", default="eval-report", metavar="DIR",
                   help="report folder (default eval-report/); nothing is written elsewhere")
    e.add_argument("--format", default="md,json,html", help="comma-separated: md, json, html (default all)")
    e.add_argument("--title", default=None, help="report title")
    e.add_argument("--strict", action="store_true", help="exit 1 when a goal is not met")
    e.add_argument("--no-progress", action="store_true", help="no progress bars")
    e.add_argument("--progress", action="store_true", help="show progress even when stderr is not a terminal "
                   "(as plain lines)")
    e.add_argument("--timings", action="store_true", help="print seconds per phase on stderr and add them to "
                   "report.json")
    from mt_repair.workspace import add_settings_arguments

    add_settings_arguments(e)
    e.set_defaults(fail_on=None)


def run(args) -> int:
    try:
        return _run(args)
    except EvalError as exc:
        print(f"mt-repair eval: error: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _formats(value: str) -> tuple[str, ...]:
    from mt_repair.evaluation.report import FORMATS

    out = tuple(f.strip() for f in value.split(",") if f.strip())
    bad = [f for f in out if f not in FORMATS]
    if bad or not out:
        raise EvalError(f"--format takes {', '.join(FORMATS)} (comma-separated), not {value!r}")
    return out


def _check_tokenize(name: str) -> None:
    """Build the BLEU tokenizer now: an unknown name (KeyError) or a missing optional
    package (ja-mecab, spm) is a usage error before any work is done."""
    from sacrebleu.metrics import BLEU

    try:
        BLEU(tokenize=name)
    except KeyError:
        raise EvalError(f"--tokenize {name!r} is not a sacrebleu tokenizer: "
                        f"{', '.join(BLEU.TOKENIZERS)}") from None
    except Exception as exc:  # noqa: BLE001 - an ImportError or whatever the tokenizer's setup raises
        raise EvalError(f"--tokenize {name}: this tokenizer cannot be used here: {exc}") from None


def _run(args) -> int:
    from mt_repair.workspace import load_cli_settings
    from mt_repair.evaluation.progress import progress
    from mt_repair.evaluation.report import document, write_reports
    from mt_repair.types import Applicability, Severity

    formats = _formats(args.format)
    if not (args.paths or args.synthetic or args.clean or args.labels):
        raise EvalError("nothing to evaluate: give texts (PATH), --labels, --clean or --synthetic NTREX_DIR")
    if not 0 < args.rate <= 1:
        raise EvalError("--rate must be above 0 and at most 1")
    if args.bootstrap < 0:
        raise EvalError("--bootstrap must be 0 or more")
    if args.tokenize is not None:
        _check_tokenize(args.tokenize)
    output = Path(args.output)
    for p in [*args.paths, args.after, args.reference, args.source, *args.clean]:
        if p and Path(p).resolve() in (output.resolve(), *output.resolve().parents) and Path(p).is_file():
            raise EvalError(f"--output {output} is the input file {p}; choose a folder")
    anchor = Path(args.paths[0]) if args.paths and Path(args.paths[0]).exists() else Path.cwd()
    settings = load_cli_settings(args, anchor)
    minimum = Applicability.UNSAFE if args.unsafe_fixes else Applicability.SAFE
    min_sev = int(Severity.parse(args.min_severity))
    runs, extra = [], {}
    with progress(not args.no_progress, args.progress) as track:
        if args.synthetic:
            from mt_repair.evaluation.synthetic import Options, run_synthetic

            langs = tuple(x.strip() for x in args.languages.split(",") if x.strip())
            if not langs or any(x not in ("ar", "en") for x in langs):
                raise EvalError(f"--languages takes ar and/or en, not {args.languages!r}")
            opts = Options(args.seed, args.rate, minimum, args.bootstrap, min_sev)
            syn_runs, extra = run_synthetic(args.synthetic, langs, settings, opts, args.judged, track)
            runs.extend(syn_runs)
        if args.paths or args.clean or args.labels:
            runs.append(evaluate(args, settings, minimum, min_sev, track))
        command = "mt-repair eval " + " ".join(shlex.quote(a) for a in sys.argv[2:]) \
            if sys.argv[1:2] == ["eval"] else ""
        if args.timings:  # only when asked: timings would make the same run's reports differ
            for run in runs:
                run["timings"] = {k: {"wall_s": round(v, 3), "cpu_s": round(track.cpu[k], 3)}
                                  for k, v in track.timings.items()}
        doc = document(runs, command)
        with track.phase("writing reports"):
            written = write_reports(output, doc, formats, extra)
    if args.timings:
        for name, seconds in track.timings.items():
            print(f"mt-repair eval: {name}: {seconds:.2f} s (CPU {track.cpu[name]:.2f} s)", file=sys.stderr)
    _summary(runs, [p for p in written if p.name.startswith("report.")])
    missed = [g for r in runs for g in r.get("goals", []) if not g["met"]]
    return EXIT_GOALS if args.strict and missed else EXIT_OK


def _summary(runs, reports) -> None:
    for run in runs:
        print(run["title"])
        det = run.get("detection")
        if det:
            cells = [f"{c['category']} F1 {c['f1']:.3f}" for c in det["categories"] if c["f1"] is not None]
            print("  detection: " + ", ".join(cells))
        scores = run.get("scores") or {}
        for m in scores.get("metrics", []):
            print(f"  {m['name']}: {m['before']:.2f} -> {m['after']:.2f}"
                  + (f" (p {m['p_value']:.4f})" if m["p_value"] is not None else ""))
        if scores.get("warning"):
            print(f"  warning: {scores['warning']}")
        r = run.get("rates")
        if r:
            print(f"  findings per 1,000 words: {r['total']['before_per_1k']:.2f} -> {r['total']['after_per_1k']:.2f}")
        for g in run.get("goals", []):
            print(f"  [{'ok' if g['met'] else 'MISSED'}] {g['goal']}: {g['value']}")
    for p in reports:
        print(f"wrote {p}")


def evaluate(args, settings, minimum, min_sev, track) -> dict:
    """The non-synthetic run: everything asked for on the given texts."""
    from mt_repair.document import Document
    from mt_repair.evaluation.corpus import TextFile, load_corpus, pair_files, require_words
    from mt_repair.evaluation.rates import rates_dict, rule_names, tally
    from mt_repair.evaluation.terms import TermMatcher
    from mt_repair.fixes import fix_findings_until_stable
    from mt_repair.linter import check_text

    def check(text, path):
        return [f for f in check_text(text, settings, path) if f.severity >= min_sev]

    if len(args.paths) > 1 and (args.after or args.reference or args.source):
        raise EvalError("with --after, --reference or --source give one file or one folder of texts")
    files: list[TextFile] = []
    with track.phase("loading"):
        for p in args.paths:
            files.extend(load_corpus(p, settings, "texts", args.output))
        if args.paths:
            require_words(files, "texts", " ".join(args.paths))
        afters = pair_files(files, load_corpus(args.after, settings, "--after", args.output), "--after",
                            args.after) if args.after else None
        # check everything first: a bad reference or labels file must fail before any work is written
        refs = pair_files(files, load_corpus(args.reference, settings, "--reference", args.output), "--reference",
                          args.reference) if args.reference else None
        sources = pair_files(files, load_corpus(args.source, settings, "--source", args.output), "--source",
                             args.source) if args.source else None
        labels = texts = None
        if args.labels:
            from mt_repair.evaluation.detection import load_labels

            labels, texts = load_labels(args.labels)

    before_items, after_items, after_texts, found_by_path = [], [], [], {}
    matcher = TermMatcher(settings.glossary)
    terms_before, terms_after = Counter(), Counter()
    by_entry: Counter = Counter()
    words = 0
    for i, f in enumerate(track(files, description="check and repair")):
        # the repair's first check is the original's and its last the repaired text's: check each text once
        seen: dict[str, list] = {}

        def checked(text, path=f.path, seen=seen):
            if text not in seen:
                seen[text] = check_text(text, settings, path)
            return seen[text]

        after = afters[i].text if afters else fix_findings_until_stable(f.text, checked, minimum).text
        fb = [x for x in checked(f.text) if x.severity >= min_sev]
        fa = [x for x in checked(after) if x.severity >= min_sev]
        found_by_path[f.path] = fb
        before_items.append((f.text, fb))
        after_items.append((after, fa))
        after_texts.append(after)
        doc = Document(f.text)
        lang, words = doc.language, words + len(doc.tokens)
        for side, text, acc in (("before", f.text, terms_before), ("after", after, terms_after)):
            t = matcher.tally(text, lang)
            acc["house"] += t.house
            acc["other"] += t.other
            for (ar, en, kind), n in t.by_entry.items():
                by_entry[(ar, en, side, kind)] += n

    run: dict = {"title": args.title or ("mt-repair eval: " + ", ".join(args.paths or args.clean or [args.labels])),
                 "kind": "eval", "before_label": "original", "after_label": "repaired"}
    if files:
        run["corpus"] = {"files": len(files), "words": words,
                         "repair": f"--after {args.after}" if args.after else
                         ("safe and unsafe fixes" if args.unsafe_fixes else "safe fixes")}
        run["rates"] = rates_dict(tally(before_items), tally(after_items), rule_names())
        run["terms"] = _terms_dict(terms_before, terms_after, by_entry)
        run["examples"] = _change_examples(files, after_texts)
        run["examples_title"] = "Largest changes"
    goals = []
    if refs:
        run["scores"], worst = _scores(files, after_texts, refs, args, track)
        run["scores"]["reference_label"] = "reference"
        if worst:
            run["examples"], run["examples_title"] = worst, "Changed segments, largest chrF2++ loss first"
        chrf = next(m for m in run["scores"]["metrics"] if m["name"] == "chrF2++")
        hurt = chrf["delta"] < 0 and (chrf["p_value"] is None or chrf["p_value"] < 0.05)
        goals.append({"goal": "repair does not lower chrF2++ significantly", "value": chrf["delta"], "met": not hurt})
    if sources:
        run["pair_terms"] = _pair_terms(sources, files, after_texts, matcher)
    if labels is not None:
        run["detection"] = _detection(labels, texts, files, found_by_path, args, check)
        for row in run["detection"]["categories"]:
            if row["labels"]:
                goals.append({"goal": f"detection F1 ≥ 0.9 ({row['category']})", "value": row["f1"],
                              "met": (row["f1"] or 0) >= 0.9})
    if args.clean:
        run["no_harm"] = _no_harm(args.clean, settings, minimum, check, track, args.output)
        goals.append({"goal": "do no harm: 0 characters changed in texts marked clean",
                      "value": run["no_harm"]["chars_changed"], "met": run["no_harm"]["ok"]})
    if goals:
        run["goals"] = goals
    return run


def _terms_dict(before: Counter, after: Counter, by_entry: Counter) -> dict:
    def side(c):
        total = c["house"] + c["other"]
        return {"total": total, "house": c["house"], "other": c["other"],
                "accuracy": round(c["house"] / total, 4) if total else None}

    entries = sorted({(ar, en) for ar, en, _, _ in by_entry})
    rows = [{"ar": ar, "en": en, **{f"{s}_{k}": by_entry[(ar, en, s, k)] for s in ("before", "after")
                                    for k in ("house", "other")}} for ar, en in entries]
    rows.sort(key=lambda r: (-(r["before_other"] + r["after_other"]), -r["before_house"], r["en"]))
    return {"before": side(before), "after": side(after), "by_entry": rows}


def _scores(files, after_texts, refs, args, track):
    from mt_repair.evaluation.corpus import segments
    from mt_repair.evaluation.diffs import direction
    from mt_repair.evaluation.scores import score_segments

    segs = segments(list(zip(files, after_texts, refs)), args.segments, track)
    scored = score_segments(segs.before, segs.after, segs.reference, args.bootstrap, args.tokenize, track.phase,
                            args.test)
    changed = sorted(scored.chrf_deltas.items(), key=lambda x: (x[1], x[0]))
    examples = []
    for i, delta in changed[:6]:
        path, line = segs.origin[i]
        examples.append({"title": f"{path}" + (f":{line}" if line else "") + f" (chrF2++ {delta:+.2f})",
                         "path": path, "dir": direction(segs.reference[i]), "left_label": "original",
                         "right_label": "repaired", "hunks": [{"left": segs.before[i][:600], "right": segs.after[i][:600]}]})
    return {"unit": segs.unit, "segments": len(segs.before), "changed_segments": scored.changed,
            "files_by_unit": dict(segs.files_by_unit), "warning": scored.warning,
            "test": {"ar": "approximate randomization", "bs": "paired bootstrap"}[args.test],
            "before_label": "original", "after_label": "repaired",
            "metrics": [m.as_dict() for m in scored.metrics]}, examples


def _pair_terms(sources, files, after_texts, matcher) -> dict:
    from mt_repair.evaluation.terms import pair_tally

    out = {}
    for side, targets in (("before", [f.text for f in files]), ("after", after_texts)):
        pairs = []
        for src, f, tgt in zip(sources, files, targets):
            sl, tl = src.text.splitlines(), tgt.splitlines()
            if len(sl) == len(tl):
                pairs.extend((f"{f.path}:{n}", s, t) for n, (s, t) in enumerate(zip(sl, tl), 1))
            else:  # a repair dropped lines, or the files are not line-aligned: whole files
                pairs.append((f.path, src.text, tgt))
        t = pair_tally(pairs, matcher)
        out[side] = {"total": t.total, "carried": t.carried, "variant": t.variant, "missing": t.missing,
                     "accuracy": None if t.accuracy is None else round(t.accuracy, 4),
                     "examples": [{"where": w, "ar": ar, "en": en, "outcome": o} for w, ar, en, o in t.examples]}
    return out


def _detection(labels, texts, files, found_by_path, args, check) -> dict:
    from mt_repair.evaluation.detection import Found, detection_dict, file_key, score_detection

    shown = {file_key(f.path): f.path for f in files}
    all_texts = dict(texts)
    all_texts.update({file_key(f.path): f.text for f in files})
    for lab in labels:
        shown.setdefault(lab.key, lab.path)
    found = []
    for key, path in sorted(shown.items()):
        text = all_texts[key]
        fs = found_by_path.get(path)
        if fs is None:
            fs = check(text, path)
        found.extend(Found(key, path, f.start, f.end, f.code, f.category, f.message) for f in fs)
    baseline = _load_baseline(args.baseline) if args.baseline else []
    return detection_dict(score_detection(labels, found, baseline), all_texts)


def _load_baseline(path) -> list[tuple]:
    from mt_repair.evaluation.detection import file_key, resolve_path

    p = Path(path)
    if not p.is_file():
        raise EvalError(f"baseline file {p} does not exist")
    out = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{p}:{n}"
        try:
            obj = json.loads(line)
            key = file_key(resolve_path(obj["path"], p, where))
            out.append((key, obj["code"], int(obj["start"]), int(obj["end"]), obj.get("message")))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, RecursionError):  # RecursionError: nested too deeply
            raise EvalError(f"{where}: expected a JSON object with path, start, end and code") from None
    return out


def _no_harm(paths, settings, minimum, check, track, output) -> dict:
    from mt_repair.evaluation.corpus import load_corpus
    from mt_repair.evaluation.harm import do_no_harm
    from mt_repair.linter import fix_text

    files = [f for p in paths for f in load_corpus(p, settings, "--clean", output)]
    items = [(f.path, f.text, fix_text(f.text, settings, f.path, minimum)[0], check(f.text, f.path))
             for f in track(files, description="do no harm")]
    return do_no_harm(items).as_dict()


def _change_examples(files, after_texts) -> list[dict]:
    from mt_repair.evaluation.diffs import direction, hunks
    from mt_repair.evaluation.harm import chars_changed

    ranked = sorted(((chars_changed(f.text, a), f.path, f, a) for f, a in zip(files, after_texts) if f.text != a),
                    key=lambda x: (-x[0], x[1]))
    return [{"title": f"{f.path} ({n} characters changed)", "path": f.path, "dir": direction(f.text),
             "left_label": "original", "right_label": "repaired", "hunks": hunks(f.text, a, limit=4)}
            for n, _, f, a in ranked[:5]]
