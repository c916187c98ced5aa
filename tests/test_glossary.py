"""The house glossary and the glossary format: loading, validation, matching."""

from __future__ import annotations

import unicodedata

import pytest

from mt_repair.config import Settings
from mt_repair.glossary import COLUMNS, DEFAULT_GLOSSARY, Glossary, GlossaryError, read_glossary, validate
from mt_repair.linter import check_text

HEADER = "\t".join(COLUMNS)


def _write(tmp_path, *rows, header=HEADER):
    p = tmp_path / "g.tsv"
    p.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return p


def test_house_glossary_is_large_valid_and_nfc():
    entries = read_glossary(DEFAULT_GLOSSARY)
    assert len(entries) >= 200
    assert validate(entries) == []
    for e in entries:
        for form in (e.ar, e.en, *e.ar_variants, *e.en_variants, *e.handles):
            assert unicodedata.is_normalized("NFC", form), (e.source, form)
    assert {e.type for e in entries} >= {"person", "place", "org", "title"}


def test_names_of_the_examples_are_in_it():
    g = Glossary.load([DEFAULT_GLOSSARY])
    assert g.ar_variant_of["بلنكن"].ar == "بلينكن" or g.ar_variant_of["بلنكن"].ar.endswith("بلينكن")
    assert g.ar_variant_of["نيو يورك"].ar == "نيويورك"
    assert g.en_variant_of["Sergei Lavrov"].en == "Sergey Lavrov"
    assert g.handle_of["secblinken"].ar == "أنتوني بلينكن"
    assert g.handle_of["macron"].en.endswith("Macron")


@pytest.mark.parametrize("rows, problem", [
    (["place\tنيويورك\tنيو يورك\tNew York\t\t\t\t", "place\tنيو يورك\t\tNew York City\t\t\t\t"], "loop"),
    (["place\tنيويورك\tنيو يورك\tNew York\t\t\t\t", "place\tنيوجيرسي\tنيو يورك\tNew Jersey\t\t\t\t"], "also in"),
    (["person\tبلينكن\tبلينكن\tBlinken\t\t\t\t"], "equals its canonical"),
    (["person\tبلينكن\t\tBlinken\t\tsecblinken\t\t", "person\tروبيو\t\tRubio\t\tSecBlinken\t\t"], "handle"),
])
def test_validate_finds_duplicates_loops_and_shared_handles(tmp_path, rows, problem):
    problems = validate(read_glossary(_write(tmp_path, *rows)))
    assert problems and problem in problems[0], problems


@pytest.mark.parametrize("rows, header, message", [
    ([], "type\tar\ten", "header must be"),
    (["city\tنيويورك\t\tNew York\t\t\t\t"], HEADER, "is not one of"),
    (["place\tنيويورك\t\t\t\t\t\t"], HEADER, "both `ar` and `en`"),
    (["place\tنيويورك\t\tNew York\t\t\tmaybe\t"], HEADER, "fix must be"),
    (["place\tنيويورك\t\tNew York\t\t\t\t\textra"], HEADER, "columns"),
    (["place\tنيويورك\t\tCafe\u0301\t\t\t\t"], HEADER, "not NFC"),
])
def test_bad_glossary_files_name_file_and_line(tmp_path, rows, header, message):
    path = _write(tmp_path, *rows, header=header)
    with pytest.raises(GlossaryError, match=message) as err:
        read_glossary(path)
    assert str(path) in str(err.value)


def test_a_user_glossary_adds_to_the_house_one(tmp_path):
    path = _write(tmp_path, "person\tفلان الفلاني\tفلان فلاني\tFulan al-Fulani\t\t\t\t")
    settings = Settings(glossaries=(path,))
    found = check_text("وقال فلان فلاني إن الاجتماع انتهى.", settings)
    assert [(f.code, f.fix.edits[0].replacement) for f in found] == [("TM001", "فلان الفلاني")]
    assert any(f.code == "TM001" for f in check_text("التقى بلنكن نظيره.", settings))  # the house glossary too


def test_surname_variants_never_shadow_a_house_name():
    g = Glossary.load([DEFAULT_GLOSSARY])
    house_words = {w for e in g.entries for w in e.ar.split()}
    assert g.surname_variants["بوتن"][1] == "بوتين"
    for form, (entry, house) in g.surname_variants.items():
        assert len(form) >= 4 and form not in house_words and form not in g.ar_variant_of, form
        assert entry.type == "person" and entry.ar.split()[-1] == house
