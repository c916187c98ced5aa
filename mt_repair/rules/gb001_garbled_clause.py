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


def _flags(doc, settings):
    lex = settings.lexicon
    allow = settings.allow_folded
    arabic = doc.language == "ar"
    out = []
    for start, end, tok in doc.tokens:
        c = tok[0]
        if c.isdigit() or len(tok) < 2 or arabic != is_arabic_word(tok) or c.isupper():
            flag = None  # neutral: a number, another script (SC001/SC005) or an English name
        elif tok.casefold() in allow:
            flag = False
        else:
            flag = not lex.is_word(tok, deep=False)
        out.append([start, end, tok, flag])
    return out


def _clusters(text, flags):
    """Runs of >= MIN_UNKNOWN unknown tokens, as lists of indices into `flags`."""
    found, cluster, gap, last_end = [], [], 0, None
    for i, (start, end, tok, unknown) in enumerate(flags):
        between = text[last_end:start] if last_end is not None else ""
        last_end = end
        if cluster and ("\n" in between or any(p in between for p in ".!?؟:؛;")):
            found.append(cluster)
            cluster, gap = [], 0
        if unknown is None:
            continue
        if unknown:
            cluster.append(i)
            gap = 0
        elif cluster:
            gap += 1
            # a real word between non-words keeps the cluster only when it is a short
            # function word (في، من، the); a real name breaks a list of names apart
            if gap > MAX_GAP or len(tok) > 3:
                found.append(cluster)
                cluster, gap = [], 0
    found.append(cluster)
    return [c for c in found if len(c) >= MIN_UNKNOWN]


def check(doc, settings):
    if settings.lexicon is None:
        return
    text = doc.text
    flags = _flags(doc, settings)
    # Two passes: the word lists alone find candidate clusters fast; hunspell (slow to
    # load, knows inflected forms) then confirms only the words inside candidates.
    for cand in _clusters(text, flags):
        part = flags[cand[0]:cand[-1] + 1]
        for item in part:
            if item[3]:
                item[3] = not settings.lexicon.is_word(item[2], deep=True)
        for cluster in _clusters(text, part):
            s, e = part[cluster[0]][0], part[cluster[-1]][1]
            yield RULE.finding(s, e, f"garbled clause: {len(cluster)} non-words in {quote(text[s:e], 50)}")
