"""GB001 garbled-clause: a cluster of non-words, reported once over the clause.

What: three or more words in a row (at most one real word between them) that no
dictionary knows: wordfreq's Arabic/English lists, hunspell (Debian's hunspell-ar /
hunspell-en-us) when installed, the glossary's names and the `allow` list.
Why: MT of noisy input (OCR, broken encodings, speech) produces strings of letters
that look like words at a glance. One unknown word is usually a rare name and is
left alone; several in a row are a garbled clause.
Capitalised English words are treated as names: they neither start nor break a cluster.
Example: `وقالت المصادر إن سلمتخ كرنبوش طلالمث فغشت في الاجتماع`.
Fix: none. The clause has to be retranslated from the source.
"""

from mt_repair.rules.base import WARNING, Rule, quote
from mt_repair.text import is_arabic_word

RULE = Rule("GB001", "garbled-clause", "garbled", WARNING, __doc__)

MIN_UNKNOWN = 3
MAX_GAP = 1  # real words allowed between two unknown ones


def _unknown_flags(doc, settings):
    lex = settings.lexicon
    allow = settings.allow_folded
    is_word = lex.is_word
    arabic = doc.language == "ar"
    for start, end, tok in doc.tokens:
        c = tok[0]
        if c.isdigit() or len(tok) < 2:
            yield start, end, tok, None  # neutral
        elif arabic != is_arabic_word(tok) or c.isupper():
            yield start, end, tok, None  # other script (SC001/SC005) or an English name
        elif tok.casefold() in allow:
            yield start, end, tok, False
        else:
            yield start, end, tok, not is_word(tok)


def check(doc, settings):
    if settings.lexicon is None:
        return
    text = doc.text
    cluster = []  # (start, end) of unknown tokens
    gap = 0
    last_end = 0

    def flush():
        if len(cluster) >= MIN_UNKNOWN:
            s, e = cluster[0][0], cluster[-1][1]
            return RULE.finding(s, e, f"garbled clause: {len(cluster)} non-words in {quote(text[s:e], 50)}")
        return None

    for start, end, tok, unknown in _unknown_flags(doc, settings):
        # a sentence boundary or line break between tokens ends a cluster
        between = text[last_end:start]
        last_end = end
        if cluster and ("\n" in between or any(p in between for p in ".!?؟:؛;")):
            f = flush()
            if f:
                yield f
            cluster, gap = [], 0
        if unknown is None:
            continue
        if unknown:
            cluster.append((start, end))
            gap = 0
        elif cluster:
            gap += 1
            # a real word between non-words keeps the cluster only when it is a short
            # function word (في، من، the); a real name breaks a list of names apart
            if gap > MAX_GAP or len(tok) > 3:
                f = flush()
                if f:
                    yield f
                cluster, gap = [], 0
    f = flush()
    if f:
        yield f
