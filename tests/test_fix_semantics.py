"""--fix never hides a problem, never half-does one, and costs no more than it must.

- Text reported before a fix and still there after it is still reported, even when the
  fix of another finding changed the words a rule recognised it by.
- A fix inside text that another fix deletes gives way to it; overlapping deletions merge.
- Fixing twice equals fixing once; the report after --fix equals a fresh check of the
  written file; "No problems found" is only said when a check finds none.
- apply_fixes is O(n log n) and agrees with the old all-pairs overlap test.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import time

import pytest

from conftest import SHARED
from mt_repair.cli import main as cli_main
from mt_repair.fixes import apply_fixes, fix_findings_until_stable, plan_fixes
from mt_repair.linter import check_text, fix_and_check, fix_text
from mt_repair.types import Applicability, Edit, Finding, Fix, Severity

SAFE, UNSAFE = Applicability.SAFE, Applicability.UNSAFE


# -- the mechanism, with two toy rules ------------------------------------------------------
# GLUE finds `ab` written together and safely inserts a space; BLOCK finds a line that
# starts with the glued `ab` and (unsafely) deletes it. GLUE's fix destroys BLOCK's evidence.
def toy_check(text: str) -> list[Finding]:
    out = []
    for m in re.finditer("ab", text):
        out.append(Finding("GLUE", "glue", "script", Severity.ERROR, m.start(), m.end(), "glued",
                           Fix.replace(m.start() + 1, m.start() + 1, " ", SAFE)))
    for m in re.finditer(r"(?m)^ab.*(?:\n|\Z)", text):
        end = m.end() - (1 if m.group().endswith("\n") else 0)
        out.append(Finding("BLOCK", "block", "residue", Severity.WARNING, m.start(), end, "block",
                           Fix.delete(m.start(), m.end(), UNSAFE)))
    return sorted(out, key=lambda f: (f.start, f.end, f.code))


def test_a_fix_that_destroys_evidence_does_not_hide_the_finding():
    text = "keep this\nabout the block\nkeep that\n"
    out = fix_findings_until_stable(text, toy_check, SAFE)
    assert out.text == "keep this\na bout the block\nkeep that\n" and out.fixed == 1
    assert toy_check(out.text) == []  # a fresh check no longer sees the block...
    [block] = out.findings  # ...but it is still reported, at its new offsets
    assert block.code == "BLOCK" and out.text[block.start:block.end] == "a bout the block"
    # its deletion moved with it, grown over the space inserted inside it
    assert block.fix.applicability == UNSAFE
    assert apply_fixes(out.text, [block.fix])[0] == "keep this\nkeep that\n"


def test_the_containing_deletion_wins_over_the_fix_inside_it():
    text = "keep this\nabout the block\nkeep that\n"
    out = fix_findings_until_stable(text, toy_check, UNSAFE)
    assert out.text == "keep this\nkeep that\n" and out.findings == []
    assert out.fixed == 1  # the deletion; the spacing fix went with the text


def test_a_fix_at_the_start_of_a_deleted_line_gives_way_to_the_deletion():
    # apply_fixes alone takes the shorter fix first (same start) and skips the deletion
    inner = Finding("CASE", "case", "script", Severity.WARNING, 0, 3, "c", Fix.replace(0, 3, "ABC"))
    line = Finding("BLOCK", "block", "residue", Severity.WARNING, 0, 7, "b", Fix.delete(0, 8))
    assert apply_fixes("abc def\nrest", [inner.fix, line.fix])[0] == "ABC def\nrest"
    fixes, own, gone = plan_fixes([inner, line], SAFE)
    assert fixes == [line.fix] and gone[id(line.fix)] == [inner]
    assert apply_fixes("abc def\nrest", fixes)[0] == "rest"


def test_unrelated_findings_are_mapped_through_earlier_edits():
    # a finding without a fix after an edit that shortens the text before it
    def check(text):
        out = [Finding("NOTE", "note", "script", Severity.INFO, m.start(), m.end(), "x")
               for m in re.finditer("note", text)] if "xx" in text else []  # seen only while `xx` is there
        out += [Finding("DUP", "dup", "repetition", Severity.WARNING, m.start(), m.end(), "dup",
                        Fix.delete(m.start(), m.start() + 1)) for m in re.finditer("xx", text)]
        return sorted(out, key=lambda f: (f.start, f.end, f.code))

    out = fix_findings_until_stable("xx and a note", check, SAFE)
    assert out.text == "x and a note"
    assert [(f.code, out.text[f.start:f.end]) for f in out.findings] == [("NOTE", "note")]


def test_finding_whose_text_was_deleted_is_gone():
    def check(text):
        return [Finding("DEL", "del", "residue", Severity.WARNING, m.start(), m.end(), "d",
                        Fix.delete(m.start(), m.end())) for m in re.finditer("junk", text)] + \
               [Finding("IN", "in", "script", Severity.INFO, m.start(), m.end(), "i")
                for m in re.finditer("un", text)]

    out = fix_findings_until_stable("a junk b", check, SAFE)
    assert out.text == "a  b" and out.findings == []


def test_overlapping_deletions_merge_instead_of_one_being_dropped():
    # two residue lines at the end of a file: the last takes the line break before it
    text = "body\n• one\n• two"
    a = Finding("RES", "res", "residue", Severity.WARNING, 5, 10, "r", Fix.delete(5, 11, UNSAFE))
    b = Finding("RES", "res", "residue", Severity.WARNING, 11, 16, "r", Fix.delete(10, 16, UNSAFE))
    assert apply_fixes(text, [a.fix, b.fix])[0] == "body\n• two"  # alone: one is dropped
    fixes, own, _ = plan_fixes([a, b], UNSAFE)
    assert len(fixes) == 1 and fixes[0].edits == (Edit(5, 16, ""),)
    assert {id(f) for f in own[id(fixes[0])]} == {id(a), id(b)}
    out = fix_findings_until_stable(text, lambda t: [a, b] if t == text else [], UNSAFE)
    assert out.text == "body\n" and out.fixed == 2


def test_a_partly_overlapped_finding_is_kept_without_a_fix():
    def check(text):
        out = []
        if text.startswith("XYZ"):
            out.append(Finding("A", "a", "script", Severity.WARNING, 0, 2, "a", Fix.replace(0, 2, "Q")))
        if "YZW" in text:
            i = text.index("YZW")
            out.append(Finding("B", "b", "script", Severity.WARNING, i, i + 3, "b", Fix.replace(i, i + 3, "-")))
        return out

    out = fix_findings_until_stable("XYZW rest", check, SAFE)
    assert out.text == "QZW rest"
    [b] = out.findings
    assert b.code == "B" and out.text[b.start:b.end] == "QZW" and b.fix is None


# -- real rules on text written for this test -----------------------------------------------
ARTICLE = (
    "قال وزير المالية إن الميزانية الجديدة ستعرض على البرلمان الأسبوع المقبل.\n\n"
    "Relatedوزير الخارجية يزور القاهرة لبحث ملف المياه مع نظيره المصري\n\n"
    "وأضاف الوزير أن الحكومة ستخفض العجز خلال العامين المقبلين.\n\n"
    "مقالات ذات صلة\n\n"
    "  • البنك المركزي يثبت أسعار الفائدة\n"
    "  • ارتفاع أسعار النفط في الأسواق العالمية"
)


def _codes(findings):
    return sorted(f.code for f in findings)


def test_safe_fix_keeps_the_related_block_reported(settings):
    before = check_text(ARTICLE, settings)
    assert {"SC003", "RS001"} <= set(_codes(before))
    out = fix_and_check(ARTICLE, settings)
    assert "Related وزير" in out.text  # the glued-script fix was applied
    rs = [out.text[f.start:f.end] for f in out.findings if f.code == "RS001"]
    assert any(r.startswith("Related وزير") for r in rs)
    assert out.findings == check_text(out.text, settings)  # a fresh check sees it too


@pytest.mark.parametrize("line", [
    "Relatedوزير الخارجية يزور القاهرة",
    "Related وزير الخارجية يزور القاهرة",
    "Related: وزير الخارجية يزور القاهرة",
    "Read also وزير الخارجية يزور القاهرة",
    "Most read  وزير الخارجية يزور القاهرة",
])
def test_latin_heading_before_arabic_headlines_is_residue(settings, line):
    text = f"قال الوزير إن المحادثات مستمرة.\n\n{line}\n"
    assert [f.code for f in check_text(text, settings) if f.code == "RS001"] == ["RS001"]


@pytest.mark.parametrize("line", [
    "Related to the talks, the minister said more.",
    "قال الوزير إن Related وزير",  # not at the start of the line
])
def test_latin_heading_in_prose_is_not_residue(settings, line):
    text = f"قال الوزير إن المحادثات مستمرة.\n\n{line}\n"
    assert "RS001" not in _codes(check_text(text, settings))


def test_fix_then_unsafe_equals_unsafe_alone(settings):
    step = fix_text(ARTICLE, settings)[0]
    two_steps = fix_text(step, settings, minimum=UNSAFE)[0]
    one_step = fix_text(ARTICLE, settings, minimum=UNSAFE)[0]
    assert two_steps == one_step
    assert "Related" not in one_step and "•" not in one_step and "مقالات ذات صلة" not in one_step
    assert check_text(one_step, settings) == []


@pytest.mark.parametrize("minimum", [SAFE, UNSAFE])
def test_fixing_twice_equals_fixing_once(settings, minimum):
    once = fix_text(ARTICLE, settings, minimum=minimum)[0]
    assert fix_text(once, settings, minimum=minimum) == (once, 0)


def run_cli(*argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("extra", [[], ["--unsafe-fixes"]])
def test_report_after_fix_is_a_fresh_check_and_the_summary_is_true(tmp_path, settings, extra):
    path = tmp_path / "article.ar.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    base = ["check", str(path), "--isolated"]
    _, out, _ = run_cli(*base, "--fix", *extra, "--output-format", "json")
    reported = json.loads(out)
    written = path.read_text(encoding="utf-8")
    fresh = check_text(written, settings, str(path))
    assert sorted(f["code"] for f in reported) == _codes(fresh)
    path.write_text(ARTICLE, encoding="utf-8")
    _, out, _ = run_cli(*base, "--fix", *extra, "--output-format", "concise")
    summary = out.strip().splitlines()[-1]
    fresh = check_text(path.read_text(encoding="utf-8"), settings, str(path))
    assert summary.startswith("No problems found") == (fresh == [])
    if fresh:
        assert summary.startswith(f"Found {len(fresh)} problem")


# -- the shared real article -------------------------------------------------------------------
EURONEWS = SHARED / "articles" / "euronews-rubio-lavrov-kuala-lumpur.ar.txt"


@pytest.fixture
def euronews():
    if not EURONEWS.exists():
        pytest.skip("../shared/articles is not present")
    return EURONEWS.read_text(encoding="utf-8")


def test_shared_article_three_fix_sequences(euronews, settings):
    safe = fix_and_check(euronews, settings)
    assert any(f.code == "RS001" and safe.text[f.start:f.end].startswith("Related ")
               for f in safe.findings)  # spaced by the safe fix, still reported
    then_unsafe = fix_and_check(safe.text, settings, minimum=UNSAFE)
    alone = fix_and_check(euronews, settings, minimum=UNSAFE)
    for out in (then_unsafe, alone):
        assert "Related" not in out.text and "•" not in out.text  # no other story's headline left
        assert out.findings == check_text(out.text, settings)
    assert then_unsafe.text == alone.text
    assert fix_text(alone.text, settings, minimum=UNSAFE) == (alone.text, 0)


# -- apply_fixes: linear, and the same as the all-pairs reference ------------------------------
def reference_apply_fixes(text, fixes):
    """The implementation before it was made linear (the overlap test is O(n²)). One
    deliberate difference is kept out of the comparison: the old splice sorted edits by
    start only, so an insertion after a replacement starting at the same offset re-copied
    the replaced text; both now splice in (start, end) order."""
    def overlaps(a, b, fix):
        for e in fix.edits:
            if e.start < b and a < e.end:
                return True
            if e.start == e.end == a == b or (e.start == e.end and a < e.start < b):
                return True
            if a == b and e.start < a < e.end:
                return True
        return False

    def self_overlapping(fix):
        edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
        return any(edits[i].end > edits[i + 1].start for i in range(len(edits) - 1))

    applied, skipped, taken = [], [], []
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if any(overlaps(a, b, fix) for a, b in taken) or self_overlapping(fix):
            skipped.append(fix)
            continue
        applied.append(fix)
        taken.extend((e.start, e.end) for e in fix.edits)
    out, pos = [], 0
    for e in sorted((e for f in applied for e in f.edits), key=lambda e: (e.start, e.end)):
        out.append(text[pos:e.start] + e.replacement)
        pos = e.end
    return "".join(out) + text[pos:], applied, skipped


def random_fix(rng, n):
    edits = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        s = rng.randint(0, n)
        t = s if rng.random() < 0.3 else min(n, s + rng.randint(0, 4))
        edits.append(Edit(s, t, rng.choice(("", "x", "yz"))))
    return Fix(tuple(edits), rng.choice((SAFE, UNSAFE)))


def test_apply_fixes_equals_the_all_pairs_reference_on_random_fixes():
    rng = random.Random(20261201)
    for _ in range(3000):
        n = rng.randint(0, 30)
        text = "".join(rng.choice("abc \n") for _ in range(n))
        fixes = [random_fix(rng, n) for _ in range(rng.randint(0, 14))]
        got = apply_fixes(text, fixes)
        want = reference_apply_fixes(text, fixes)
        assert got[0] == want[0], (text, fixes)
        assert [id(f) for f in got[1]] == [id(f) for f in want[1]]
        assert [id(f) for f in got[2]] == [id(f) for f in want[2]]


def test_insertion_before_a_replacement_at_the_same_offset_in_one_fix():
    # the old splice re-copied the replaced text here ("aXYbcd")
    fix = Fix((Edit(1, 3, "X"), Edit(1, 1, "Y")))
    assert apply_fixes("abcd", [fix])[0] == "aYXd"


def test_apply_fixes_does_not_hang_on_many_fixes():
    n = 100_000
    text = "ab " * n
    fixes = [Fix.replace(3 * i + 1, 3 * i + 1, " ") for i in range(n)]
    fixes += [Fix.replace(3 * i + 1, 3 * i + 1, "-") for i in range(0, n, 7)]  # clash with the first
    fixes += [Fix((Edit(3 * i, 3 * i + 1, "A"), Edit(3 * (n - 1 - i) + 2, 3 * (n - 1 - i) + 3, "B")))
              for i in range(0, n // 2, 5)]  # multi-edit fixes reaching far right
    t = time.perf_counter()
    new, applied, skipped = apply_fixes(text, fixes)
    assert time.perf_counter() - t < 30  # ~1 s here; the all-pairs test took hours at this size
    assert len(applied) + len(skipped) == len(fixes)
    assert new.count("a b") + new.count("A b") == n


def test_two_findings_with_the_same_edit_are_both_fixed_by_it():
    text = "the the end"
    a = Finding("RP1", "a", "repetition", Severity.WARNING, 0, 7, "a", Fix.delete(3, 7))
    b = Finding("RP2", "b", "repetition", Severity.WARNING, 0, 7, "b", Fix.delete(3, 7))
    out = fix_findings_until_stable(text, lambda t: [a, b] if t == text else [], SAFE)
    assert out.text == "the end" and out.fixed == 2 and out.findings == []
