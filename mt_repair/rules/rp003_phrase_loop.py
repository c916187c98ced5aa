"""RP003 phrase-loop: a phrase of two to eight words printed twice or more in a row.

What: `ضد روسيا ضد روسيا`, `in the city in the city in the city`.
Why: the classic neural-MT failure, a decoder loop over a short phrase. Unlike single
words, a multi-word phrase immediately repeated is not grammatical in news prose. Copies separated by commas (`pump it out, pump it out`) are a
chant or a lyric, not a loop, and are not flagged.
Names that double are not loops: `New York, New York` written `New York New York`,
`عبد الله عبد الله` (Abdullah Abdullah), when the copies match letter for letter.
Example: `فرض عقوبات جديدة عقوبات جديدة على موسكو` -> `فرض عقوبات جديدة على موسكو`.
Fix: safe. The repeated copies are removed; the first copy stays.
"""

import operator
import re

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import ERROR, SAFE, WARNING, Rule, quote
from mt_repair.rules.rp001_repeated_word import DOUBLED_NAMES, normalize
from mt_repair.text import NO_WORD_AFTER, NO_WORD_BEFORE, WORD_M
from mt_repair.types import Fix

RULE = Rule("RP003", "phrase-loop", "repetition", WARNING, __doc__)

_LOOP = lazy_re(rf"{NO_WORD_BEFORE}((?:{WORD_M}[ \t]+){{1,7}}{WORD_M})((?:[ \t]+\1{NO_WORD_AFTER})+)", re.I)


def _doubled_name(phrase, tail) -> bool:
    """`New York New York`, `عبد الله عبد الله` (Abdullah Abdullah): a name that doubles."""
    copies = tail.split()
    if " ".join(copies) != " ".join(phrase.split() * (len(copies) // len(phrase.split()))):
        return False  # the copies differ in case: `The Talks Resumed the talks resumed`
    if all(w[:1].isupper() and not w.isupper() for w in phrase.split()):
        return len(copies) == len(phrase.split())  # twice only
    return len(copies) == len(phrase.split()) and normalize("".join(phrase.split())) in DOUBLED_NAMES


def _matches(doc):
    for ls, le, line in doc.lines_with_repeated_pair:  # see Document: a loop repeats its first pair
        if _copy_near(line):
            yield from _LOOP.finditer(doc.text, ls, le)


def _copy_near(line) -> bool:
    """Can a copy follow a phrase of 2-8 words here? Its second word comes back 2-8
    blank-separated tokens on: as a whole token (3-8), or starting one (2: the last
    copy's last word may carry a mark). A line whose pairs recur only further apart (a
    document drifted into a foreign language, sentence after sentence) is not scanned."""
    f = line.casefold().replace("\u0307", "").split()
    return any(map(str.startswith, f[2:], f)) or any(any(map(operator.eq, f, f[k:])) for k in range(3, 9))


def check(doc, settings):
    for m in _matches(doc):
        words = m.group(1).split()
        if len({w.casefold() for w in words}) == 1:  # one word repeated: RP001's case
            continue
        if _doubled_name(m.group(1), m.group(2)):
            continue
        if doc.overlaps_skip(m.start(), m.end()):
            continue
        copies = 1 + m.group(2).casefold().count(words[0].casefold())
        copies = max(2, min(copies, len(m.group(2).split()) // len(words) + 1))
        yield RULE.finding(m.start(), m.end(),
                           f"phrase {quote(m.group(1))} repeated {copies} times in a row",
                           Fix.delete(m.start(2), m.end(2), SAFE),
                           severity=ERROR if copies >= 3 else WARNING)
