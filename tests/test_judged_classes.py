"""Classes of wrong fixes found by judging a sample of real MT findings (issue 9/13):
a finding that stays true must not carry a fix that introduces another error."""

from __future__ import annotations

from mt_repair.api import check_text


def _one(text, code):
    found = [f for f in check_text(text, select=[code]) if f.code == code]
    assert found, f"{code} found nothing in {text!r}"
    return found


def test_tm003_compound_headed_like_another_entry_gets_no_fix():
    # shaped like SARS-CoV-2, headed like MERS-CoV: which name was meant is unsure
    found = _one("Cases of MERS-CoV-2 were reported in Riyadh.", "TM003")
    assert all(f.fix is None for f in found)
    assert "MERS-CoV" in found[0].message


def test_tm003_own_head_still_fixed():
    found = _one("Cases of Mers-Koff were reported in Riyadh.", "TM003")
    assert found[0].fix is not None and found[0].fix.edits[0].replacement == "MERS-CoV"


def _saras(majority, minority):
    body = " ".join(f"The {majority} outbreak spread in {y}." for y in range(2001, 2006))
    return body + f" The {minority} outbreak ended."


def test_tm002_no_fix_towards_a_majority_that_misspells_a_house_form():
    # `Sarass` -> `Saras` would trade one misspelling of SARS for another
    found = _one(_saras("Saras", "Sarass"), "TM002")
    assert all(f.fix is None for f in found)
    assert "SARS" in found[0].message


def test_tm002_still_fixes_names_the_glossary_does_not_know():
    found = _one(_saras("Pelligrino", "Peligrino"), "TM002")
    assert all(f.fix is not None for f in found)


def test_tm002_no_fix_towards_a_misspelt_head_of_a_compound_name():
    found = _one(_saras("Coved", "Coveed"), "TM002")
    assert all(f.fix is None for f in found)
    assert "COVID-19" in found[0].message
