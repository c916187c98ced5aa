"""PN002 latin-punctuation: Latin `, ; ?` inside an Arabic sentence.

What: a Latin comma, semicolon or question mark after an Arabic word in an Arabic
line (`قال الوزير, إن`), where Arabic uses `، ؛ ؟`; also a comma or semicolon after a Latin
word, a number or a closing bracket when an Arabic word follows (`أعلنت Apple, التي`,
`في عام 2020, قال`): the mark then belongs to the Arabic sentence.
Not flagged: punctuation between digits (`3,5`), inside URLs, or between Latin words
(`(Reuters, AFP)`), a question mark after a Latin word (an English title quoted in
Arabic text: `Who Wants to Be a Millionaire?`).
Example: `هل ستنجح المحادثات?` -> `هل ستنجح المحادثات؟`.
Fix: safe. One character is swapped for its Arabic counterpart.
"""


from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import SAFE, WARNING, Rule, quote
from mt_repair.text import AR_DIGIT, AR_LETTER, AR_MARK
from mt_repair.types import Fix

RULE = Rule("PN002", "latin-punctuation", "punctuation", WARNING, __doc__)

ARABIC_FORM = {",": "،", ";": "؛", "?": "؟"}
_MARK = lazy_re(rf"(?<=[{AR_LETTER}{AR_MARK}\"»”)])[ \t]*([,;?])(?![0-9])"
                   rf"|(?<=[A-Za-z0-9{AR_DIGIT}\]])[ \t]*([,;])(?=[ \t]*[{AR_LETTER}])")


_ENTITY_BEFORE = lazy_re(r"&(?:amp;)*#?[A-Za-z0-9]{1,8}$")


def check(doc, settings):
    for (ls, le, line), arabic in zip(doc.lines, doc.arabic_lines):
        if not arabic or not any(c in line for c in ",;?"):
            continue
        for m in _MARK.finditer(line):
            g = 1 if m.group(1) else 2
            pos = ls + m.start(g)
            if doc.in_skip(pos):
                continue
            mark = m.group(g)
            if mark == ";" and _ENTITY_BEFORE.search(line, max(0, pos - ls - 200), pos - ls):  # a window: linear
                continue  # the `;` that ends an HTML entity (`&#39;`): RS002's, whose fix needs it
            yield RULE.finding(pos, pos + 1,
                               f"Latin {quote(mark)} in Arabic text; use {quote(ARABIC_FORM[mark])}",
                               Fix.replace(pos, pos + 1, ARABIC_FORM[mark], SAFE))
