"""The synthetic benchmark: inject → check → fix → score, on NTREX-128 (or any corpus laid
out like it: `newstest2019-ref.arb.txt`, `newstest2019-src.eng.txt`, `DOCUMENT_IDS.tsv`).

Each NTREX document (its lines joined, one paragraph a line) is one text. Steps per language:
1. baseline: check the untouched clean text; those findings are defects of the corpus
   itself (NTREX has some: missing spaces, a name spelled two ways) and the lines they sit
   on are not corrupted;
2. inject artifacts (seeded) into the other lines, keeping exact labels;
3. check the corrupted text: detection P/R/F1 per category against the labels, with the
   baseline findings (same rule, same place, mapped onto the corrupted text) set apart;
4. repair it (safe fixes, or unsafe too) and score restoration: chrF++/BLEU/TER of
   corrupted vs clean and repaired vs clean, with sacrebleu's paired bootstrap. Injected
   and repaired texts gain and lose lines, so each is re-aligned to the clean lines by a
   line diff (`corpus.align_lines`: an inserted line joins its neighbour, a dropped line
   leaves an empty segment) and scored line by line; scoring whole documents as single
   segments gives nearly the same chrF but makes TER's shift search very slow;
5. do no harm: repair the clean text itself; every character it changes must belong to a
   defect judged real (`--judged`, e.g. tests/data/ntrex_judged.tsv), else it is harm.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from mt_repair.evaluation import EvalError
from mt_repair.evaluation.corpus import align_lines
from mt_repair.evaluation.detection import Found, Label, detection_dict, score_detection
from mt_repair.evaluation.diffs import direction, hunks
from mt_repair.evaluation.harm import chars_changed
from mt_repair.evaluation.inject import KINDS, Injector
from mt_repair.evaluation.rates import rates_dict, rule_names, tally, word_count
from mt_repair.fixes import apply_fixes
from mt_repair.rules.base import CATEGORIES
from mt_repair.types import Applicability

NTREX_FILES = {"ar": "newstest2019-ref.arb.txt", "en": "newstest2019-src.eng.txt"}
LANGUAGE_NAMES = {"ar": "Arabic", "en": "English"}
IDS_FILE = "DOCUMENT_IDS.tsv"
GOAL_F1, GOAL_CHRF = 0.9, 99.0


def load_ntrex(root: str | Path, language: str) -> list[tuple[str, list[str]]]:
    """(document id, lines) in corpus order."""
    root = Path(root)
    if not root.is_dir():
        raise EvalError(f"NTREX folder {root} does not exist")
    text_path, ids_path = root / NTREX_FILES[language], root / IDS_FILE
    for p in (text_path, ids_path):
        if not p.is_file():
            raise EvalError(f"{p} is missing (expected NTREX-128's {p.name})")
    lines = text_path.read_text(encoding="utf-8").splitlines()
    ids = ids_path.read_text(encoding="utf-8").splitlines()
    if len(lines) != len(ids):
        raise EvalError(f"mismatched line counts: {text_path} has {len(lines)} lines, {ids_path} has {len(ids)}; "
                        f"line {min(len(lines), len(ids)) + 1} has no counterpart")
    if not any(x.strip() for x in lines):
        raise EvalError(f"{text_path}: empty corpus")
    docs: dict[str, list[str]] = {}
    for n, (doc_id, line) in enumerate(zip(ids, lines), 1):
        key = doc_id.split("\t")[0].strip()
        if not key:
            raise EvalError(f"{ids_path}:{n}: empty document id")
        docs.setdefault(key, []).append(line)
    return list(docs.items())


def load_judged(path: str | Path | None) -> set[tuple[str, str, str, str]] | None:
    """(language, document, code, message) rows judged true defects of the clean corpus."""
    if path is None:
        return None
    p = Path(path)
    if not p.is_file():
        raise EvalError(f"judged-defects file {p} does not exist")
    rows = set()
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 4:
            raise EvalError(f"{p}:{n}: expected language, document, code, message (tab-separated)")
        rows.add(tuple(cells[:4]))
    return rows


@dataclass(frozen=True)
class Options:
    seed: int = 13
    rate: float = 0.25
    minimum: Applicability = Applicability.SAFE
    n_samples: int = 1000
    min_severity: int = 1  # Severity value; findings below it are ignored


def run_language(docs, language: str, settings, opts: Options, judged=None, track=None):
    """Returns (run dict for the report, {relative path: text} to write)."""
    from mt_repair.evaluation.scores import compare, corpus_scores, sentence_chrf
    from mt_repair.linter import check_text, fix_text

    track = track or (lambda items, total=None, description="": items)
    name = LANGUAGE_NAMES[language]
    injector = Injector(language, settings, opts.seed, opts.rate)
    check = lambda text, doc: [f for f in check_text(text, settings, doc) if f.severity >= opts.min_severity]  # noqa: E731

    labels: list[Label] = []
    marks = []
    found: list[Found] = []
    baseline: list[tuple] = []
    texts: dict[str, str] = {}
    files: dict[str, str] = {}
    corrupt_items, repaired_items = [], []
    seg_clean, seg_corrupt, seg_repaired, seg_clean_fixed = [], [], [], []
    harm_chars = harm_changed = judged_true = judged_false = 0
    harm_by_rule: Counter = Counter()
    levels = ("safe", "unsafe") if opts.minimum <= Applicability.UNSAFE else ("safe",)
    seg_fixable, seg_fixable_repaired = [], []
    base_codes: Counter = Counter()
    per_doc = []
    for doc_id, lines in track(docs, description=f"{name}: inject, check, fix"):
        clean = "\n".join(lines) + "\n"
        base = check(clean, doc_id)
        skip = set()
        for f in base:
            a, b = clean.count("\n", 0, f.start), clean.count("\n", 0, max(f.start, f.end - 1))
            skip.update(range(a, b + 1))
        inj = injector.document(doc_id, lines, skip)

        def aligned(text, lines=lines):
            # repairs drop and join lines: map them back onto the clean lines, then score by line
            return [x.strip() for x in align_lines(lines, text.splitlines())]

        rel = f"corrupted/{doc_id}.txt"
        key = f"{language}:{doc_id}"
        texts[key] = inj.corrupted
        marks.extend(inj.marks)
        for m in inj.marks:
            labels.append(Label(key, rel, m.start, m.end, m.category, True, m.note, m.kind))
        doc_found = [Found(key, rel, f.start, f.end, f.code, f.category, f.message)
                     for f in check(inj.corrupted, doc_id)]
        found.extend(doc_found)
        unjudged = []
        for f in base:
            span = inj.map_span(f.start, f.end) or (None, None)
            baseline.append((key, f.code, span[0], span[1], f.message))
            base_codes[f.code] += 1
            if judged is not None:
                ok = (language, doc_id, f.code, f.message) in judged
                judged_true += ok
                judged_false += not ok
                if not ok and f.fix is not None and f.fix.applicability >= opts.minimum:
                    unjudged.append(f)
        for f in unjudged:  # what each fix of a finding not judged a real defect changes
            harm_by_rule[f.code] += chars_changed(clean, apply_fixes(clean, [f.fix])[0])
        fixable = inj.only(levels)
        fixable_repaired, _ = fix_text(fixable, settings, doc_id, opts.minimum)
        seg_fixable.extend(aligned(fixable))
        seg_fixable_repaired.extend(aligned(fixable_repaired))
        repaired, _ = fix_text(inj.corrupted, settings, doc_id, opts.minimum)
        clean_fixed, _ = fix_text(clean, settings, doc_id, opts.minimum)
        changed = chars_changed(clean, clean_fixed)
        harm_chars += changed
        harm_changed += changed > 0
        corrupt_items.append((inj.corrupted, doc_found))
        repaired_items.append((repaired, check(repaired, doc_id)))
        seg_clean.extend(x.strip() for x in lines)
        seg_corrupt.extend(aligned(inj.corrupted))
        seg_repaired.extend(aligned(repaired))
        seg_clean_fixed.extend(aligned(clean_fixed))
        per_doc.append((doc_id, clean, repaired))
        files[f"clean/{doc_id}.txt"] = clean
        files[rel] = inj.corrupted
        files[f"repaired/{doc_id}.txt"] = repaired
        files.setdefault("labels.jsonl", "")
        files["labels.jsonl"] += "".join(_label_line(rel, m) for m in inj.marks)
        files.setdefault("baseline.jsonl", "")
        files["baseline.jsonl"] += "".join(
            _baseline_line(rel, f, inj.map_span(f.start, f.end)) for f in base)

    if not labels:
        raise EvalError(f"NTREX {name}: the injector found no line to corrupt (rate {opts.rate})")
    det = score_detection(labels, found, baseline)
    harmful = sum(harm_by_rule.values())
    metrics, fixable_metrics = [
        compare(before, after, seg_clean, opts.n_samples)
        for before, after in track([(seg_corrupt, seg_repaired), (seg_fixable, seg_fixable_repaired)],
                                   description=f"{name}: sacrebleu scores and paired bootstrap")]
    ceiling = corpus_scores(seg_clean_fixed, seg_clean)
    restored = {m.name: m.after for m in fixable_metrics}
    corrupted_score = {m.name: m.before for m in fixable_metrics}

    fixes = Counter(m.fix for m in marks)
    by_kind = Counter((lab.kind, lab.category) for lab in labels)
    det_d = detection_dict(det, texts)
    goals = []
    for row in det_d["categories"]:
        if row["labels"]:
            goals.append({"goal": f"detection F1 ≥ {GOAL_F1} ({row['category']})", "value": row["f1"],
                          "met": (row["f1"] or 0) >= GOAL_F1})
    goals.append({"goal": f"restoration chrF2++ repaired vs clean ≥ {GOAL_CHRF:g} (artifacts a repair can undo)",
                  "value": round(restored["chrF2++"], 2), "met": restored["chrF2++"] >= GOAL_CHRF})
    goals.append({"goal": "restoration chrF2++ corrupted vs clean lower than repaired (same artifacts)",
                  "value": round(corrupted_score["chrF2++"], 2), "met": corrupted_score["chrF2++"] < restored["chrF2++"]})
    if judged is not None:
        goals.append({"goal": "do no harm: 0 characters changed on clean text outside judged true defects",
                      "value": harmful, "met": harmful == 0})

    worst = sorted(per_doc, key=lambda d: (sentence_chrf(" ".join(d[2].split()), " ".join(d[1].split())), d[0]))
    examples = []
    for doc_id, clean, repaired in worst[:5]:
        h = hunks(clean, repaired)
        if h:
            examples.append({"title": f"{doc_id}", "path": f"repaired/{doc_id}.txt", "dir": direction(clean),
                             "left_label": "clean", "right_label": "repaired", "hunks": h,
                             "score": round(sentence_chrf(" ".join(repaired.split()), " ".join(clean.split())), 2)})

    words = sum(word_count("\n".join(ls)) for _, ls in docs)
    run = {
        "title": f"NTREX-128 {name}: synthetic artifacts (seed {opts.seed}, rate {opts.rate:g})",
        "kind": "synthetic", "language": language,
        "corpus": {"documents": len(docs), "lines": sum(len(ls) for _, ls in docs), "words": words},
        "injection": {
            "labels": len(labels),
            "by_category": {c: sum(1 for lab in labels if lab.category == c) for c in CATEGORIES},
            "by_kind": [{"kind": k, "category": c, "labels": n} for (k, c), n in sorted(by_kind.items())],
            "restorable": {"safe": fixes["safe"], "unsafe": fixes["unsafe"], "none": fixes["none"]},
        },
        "detection": det_d,
        "scores": {"unit": "line (re-aligned)", "segments": len(seg_clean), "before_label": "corrupted",
                   "after_label": "repaired", "reference_label": "clean text",
                   "metrics": [m.as_dict() for m in metrics],
                   "fixable": {"label": f"only the artifacts {' or '.join(levels)} fixes can undo "
                                        f"({sum(1 for m in marks if m.fix in levels)} of {len(marks)})",
                               "metrics": [m.as_dict() for m in fixable_metrics]},
                   "ceiling": {"label": "clean, repaired (what the repair does to the clean text)",
                               "scores": {k: round(v[0], 4) for k, v in ceiling.items()}}},
        "rates": rates_dict(tally(corrupt_items), tally(repaired_items), rule_names()),
        "baseline": {"findings": sum(base_codes.values()), "by_rule": dict(sorted(base_codes.items())),
                     "judged_true": judged_true if judged is not None else None,
                     "not_judged": judged_false if judged is not None else None},
        "no_harm": {"files": len(docs), "chars_changed": harm_chars, "files_changed": harm_changed,
                    "findings": sum(base_codes.values()),
                    "chars_changed_outside_judged": harmful if judged is not None else None,
                    "outside_judged_by_rule": dict(sorted(harm_by_rule.items())) if judged is not None else None,
                    "ok": (harmful == 0) if judged is not None else harm_chars == 0},
        "goals": goals,
        "examples": examples,
        "examples_title": "Documents least restored (clean vs repaired, lowest chrF2++ first)",
        "settings": {"seed": opts.seed, "rate": opts.rate, "fixes": str(opts.minimum),
                     "bootstrap": opts.n_samples, "kinds": [k.name for k in KINDS if k.language == language]},
    }
    return run, files


def _label_line(path: str, m) -> str:
    import json

    return json.dumps({"path": path, "start": m.start, "end": m.end, "category": m.category, "kind": m.kind,
                       "fix": m.fix, "note": m.note}, ensure_ascii=False) + "\n"


def _baseline_line(path: str, f, span) -> str:
    import json

    if span is None:
        return ""
    return json.dumps({"path": path, "start": span[0], "end": span[1], "code": f.code, "category": f.category,
                       "message": f.message}, ensure_ascii=False) + "\n"


def run_synthetic(root, languages, settings, opts: Options, judged_path=None, track=None):
    """Both languages (or those asked for): (runs, {relative path: text})."""
    judged = load_judged(judged_path)
    runs, files = [], {}
    for lang in languages:
        docs = load_ntrex(root, lang)
        run, out = run_language(docs, lang, settings, opts, judged, track)
        runs.append(run)
        files.update({f"synthetic/{lang}/{k}": v for k, v in out.items()})
    return runs, files
