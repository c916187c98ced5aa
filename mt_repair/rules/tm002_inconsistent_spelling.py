"""TM002 inconsistent-spelling: one name spelled two ways in the same article.

What: two spellings of what is evidently one name, neither of them in the glossary:
names that no dictionary analyses (hunspell, when installed, knows inflected words)
whose Arabic forms differ only by a long vowel (`زيلنسكي`/`زيلينسكي`), by the letter
chosen for a foreign g (`غ ج ق گ`) but not by a hamza on alef alone (`اسكتلندا`/`أسكتلندا` is orthography); English names that differ
only by `i`/`y` or a doubled letter (`Sergei`/`Sergey`). Common words never count.
Why: readers and search take two spellings for two people.
Example: `زيلينسكي` three times and `زيلنسكي` once: the single one is flagged.
Fix: unsafe. The rarer spelling is replaced by the more frequent one in the article
(display-only on a tie); add the name to the glossary to make it safe.
"""

import re
from collections import Counter

from mt_repair.lexicon import common_words, hunspell
from mt_repair.rules.base import DISPLAY, UNSAFE, WARNING, Rule, quote
from mt_repair.text import is_arabic_word, strip_marks
from mt_repair.types import Fix

RULE = Rule("TM002", "inconsistent-spelling", "terminology", WARNING, __doc__)

_AR_VOWELS = re.compile("[اوي]")
_AR_G = str.maketrans({"غ": "G", "ج": "G", "ق": "G", "گ": "G", "أ": "ا", "إ": "ا", "آ": "ا"})
_EN_KEY = re.compile(r"(.)\1")


def _ar_key(word):
    body = word.translate(_AR_G)
    return body[0] + _AR_VOWELS.sub("", body[1:])


def _en_key(word):
    return _EN_KEY.sub(r"\1", word.lower().replace("y", "i"))


def _close(a, b, arabic):
    """Only one small difference: one vowel letter, or one letter substitution."""
    if arabic:
        if len(a) == len(b):
            return sum(x != y for x, y in zip(a.translate(_AR_G), b.translate(_AR_G))) == 0
        return abs(len(a) - len(b)) == 1
    return abs(len(a) - len(b)) <= 1


def _name_like(word, arabic, common, speller):
    """Not a common word, and (where hunspell is installed) not a word it can analyse:
    transliterated names are unknown to both, inflected words (`مستوياتها`) are not."""
    probe = word if arabic else word.lower()
    if common is not None and probe in common:
        return False
    return speller is None or not speller.spell(word)


_NAME_PROCLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف")
_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})


def _stem(token):
    """Strip only clitics that cannot begin a name: `ب`/`ك`/`ل` start too many (بيتسبيرغ)."""
    w = strip_marks(token)
    for p in _NAME_PROCLITICS:
        if w.startswith(p) and len(w) - len(p) >= 4:
            return p, w[len(p):]
    return "", w


def check(doc, settings):
    glossary_words = settings.glossary.words if settings.glossary else frozenset()
    arabic = doc.language == "ar"
    common = common_words("ar" if arabic else "en")
    speller = hunspell("ar" if arabic else "en") if settings.hunspell else None
    seen = {}  # surface -> list of (start, end, prefix)
    for start, end, tok in doc.tokens:
        if arabic:
            if not is_arabic_word(tok):
                continue
            pre, word = _stem(tok)
            if len(word) < 5:
                continue
        else:
            if not tok[0].isupper() or len(tok) < 5 or not tok[1:].islower():
                continue
            pre, word = "", tok
        seen.setdefault(word, []).append((start + len(pre), end))
    groups = {}
    for word in seen:
        if word in glossary_words:
            continue
        groups.setdefault(_ar_key(word) if arabic else _en_key(word), []).append(word)
    for key, words in groups.items():
        if len(words) < 2:
            continue
        words.sort(key=lambda w: (-len(seen[w]), seen[w][0][0]))
        major = words[0]
        for minor in words[1:]:
            if not _close(major, minor, arabic) or (arabic and major.translate(_HAMZA) == minor.translate(_HAMZA)):
                continue
            if not (_name_like(minor, arabic, common, speller) and _name_like(major, arabic, common, speller)):
                continue
            tie = len(seen[major]) == len(seen[minor])
            for s, e in seen[minor]:
                fix = Fix.replace(s, e, major, DISPLAY if tie else UNSAFE)
                yield RULE.finding(s, e,
                                   f"{quote(minor)} is spelled {quote(major)} elsewhere in this article "
                                   f"({len(seen[major])}×)", fix)
