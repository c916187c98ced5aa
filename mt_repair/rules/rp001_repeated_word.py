"""RP001 repeated-word: the same word printed several times in a row.

What: a word repeated three or more times (`that that that that`, `كبير كبير كبير`),
or twice when the word is one that grammar never doubles (`the the`, `في في`).
Why: decoder loops and bad segment joins leave stuttered words that editors miss
because the eye skips them. Reduplication that grammar allows (`had had`,
`that that`, `very very`, `رويداً رويداً`) is only flagged from three repeats on,
and interjections (`ha ha ha`, `no no no`) never. `إن إن` is not flagged: it spells CNN (`سي إن إن`).
Example: `قال المتحدث that that that that إن` -> `قال المتحدث that إن`.
Fix: safe. Deleting the extra copies keeps one, and the text around is untouched.
"""

import re

from mt_repair.rules.base import ERROR, SAFE, WARNING, Rule, quote
from mt_repair.text import NO_WORD_AFTER, NO_WORD_BEFORE, WORD_M
from mt_repair.types import Fix

RULE = Rule("RP001", "repeated-word", "repetition", ERROR, __doc__)

_RUN = re.compile(rf"{NO_WORD_BEFORE}({WORD_M})((?:[ \t\u00A0]+\1{NO_WORD_AFTER})+)", re.I)
NEVER_DOUBLED = frozenset("""
the a an of to in on at for with by from and or but into onto than as
في من على إلى الى عن مع أن التي الذي الذين قد لم لن هذا هذه ذلك تلك حيث أو ثم كما
""".split())
INTERJECTIONS = frozenset("ha haha he hey ho la bla blah na no yes yeah bye tick tock knock ding dong boom go لا نعم كلا آه ها".split())


# Latin letters spelled in Arabic: `إم في في ناشفيل` is "WSMV in Nashville", not a stutter.
SPELLED_LETTERS = frozenset("إيه بي سي دي إي إف جي إتش آي جيه كيه إل إم إن أو كيو آر إس تي يو في دبليو إكس واي زد".split())


def _after_spelled_letter(text, start):
    before = text[max(0, start - 12):start].split()
    return bool(before) and before[-1] in SPELLED_LETTERS


def check(doc, settings):
    text = doc.text
    for m in (m for ls, le, _ in doc.lines_with_adjacent_repeat for m in _RUN.finditer(text, ls, le)):
        word = m.group(1)
        copies = 1 + len(m.group(2).split())
        if copies == 2 and word.casefold() not in NEVER_DOUBLED:
            continue
        if word.casefold() in INTERJECTIONS or doc.overlaps_skip(m.start(), m.end()):
            continue
        if copies == 2 and word in SPELLED_LETTERS and _after_spelled_letter(text, m.start()):
            continue
        fix = Fix.delete(m.start(2), m.end(2), SAFE)
        yield RULE.finding(m.start(), m.end(),
                           f"{quote(word)} repeated {copies} times in a row", fix,
                           severity=ERROR if copies >= 3 else WARNING)
