"""TM002 inconsistent-spelling: one name spelled two ways in the same article.

What: two spellings of what is evidently one name, neither of them in the glossary:
names that no dictionary analyses (hunspell, when installed, knows inflected words)
whose Arabic forms differ only by a long vowel (`زيلنسكي`/`زيلينسكي`), by the letter
chosen for a foreign g (`غ ج ق گ`) but not by a hamza on alef alone (`اسكتلندا`/`أسكتلندا` is orthography) nor by a
letter added at the end (`جينوم`/`جينومي` is noun and nisba adjective); English names that differ
only by `i`/`y` or a doubled letter (`Sergei`/`Sergey`). Common words never count.
Why: readers and search take two spellings for two people.
Example: `زيلينسكي` three times and `زيلنسكي` once: the single one is flagged.
Fix: unsafe. The rarer spelling is replaced by the more frequent one in the article
(display-only on a tie); add the name to the glossary to make it safe. No fix when the
more frequent spelling is itself a near miss of a glossary form (`Sarass`/`Saras` for
SARS): the message names the house form instead.
"""


from mt_repair.lazyre import lazy_re
from mt_repair.lexicon import common_words, speller
from mt_repair.rules.base import DISPLAY, UNSAFE, WARNING, Rule, quote
from mt_repair.text import strip_marks
from mt_repair.types import Fix

RULE = Rule("TM002", "inconsistent-spelling", "terminology", WARNING, __doc__)

_AR_VOWELS = str.maketrans("", "", "اوي")
_AR_G = str.maketrans({"غ": "G", "ج": "G", "ق": "G", "گ": "G", "أ": "ا", "إ": "ا", "آ": "ا"})
_EN_KEY = lazy_re(r"(.)\1")


def _ar_key(word):
    body = word.translate(_AR_G)
    return body[0] + body[1:].translate(_AR_VOWELS)


def _en_key(word):
    return _EN_KEY.sub(r"\1", word.lower().replace("y", "i"))


def _close(a, b, arabic):
    """Only one small difference: one vowel letter, or one letter substitution."""
    if arabic:
        if len(a) == len(b):
            return sum(x != y for x, y in zip(a.translate(_AR_G), b.translate(_AR_G))) == 0
        a, b = a.translate(_AR_G), b.translate(_AR_G)
        # a letter added at the end is a suffix (nisba `جينومي`, feminine `ة`), not a respelling
        return abs(len(a) - len(b)) == 1 and _one_insertion(a, b) and not (a.startswith(b) or b.startswith(a))
    return abs(len(a) - len(b)) <= 1


def _one_insertion(a, b):
    """The longer word is the shorter with one letter added (`زيلنسكي` + ي)."""
    short, long_ = sorted((a, b), key=len)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1:]


def _name_like(word, arabic, common, speller):
    """Not a common word, and (where hunspell is installed) not a word it can analyse:
    transliterated names are unknown to both, inflected words (`مستوياتها`) are not."""
    probe = word if arabic else word.lower()
    if common is not None and probe in common:
        return False
    return speller is None or not speller.spell(word)


def _house_near(word, arabic, glossary):
    """The glossary form `word` is a near miss of, by TM003's skeletons (`Saras` for SARS,
    `سيرس` for سارس), or None."""
    from mt_repair.rules import tm003_name_drift as tm003
    if arabic:
        by_skel, forms = tm003._ar_index(glossary)
        entries = by_skel.get(tm003._ar_skeleton(word), ())
        return entries[0].ar if len(entries) == 1 and word not in forms else None
    shape = tm003._shape(word)
    if shape is None:
        return None
    idx = tm003._index(glossary)
    entries = {id(e): e for form, _, e, _ in idx.words_by_skeleton.get(shape[1], ()) if form != word}
    if not entries:  # the head of a compound name spelled as a word (`Coved` for COVID-19)
        entries = {id(e): e for head, got in idx.heads.items() if head != word.casefold()
                   and tm003._skeleton(head) == shape[1] for e in got}
    return next(iter(entries.values())).en if len(entries) == 1 else None


_NAME_PROCLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف")
_PROCLITICS_BY_LETTER = {c: tuple(p for p in _NAME_PROCLITICS if p[0] == c) for c in "وفبكلا"}
_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})


def _stem(token, marks=True):
    """Strip only clitics that cannot begin a name: `ب`/`ك`/`ل` start too many (بيتسبيرغ)."""
    w = strip_marks(token) if marks else token
    for p in _PROCLITICS_BY_LETTER.get(w[0], ()):
        if w.startswith(p) and len(w) - len(p) >= 4:
            return p, w[len(p):]
    return "", w


def _surfaces(doc, arabic, glossary_words=frozenset()):
    """Distinct name-shaped tokens -> (proclitic, word), and how often each token occurs."""
    counts = doc.token_counts
    stems = {}
    for tok in counts:
        if len(tok) < 5 or tok in glossary_words:
            continue  # a glossary name whole (`واشنطن`), never stemmed to `اشنطن`
        if arabic:
            if tok[0] < "\u0621" or tok[0].isdigit():  # TOKEN_RE: not an Arabic word
                continue
            # tashkeel is not alphabetic; tatweel is, so look for it
            pre, word = _stem(tok, not tok.isalpha() or "\u0640" in tok)
            if len(word) < 5:
                continue
        else:
            if not tok[0].isupper() or not tok[1:].islower():
                continue
            pre, word = "", tok
        stems[tok] = (pre, word)
    return stems, counts


def check(doc, settings):
    glossary_words = settings.glossary.words if settings.glossary else frozenset()
    arabic = doc.language == "ar"
    stems, counts = _surfaces(doc, arabic, glossary_words)
    common = common_words("ar" if arabic else "en")
    words = {word for _, word in stems.values()} - glossary_words
    if common is not None:  # common words are never names; drop them in bulk, before grouping
        if arabic:
            words = set(common.missing(words))
        else:
            rare = set(common.missing({w.lower() for w in words}))
            words = {w for w in words if w.lower() in rare}
    groups = {}
    for word in words:
        groups.setdefault(_ar_key(word) if arabic else _en_key(word), []).append(word)
    groups = [g for g in groups.values() if len(g) > 1]
    if not groups:
        return
    seen = {}  # word -> [(start, end)] without the proclitic; only for words in a group
    wanted = {w for g in groups for w in g}
    surfaces = {tok for tok, (_, word) in stems.items() if word in wanted}
    for start, end, tok in [t for t in doc.tokens if t[2] in surfaces]:
        pre, word = stems[tok]
        seen.setdefault(word, []).append((start + len(pre), end))
    spell = None
    for words in groups:
        words.sort(key=lambda w: (-len(seen[w]), seen[w][0][0]))
        major = words[0]
        for minor in words[1:]:
            if not _close(major, minor, arabic) or (arabic and major.translate(_HAMZA) == minor.translate(_HAMZA)):
                continue
            if spell is None and settings.hunspell:  # loaded only when a pair is this close
                spell = speller("ar" if arabic else "en") or False
            if not (_name_like(minor, arabic, common, spell or None)
                    and _name_like(major, arabic, common, spell or None)):
                continue
            tie = len(seen[major]) == len(seen[minor])
            # the majority spelling may itself be a near miss of a house form (`Saras`
            # for SARS): moving the minority to it would trade one misspelling for another
            house = _house_near(major, arabic, settings.glossary) if settings.glossary else None
            for s, e in seen[minor]:
                fix = None if house else Fix.replace(s, e, major, DISPLAY if tie else UNSAFE)
                hint = f"; both look like {quote(house)} spelled another way" if house else ""
                yield RULE.finding(s, e,
                                   f"{quote(minor)} is spelled {quote(major)} elsewhere in this article "
                                   f"({len(seen[major])}×){hint}", fix)
