"""Detection accuracy: findings against hand-made or injected labels.

Labels file: JSON Lines, one artifact a line:
    {"path": "examples/artifacts/x.md", "anchor": "نيو يورك", "category": "terminology"}
    {"path": "corrupted/doc.txt", "start": 120, "end": 131, "category": "script", "required": false}
`path` is relative to the current folder or to the labels file's folder; the span is
either `start`/`end` (code-point offsets, end exclusive) or an `anchor` that occurs
exactly once in the file. `required` (default true): a label that is not required may be
found (a finding on it is no false alarm) but missing it costs no recall. `note` and
`kind` are free text; `kind` names the injector that made it and gets its own recall.

Matching is by span overlap within a category:
- recall    = required labels overlapped by at least one finding of their category / required labels
- precision = findings overlapping at least one label of their category / findings
Findings that repeat a baseline finding (one the checker raises on the untouched clean
text: same file and rule, and an overlapping span or the very same message) are neither
hits nor false alarms: they are counted apart, so that defects already in the clean
corpus do not count against the checker. (The message matters for findings whose place
moves when text elsewhere changes, such as an odd number of straight quotes.)
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from mt_repair.evaluation import EvalError
from mt_repair.rules.base import CATEGORIES


@dataclass(frozen=True)
class Label:
    key: str  # resolved path: what findings are matched on
    path: str  # as shown
    start: int
    end: int
    category: str
    required: bool = True
    note: str = ""
    kind: str = ""
    where: str = ""  # labels file and line


@dataclass(frozen=True)
class Found:
    """A finding placed in a file."""

    key: str
    path: str
    start: int
    end: int
    code: str
    category: str
    message: str


def file_key(path: str | Path) -> str:
    return str(Path(path).resolve())


def resolve_path(raw: str, labels_path: Path, where: str) -> Path:
    """A path from a labels (or baseline) file: relative to the current folder or to that file."""
    p = Path(raw)
    candidates = [p] if p.is_absolute() else [p, labels_path.parent / p]
    for c in candidates:
        if c.is_file():
            return c
    raise EvalError(f"{where}: file {raw!r} not found (paths are taken relative to the current "
                    f"folder or to {labels_path.parent or '.'})")


def load_labels(labels_path: str | Path) -> tuple[list[Label], dict[str, str]]:
    """Parse and check a labels file. Returns the labels and the labelled texts by key."""
    from mt_repair.textio import InputError, read_source

    labels_path = Path(labels_path)
    try:
        raw = labels_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EvalError(f"labels file {labels_path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"labels file {labels_path}: cannot read: {exc}") from None
    texts: dict[str, str] = {}
    shown: dict[str, str] = {}
    labels: list[Label] = []
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{labels_path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        except RecursionError:  # json parses nested arrays recursively
            raise EvalError(f"{where}: not valid JSON (arrays or objects nested too deeply)") from None
        if not isinstance(obj, dict):
            raise EvalError(f"{where}: each line must be a JSON object")
        for key in ("path", "category"):
            if not isinstance(obj.get(key), str) or not obj[key]:
                raise EvalError(f"{where}: missing {key!r} (a string)")
        if obj["category"] not in CATEGORIES:
            raise EvalError(f"{where}: unknown category {obj['category']!r}; use one of {', '.join(CATEGORIES)}")
        p = resolve_path(obj["path"], labels_path, where)
        key = file_key(p)
        if key not in texts:
            try:
                texts[key] = read_source(p).text
            except InputError as exc:
                raise EvalError(f"{where}: {p}: {exc}") from None
            shown[key] = str(p)
        text = texts[key]
        start, end = _span(obj, text, where, p)
        required = obj.get("required", True)
        if not isinstance(required, bool):
            raise EvalError(f"{where}: 'required' must be true or false")
        labels.append(Label(key, shown[key], start, end, obj["category"], required,
                            str(obj.get("note", "")), str(obj.get("kind", "")), where))
    if not labels:
        raise EvalError(f"labels file {labels_path} has no labels")
    return labels, texts


def _span(obj: dict, text: str, where: str, path: Path) -> tuple[int, int]:
    has_anchor, has_span = "anchor" in obj, "start" in obj or "end" in obj
    if has_anchor == has_span:
        raise EvalError(f"{where}: give either 'anchor' or 'start' and 'end'")
    if has_anchor:
        anchor = obj["anchor"]
        if not isinstance(anchor, str) or not anchor:
            raise EvalError(f"{where}: 'anchor' must be a non-empty string")
        n = text.count(anchor)
        if n == 0:
            raise EvalError(f"{where}: anchor {anchor!r} not found in {path}")
        if n > 1:
            raise EvalError(f"{where}: anchor {anchor!r} occurs {n} times in {path}; make it longer or "
                            f"use start/end")
        start = text.index(anchor)
        return start, start + len(anchor)
    start, end = obj.get("start"), obj.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        raise EvalError(f"{where}: 'start' and 'end' must both be integers")
    if not 0 <= start < end:
        raise EvalError(f"{where}: span {start}..{end} is empty or negative")
    if end > len(text):
        raise EvalError(f"{where}: span {start}..{end} points outside {path} ({len(text)} characters)")
    return start, end


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    if a0 == a1:  # a point (an insertion) touches a span when inside or at its edge
        return b0 <= a0 <= b1
    return a0 < b1 and b0 < a1


@dataclass(frozen=True)
class CategoryScore:
    category: str
    labels: int  # required labels
    detected: int  # required labels found
    findings: int  # findings of this category, baseline excluded
    correct: int  # of those, overlapping a label of this category
    baseline: int

    @property
    def precision(self) -> float | None:
        return self.correct / self.findings if self.findings else None

    @property
    def recall(self) -> float | None:
        return self.detected / self.labels if self.labels else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        def r(x):
            return None if x is None else round(x, 4)

        return {"category": self.category, "labels": self.labels, "detected": self.detected,
                "missed": self.labels - self.detected, "findings": self.findings, "correct": self.correct,
                "false_alarms": self.findings - self.correct, "baseline": self.baseline,
                "precision": r(self.precision), "recall": r(self.recall), "f1": r(self.f1)}


@dataclass(frozen=True)
class DetectionResult:
    categories: tuple[CategoryScore, ...]
    overall: CategoryScore
    kinds: tuple[tuple[str, str, int, int], ...]  # (kind, category, required labels, detected)
    misses: tuple[Label, ...]
    false_alarms: tuple[Found, ...]
    baseline: tuple[Found, ...]


def score_detection(labels: list[Label], found: list[Found], baseline=()) -> DetectionResult:
    """baseline: (key, code, start, end, message) of findings on the untouched clean text,
    mapped onto the evaluated text (start and end None when the span could not be mapped)."""
    base_by_key = defaultdict(list)
    for key, code, s, e, message in baseline:
        base_by_key[key].append((code, s, e, message))
    labels_by = defaultdict(list)
    for lab in labels:
        labels_by[(lab.key, lab.category)].append(lab)
    hit_labels: set[int] = set()
    correct, alarms, base_hits = [], [], []
    for f in found:
        # a label takes precedence: the same message may come from a new artifact
        matched = [lab for lab in labels_by[(f.key, f.category)] if _overlap(f.start, f.end, lab.start, lab.end)]
        for lab in matched:
            hit_labels.add(id(lab))
        if matched:
            correct.append(f)
        elif any(code == f.code and (message == f.message or (s is not None and _overlap(f.start, f.end, s, e)))
                 for code, s, e, message in base_by_key[f.key]):
            base_hits.append(f)
        else:
            alarms.append(f)
    rows = []
    for cat in CATEGORIES:
        req = [lab for lab in labels if lab.category == cat and lab.required]
        rows.append(CategoryScore(
            cat, len(req), sum(1 for lab in req if id(lab) in hit_labels),
            sum(1 for f in correct + alarms if f.category == cat), sum(1 for f in correct if f.category == cat),
            sum(1 for f in base_hits if f.category == cat)))
    overall = CategoryScore("all", sum(r.labels for r in rows), sum(r.detected for r in rows),
                            sum(r.findings for r in rows), sum(r.correct for r in rows), len(base_hits))
    kinds: dict[tuple[str, str], list[int]] = {}
    for lab in labels:
        if lab.kind and lab.required:
            k = kinds.setdefault((lab.kind, lab.category), [0, 0])
            k[0] += 1
            k[1] += id(lab) in hit_labels
    misses = tuple(lab for lab in labels if lab.required and id(lab) not in hit_labels)
    return DetectionResult(tuple(rows), overall, tuple((k, c, n, d) for (k, c), (n, d) in sorted(kinds.items())),
                           misses, tuple(alarms), tuple(base_hits))


def _line_of(text: str | None, offset: int) -> int:
    return text.count("\n", 0, offset) + 1 if text is not None else 0


def _excerpt(text: str | None, start: int, end: int, limit: int = 120) -> str:
    if text is None:
        return ""
    s = text[start:end]
    return s if len(s) <= limit else s[:limit - 1] + "…"


def detection_dict(res: DetectionResult, texts: dict[str, str], limit: int = 200) -> dict:
    """JSON-ready detection results; misses and false alarms listed (the first `limit`)."""
    return {
        "categories": [c.as_dict() for c in res.categories],
        "overall": res.overall.as_dict(),
        "kinds": [{"kind": k, "category": c, "labels": n, "detected": d, "recall": round(d / n, 4) if n else None}
                  for k, c, n, d in res.kinds],
        "misses": [{"path": lab.path, "line": _line_of(texts.get(lab.key), lab.start), "category": lab.category,
                    "kind": lab.kind, "text": _excerpt(texts.get(lab.key), lab.start, lab.end), "note": lab.note,
                    "label": lab.where}
                   for lab in res.misses[:limit]],
        "misses_total": len(res.misses),
        "false_alarms": [{"path": f.path, "line": _line_of(texts.get(f.key), f.start), "code": f.code,
                          "category": f.category, "message": f.message,
                          "text": _excerpt(texts.get(f.key), f.start, f.end)}
                         for f in res.false_alarms[:limit]],
        "false_alarms_total": len(res.false_alarms),
        "baseline_findings": len(res.baseline),
    }
