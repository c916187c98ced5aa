"""SC010 latin-name: a name left in Latin script where the article spells it in Arabic.

What: a capitalised Latin name inside Arabic text (`في مقاطعة Hubei`) when the same
article also writes that name in Arabic letters (`هوبي`): the Latin form is a leak the
article itself shows how to repair.
Why: MT leaves names it does not know in Latin, sometimes only once; readers then meet
one place or person under two scripts.
How: each Latin letter is turned into the Arabic letters it may be written with
(`b`→`ب`, `g`→`غ ج ك ق`, `sh`→`ش`, `ng`→`نغ نج`; a vowel into its long vowel, a
hamza, for `a` an ain, or nothing), and exactly one Arabic word of the article,
without its proclitic, must match the whole pattern, letter for letter. Left alone:
names under five letters or two consonants, English words (`Terrace`, `Leave`: a
title or a brand), common Arabic words, glossary names (SC001's), and Latin in
quotes, brackets or a quoted title.
Example: `ارتفعت الإصابات في هوبي ... بينما استخدمت مقاطعة Hubei الطب التقليدي` ->
`... مقاطعة هوبي ...`.
Fix: unsafe: the Latin name is replaced by the Arabic spelling the article uses.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

from mt_repair.lazyre import lazy_re
from mt_repair.lexicon import common_words, speller
from mt_repair.rules.base import UNSAFE, WARNING, Rule, quote
from mt_repair.text import AR_LETTER, AR_MARK, AR_PROCLITICS, SOURCE_LINE_RE, strip_marks
from mt_repair.types import Fix

RULE = Rule("SC010", "latin-name", "script", WARNING, __doc__)

_NAME = lazy_re(r"(?<![\w@#&\-/.])[A-Z][a-z\u00E0-\u00FF]{2,}(?![\w@\-/])")
_AR_WORD = lazy_re(rf"[{AR_LETTER}][{AR_LETTER}{AR_MARK}]*")
_QUOTES = "\"“”«»'‘’()[]"
# A stretch of Latin words and the spaces between them: the run of words around a name
# is read off its stretch (a regex search from the line start for every name was
# quadratic on a long line of names).
_STRETCH = lazy_re(r"[A-Za-z\u00C0-\u024F0-9'\- \t]+")
# Latin units (longest first) -> Arabic spellings.
_UNITS = [
    ("sch", "ش"), ("tch", "تش|ش"), ("sh", "ش"), ("ch", "تش|ش|ك"), ("th", "ث|ت|ذ"), ("kh", "خ|ك"),
    ("gh", "غ|ج"), ("ph", "ف"), ("zh", "تش|ج|ز"), ("ck", "ك|ق"), ("qu", "ك|ق|كو"), ("ng", "نغ|نج|ن"),
    ("dj", "ج|د"), ("b", "ب"), ("p", "ب"), ("t", "ت|ط"), ("d", "د|ض"), ("k", "ك|ق"), ("q", "ك|ق|تش"),
    ("c", "ك|س|ق|تس"), ("g", "غ|ج|ك|ق"), ("j", "ج|ي"), ("f", "ف"), ("v", "ف|ڤ"), ("s", "س|ص|ز"),
    ("z", "ز|تس"), ("x", "كس|ش|إكس"), ("l", "ل"), ("r", "ر"), ("m", "م"), ("n", "ن"),
    ("h", "ه|ح|خ"), ("w", "و"), ("y", "ي"),
]
_VOWELS = "aeiouy"
# what each Latin vowel may be written as: nothing, a long vowel, a hamza or (for a) an ain
_AR_VOWEL = {"a": "(?:[عأءآ]?[اى]?)", "e": "(?:إ?[يئ]?|أ)", "i": "(?:إ?[يئ]?)",
             "o": "(?:أ?[وؤ]?)", "u": "(?:أ?[وؤ]?)", "y": "ي?"}


_CLITICS_BY_LETTER: dict[str, tuple[str, ...]] = {}
for _p in AR_PROCLITICS:
    _CLITICS_BY_LETTER[_p[0]] = _CLITICS_BY_LETTER.get(_p[0], ()) + (_p,)


def _fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def _pattern(name):
    """A regex for how an Arabic text may spell a Latin name, letter for letter, and
    the number of consonants in it. A vowel may be written (as its long vowel,
    a hamza, or for `a` an ain) or not; a consonant must be written with one of its
    letters; a final `h` (`Sarah`) may be dropped."""
    s = _fold(name).casefold()
    s = re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", s)  # doubled consonants are written once
    parts, n, i = [], 0, 0
    while i < len(s):
        if s[i] in _VOWELS and not (s[i] == "y" and i + 1 < len(s) and s[i + 1] in "aeiou"):
            parts.append(_AR_VOWEL[s[i]] + ("[ةه]?" if s[i] == "a" and i == len(s) - 1 else ""))
            i += 1
            continue
        for unit, arabic in _UNITS:
            if s.startswith(unit, i):
                optional = unit == "h" and i == len(s) - 1  # `Sarah`
                parts.append("(?:" + arabic + ")" + ("?" if optional else ""))
                n += 1
                i += len(unit)
                break
        else:
            return None, 0
    return re.compile("".join(parts)), n


@lru_cache(maxsize=4096)
def _first_letters(name):
    """The Arabic letters the name's spelling can begin with; None when it begins
    with a vowel."""
    s = _fold(name).casefold()
    if s[0] in _VOWELS:
        return None
    for unit, arabic in _UNITS:
        if s.startswith(unit):
            return frozenset(a[0] for a in arabic.split("|"))
    return None


def _arabic_forms(doc, first=None):
    """Arabic words of the document that may be names (bare of marks and proclitics,
    four letters or more); only those beginning with a letter in `first`, when given.
    Common words are not yet taken out: the caller does that for the few that fit a
    name (a look-up for every word of the article was most of this rule's time)."""
    out = set()
    for tok in doc.token_counts:
        if tok[0] < "\u0621" or len(tok) < 4:  # marks only shorten: no stem of four letters
            continue
        bare = strip_marks(tok)
        for stem in [bare] + [bare[len(p):] for p in _CLITICS_BY_LETTER.get(bare[0], ()) if bare.startswith(p)]:
            if len(stem) >= 4 and (first is None or stem[0] in first):
                out.add(stem)
    return out


def _english_word(word):
    """`Terrace`, `Leave`: an English word in lower case (hunspell, else a common word),
    capitalised in a title or a brand; not a name to transliterate."""
    low = word.lower()
    sp = speller("en")
    if sp is not None:
        return sp.spell(low)
    common = common_words("en")
    return common is not None and low in common


def _words_of(m):
    """(start, where its first word begins, where its last word ends) of a stretch."""
    g = m.group()
    return m.start(), m.start() + len(g) - len(g.lstrip(" \t")), m.start() + len(g.rstrip(" \t"))


def _run_around(line, stretches, starts, ms, me):
    """Where the Latin words around line[ms:me] begin and end: from the first word of
    its stretch when a space comes before the name, to the last when one comes after."""
    _, first, last = stretches[bisect.bisect_right(starts, ms) - 1]
    s = first if ms and line[ms - 1] in " \t" and first < ms else ms
    e = last if me < len(line) and line[me] in " \t" and last > me else me
    return s, e


def _before(line, s):
    """The last character before `s` that is not a space ("" at the line start)."""
    while s and line[s - 1].isspace():
        s -= 1
    return line[s - 1] if s else ""


def _after(line, e):
    while e < len(line) and line[e].isspace():
        e += 1
    return line[e] if e < len(line) else ""


def check(doc, settings):
    if doc.language != "ar" or not doc.mixed_lines:
        return
    glossary = settings.glossary
    allow = settings.allow_folded
    candidates = []
    for ls, le, line in doc.mixed_lines:
        if SOURCE_LINE_RE.match(line):
            continue
        stretches = [_words_of(m) for m in _STRETCH.finditer(line)]
        starts = [st[0] for st in stretches]
        quoted: dict[tuple[int, int], bool] = {}  # names of one stretch share their run
        for m in _NAME.finditer(line):
            word = m.group()
            s, e = _run_around(line, stretches, starts, m.start(), m.end())  # the Latin words around it
            if (s, e) not in quoted:
                quoted[s, e] = _before(line, s) in _QUOTES or _after(line, e) in _QUOTES
            if quoted[s, e] or word.casefold() in allow:
                continue
            if glossary and word.casefold() in glossary.by_en:
                continue
            start = ls + m.start()
            if not doc.is_arabic_at(start) or doc.overlaps_skip(start, ls + m.end()):
                continue
            candidates.append((start, ls + m.end(), word))
    if not candidates:
        return
    names = []  # the candidates that can be names, with their patterns, before the forms are built
    for start, end, word in candidates:
        pattern, n = _pattern(word)
        if pattern is None or n < 2 or len(word) < 5 or _english_word(word):
            continue
        names.append((start, end, word, pattern, _first_letters(word)))
    if not names:
        return
    firsts = [first for *_, first in names]
    common = common_words("ar")
    forms = _arabic_forms(doc, None if None in firsts else frozenset().union(*firsts))
    by_first = {}
    for f in forms:
        by_first.setdefault(f[0], []).append(f)
    for start, end, word, pattern, first in names:
        pool = forms if first is None else [f for c in first for f in by_first.get(c, ())]
        hits = {form for form in pool if pattern.fullmatch(form)}
        if common is not None:
            hits = {form for form in hits if form not in common}
        if len(hits) != 1:
            continue  # none, or several words fit: not precise enough
        (arabic,) = hits
        yield RULE.finding(start, end, f"name {quote(word)} in Latin; the article writes it {quote(arabic)}",
                           Fix.replace(start, end, arabic, UNSAFE))
