"""RP004 duplicated-sentence: the same sentence printed twice in a row.

What: a sentence of four or more words immediately followed by an identical copy,
within one paragraph (`وقال روبيو إن الحوار كان صريحاً. وقال روبيو إن الحوار كان صريحاً.`).
Why: segment-level MT and copy-paste from CMS previews duplicate whole sentences;
in a long paragraph the echo is easy to miss.
Example: `He left. The talks ended. The talks ended.` -> `He left. The talks ended.`
Fix: safe. The second copy and the space before it are removed.
"""

import re

from mt_repair.rules.base import ERROR, SAFE, Rule, quote
from mt_repair.types import Fix

RULE = Rule("RP004", "duplicated-sentence", "repetition", ERROR, __doc__)

# A sentence: text up to and including . ! ? ؟ (not inside numbers), or to line end.
_SENTENCE = re.compile(r"[^\s.!?؟][^.!?؟\n]*(?:[.!?؟]+(?=\s|$)|$)|[.!?؟]", re.M)


def check(doc, settings):
    for ls, _, line in doc.lines_with_repeated_pair:  # a repeated sentence repeats its first pair
        if len(line) < 20 or line.count(" ") < 6:
            continue
        prev = None
        for m in _SENTENCE.finditer(line):
            s = m.group()
            norm = " ".join(s.split())
            if prev is not None and norm == prev[0] and len(norm.split()) >= 4:
                start, end = ls + m.start(), ls + m.end()
                gap_start = ls + prev[1]
                if not doc.overlaps_skip(gap_start, end):
                    yield RULE.finding(start, end, f"sentence {quote(norm)} printed twice",
                                       Fix.delete(gap_start, end, SAFE))
            prev = (norm, m.end())
