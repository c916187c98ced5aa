"""Detection accuracy: P/R/F1 by span overlap on a hand-made case, and labels-file errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mt_repair.evaluation import EvalError
from mt_repair.evaluation.detection import Found, Label, load_labels, score_detection

ROOT = Path(__file__).resolve().parent.parent


def _lab(s, e, cat, required=True, kind=""):
    return Label("f", "f", s, e, cat, required, "", kind)


def _found(s, e, cat, code="XX001", message="m"):
    return Found("f", "f", s, e, code, cat, message)


def test_precision_recall_f1_by_hand():
    labels = [_lab(0, 5, "repetition", kind="loop"), _lab(10, 15, "repetition", kind="loop"),
              _lab(20, 25, "script", kind="persian"), _lab(30, 35, "script", required=False)]
    found = [
        _found(3, 8, "repetition"),  # overlaps label 1: correct
        _found(4, 6, "repetition"),  # the same label again: correct, no extra recall
        _found(40, 45, "repetition"),  # overlaps nothing: false alarm
        _found(12, 13, "script"),  # overlaps a repetition label only: a false alarm for script
        _found(31, 33, "script"),  # overlaps the optional label: correct
        _found(50, 52, "punctuation", "PN001", "space before «،»"),  # a baseline finding
    ]
    res = score_detection(labels, found, baseline=[("f", "PN001", 50, 52, "space before «،»")])
    rows = {c.category: c for c in res.categories}
    rep, scr = rows["repetition"], rows["script"]
    assert (rep.labels, rep.detected, rep.findings, rep.correct) == (2, 1, 3, 2)
    assert rep.precision == pytest.approx(2 / 3) and rep.recall == pytest.approx(1 / 2)
    assert rep.f1 == pytest.approx(2 * (2 / 3) * (1 / 2) / (2 / 3 + 1 / 2))
    # the optional label is not counted in recall: 1 required script label, not found
    assert (scr.labels, scr.detected, scr.findings, scr.correct) == (1, 0, 2, 1)
    assert scr.precision == pytest.approx(0.5) and scr.recall == 0.0 and scr.f1 == 0.0
    assert rows["punctuation"].findings == 0 and rows["punctuation"].baseline == 1
    assert rows["garbled"].precision is None and rows["garbled"].f1 is None
    assert [(m.start, m.category) for m in res.misses] == [(10, "repetition"), (20, "script")]
    assert [(f.start, f.category) for f in res.false_alarms] == [(40, "repetition"), (12, "script")]
    assert res.kinds == (("loop", "repetition", 2, 1), ("persian", "script", 1, 0))
    assert res.overall.labels == 3 and res.overall.detected == 1


def test_baseline_by_message_but_labels_first():
    labels = [_lab(0, 5, "punctuation")]
    found = [_found(1, 2, "punctuation", "PN003", "odd quotes"), _found(90, 91, "punctuation", "PN003", "odd quotes")]
    res = score_detection(labels, found, baseline=[("f", "PN003", None, None, "odd quotes")])
    assert res.overall.correct == 1 and len(res.baseline) == 1 and not res.false_alarms


def test_examples_labels(settings, monkeypatch):
    """The project's own labelled examples: 57 labels, scored against the checker:
    every planted artifact found, no false alarm, in every category."""
    from mt_repair.evaluation.detection import file_key
    from mt_repair.linter import check_text

    monkeypatch.chdir(ROOT)  # the example labels' paths are relative to the repository root
    labels, texts = load_labels("examples/labels.jsonl")
    assert len(labels) == 57 and len(texts) == 2
    found = []
    for p in sorted((ROOT / "examples").rglob("*.md")):
        if p.name == "README.md":
            continue
        text = p.read_text(encoding="utf-8")
        found += [Found(file_key(p), str(p), f.start, f.end, f.code, f.category, f.message)
                  for f in check_text(text, settings, str(p))]
    res = score_detection(labels, found)
    assert not res.misses and not res.false_alarms, (res.misses, res.false_alarms)
    # every category the examples label or the checker reports on them scores 1.0
    assert all(c.f1 == 1.0 for c in res.categories if c.labels or c.findings), res.categories


def _write(tmp_path, lines, text="قال الرئيس ، إن المحادثات مستمرة.\n"):
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    p = tmp_path / "labels.jsonl"
    p.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" if isinstance(x, dict) else x + "\n"
                         for x in lines), encoding="utf-8")
    return p


@pytest.mark.parametrize("line, message", [
    ({"path": "a.md", "start": 10, "end": 400, "category": "punctuation"}, r"labels\.jsonl:2: span 10\.\.400 points outside .*a\.md \(34 characters\)"),
    ({"path": "a.md", "anchor": "غير موجود", "category": "script"}, r"labels\.jsonl:2: anchor 'غير موجود' not found in .*a\.md"),
    ({"path": "a.md", "anchor": "ا", "category": "script"}, r"labels\.jsonl:2: anchor 'ا' occurs \d+ times"),
    ({"path": "b.md", "anchor": "x", "category": "script"}, r"labels\.jsonl:2: file 'b\.md' not found"),
    ({"path": "a.md", "anchor": "قال", "category": "spelling"}, r"labels\.jsonl:2: unknown category 'spelling'"),
    ({"path": "a.md", "anchor": "قال", "start": 0, "end": 3, "category": "script"}, r"labels\.jsonl:2: give either"),
    ({"path": "a.md", "start": 5, "end": 5, "category": "script"}, r"labels\.jsonl:2: span 5\.\.5 is empty"),
    ("{not json", r"labels\.jsonl:2: not valid JSON"),
])
def test_bad_labels_name_file_and_line(tmp_path, line, message):
    good = {"path": "a.md", "anchor": "الرئيس ،", "category": "punctuation"}
    p = _write(tmp_path, [good, line])
    with pytest.raises(EvalError, match=message):
        load_labels(p)


def test_empty_labels_file(tmp_path):
    p = tmp_path / "labels.jsonl"
    p.write_text("\n", encoding="utf-8")
    with pytest.raises(EvalError, match="has no labels"):
        load_labels(p)


def test_labels_resolve_relative_to_the_labels_file(tmp_path):
    p = _write(tmp_path, [{"path": "a.md", "anchor": "الرئيس ،", "category": "punctuation"}])
    labels, texts = load_labels(p)
    (lab,) = labels
    assert texts[lab.key][lab.start:lab.end] == "الرئيس ،"
