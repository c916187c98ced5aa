"""RP002 word-echo: a word echoed three or more times through `و`, `ف` or commas.

What: `كبير وكبير ، وكبير`, `strong, strong, strong`: one word restated with a
conjunction or comma between the copies.
Why: MT decoders fall into a short loop that alternates a word with a connector;
the result reads as emphasis to a tired eye but is never house style. Two copies
(`شيئاً فشيئاً`, `مرة ومرة`) are idiomatic and are not flagged, nor are interjections (`No, no, no`).
Example: `الضغط كبير وكبير ، وكبير على روسيا` -> `الضغط كبير على روسيا`.
Fix: safe. The echoed copies and their connectors are removed, the first copy stays.
"""

import re

from mt_repair.rules.base import SAFE, Rule, WARNING, quote
from mt_repair.rules.rp001_repeated_word import INTERJECTIONS
from mt_repair.text import AR_MARK, NO_WORD_AFTER, NO_WORD_BEFORE
from mt_repair.types import Fix

RULE = Rule("RP002", "word-echo", "repetition", WARNING, __doc__)

# possessive quantifiers: the pattern is tried at every word, so no backtracking into it
_ECHO = re.compile(rf"{NO_WORD_BEFORE}([^\W\d_](?:[^\W\d_]|[{AR_MARK}])++)"
                   rf"((?:[ \t]*+[،,]?[ \t]*+(?:و|ف|and[ \t]+)?\1{NO_WORD_AFTER}){{2,}})", re.I)


def check(doc, settings):
    for m in _ECHO.finditer(doc.text):
        tail = m.group(2)
        connectors = re.sub(re.escape(m.group(1)), "", tail, flags=re.I)
        if not connectors.strip():  # plain spaces: RP001's case
            continue
        if m.group(1).casefold() in INTERJECTIONS or doc.overlaps_skip(m.start(), m.end()):
            continue
        copies = 1 + len(re.findall(re.escape(m.group(1)), tail, flags=re.I))
        yield RULE.finding(m.start(), m.end(),
                           f"{quote(m.group(1))} echoed {copies} times",
                           Fix.delete(m.start(2), m.end(2), SAFE))
