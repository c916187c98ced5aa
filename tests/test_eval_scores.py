"""Scores, alignment, rates, terms and do-no-harm, pinned on small hand-made fixtures."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from mt_repair.evaluation import EvalError
from mt_repair.evaluation.corpus import TextFile, align_lines, segments
from mt_repair.evaluation.harm import chars_changed, do_no_harm
from mt_repair.evaluation.rates import tally
from mt_repair.evaluation.scores import compare, corpus_scores
from mt_repair.evaluation.terms import TermMatcher, pair_tally

REFS = ["the talks in washington were useful", "a new round will be held next month", "the deal is not done"]
BEFORE = ["the talks in in washington were useful", "a new round will be held next month", "the deal is not not done"]
AFTER = ["the talks in washington were useful", "a new round will be held next month", "the deal is not done"]


def test_ter_by_hand():
    # one inserted word against four reference words: 1 edit / 4 = 25.0
    assert corpus_scores(["a b b c d"], ["a b c d"])["TER"][0] == pytest.approx(25.0)
    # identical text: BLEU and chrF++ 100, TER 0
    scores = corpus_scores(["the talks were useful"], ["the talks were useful"])
    assert scores["BLEU"][0] == pytest.approx(100.0)
    assert scores["chrF2++"][0] == pytest.approx(100.0)
    assert scores["TER"][0] == pytest.approx(0.0)


def test_compare_matches_sacrebleu_called_directly():
    import sacrebleu
    from sacrebleu.metrics import CHRF

    res = {m.name: m for m in compare(BEFORE, AFTER, REFS, n_samples=0)}
    assert res["BLEU"].before == pytest.approx(sacrebleu.corpus_bleu(BEFORE, [REFS]).score)
    assert res["BLEU"].after == pytest.approx(100.0)
    assert res["chrF2++"].before == pytest.approx(CHRF(word_order=2).corpus_score(BEFORE, [REFS]).score)
    assert res["TER"].before == pytest.approx(sacrebleu.corpus_ter(BEFORE, [REFS]).score)
    # two inserted words over 6 + 8 + 5 = 19 reference words
    assert res["TER"].before == pytest.approx(100 * 2 / 19)
    assert res["TER"].improved and res["BLEU"].improved
    assert "nw:2" in res["chrF2++"].signature and "tok:13a" in res["BLEU"].signature


def test_paired_bootstrap_gives_p_values_and_intervals_deterministically():
    before = BEFORE * 10  # 30 segments: the fewest the test gives a p-value for
    after, refs = AFTER * 10, REFS * 10
    one = compare(before, after, refs, n_samples=200)
    two = compare(before, after, refs, n_samples=200)
    assert [m.as_dict() for m in one] == [m.as_dict() for m in two]
    for m in one:
        assert 0 < m.p_value <= 1
        lo, hi = m.after_ci
        assert lo <= hi
        assert "bs:200" in m.signature and "seed:12345" in m.signature
    chrf = next(m for m in one if m.name == "chrF2++")
    assert chrf.after_ci[0] <= 100.0 <= chrf.after_ci[1] + 1e-6


def test_align_lines_handles_dropped_and_joined_lines():
    before = ["A", "share", "B", "C", "D"]
    after = ["A", "B", "C D"]
    assert align_lines(before, after) == ["A", "", "B", "C D", ""]
    assert align_lines(["A", "B"], ["A", "X", "B"]) == ["A X", "B"]


def _tf(name, text):
    return TextFile(name, name, text)


def test_segments_line_and_document_units():
    b = _tf("a.txt", "one two three\nshare\nfour five six\n")
    r = _tf("ref.txt", "one two three\nshare\nfour five six\n")
    segs = segments([(b, "one two three\nfour five six\n", r)], "line")
    assert segs.unit == "line"
    assert segs.after == ("one two three", "", "four five six")
    assert segs.origin[2] == ("a.txt", 3)
    # line counts differ: auto aligns sentences; the residue line joins the segment before it
    r2 = _tf("r", "one two three\nfour five six\n")
    sent = segments([(b, "one two three\nfour five six\n", r2)], "auto")
    assert sent.unit == "sentence" and sent.before == ("one two three share", "four five six")
    assert sent.after == ("one two three", "four five six") and sent.reference == ("one two three", "four five six")
    doc = segments([(b, "one two three\nfour five six\n", r2)], "document")
    assert doc.unit == "document" and doc.before == ("one two three share four five six",)


def test_mismatched_line_counts_name_the_files_and_line():
    b = _tf("a.txt", "x\ny\nz\n")
    r = _tf("ref.txt", "x\ny\n")
    with pytest.raises(EvalError, match=r"a\.txt has 3 lines, ref\.txt has 2.*a\.txt line 3"):
        segments([(b, b.text, r)], "line")


def test_rates_count_per_category_and_rule(settings):
    from mt_repair.linter import check_text

    text = "قال الوزير ، إن المحادثات مفيدة مفيدة مفيدة في واشنطن.\n"
    t = tally([(text, check_text(text, settings))])
    assert t.words == 9
    assert t.by_category == Counter({"punctuation": 1, "repetition": 1})
    assert t.by_rule == Counter({"PN001": 1, "RP001": 1})
    assert t.per_1k(1) == pytest.approx(1000 / 9)


def test_term_accuracy_counts_house_and_variant_forms(settings):
    m = TermMatcher(settings.glossary)
    t = m.tally("التقى بلنكن نظيره في نيو يورك ثم عاد إلى واشنطن، وقال بلينكن إن الزيارة مفيدة.", "ar")
    # house forms: واشنطن, بلينكن; variants: بلنكن, نيو يورك
    assert (t.house, t.other) == (2, 2)
    en = m.tally("Sergei Lavrov met Antony Blinken in Kyiv; Kiev was not mentioned.", "en")
    assert (en.house, en.other) == (2, 2)


def test_pair_mode_checks_the_english_form(settings):
    m = TermMatcher(settings.glossary)
    pairs = [("1", "التقى بلينكن نظيره في كييف", "Blinken met his counterpart in Kiev"),
             ("2", "وصل سيرغي لافروف إلى موسكو", "Sergey Lavrov arrived in Moscow"),
             ("3", "وقال لافروف إن الزيارة مفيدة", "He said the visit was useful")]  # لافروف alone: no entry
    t = pair_tally(pairs, m)
    assert (t.carried, t.variant, t.missing) == (3, 1, 0)  # Blinken, Lavrov, Moscow; Kiev is Kyiv's variant
    assert t.accuracy == pytest.approx(3 / 4)


def test_chars_changed_and_do_no_harm():
    assert chars_changed("abc\ndef\n", "abc\ndef\n") == 0
    assert chars_changed("قال الوزير ، إن\n", "قال الوزير، إن\n") == 1
    assert chars_changed("a\nshare\nb\n", "a\nb\n") == 6
    res = do_no_harm([("x", "same\n", "same\n", []), ("y", "a ,b\n", "a,b\n", [])])
    assert res.chars_changed == 1 and not res.as_dict()["ok"]


def test_examples_clean_are_unchanged(settings):
    from mt_repair.linter import check_text, fix_text

    root = Path(__file__).parent.parent / "examples" / "clean"
    items = []
    for p in sorted(root.glob("*.md")):
        text = p.read_text(encoding="utf-8")
        items.append((str(p), text, fix_text(text, settings)[0], check_text(text, settings)))
    res = do_no_harm(items)
    assert len(res.rows) == 3 and res.chars_changed == 0 and res.findings == 0
