"""`mt-repair eval` end to end: reports, values wired through, bad input, determinism."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mt_repair.cli import main

DATA = Path(__file__).parent / "data" / "eval"
MINI = DATA / "ntrex-like"


def _eval(*args, out):
    rc = main(["eval", "--isolated", "--no-progress", "-o", str(out), *map(str, args)])
    report = out / "report.json"
    return rc, (json.loads(report.read_text(encoding="utf-8")) if report.exists() else None)


def test_before_after_against_references(tmp_path, settings):
    import sacrebleu

    from mt_repair.linter import fix_text

    out = tmp_path / "out"
    rc, doc = _eval(DATA / "before", "--reference", DATA / "reference", "--bootstrap", "100", out=out)
    assert rc == 0
    (run,) = doc["runs"]
    scores = run["scores"]
    assert scores["unit"] == "line" and scores["segments"] == 6
    # the same numbers as sacrebleu called directly on the aligned lines
    before, after, refs = [], [], []
    for name in ("briefing.en.txt", "talks.ar.txt"):
        b = (DATA / "before" / name).read_text(encoding="utf-8")
        before += b.splitlines()
        after += fix_text(b, settings, name)[0].splitlines()
        refs += (DATA / "reference" / name).read_text(encoding="utf-8").splitlines()
    got = {m["name"]: m for m in scores["metrics"]}
    assert got["BLEU"]["before"] == pytest.approx(sacrebleu.corpus_bleu(before, [refs]).score, abs=1e-4)
    assert got["BLEU"]["after"] == pytest.approx(sacrebleu.corpus_bleu(after, [refs]).score, abs=1e-4)
    assert got["TER"]["after"] == pytest.approx(sacrebleu.corpus_ter(after, [refs]).score, abs=1e-4)
    assert got["chrF2++"]["after"] > got["chrF2++"]["before"]
    # 6 segments: a warning instead of a p-value (the p-value itself: tests/test_eval_scale.py)
    assert got["chrF2++"]["p_value"] is None and got["chrF2++"]["after_ci95"] is None
    assert scores["changed_segments"] == 5 and "only 6 segments" in scores["warning"]
    # rates: 6 findings before over 53 words; after, none left
    assert run["rates"]["total"]["before"] == 6 and run["rates"]["total"]["after"] == 0
    # the Arabic loop, `not not` and `yet yet`
    assert {r["key"]: r["before"] for r in run["rates"]["by_category"]}["repetition"] == 3
    assert run["terms"]["before"]["house"] == 4  # واشنطن, وزير الخارجية, المتحدث باسم; Washington
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.json", "report.md"]
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "chrF2++" in md and "nrefs:1" in md and "**Warning:** only 6 segments" in md


def test_html_is_self_contained_and_marks_arabic_rtl(tmp_path):
    out = tmp_path / "out"
    rc, _ = _eval(DATA / "before", "--reference", DATA / "reference", "--bootstrap", "0", out=out)
    assert rc == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<style>" in page
    assert 'dir="rtl"' in page and 'lang="ar"' in page
    for external in ("<script", "<link", "src=", "@import", "url("):
        assert external not in page
    assert page.count("http") == page.count('xmlns="http://www.w3.org/2000/svg"')


def test_detection_and_do_no_harm(tmp_path):
    out = tmp_path / "out"
    rc, doc = _eval(DATA / "before", "--labels", DATA / "labels.jsonl", "--clean", DATA / "reference",
                    "--strict", out=out)
    assert rc == 0
    (run,) = doc["runs"]
    overall = run["detection"]["overall"]
    assert (overall["labels"], overall["detected"], overall["findings"], overall["correct"]) == (6, 6, 6, 6)
    assert run["no_harm"] == {"files": 2, "chars_changed": 0, "findings": 0, "ok": True,
                              "by_file": run["no_harm"]["by_file"]}
    assert all(g["met"] for g in run["goals"])


def test_strict_exits_1_when_a_goal_is_missed(tmp_path):
    labels = tmp_path / "labels.jsonl"
    shutil.copy(DATA / "labels.jsonl", labels)
    shutil.copytree(DATA / "before", tmp_path / "before")
    with labels.open("a", encoding="utf-8") as fh:  # a label on words the checker rightly leaves alone
        fh.write(json.dumps({"path": "before/briefing.en.txt", "anchor": "were useful", "category": "repetition"}) + "\n")
    rc, doc = _eval(tmp_path / "before", "--labels", labels, "--strict", out=tmp_path / "out")
    assert rc == 1
    rep = next(c for c in doc["runs"][0]["detection"]["categories"] if c["category"] == "repetition")
    assert rep["recall"] == 0.75 and doc["runs"][0]["detection"]["misses"][0]["text"] == "were useful"


def test_pair_mode_term_accuracy(tmp_path):
    (tmp_path / "ar.txt").write_text("التقى بلينكن نظيره في كييف\nوصل سيرغي لافروف إلى موسكو\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Blinken met his counterpart in Kiev\nSergei Lavrov arrived in Moscow\n",
                                     encoding="utf-8")
    rc, doc = _eval(tmp_path / "en.txt", "--source", tmp_path / "ar.txt", out=tmp_path / "out")
    assert rc == 0
    pt = doc["runs"][0]["pair_terms"]
    # before: Blinken and Moscow carried, Kiev and Sergei Lavrov are variants; the repair fixes both variants
    assert (pt["before"]["carried"], pt["before"]["variant"]) == (2, 2)
    assert (pt["after"]["carried"], pt["after"]["variant"]) == (4, 0)


def _bad(tmp_path, *args):
    out = tmp_path / "out"
    rc = main(["eval", "--isolated", "--no-progress", "-o", str(out), *map(str, args)])
    return rc, out.exists()


def test_bad_input_exits_2_and_writes_nothing(tmp_path, capsys):
    ref = tmp_path / "ref"
    ref.mkdir()
    shutil.copy(DATA / "reference" / "talks.ar.txt", ref)
    rc, wrote = _bad(tmp_path, DATA / "before", "--reference", ref)
    err = capsys.readouterr().err
    assert rc == 2 and not wrote
    assert "missing --reference file for" in err and "briefing.en.txt" in err

    short = tmp_path / "short.txt"
    short.write_text("The minister said the talks in Washington were useful.\n", encoding="utf-8")
    rc, wrote = _bad(tmp_path, DATA / "before" / "briefing.en.txt", "--reference", short, "--segments", "line")
    err = capsys.readouterr().err
    assert rc == 2 and not wrote and "has 3 lines" in err and "line 2 has no counterpart" in err

    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "a.txt").write_text("\n\n", encoding="utf-8")
    rc, wrote = _bad(tmp_path, empty)
    assert rc == 2 and not wrote and "empty corpus" in capsys.readouterr().err

    rc, wrote = _bad(tmp_path, tmp_path / "nope")
    assert rc == 2 and not wrote and "does not exist" in capsys.readouterr().err

    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps({"path": str(DATA / "before" / "talks.ar.txt"), "start": 5, "end": 9999,
                                  "category": "script"}) + "\n", encoding="utf-8")
    rc, wrote = _bad(tmp_path, DATA / "before", "--labels", labels)
    err = capsys.readouterr().err
    assert rc == 2 and not wrote and "labels.jsonl:1: span 5..9999 points outside" in err

    rc, wrote = _bad(tmp_path, "--synthetic", tmp_path / "no-ntrex")
    assert rc == 2 and not wrote and "does not exist" in capsys.readouterr().err


def test_output_only_in_the_output_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rc = main(["eval", "--isolated", "--no-progress", str(DATA / "before"), "--reference", str(DATA / "reference"),
               "--bootstrap", "0", "-o", "rep"])
    assert rc == 0
    assert [p.name for p in tmp_path.iterdir()] == ["rep"]
    assert sorted(p.name for p in (tmp_path / "rep").iterdir()) == ["report.html", "report.json", "report.md"]
    # an output folder inside the input folder is never read back as input
    shutil.copytree(DATA / "before", tmp_path / "texts")
    for _ in range(2):
        rc, doc = _eval(tmp_path / "texts", out=tmp_path / "texts" / "rep")
        assert rc == 0 and doc["runs"][0]["corpus"]["files"] == 2


def test_synthetic_end_to_end_is_deterministic(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    judged = tmp_path / "judged.tsv"
    judged.write_text("# none: the mini corpus is clean\n", encoding="utf-8")
    args = ["--synthetic", MINI, "--seed", "5", "--rate", "0.7", "--bootstrap", "0", "--judged", judged]
    rc1, one = _eval(*args, out=a)
    rc2, two = _eval(*args, out=b)
    assert rc1 == rc2 == 0
    assert one == two
    assert (a / "synthetic/ar/labels.jsonl").read_bytes() == (b / "synthetic/ar/labels.jsonl").read_bytes()
    ar, en = one["runs"]
    assert ar["language"] == "ar" and en["language"] == "en"
    assert ar["injection"]["labels"] >= 5 and en["injection"]["labels"] >= 5
    for name in ("clean", "corrupted", "repaired"):
        assert (a / "synthetic/ar" / name / "mini.trade.txt").is_file()
    clean = (a / "synthetic/ar/clean/mini.trade.txt").read_text(encoding="utf-8")
    assert clean == "\n".join((MINI / "newstest2019-ref.arb.txt").read_text(encoding="utf-8").splitlines()[:5]) + "\n"
    # every label points into the corrupted file it names
    for line in (a / "synthetic/en/labels.jsonl").read_text(encoding="utf-8").splitlines():
        lab = json.loads(line)
        text = (a / "synthetic/en" / lab["path"]).read_text(encoding="utf-8")
        assert 0 <= lab["start"] < lab["end"] <= len(text)
    # the mini corpus is clean: nothing changed, no baseline
    assert ar["no_harm"]["chars_changed"] == 0 and ar["baseline"]["findings"] == 0
    fix = {m["name"]: m for m in ar["scores"]["fixable"]["metrics"]}
    assert fix["chrF2++"]["after"] >= fix["chrF2++"]["before"]
    rc3, three = _eval(*args[:3], "6", *args[4:], out=c)
    assert three["runs"][0]["injection"] != one["runs"][0]["injection"] or \
        (c / "synthetic/ar/labels.jsonl").read_bytes() != (a / "synthetic/ar/labels.jsonl").read_bytes()
