"""apply_fixes: the ruff checklist (empty, insertions, removals, adjacent, overlapping)."""

import pytest

from mt_repair.fixes import apply_fixes, fix_until_stable
from mt_repair.types import Applicability, Edit, Fix


def test_no_fixes_leaves_text():
    assert apply_fixes("abc", []) == ("abc", [], [])


def test_empty_text_insertion():
    text, applied, skipped = apply_fixes("", [Fix.replace(0, 0, "x")])
    assert text == "x" and len(applied) == 1 and not skipped


def test_two_removals():
    text, applied, _ = apply_fixes("a-b-c", [Fix.delete(1, 2), Fix.delete(3, 4)])
    assert text == "abc" and len(applied) == 2


def test_adjacent_fixes_both_apply():
    text, applied, skipped = apply_fixes("abcd", [Fix.replace(0, 2, "X"), Fix.replace(2, 4, "Y")])
    assert text == "XY" and len(applied) == 2 and not skipped


def test_overlapping_fix_is_skipped_whole():
    first = Fix((Edit(0, 2, "X"), Edit(5, 6, "Z")))
    second = Fix.replace(1, 3, "Y")
    text, applied, skipped = apply_fixes("abcdefg", [second, first])
    assert applied == [first] and skipped == [second]
    assert text == "XcdeZg"


def test_multi_edit_fix_skipped_whole_when_one_edit_overlaps():
    a = Fix.replace(0, 3, "A")
    b = Fix((Edit(2, 4, "B"), Edit(6, 7, "C")))
    text, applied, skipped = apply_fixes("0123456789", [a, b])
    assert text == "A3456789" and skipped == [b]


def test_two_insertions_at_same_offset_overlap():
    text, applied, skipped = apply_fixes("ab", [Fix.replace(1, 1, "X"), Fix.replace(1, 1, "Y")])
    assert text == "aXb" and len(skipped) == 1


def test_insertion_at_end_of_replaced_span_is_not_overlap():
    text, applied, _ = apply_fixes("abc", [Fix.replace(0, 1, "A"), Fix.replace(1, 1, "-")])
    assert text == "A-bc" and len(applied) == 2


def test_bad_edit_span_rejected():
    with pytest.raises(ValueError):
        Edit(3, 1)


def test_fix_until_stable_reaches_fixed_point():
    # each round removes one doubled letter; the loop stops when nothing changes
    def find(t):
        i = t.find("aa")
        return [Fix.delete(i, i + 1)] if i >= 0 else []

    assert fix_until_stable("aaaa", find) == ("a", 3)


def test_fix_until_stable_ignores_less_safe_fixes():
    def find(t):
        return [Fix.delete(0, 1, Applicability.UNSAFE)] if t else []

    assert fix_until_stable("abc", find) == ("abc", 0)
