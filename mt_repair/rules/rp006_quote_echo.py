"""RP006 quote-echo: the same clause printed before and after a quotation.

What: `وقال روبيو: "الحوار كان صريحاً" وقال روبيو.`: the attribution clause (two to six
words, with a speech verb such as قال or said) appears on both sides of one quotation.
Why: MT systems that reorder attribution around quotes sometimes keep both copies.
Example: `He said: "we will win" he said.` -> `He said: "we will win".`
Fix: safe. The trailing copy and the space before it are removed.
"""

import re

from mt_repair.rules.base import SAFE, WARNING, Rule, quote
from mt_repair.text import NO_WORD_AFTER, NO_WORD_BEFORE, WORD_M
from mt_repair.types import Fix

RULE = Rule("RP006", "quote-echo", "repetition", WARNING, __doc__)

_W = WORD_M
_ECHO = re.compile(
    rf"{NO_WORD_BEFORE}((?:{_W}[ \t]+){{1,5}}{_W})[ \t]*[:،,]?[ \t]*"
    r"(\"[^\"\n]{1,400}\"|«[^»\n]{1,400}»|“[^”\n]{1,400}”)"
    rf"([ \t]*[،,]?[ \t]*)(\1){NO_WORD_AFTER}", re.I)


SPEECH = re.compile(r"(?<!\w)(?:و|ف)?(?:قال|قالت|أضاف|أضافت|أكد|أكدت|تابع|تابعت|صرح|صرحت|أوضح|أوضحت|"
                    r"said|says|added|told|stated|asked)(?!\w)", re.I)


def _matches(doc):
    # An echo needs a quotation and two speech verbs on one line; the full pattern,
    # slow everywhere, runs only on such lines.
    for ls, _, line in doc.lines:
        if ('"' in line or "«" in line or "“" in line) and len(SPEECH.findall(line)) >= 2:
            yield from _ECHO.finditer(doc.text, ls, ls + len(line))


def check(doc, settings):
    text = doc.text
    if not any(q in text for q in '"«“'):
        return
    for m in _matches(doc):
        if not SPEECH.search(m.group(1)) or doc.overlaps_skip(m.start(), m.end()):
            continue
        yield RULE.finding(m.start(4), m.end(4),
                           f"clause {quote(m.group(1))} echoed around the quotation",
                           Fix.delete(m.start(3), m.end(4), SAFE))
