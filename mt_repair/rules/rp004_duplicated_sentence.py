"""RP004 duplicated-sentence: the same sentence printed twice in a row.

What: a sentence of four or more words immediately followed by an identical copy,
within one paragraph (`وقال روبيو إن الحوار كان صريحاً. وقال روبيو إن الحوار كان صريحاً.`).
Why: segment-level MT and copy-paste from CMS previews duplicate whole sentences;
in a long paragraph the echo is easy to miss.
Example: `He left. The talks ended. The talks ended.` -> `He left. The talks ended.`
Fix: safe. The second copy and the space before it are removed.
"""

import re

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import ERROR, SAFE, Rule, quote
from mt_repair.types import Fix

RULE = Rule("RP004", "duplicated-sentence", "repetition", ERROR, __doc__)

# A sentence: text up to and including . ! ? ؟ and any closing quotes, where the mark
# ends the sentence (followed by a space or the line end, so not `1.8` or `U.S.`),
# or to the line end.
_SENTENCE = lazy_re(
    r'[^\s.!?؟](?:[^.!?؟\n]|[.!?؟]++(?![\s"»”]|$))*+(?:[.!?؟]+["»”]*(?=\s|$)|$)|[.!?؟]', re.M)
MAX_GROUP = 2  # also a pair of sentences printed twice (a quotation and its attribution)


def check(doc, settings):
    for ls, _, line in doc.lines_with_repeated_pair:  # a repeated sentence repeats its first pair
        if len(line) < 20 or line.count(" ") < 6:
            continue
        sents = [(" ".join(m.group().split()), m.start(), m.end()) for m in _SENTENCE.finditer(line)]
        texts = [t for t, _, _ in sents]  # each holds one word or more: counts add up
        i = 1
        while i < len(sents):
            for k in range(1, MAX_GROUP + 1):
                if i + k > len(sents) or i - k < 0:
                    continue
                copy = texts[i:i + k]
                if copy != texts[i - k:i] or sum(len(t.split()) for t in copy) < 4:
                    continue
                gap_start, end = ls + sents[i - 1][2], ls + sents[i + k - 1][2]
                if doc.overlaps_skip(gap_start, end):
                    continue
                shown = " ".join(copy)
                what = "sentence" if k == 1 else f"{k} sentences"
                yield RULE.finding(ls + sents[i][1], end, f"{what} {quote(shown)} printed twice",
                                   Fix.delete(gap_start, end, SAFE))
                i += k - 1
                break
            i += 1
