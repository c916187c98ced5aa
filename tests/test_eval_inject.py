"""The artifact injector: deterministic, exact labels, real artifacts."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from mt_repair.evaluation.inject import KINDS, Context, Injector, mojibake
from mt_repair.evaluation.synthetic import load_ntrex
from mt_repair.evaluation.terms import TermMatcher

MINI = Path(__file__).parent / "data" / "eval" / "ntrex-like"
KIND = {k.name: k for k in KINDS}


def _corrupt(settings, language, seed, rate=0.6):
    inj = Injector(language, settings, seed, rate)
    return [inj.document(doc_id, lines) for doc_id, lines in load_ntrex(MINI, language)]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_same_seed_same_output(settings, language):
    one, two = _corrupt(settings, language, 7), _corrupt(settings, language, 7)
    assert [(d.corrupted, d.marks) for d in one] == [(d.corrupted, d.marks) for d in two]
    other = _corrupt(settings, language, 8)
    assert [d.corrupted for d in one] != [d.corrupted for d in other]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_labels_are_exact_and_the_clean_text_is_kept(settings, language):
    docs = _corrupt(settings, language, 3)
    clean_lines = [lines for _, lines in load_ntrex(MINI, language)]
    assert sum(len(d.marks) for d in docs) >= 5
    for d, lines in zip(docs, clean_lines):
        assert d.clean == "\n".join(lines) + "\n"
        for m in d.marks:
            assert 0 <= m.start < m.end <= len(d.corrupted)
            span = d.corrupted[m.start:m.end]
            assert span.strip() == span or m.kind.endswith("space-before-punct"), (m, span)
            assert span not in d.clean or m.kind.startswith(("ar-duplicated", "en-duplicated")), (m, span)
        # untouched lines map back to themselves
        for lm in d.lines:
            if not lm.touched:
                assert d.corrupted[lm.start:lm.end] == d.clean[lm.clean_start:lm.clean_end]
        # with every artifact reverted the clean text comes back
        assert d.only(()) == d.clean


def _ctx(settings, lines, index=0, seed=1):
    return Context(random.Random(seed), settings.glossary, settings.lexicon, TermMatcher(settings.glossary),
                   lines, index, words=Counter())


def _apply(settings, kind, line, lines=None, seed=1):
    lines = lines or [line]
    return KIND[kind].make(line, _ctx(settings, lines, lines.index(line), seed))


def test_persian_yeh_only_where_the_word_has_yeh(settings):
    line = "وقال المتحدث إن المفاوضات تستأنف يوم الخميس"
    inj = _apply(settings, "ar-persian-yeh", line)
    (m,) = inj.marks
    word = inj.text[m.start:m.end]
    assert "\u06cc" in word and word.replace("\u06cc", "ي") in line.split()


def test_glossary_variant_comes_from_the_house_glossary(settings):
    line = "وصل الوفد إلى نيويورك أمس لحضور الاجتماع"
    inj = _apply(settings, "ar-glossary-variant", line)
    (m,) = inj.marks
    form = inj.text[m.start:m.end]
    entry = settings.glossary.ar_variant_of[form]
    assert entry.ar == "نيويورك" and form not in entry.style_variants


def test_garbled_words_are_shuffled_non_words(settings):
    line = "وقالت المصادر الرسمية المطلعة إن الاجتماع انتهى"
    inj = _apply(settings, "ar-garbled", line)
    (m,) = inj.marks
    garbled = inj.text[m.start:m.end].split()
    original = line[m.start:].split()[:len(garbled)]
    assert len(garbled) in (3, 4)
    for g, o in zip(garbled, original):
        assert sorted(g) == sorted(o) and g != o and not settings.lexicon.is_word(g, deep=True)


def test_handle_and_hashtag_stand_for_a_glossary_name(settings):
    line = "وقال البيت الأبيض في بيان إن الزيارة ستتم"
    inj = _apply(settings, "ar-handle", line)
    (m,) = inj.marks
    assert inj.text[m.start:m.end] in settings.glossary.handle_of or \
        inj.text[m.start:m.end].lstrip("@#").casefold() in settings.glossary.handle_of
    tag = _apply(settings, "ar-hashtag", "وقال دونالد ترامب في بيان إن الزيارة ستتم")
    assert "#DonaldTrump" in tag.text


def test_residue_and_paragraph_kinds_add_a_line(settings):
    line = "وأكد البيان الختامي ضرورة احترام وحدة الأراضي."
    for kind in ("ar-residue-line", "ar-duplicated-paragraph"):
        inj = _apply(settings, kind, line)
        assert inj.text.count("\n") == 1 and inj.text.startswith(line)
    dup = _apply(settings, "ar-duplicated-sentence", "وقال الوزير إن المحادثات مع الوفد الروسي كانت صريحة ومهمة.")
    assert dup.text.count("وقال الوزير") == 2


def test_unclosed_quote_is_not_made_before_a_continued_quotation(settings):
    lines = ['قال الوزير: "لن نتراجع عن التزاماتنا"', '"وسنواصل دعم الحلفاء"']
    assert _apply(settings, "ar-unclosed-quote", lines[0], lines) is None
    inj = _apply(settings, "ar-unclosed-quote", lines[0], [lines[0], "وغادر القاعة."])
    assert "«لن نتراجع" in inj.text and '"' not in inj.text


def test_every_kind_says_what_it_is():
    assert {k.category for k in KINDS} == {"repetition", "script", "garbled", "punctuation", "terminology", "residue"}
    for lang in ("ar", "en"):
        assert {k.category for k in KINDS if k.language == lang} == {k.category for k in KINDS}
    assert len({k.name for k in KINDS}) == len(KINDS)
    assert all(re.fullmatch(r"(ar|en)-[a-z-]+", k.name) and k.doc for k in KINDS)


def test_mojibake_round_trips():
    for s in ("السلام عليكم", "£5m", "café"):
        m = mojibake(s)
        assert m != s
        raw = bytes(ord(c) if ord(c) < 256 and c.encode("cp1252", "ignore") in (b"", bytes([ord(c)])) else
                    c.encode("cp1252")[0] for c in m)
        assert raw.decode("utf-8") == s
