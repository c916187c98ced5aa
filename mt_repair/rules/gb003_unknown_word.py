"""GB003 unknown-word: a lower-case English word no dictionary knows, used once (info).

What: a lower-case word of five letters or more in English text that wordfreq's full
English list, hunspell (when installed), the glossary and `allow` all reject, and that
the article does not use again: `sytokin`, `angiotencin`, `neuklotides`, `breakast`.
Why: MT systems spell rare terms anew (a drug, a protein, a disease) and the result
reads like jargon; a misspelling in copy is the same defect. On real Arabic→English
output of three OPUS-MT systems such words are 2.5 per 1,000 words for the weaker two
and 0.8 on the human reference, where they are real but rare terms (`pneumocytes`,
`blinatumomab`); on NTREX-128 English news 0.45, mostly compounds (`fourballs`) and
two typos. Hence info: a hint to look the word up, not a warning.
Not flagged: capitalised words (names), words with digits, hyphens, apostrophes or
invisible characters inside (SC006's), a word
the article repeats (a term used consistently), Arabic text (its inflection defeats the
word lists), words in code, URLs and `allow`.
Example: `levels of sytokin rose` -> info: «sytokin» is in no dictionary.
Fix: none (the right spelling needs the source or a reference).
"""


from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import INFO, Rule, quote
from mt_repair.text import INVISIBLE_CHARS

RULE = Rule("GB003", "unknown-word", "garbled", INFO, __doc__)

_CANDIDATE = lazy_re(r"[a-z]{5,}")
# a word character, an apostrophe, a hyphen or an invisible character (`nego<U+200B>tiations`
# is SC006's) next to the token: it is part of a longer word
_WORD_CHAR_AROUND = lazy_re(rf"[\w'’\-{INVISIBLE_CHARS}]")


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
    for s, e, tok in doc.tokens:
        if tok not in unknown or doc.is_arabic_at(s):
            continue
        # a part of a hyphenated or glued compound (`anti-viral`, `e-mail`) is not a word alone
        if s and _WORD_CHAR_AROUND.match(text, s - 1) or _WORD_CHAR_AROUND.match(text, e):
            continue
        yield RULE.finding(s, e, f"{quote(tok)} is in no dictionary: a misspelling or a term spelled anew?")
