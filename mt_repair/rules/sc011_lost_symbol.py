"""SC011 lost-symbol: a symbol the pipeline could not encode, left as `?` or `Q`.

What: in English text, a question mark glued before a number after a space or bracket
(`age (?60)`, `a ?5 mm cyst`) or between digits (`10?20`), where `≥`, `≤`, `±`, `~` or a
dash was lost; and a capital `Q` (or a run of them) glued to an acronym that ends in a
consonant or a digit (`TNFQQQ`, `IL-1Q`, `IFNQ`), where a Greek letter (α, β, γ) was lost.
Not reported: `?` after a letter (a missing space after a question is PN006's), words
(`IRAQ`, `NASDAQ`, `FAQ`), two-letter stems (`HQ`, `GHQ`, `MCQ`), links.
Why: a system or an encoding step that replaces characters it does not know; the
quantity or the name is now wrong, and no reader can tell what was meant.
Example: `The risk factors were gender (male) and age (?60).`
Fix: none; the lost symbol cannot be known from the text.
"""

import re

from mt_repair.lazyre import lazy_re
from mt_repair.lexicon import wordfreq_words
from mt_repair.rules.base import WARNING, Rule, quote

RULE = Rule("SC011", "lost-symbol", "script", WARNING, __doc__)

_QMARK = lazy_re(r"(?:(?<=[(\[\s])|(?<=^))\?\d|(?<=\d)\?(?=\d)", re.M)
_GREEK_Q = lazy_re(r"(?<![\w-])([A-Z][A-Z0-9-]*[A-Z0-9])(Q+)(?![\w-])")
_VOWELS = frozenset("AEIOU")


def check(doc, settings):
    text = doc.text
    if "?" not in text and "Q" not in text:
        return
    for (ls, le, line), arabic in zip(doc.lines, doc.arabic_lines):
        if arabic:
            continue
        if "?" in line:
            for m in _QMARK.finditer(line):
                s, e = ls + m.start(), ls + m.end()
                if doc.overlaps_skip(s, e):
                    continue
                yield RULE.finding(s, e, f"{quote(line[max(0, m.start() - 8):m.end() + 4].strip())}: "
                                         "a `?` glued to a number, where a symbol (≥, ±, a dash) was lost")
        if "Q" in line:
            for m in _GREEK_Q.finditer(line):
                stem, token = m.group(1), m.group()
                if len(stem.replace("-", "")) < 3 or stem[-1] in _VOWELS:
                    continue
                words = wordfreq_words("en")
                if words is not None and token.lower() in words:
                    continue
                s, e = ls + m.start(), ls + m.end()
                if doc.overlaps_skip(s, e):
                    continue
                yield RULE.finding(s, e, f"{quote(token)}: a capital Q glued to {quote(stem)}, where a Greek "
                                         "letter (α, β, γ) was probably lost")
