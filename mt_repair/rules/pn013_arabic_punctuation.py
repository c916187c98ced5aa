"""PN013 arabic-punctuation: Arabic `، ؛ ؟ ٪ ٫ ٬` in English text.

What: an Arabic comma, semicolon or question mark after an English word, a number or
a closing bracket or quote (`The minister said، the talks`, `Why did it fail؟`), and
the Arabic percent sign, decimal separator or thousands separator on Western digits
(`5٪`, `3٫5`, `1٬000`), in an English text.
Why: Arabic→English MT and copy-editing from the Arabic original carry the source's
marks through; they look nearly right on screen but are other characters: search,
spell checkers, screen readers and typesetting treat them as foreign, and `،` reads as
a stray mark in English. The mirror of PN002 (Latin marks in Arabic).
Not flagged: marks inside Arabic words or followed by Arabic (an Arabic quotation in
the English text, `(قال، إن)`: SC005's if anything), marks on Eastern Arabic digits
(`٣٫٥`: the whole number is Arabic, NU004's), Arabic text, code and URLs.
Example: `The minister said، the talks would resume؟` -> `The minister said, the talks would resume?`.
Fix: safe. One character is swapped for its Latin counterpart.
"""


from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import SAFE, WARNING, Rule, quote
from mt_repair.text import AR_LETTER
from mt_repair.types import Fix

RULE = Rule("PN013", "arabic-punctuation", "punctuation", WARNING, __doc__)

LATIN_FORM = {"\u060C": ",", "\u061B": ";", "\u061F": "?", "\u066A": "%", "\u066B": ".", "\u066C": ","}
_MARKS = "".join(LATIN_FORM)
# sentence marks after a Latin word, a Western digit or a closing bracket/quote, with
# no Arabic word right after; number marks on Western digits
_MARK = lazy_re(
    rf"(?<=[A-Za-z0-9\u00C0-\u024F)\]\"'”’%])[ \t]*(?P<p>[\u060C\u061B\u061F])(?![ \t]*[{AR_LETTER}])"
    r"|(?<=[0-9])(?P<n>[\u066B\u066C])(?=[0-9])"
    r"|(?<=[0-9])[ \t]?(?P<c>\u066A)")
_NAMES = {"\u060C": "Arabic comma", "\u061B": "Arabic semicolon", "\u061F": "Arabic question mark",
          "\u066A": "Arabic percent sign", "\u066B": "Arabic decimal separator",
          "\u066C": "Arabic thousands separator"}


def check(doc, settings):
    if doc.language != "en" or not any(c in doc.text for c in _MARKS):
        return
    for (ls, le, line), arabic in zip(doc.lines, doc.arabic_lines):
        if arabic or not any(c in line for c in _MARKS):
            continue
        for m in _MARK.finditer(line):
            g = next(k for k in ("p", "n", "c") if m.group(k))
            pos = ls + m.start(g)
            if doc.in_skip(pos):
                continue
            mark = m.group(g)
            yield RULE.finding(pos, pos + 1,
                               f"{_NAMES[mark]} {quote(mark)} in English text; use {quote(LATIN_FORM[mark])}",
                               Fix.replace(pos, pos + 1, LATIN_FORM[mark], SAFE))
