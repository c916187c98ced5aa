"""Repairs that take several rules together (issue 13), with every rule selected:
the result of --fix and --unsafe-fixes, and that fixing again changes nothing."""

import subprocess
import sys
from pathlib import Path

import pytest

from mt_repair.config import Settings
from mt_repair.linter import fix_text
from mt_repair.types import Applicability

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = Settings()

CASES = [
    # a loop of an English function word: the copies go safely, the last one with unsafe fixes
    ("وأوضح المتحدث باسم الوزارة that that that that أن الحكومة ستواصل الحوار مع النقابات",
     "وأوضح المتحدث باسم الوزارة that أن الحكومة ستواصل الحوار مع النقابات",
     "وأوضح المتحدث باسم الوزارة أن الحكومة ستواصل الحوار مع النقابات"),
    # MT quotes: the opening mark closes, spaced inside; then the comma's space
    ("وقالت الوزيرة إن الاتفاق “ تاريخي “ ، وإن تنفيذه سيبدأ “قريبا“.",
     "وقالت الوزيرة إن الاتفاق “تاريخي”، وإن تنفيذه سيبدأ “قريبا”.",
     "وقالت الوزيرة إن الاتفاق “تاريخي”، وإن تنفيذه سيبدأ “قريبا”."),
    # a run of title, name and hashtag the glossary covers
    ("وقال FM Annalena #Baerbock إن المحادثات مع الجانب الروسي ستستأنف الأسبوع المقبل في جنيف",
     "وقال FM Annalena #Baerbock إن المحادثات مع الجانب الروسي ستستأنف الأسبوع المقبل في جنيف",
     "وقال وزير الخارجية أنالينا بيربوك إن المحادثات مع الجانب الروسي ستستأنف الأسبوع المقبل في جنيف"),
]


@pytest.mark.parametrize("text,safe,unsafe", CASES)
def test_repair_with_every_rule(text, safe, unsafe):
    for minimum, want in ((Applicability.SAFE, safe), (Applicability.UNSAFE, unsafe)):
        fixed, _ = fix_text(text, SETTINGS, minimum=minimum)
        assert fixed == want
        again, n = fix_text(fixed, SETTINGS, minimum=minimum)
        assert (again, n) == (fixed, 0)  # idempotent


def test_clean_quotes_untouched():
    # curly marks in both roles and mixed with straight ones: Arabic typing, not MT
    text = "ووصفت الصحيفة المشروع بأنه ”طموح” وقال المدير إن العمل سيبدأ قريبا"
    assert fix_text(text, SETTINGS, minimum=Applicability.UNSAFE)[0] == text


def test_repair_scores_script(tmp_path):
    folder = tmp_path / "tiny.eng-ara"
    folder.mkdir()
    words = ("تاريخي", "مهم", "ضروري")
    ref = [f"وقالت الوزيرة {i} إن الاتفاق “{w}”، وإن تنفيذه سيبدأ قريبا." for i, w in zip("أبت", words)]
    hyp = [f"وقالت الوزيرة {i} إن الاتفاق “ {w} “ ، وإن تنفيذه سيبدأ قريبا." for i, w in zip("أبت", words)]
    (folder / "reference.ar.txt").write_text("\n".join(ref) + "\n", encoding="utf-8")
    (folder / "sys.ar.txt").write_text("\n".join(hyp) + "\n", encoding="utf-8")
    (folder / "systems.tsv").write_text("file\ttier\nsys.ar.txt\tstrong\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "eval" / "repair_scores.py"), str(tmp_path)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    rows = [r.split("|") for r in out.stdout.splitlines() if r.startswith("| sys.ar.txt")]
    assert len(rows) == 2
    for r in rows:  # chrF rises to 100 and TER falls to 0 after the safe repair
        assert float(r[5]) < 100 and float(r[6]) == 100.0 and float(r[10]) == 0.0
    assert "n/a" in out.stdout  # 3 segments: no p-value


def test_word_variants_follow_the_transliteration_rules():
    from mt_repair.variants import word_variants

    got = word_variants("غوانغتشو")
    assert {"جوانغتشو", "قوانغتشو", "غوانجتشو"} <= got  # g as ج or ق
    assert "زلينسكي" in word_variants("زيلينسكي")  # ي dropped
    assert "زيلينسكى" in word_variants("زيلينسكي")  # final ى/ي
    assert {"انالينا", "إنالينا"} <= word_variants("أنالينا")  # hamza forms
    assert "السعوديه" in word_variants("السعودية")  # final ة/ه
    assert not any(v.startswith("الي") for v in word_variants("السعودية"))  # the article is not the name


def test_generated_variants_exclude_other_entries():
    g = SETTINGS.glossary
    table = g.generated_variants
    house_words = {w for e in g.entries for w in e.ar.split()}
    assert table and not house_words & table.keys()
    assert table["غوانجتشو"][1] == "غوانغتشو"
