"""RP011 word-stutter: a syllable printed twice inside one word (`الحقيقيقي`, `thethe`).

What: a word no dictionary knows as a word in common use (wordfreq at Zipf 2.5 or more,
whose full lists hold web typos such as `thethe`; hunspell; the glossary; `allow`), but
that becomes a known word when one copy of a chunk of two or three letters repeated
back to back inside it is removed (`الحقيقيقي` -> `الحقيقي`, `المعلوماتمات` ->
`المعلومات`, `thethe` -> `the`, `infectionion` -> `infection`), or one copy of a letter
printed three times (`الللغة` -> `اللغة`, `runnning` -> `running`).
Why: subword decoders stutter on a piece of a word as they do on whole words; the word
looks nearly right and the eye reads past it.
Not flagged: known words with a repeated chunk (`murmur`, `بابا`, `تأثيرات`), capitalised
words (names: `Bababa`, `Kuku`), Arabic words without the article or a verb prefix (Arabic
has no capitals, and transliterated names repeat syllables: `بوكانان`, `بولولو`), words with digits, a word the article uses twice or more
(a term it spells consistently), words shorter than five letters, and any word for which
removing a chunk gives no known word or (where two different removals do) two different words;
in Arabic the repair must be a frequent word (Zipf 3; hunspell-ar accepts `مسدون` for the
real `مسدودون`, whose geminate root repeats `دو`).
Example: `هذا هو السبب الحقيقيقي للأزمة` -> `هذا هو السبب الحقيقي للأزمة`.
Fix: unsafe (the repeated chunk is deleted once): the dictionary guesses the word, the
editor confirms it.
"""


from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import UNSAFE, WARNING, Rule, quote
from mt_repair.text import AR_MARK
from mt_repair.types import Fix

RULE = Rule("RP011", "word-stutter", "repetition", WARNING, __doc__)

# a chunk of two or three letters twice in a row, or one letter three times
_STUTTER = lazy_re(r"([^\W\d_]{2,3})\1|([^\W\d_])\2\2")
# an Arabic word that carries the article or a verb prefix is no transliterated name
_AR_INFLECTED = lazy_re(r"(?:[وفبك]?ال|لل|[وف]?[يتن])")
# at most 40 letters: no real word is longer, and _repairs costs the square of the length
_WORD = lazy_re(r"[^\W\d_]{5,40}")


def _repairs(word: str) -> set[str]:
    """Every word obtained by removing one copy of one stuttered chunk."""
    out = set()
    for k in (1, 2, 3):
        reps = 3 if k == 1 else 2
        for i in range(len(word) - k * reps + 1):
            chunk = word[i:i + k]
            if word[i:i + k * reps] == chunk * reps:
                out.add(word[:i] + word[i + k:])
    return out


def _common(word: str, lang: str, lexicon, zipf: float = 2.5, use_hunspell: bool = True) -> bool:
    """A word in common use: wordfreq at Zipf 2.5 or more (its full list holds web typos
    such as `thethe`, `runnning`), through Arabic clitics, or one hunspell accepts."""
    from mt_repair.lexicon import frequent_words, speller
    from mt_repair.text import AR_PROCLITICS, strip_marks

    if word in lexicon.extra:
        return True
    words = frequent_words(lang, zipf)
    w = strip_marks(word) if lang == "ar" else word.lower()
    forms = [w] + ([w[len(p):] for p in AR_PROCLITICS if w.startswith(p) and len(w) - len(p) >= 2]
                   if lang == "ar" else [])
    if words is not None and any(f in words for f in forms):
        return True
    hs = speller(lang) if lexicon.use_hunspell and use_hunspell else None
    return hs is not None and hs.spell(w)


def check(doc, settings):
    lexicon = settings.lexicon
    if lexicon is None:
        return
    counts = doc.token_counts
    allow = settings.allow_folded
    ask = [t for t, n in counts.items()
           if n == 1 and _WORD.fullmatch(t) and _STUTTER.search(t) and not t[:1].isupper()
           and t.casefold() not in allow]
    if not ask:
        return
    suspects = {}
    for t in ask:
        lang = "ar" if t[0] >= "\u0621" else "en"
        if not lexicon.available(lang) or _common(t, lang, lexicon):
            continue
        if lang == "ar" and not _AR_INFLECTED.match(t):
            continue  # names have no capitals in Arabic: `بوكانان` (Buchanan), `بولولو`
        # hunspell-ar accepts almost any pattern (`مسدون` for `مسدودون`, a geminate root):
        # an Arabic repair must be a frequent word (Zipf 3)
        fixes = {r for r in _repairs(t) if len(r) >= 2 and (
            _common(r, lang, lexicon) if lang == "en" else _common(r, lang, lexicon, 3.0, False))}
        if len(fixes) == 1:
            suspects[t] = fixes.pop()
    if not suspects:
        return
    for s, e, tok in doc.tokens:
        fixed = suspects.get(tok)
        if fixed is None:
            continue
        # TOKEN_RE tokens may be part of a longer word with marks inside: skip those
        if s and (doc.text[s - 1].isalnum() or doc.text[s - 1] in AR_MARK):
            continue
        yield RULE.finding(s, e, f"{quote(tok)} stutters inside the word: {quote(fixed)}?",
                           Fix.replace(s, e, fixed, UNSAFE))
