"""TM001 glossary-variant: a name or term spelled against the house glossary.

What: a variant spelling listed in a glossary (`بلنكن` for `بلينكن`, `نيو يورك` for
`نيويورك`, `Sergei Lavrov` for `Sergey Lavrov`), matched as a whole word and, in Arabic,
through the proclitics و ف ب ك ل and the article ال (`وبلنكن`).
Why: house style keeps one spelling per entity so that archives, search and tags work;
MT and wire copy bring many.
Example: `التقى بلنكن نظيره في نيو يورك` -> `التقى بلينكن نظيره في نيويورك`.
English variants are checked in English lines only, and not for titles (`PM`).
Variants marked `~` in the glossary (accepted spellings elsewhere, `الكونجرس`) are info,
and so are variants every word of which is common in general text (wordfreq Zipf >= 3.5, 3 in a million words:
`إفريقيا`, `اسطنبول`, `هونج كونج`), except a split or joined word (`نيو يورك`) or a dropped hamza
(`ايران`): a spelling that many writers use is another outlet's house style, while the
misspellings MT invents are rare.
A person's surname alone in a variant spelling (`بوتن`, from the listed `فلاديمير بوتن`) is
reported only where the article also names the person the house way (`بوتين`), with an
unsafe fix: alone, a surname may be someone else's. The same holds in English (`Lukashenka`
from the listed `Alexander Lukashenka`, where the article also writes `Lukashenko`; an
`al-` surname also without its article: `Shibani`). English forms match before a
possessive or a hyphenated suffix (`Sergei Lavrov's`, `al-Shibani-led`), and the fix keeps it.
Variants the glossary does not list but that follow the systematic variations of
transliteration (mt_repair.variants: ج/غ, ي dropped or inserted, hamza forms, ة/ه, ى/ي,
a two-word name joined) are reported where the variant is no word of Arabic (word
lists and hunspell) and no other entry's form: `غوانجتشو` -> `غوانغتشو`, unsafe fix.
Fix: safe, or unsafe where the glossary entry says `fix=unsafe`; the clitics are kept.
An accepted spelling (`~`, or common as above) is correct where an article uses it
throughout: its fix is unsafe only where the same article also writes the house form
(one name spelled two ways), and display-only (shown, never applied) otherwise.
"""

import bisect
import re

from mt_repair.glossary import AR_PROCLITIC_FORMS, ar_match
from mt_repair.lexicon import common_words, frequent_words
from mt_repair.rules.base import DISPLAY, INFO, SAFE, UNSAFE, WARNING, Rule, quote
from mt_repair.text import AR_LETTER
from mt_repair.types import Fix

RULE = Rule("TM001", "glossary-variant", "terminology", WARNING, __doc__)


def _matches(doc, glossary, arabic):
    """Matches of the variant pattern, restricted to the variants whose first word the
    text contains, and run only over the lines that contain one of them."""
    text = doc.text
    forms, needles = [], set()
    for f in glossary.variants_among(doc.token_counts.keys(), arabic):
        # after لل the form's article is not written: للأمم for ل + الأمم
        seen = [n for n in (f, f[2:] if arabic and f.startswith("ال") else None) if n and n in text]
        if seen:
            forms.append(f)
            needles.update(seen)
    rx = glossary.variant_re(tuple(forms), arabic)
    if rx is None:
        return
    for ls, le, line in doc.lines:
        if any(n in line for n in needles):
            yield from rx.finditer(text, ls, le)


def check(doc, settings):
    glossary = settings.glossary
    if glossary is None:
        return
    if not doc.text.isascii():
        spans = []
        for m in _matches(doc, glossary, arabic=True):
            form, s, e, assimilated = ar_match(m)
            entry = glossary.ar_variant_of[form]
            house = entry.ar
            if assimilated:  # لل + الأمم: the span and the correction leave the article out
                if not house.startswith("ال"):
                    continue
                form, house = form[2:], house[2:]
            if doc.overlaps_skip(s, e):
                continue
            spans.append((s, e))
            yield _finding(entry, form, house, s, e, glossary_form="ال" + form if assimilated else None,
                           text=doc.text)
        yield from _surnames(doc, glossary, spans)
        yield from _generated(doc, settings, glossary, spans)
    if not all(doc.arabic_lines):
        spans = []
        for m in _matches(doc, glossary, arabic=False):
            entry = glossary.en_variant_of[m.group("form")]
            s, e = m.span("form")
            # English forms are checked in English text only; a title's abbreviation
            # (`PM`) is a style choice there, not a misspelling (and `5 PM` is a time)
            if entry.type == "title" or doc.is_arabic_at(s) or doc.overlaps_skip(s, e):
                continue
            spans.append((s, e))
            yield _finding(entry, m.group("form"), entry.en, s, e, text=doc.text)
        yield from _en_surnames(doc, glossary, spans)


def _surnames(doc, glossary, spans):
    """A variant surname alone (`بوتن`), where the article also names the person the house
    way (`بوتين`): then it is one person spelled two ways. Unsafe fix: the surname alone
    might still be someone else's."""
    text = doc.text
    common = common_words("ar")
    forms = tuple(f for f in glossary.surnames_among(doc.token_counts.keys()) if common is None or f not in common)
    rx = glossary.variant_re(forms, arabic=True)
    if rx is None:
        return
    named: dict[str, bool] = {}  # form -> does the article name the person the house way?
    starts = [a for a, _ in spans]  # sorted and disjoint (found in text order): one bisect
    for m in (m for ls, le, line in doc.lines if any(f in line for f in forms) for m in rx.finditer(text, ls, le)):
        form, s, e, _ = ar_match(m)
        entry, house = glossary.surname_variants[form]
        if form not in named:  # a search of the whole text once per form, not per match
            named[form] = bool(entry.ar in text or re.search(
                rf"(?<![{AR_LETTER}]){re.escape(house)}(?![{AR_LETTER}])", text))
        if not named[form]:
            continue
        k = bisect.bisect_left(starts, e) - 1
        if k >= 0 and spans[k][1] > s or doc.overlaps_skip(s, e):
            continue  # inside a full variant name already reported
        yield RULE.finding(s, e, f"{quote(form)} is spelled {quote(house)} in the house glossary "
                                 f"({entry.ar}), as elsewhere in this article",
                           Fix.replace(s, e, house, UNSAFE), subject=entry.en)


def _generated(doc, settings, glossary, spans):
    """A name spelled by one of the systematic variations of transliteration
    (mt_repair.variants: ج/غ, ي dropped or inserted, hamza, ة/ه, ى/ي, a compound joined)
    that no word list or hunspell knows as a word: unsafe fix to the house form."""
    table = glossary.generated_variants
    if not table:
        return
    forms = set()
    proclitics = set(AR_PROCLITIC_FORMS)
    lengths = sorted({len(p) for p in proclitics})  # a slice per length, not a test per proclitic
    for token in doc.token_counts:
        for k in lengths:
            if token[:k] in proclitics and token[k:] in table:
                forms.add(token[k:])
    if not forms:
        return
    from mt_repair.lexicon import Lexicon
    from mt_repair.variants import accepted

    lexicon = Lexicon(frozenset(settings.allow), use_hunspell=settings.hunspell)
    forms = tuple(sorted(f for f in forms if accepted(f, lexicon)))
    rx = glossary.variant_re(forms, arabic=True)
    if rx is None:
        return
    text = doc.text
    starts = [a for a, _ in spans]
    for m in (m for ls, le, line in doc.lines if any(f in line for f in forms) for m in rx.finditer(text, ls, le)):
        form, s, e, assimilated = ar_match(m)
        entry, house = table[form]
        if assimilated:
            if not house.startswith("ال"):
                continue
            form, house = form[2:], house[2:]
        k = bisect.bisect_left(starts, e) - 1
        if k >= 0 and spans[k][1] > s or doc.overlaps_skip(s, e):
            continue
        yield RULE.finding(s, e, f"{quote(form)} looks like {quote(house)} ({entry.ar} in the house glossary) "
                                 f"spelled another way", Fix.replace(s, e, house, UNSAFE), subject=entry.en)


def _en_surnames(doc, glossary, spans):
    """A variant surname alone in English (`Lukashenka said`), where the article also
    writes the house surname (`Lukashenko`): one person spelled two ways, as `_surnames`
    in Arabic. Unsafe fix: alone, a surname may be someone else's."""
    table = glossary.en_surname_variants
    text = doc.text
    forms = tuple(sorted(f for f in table if f in text))
    if not forms:
        return
    starts = [a for a, _ in spans]
    from mt_repair.glossary import _en_forms_re

    rx = _en_forms_re(forms)
    for form in forms:
        entry, house = table[form]
        if not re.search(rf"(?<![\w]){re.escape(house)}(?![\w])", text):
            continue
        for m in rx.finditer(text):
            if m.group("form") != form:
                continue
            s, e = m.span("form")
            k = bisect.bisect_left(starts, e) - 1
            if k >= 0 and spans[k][1] > s or doc.is_arabic_at(s) or doc.overlaps_skip(s, e):
                continue  # inside a full variant name already reported
            yield RULE.finding(s, e, f"{quote(form)} is spelled {quote(house)} in the house glossary "
                                     f"({entry.en}), as elsewhere in this article",
                               Fix.replace(s, e, house, UNSAFE), subject=entry.en)


_NO_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})


def _hamzas(word) -> int:
    return sum(word.count(c) for c in "أإآ")


def _established(form, house) -> bool:
    """Every word of `form` is a common word of its language (see the docstring), and it
    differs from the house form by more than a split (`نيو يورك`) or a dropped hamza
    (`ايران`): those are misspellings however often they are seen."""
    words = form.split()
    if len(words) != len(house.split()):
        return False
    if form.translate(_NO_HAMZA) == house.translate(_NO_HAMZA) and _hamzas(form) < _hamzas(house):
        return False
    common = frequent_words("en" if form.isascii() else "ar", 3.5)
    return common is not None and all(w in common or w.lower() in common for w in words)


def _finding(entry, form, house, s, e, glossary_form=None, text=""):
    style = (glossary_form or form) in entry.style_variants or _established(form, house)
    if not style:
        return RULE.finding(s, e, f"{quote(form)} is spelled {quote(house)} in the house glossary",
                            Fix.replace(s, e, house, SAFE if entry.safe else UNSAFE), subject=entry.en)
    # an accepted spelling is another outlet's house style, correct where it is used
    # throughout: rewritten (on request: --fix leaves professional text byte-identical)
    # only where the article also writes the house form, one name spelled two ways;
    # otherwise the house form is only shown
    mixed = house in text
    return RULE.finding(s, e, f"{quote(form)} is spelled {quote(house)} in the house glossary (house style; "
                              + ("this article writes both)" if mixed else "the other spelling is accepted elsewhere)"),
                        Fix.replace(s, e, house, UNSAFE if mixed else DISPLAY), severity=INFO, subject=entry.en)
