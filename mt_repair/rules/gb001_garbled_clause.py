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

from mt_repair.lexicon import common_words
from mt_repair.rules.base import WARNING, Rule, quote

RULE = Rule("GB001", "garbled-clause", "garbled", WARNING, __doc__)

MIN_UNKNOWN = 3
MAX_GAP = 1  # real words allowed between two unknown ones


def _flag_map(doc, settings):
    """Token -> None (neutral: a number, another script, an English name), False (a word)
    or True (unknown to the word lists), decided once per distinct token."""
    arabic = doc.language == "ar"
    allow = settings.allow_folded
    flags, ask = {}, []
    for tok in doc.token_counts:
        c = tok[0]
        # TOKEN_RE words start with an Arabic letter (>= U+0621) or a Latin one
        if c.isdigit() or len(tok) < 2 or (c >= "\u0621") != arabic or c.isupper():
            flags[tok] = None
        elif allow and tok.casefold() in allow:
            flags[tok] = False
        else:
            ask.append(tok)
    known = settings.lexicon.known_among(ask, deep=False)
    for tok in ask:
        flags[tok] = tok not in known
    return flags


def _candidate_groups(tokens, flags):
    """Index ranges around unknown tokens close enough to form a cluster; everything
    else (almost the whole text) is never looked at again."""
    groups, first, last = [], None, None
    for i, (_, _, tok) in enumerate(tokens):
        if not flags[tok]:
            continue
        if last is not None:
            known = 0
            for _, _, between in tokens[last + 1:i]:
                if flags[between] is False:
                    known += 1
                    if known > MAX_GAP:
                        break
            if known > MAX_GAP:
                groups.append((first, last))
                first = None
        if first is None:
            first = i
        last = i
    if first is not None:
        groups.append((first, last))
    return groups


def _clusters(text, flags, rare=lambda tok: False):
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
            # function word (في، من، the) or, in English, a rare word (`tosk`: in the big
            # lists, but not a common word); a name breaks a list of names apart
            if gap > MAX_GAP or (len(tok) > 3 and not rare(tok)):
                found.append(cluster)
                cluster, gap = [], 0
    found.append(cluster)
    return [c for c in found if len(c) >= MIN_UNKNOWN]


def check(doc, settings):
    if settings.lexicon is None:
        return
    text = doc.text
    tokens = doc.tokens
    flags = _flag_map(doc, settings)
    common = common_words(doc.language)
    names = settings.glossary.words if settings.glossary else frozenset()

    def rare(tok):
        # English only: there names are capitalised (neutral), so a rare lowercase word is
        # no name; Arabic has no capitals, and a rare word there is often a name in a list
        return (doc.language == "en" and common is not None and tok not in names
                and tok.lower() not in common)
    # Two passes: the word lists alone find candidate clusters fast; hunspell (slow to
    # load, knows inflected forms) then confirms only the words inside candidates.
    for first, last in _candidate_groups(tokens, flags):
        if last - first + 1 < MIN_UNKNOWN:
            continue
        window = [[s, e, t, flags[t]] for s, e, t in tokens[first:last + 1]]
        for cand in _clusters(text, window, rare):
            part = window[cand[0]:cand[-1] + 1]
            for item in part:
                if item[3]:
                    item[3] = not settings.lexicon.is_word(item[2], deep=True)
            for cluster in _clusters(text, part, rare):
                s, e = part[cluster[0]][0], part[cluster[-1]][1]
                yield RULE.finding(s, e, f"garbled clause: {len(cluster)} non-words in {quote(text[s:e], 50)}")
