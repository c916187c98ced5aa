"""One finding per artifact (issue 11): a block is one finding, a finding another one's
fix deletes is not shown again, and neither costs a fix or hides reported text."""

from __future__ import annotations


import pytest
from conftest import EXAMPLES, SHARED

from mt_repair import api, linter
from mt_repair.types import Applicability, Edit, Finding, Fix, Severity, replace

BODY = "قال الوزير إن المحادثات مستمرة في العاصمة اليوم.\n\n"
TAGS = BODY + "وسوم: #ترامب #غزة #حماس #إسرائيل #إسبانيا #سياحة\n"
RELATED = BODY + "مقالات مشابهة\n\n" + "".join(f"• عنوان خبر رقم {i} عن المحادثات\n" for i in range(1, 10))
GLUED = "قال الوزير إن منصةSolidمفتوحة للجميع.\n"


def test_tag_line_of_six_tags_is_one_finding(settings):
    found = linter.check_text(TAGS, settings)
    assert [f.code for f in found] == ["RS001"], [(f.code, f.message) for f in found]
    # the six hashtags are still there to be reported once the residue finding is not
    hashtags = api.check_text(TAGS, ignore=["RS001"])
    assert [f.code for f in hashtags] == ["SC002"] * 6
    noqa = TAGS.replace("\nوسوم", "\n<!-- mt-repair: ignore[RS001] -->\nوسوم")
    assert [f.code for f in linter.check_text(noqa, settings)] == ["SC002"] * 6
    fixed, _ = linter.fix_text(TAGS, settings, minimum=Applicability.UNSAFE)
    assert fixed == BODY


def test_nine_related_bullets_are_one_finding(settings):
    found = linter.check_text(RELATED, settings)
    assert len(found) == 1, [(f.code, f.message) for f in found]
    (f,) = found
    assert f.code == "RS001" and "heading and 9 items" in f.message
    assert RELATED[f.start:f.end].startswith("مقالات مشابهة") and RELATED[f.end - 1] == "ت"
    assert f.end == len(RELATED) - 1  # the last item, without its line break
    # the same bytes as a deletion per line: the blank line after the heading stays
    fixed, _ = linter.fix_text(RELATED, settings, minimum=Applicability.UNSAFE)
    assert fixed == BODY + "\n"
    assert linter.fix_text(RELATED, settings)[0] == RELATED  # items are unsafe to delete


def test_safe_heading_keeps_its_own_safe_fix(settings):
    # a heading configured safe to delete is not folded into its items' unsafe deletion
    safe = replace(settings, residue_patterns=(("header", "روابط", "links block", "safe"),))
    text = BODY + "روابط\n\n- رابط إلى تقرير آخر\n- رابط إلى فيديو\n"
    found = linter.check_text(text, safe)
    assert [(f.message, f.fix.applicability) for f in found] == [
        ("page residue (links block): «روابط»", Applicability.SAFE),
        ("page residue (links block, 2 items): «- رابط إلى تقرير آخر»", Applicability.UNSAFE)]
    assert linter.fix_text(text, safe)[0] == BODY + "\n- رابط إلى تقرير آخر\n- رابط إلى فيديو\n"


def test_glued_token_is_one_finding(settings):
    found = linter.check_text(GLUED, settings)
    assert [f.code for f in found] == ["SC003"], [(f.code, f.message) for f in found]
    assert GLUED[found[0].start:found[0].end] == "منصةSolidمفتوحة"
    assert linter.fix_text(GLUED, settings)[0] == "قال الوزير إن منصة Solid مفتوحة للجميع.\n"


def _f(code, start, end, fix=None, severity=Severity.WARNING):
    category = {"RS": "residue", "RP": "repetition", "PN": "punctuation"}.get(code[:2], "c")
    return Finding(code, code.lower(), category, severity, start, end, code, fix)


def test_absorbs_only_what_its_deletion_takes_without_losing_a_fix():
    line = _f("RS001", 0, 20, Fix.delete(0, 21, Applicability.UNSAFE))
    inner = _f("SC002", 5, 9, Fix.delete(5, 9, Applicability.UNSAFE))
    assert linter.absorb_nested([line, inner]) == [line]
    assert linter.absorb_nested([_f("GB003", 5, 9), line]) == [line]  # no fix: nothing lost
    safer = _f("RP003", 5, 9, Fix.delete(5, 9, Applicability.SAFE))
    assert linter.absorb_nested([line, safer]) == [line, safer]  # --fix would apply it
    worse = _f("SC004", 5, 9, Fix.replace(5, 9, "x", Applicability.UNSAFE), Severity.ERROR)
    assert linter.absorb_nested([line, worse]) == [line, worse]  # the exit code would change
    reaching = _f("PN001", 18, 22, Fix.delete(18, 22, Applicability.UNSAFE))
    assert linter.absorb_nested([line, reaching]) == [line, reaching]  # not inside
    echo = _f("RP002", 0, 20, Fix.delete(4, 20, Applicability.SAFE))
    doubled = _f("RP001", 8, 16, Fix.delete(8, 12, Applicability.SAFE))
    space = _f("PN001", 10, 11, Fix.delete(9, 10, Applicability.SAFE))
    # a doubled word inside an echo is the echo; a stray space in it is a second problem
    assert linter.absorb_nested([echo, doubled, space]) == [echo, space]
    replacing = _f("TM001", 0, 20, Fix.replace(0, 20, "y", Applicability.UNSAFE))
    mark = _f("PN002", 5, 6, Fix.replace(5, 6, "،", Applicability.UNSAFE))
    assert linter.absorb_nested([replacing, mark]) == [replacing, mark]  # only deletions hold
    rival = _f("SC001", 0, 21, Fix.delete(0, 21, Applicability.UNSAFE))
    other = _f("SC002", 0, 21, Fix.replace(0, 21, "z", Applicability.UNSAFE))
    assert linter.absorb_nested([rival, other]) == [rival, other]  # same range: a rival fix
    twin = _f("TM003", 0, 21, Fix((Edit(0, 21),), Applicability.UNSAFE))
    assert linter.absorb_nested([rival, twin]) == [rival]  # the very same edits: one fix
    stutter = _f("RP011", 30, 44, Fix.replace(30, 44, "pneumococcal", Applicability.UNSAFE))
    unknown = _f("GB003", 30, 44, severity=Severity.INFO)  # same word, no fix: said better
    assert linter.absorb_nested([unknown, stutter]) == [stutter]
    assert linter.absorb_nested([unknown, _f("GB001", 30, 44)]) == [unknown, _f("GB001", 30, 44)]


def _texts():
    paths = sorted(EXAMPLES.rglob("*.md"))
    paths += sorted((SHARED / "articles").glob("*.txt")) if (SHARED / "articles").is_dir() else []
    return [TAGS, RELATED, GLUED] + [p.read_text(encoding="utf-8") for p in paths]


@pytest.mark.parametrize("minimum", [Applicability.SAFE, Applicability.UNSAFE], ids=str)
def test_no_fix_lost_and_reported_text_still_reported(settings, monkeypatch, minimum):
    texts = _texts()
    grouped = [linter.check_text(t, settings) for t in texts]
    fixed = [linter.fix_text(t, settings, minimum=minimum)[0] for t in texts]
    monkeypatch.setattr(linter, "absorb_nested", lambda findings: findings)
    for text, kept, was_fixed in zip(texts, grouped, fixed):
        every = linter.check_text(text, settings)
        assert len(kept) <= len(every)
        for f in every:  # each span reported without the dedupe lies in one reported with it
            assert any(k.start <= f.start and f.end <= k.end for k in kept), (f.code, f.message)
        assert linter.fix_text(text, settings, minimum=minimum)[0] == was_fixed
