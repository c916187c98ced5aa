"""GB003 unknown-word: a lower-case English word no dictionary knows, used once (info; a warning when one letter off a common word).

What: a lower-case word of five letters or more in English text that wordfreq's full
English list, hunspell (when installed), the glossary and `allow` all reject, and that
the article does not use again: `sytokin`, `angiotencin`, `neuklotides`, `breakast`.
It is a warning when the word is six letters or more and one letter (added, dropped,
changed, or two swapped) away from a common English word (wordfreq Zipf >= 3.5):
`viruss`, `genoms`, `philosophys`, `hostagers`, `beteen`. Adding `s` to a common word
is an English plural and stays info (`lymphs`, `ionizations`), unless English would
write that plural otherwise (`viruss`, `philosophys`: after s, x, z, ch, sh or a
consonant and y). Only the first 200 unknown words of a text are tried (a text
with more is garbled, GB001's); the rest stay info.
Why: MT systems spell rare terms anew (a drug, a protein, a disease) and the result
reads like jargon; a misspelling in copy is the same defect. On real Arabic→English
output of three OPUS-MT systems such words are 2.5 per 1,000 words for the weaker two
and 0.5 on the human reference, where they are real but rare terms (`cholangiocytes`,
`blinatumomab`); on NTREX-128 English news 0.45, mostly compounds (`fourballs`) and
two typos. Hence info: a hint to look the word up, not a warning. A near miss of a
common word is different: subword decoders misspell ordinary words (`viruss`,
`genoms`) and none of the reference's rare terms is one letter off a common word; on
NTREX the only two are real typos (`breakast`, `beteen`).
Not flagged: capitalised words (names), words with digits, hyphens, apostrophes or
invisible characters inside (SC006's), a word
the article repeats (a term used consistently), Arabic text (its inflection defeats the
word lists), words in code, URLs and `allow`.
Example: `levels of sytokin rose` -> info: «sytokin» is in no dictionary;
`the viruss spread` -> warning: «viruss» is one letter off «virus» or «viruses».
Fix: none (the right spelling needs the source or a reference). The common word a
near miss is one letter off is named, not offered: MT garbles a term more often than it
misspells a word (`philosophys` stood for viruses, `hostagers` for hosts).
"""


from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import INFO, WARNING, Rule, quote
from mt_repair.text import INVISIBLE_CHARS

RULE = Rule("GB003", "unknown-word", "garbled", INFO, __doc__)

_CANDIDATE = lazy_re(r"[a-z]{5,}")
# a word character, an apostrophe, a hyphen or an invisible character (`nego<U+200B>tiations`
# is SC006's) next to the token: it is part of a longer word
_WORD_CHAR_AROUND = lazy_re(rf"[\w'’\-{INVISIBLE_CHARS}]")
NEAR_MIN_LEN = 6
NEAR_MAX_LEN = 30  # no common word is longer; the candidates grow with the square of the length
# ~0.4 ms a word: past this many unknown words a text is garbled (GB001's) and the rest stay info
NEAR_PER_TEXT = 200
NEAR_ZIPF = 3.5
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# the regular plural (or third person) of a word is `+s`, except after these: `viruses`, `policies`
_NOT_PLAIN_S = lazy_re(r"(?:[sxz]|ch|sh|[^aeiou]y)\Z")


def _one_letter_off(word: str):
    """Every string one edit away from `word`: a letter dropped, two swapped, one changed or added."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for a, b in splits:
        if b:
            yield a + b[1:]
            for c in _LETTERS:
                if c != b[0]:
                    yield a + c + b[1:]
        if len(b) > 1:
            yield a + b[1] + b[0] + b[2:]
        for c in _LETTERS:
            yield a + c + b


def near_misses(word: str) -> list[str]:
    """The common English words one letter away from `word`, unless `word` is a plain
    plural of one of them (a plural the word lists lack is still English)."""
    from mt_repair.lexicon import frequent_words

    if not NEAR_MIN_LEN <= len(word) <= NEAR_MAX_LEN:
        return []
    common = frequent_words("en", NEAR_ZIPF)
    if common is None:
        return []
    candidates = set(_one_letter_off(word))
    near = sorted(candidates.difference(common.missing(candidates)))
    if any(word == w + "s" and not _NOT_PLAIN_S.search(w) for w in near):
        return []
    return near


def check(doc, settings):
    if doc.language != "en":
        return
    counts = doc.token_counts
    allow = settings.allow_folded
    ask = [t for t, n in counts.items() if n == 1 and _CANDIDATE.fullmatch(t) and t not in allow]
    if not ask:
        return
    known = settings.lexicon.known_among(ask, deep=True)
    unknown = {t for t in ask if t not in known}
    if not unknown:
        return
    text = doc.text
    budget = NEAR_PER_TEXT
    for s, e, tok in doc.tokens:
        if tok not in unknown or doc.is_arabic_at(s):
            continue
        # a part of a hyphenated or glued compound (`anti-viral`, `e-mail`) is not a word alone
        if s and _WORD_CHAR_AROUND.match(text, s - 1) or _WORD_CHAR_AROUND.match(text, e):
            continue
        near = near_misses(tok) if budget > 0 else []
        budget -= 1
        if near:
            words = " or ".join(map(quote, near[:3]))
            yield RULE.finding(s, e, f"{quote(tok)} is no word: one letter off {words}", severity=WARNING)
            continue
        yield RULE.finding(s, e, f"{quote(tok)} is in no dictionary: a misspelling or a term spelled anew?")
