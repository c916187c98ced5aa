"""Regressions the synthetic benchmark found (issue 3), pinned where the TOML case format
cannot say it: how many findings, which codes, on which spans."""

from __future__ import annotations

from mt_repair.linter import check_text


def codes(text, settings):
    return [(f.code, text[f.start:f.end]) for f in check_text(text, settings)]


def test_reversed_pair_does_not_close_an_earlier_open_quote(settings):
    text = "قال الوزير «لن نقبل بذلك.\n\nوأضاف »هذا موقفنا« للصحفيين.\n"
    found = codes(text, settings)
    assert ("PN003", "«") in found  # the unclosed one on line 1
    assert ("PN003", "»هذا موقفنا«") in found  # the reversed pair on line 3


def test_every_unclosed_quote_is_reported(settings):
    text = "قال «الأول. ثم قال «الثاني.\n"
    assert [c for c in codes(text, settings) if c[0] == "PN003"] == [("PN003", "«"), ("PN003", "«")]


def test_name_beginning_with_waw_is_not_stripped(settings):
    # «واشنطن» is a glossary name; «واشنطون» is a variant spelling, not «اشنطن» twice
    text = ("وصل الوفد إلى واشنطن صباحاً. وقال مسؤول في واشنطن إن المحادثات مستمرة. "
            "وغادر الوفد واشنطون مساءً.\n")
    assert not [c for c in codes(text, settings) if c[0] == "TM002"]


def test_tm001_common_variant_is_info_and_rare_one_a_warning():
    """A variant every word of which is common in general text is another outlet's
    spelling (info); a rare one (MT's) or a split word stays a warning."""
    from mt_repair.types import replace

    from mt_repair.config import Settings
    from mt_repair.linter import check_text
    from mt_repair.types import Severity

    settings = replace(Settings(), select=("TM001",))
    (common,) = check_text("جال الوزير في إفريقيا الأسبوع الماضي", settings)
    (split,) = check_text("وصل الوفد إلى نيو يورك مساء أمس", settings)
    (rare,) = check_text("التقى بلنكن نظيره أمس", settings)
    assert common.severity == Severity.INFO and split.severity == rare.severity == Severity.WARNING
