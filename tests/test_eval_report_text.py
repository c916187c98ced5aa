"""What the HTML and Markdown reports say: no raw dicts, goals that name their measure, the
scores before the long tables, an honest footer, Arabic terms right to left, and text left
over against a clean reference never shown as a repair."""

from __future__ import annotations

from mt_repair.evaluation.report import render_html, render_markdown

METRIC = {"name": "chrF2++", "before": 50.0, "after": 50.28, "delta": 0.2818, "p_value": 0.2, "higher_is_better": True,
          "before_ci95": [49.0, 51.0], "after_ci95": [49.2, 51.3], "signature": "nrefs:1|version:2.6.0"}
RATES = {"words_before": 100, "words_after": 99, "by_category": [
    {"key": "residue", "before": 3, "after": 1, "before_per_1k": 30.0, "after_per_1k": 10.1}],
    "total": {"key": "all", "before": 3, "after": 1, "before_per_1k": 30.0, "after_per_1k": 10.1}, "by_rule": []}
DETECTION = {"categories": [], "overall": {"category": "all", "labels": 1, "detected": 1, "findings": 1,
                                           "false_alarms": 0, "baseline": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0},
             "misses": [], "false_alarms": [], "misses_total": 0, "false_alarms_total": 0}


def doc(**run):
    return {"tool": "mt-repair test", "command": "", "runs": [dict(title="t", **run)]}


def test_baseline_counts_are_not_a_python_dict():
    d = doc(baseline={"findings": 3, "by_rule": {"PN001": 2, "RP001": 1}},
            no_harm={"files": 1, "chars_changed": 0, "findings": 0, "ok": True, "chars_changed_outside_judged": 0,
                     "outside_judged_by_rule": {"TM001": 4}})
    for page in (render_html(d), render_markdown(d)):
        assert "{'" not in page and "{&#x27;" not in page
        assert "PN001 2, RP001 1" in page and "'PN001'" not in page and "&#x27;PN001&#x27;" not in page
        assert "TM001 4" in page


def test_footer_mentions_sacrebleu_only_with_scores():
    assert "sacrebleu" not in render_html(doc(rates=RATES))
    scored = render_html(doc(rates=RATES, scores={"segments": 10, "unit": "line", "metrics": [METRIC]}))
    assert "sacrebleu" in scored.split("<footer>")[1]


def test_goal_values_say_what_they_measure():
    goals = [{"goal": "repair does not lower chrF2++ significantly", "value": 0.2818, "met": True},
             {"goal": "detection F1 ≥ 0.9 (script)", "value": 0.97, "met": True},
             {"goal": "do no harm: 0 characters changed in texts marked clean", "value": 0, "met": True}]
    for page in (render_html(doc(goals=goals)), render_markdown(doc(goals=goals))):
        assert "chrF2++ change +0.28" in page and "0.2818" not in page
        assert "F1 0.970" in page and "0 characters changed" in page


def test_scores_come_before_the_long_tables():
    page = render_html(doc(rates=RATES, detection=DETECTION,
                           scores={"segments": 10, "unit": "line", "metrics": [METRIC]}))
    assert page.index("Scores against") < page.index("Artifact rates") < page.index("Detection")
    md = render_markdown(doc(rates=RATES, detection=DETECTION,
                             scores={"segments": 10, "unit": "line", "metrics": [METRIC]}))
    assert md.index("Scores against") < md.index("Detection")


def test_arabic_term_column_is_right_to_left_and_right_aligned():
    terms = {"before": {"total": 1, "house": 1, "other": 0, "accuracy": 1.0},
             "after": {"total": 1, "house": 1, "other": 0, "accuracy": 1.0},
             "by_entry": [{"ar": "روسيا", "en": "Russia", "before_house": 1, "before_other": 0, "after_house": 1,
                           "after_other": 0}]}
    page = render_html(doc(terms=terms))
    assert '<td class=ar dir="rtl" lang="ar">روسيا</td>' in page
    assert "<th class=ar>term (Arabic)</th>" in page
    assert "td.ar, th.ar { text-align: right; }" in page


def test_text_left_over_against_the_clean_text_is_not_shown_as_a_repair():
    ex = {"title": "doc", "dir": "ltr", "left_label": "clean", "right_label": "repaired",
          "hunks": [{"left": "The talks go on.", "right": "The talks go on. Exclusive"}]}
    page = render_html(doc(examples=[ex]))
    assert '<mark class="extra" title="not in the clean text"> Exclusive</mark>' in page
    assert "<ins>" not in page.split("<main>")[1]
    # before/after of a repair keeps the insert/delete marking
    ex2 = dict(ex, left_label="original")
    assert "<ins>" in render_html(doc(examples=[ex2])).split("<main>")[1]
