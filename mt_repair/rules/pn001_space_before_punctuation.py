"""PN001 space-before-punctuation: a space before a comma, semicolon, question mark or full stop.

What: `الرئيس ، وقال`, `في 24 يناير 2020 ،`, `COVID-19 ،`, `(ECDC) ،`, `said , adding`,
`in 2020 .`: English-style or MT spacing that puts a space before punctuation, whatever
precedes it (a word in either script, a digit, `%`, a closing quote or bracket). When the
mark is then glued to the next word (`الرئيس ،وقال`, `said ,adding`, `said .The`), the space
is moved after it.
Not flagged: the Arabic headline separator ` .. ` and ellipses; a mark followed by a digit
(`1 . 5`, `3 ,000`: a split number, not spacing); list numbering opening a line (`1 .`);
`:` in English (`Note :` is house style in places), a straight quote with spaces on both
sides unless the line's quotes pair with certainty and it closes one (PN011), a colon before a digit (`10 : 30`),
and the `;` of a broken HTML entity (`& gt ؛`, reported by RS002).
Example: `الرئيس ، وقال` -> `الرئيس، وقال`; `في 11 مارس 2020 ، أعلن` -> `في 11 مارس 2020، أعلن`.
Fix: safe. Only spaces move; no character is added or lost.
"""

import re

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import SAFE, WARNING, Rule, quote
from mt_repair.text import AR_DIGIT, AR_LETTER, AR_MARK
from mt_repair.types import Edit, Fix

RULE = Rule("PN001", "space-before-punctuation", "punctuation", WARNING, __doc__)

# What may stand before the space: a letter or mark of either script, a digit, a percent or
# degree sign, a closing bracket or quote. (A straight quote counts when it closes: see below.)
_BEFORE = rf"A-Za-z\u00C0-\u024F0-9{AR_LETTER}{AR_MARK}{AR_DIGIT}%٪°)\]»”’\"'"
_AR = lazy_re(rf"(?<=[{_BEFORE}])([ \t\u00A0]+)([،؛؟.!:,;?])(?![.!?؟:])"
                 rf"(?=(?P<glued>[{AR_LETTER}])|[\s\"»”)\]]|$)", re.M)
_EN = lazy_re(rf"(?<=[{_BEFORE}])([ \t\u00A0]+)([,;.!?:،؛؟])(?![.!?:؟])"
                 r"(?=(?P<glued>(?<=[,;،؛])[A-Za-z]|(?<=[.?!])[A-Z][a-z])|\s|[\"”’)\]]|$)", re.M)
_LIST_NUMBER = lazy_re(rf"^[ \t>*#-]*[(\[]?[0-9{AR_DIGIT}]{{1,3}}[)\]]?$")
_ENTITY = lazy_re(r"&(?:amp;)*[ \t]*#?[ \t]*[A-Za-z0-9]+[ \t]*$")
_DIGIT_AFTER = lazy_re(rf"[ \t\u00A0]*[0-9{AR_DIGIT}]")


_MARKS = "،؛؟.!:,;?"
_SPACES = " \t\u00A0"


def _candidates(text):
    """Start of each run of spaces that ends in a mark: rare in clean text, and str.find
    finds them several times faster than a regex scan."""
    found = set()
    for sp in _SPACES:
        if sp not in text:
            continue
        for mark in _MARKS:
            pair = sp + mark
            i = text.find(pair)
            while i != -1:
                j = i
                while j > 0 and text[j - 1] in _SPACES:
                    j -= 1
                found.add(j)
                i = text.find(pair, i + 1)
    return sorted(found)


def _closes(line, i, arabic, closing: dict) -> bool:
    """Is the quote at line[i] certainly a closing one (`لـ " COVID-19 " ،`)? The line's
    quotes are paired once (`closing`, by line), not once per mark: linear on a long line."""
    from mt_repair.rules.pn011_space_inside_quotes import quote_pairs

    if line[i] != '"':
        return False
    if line not in closing:
        closing.clear()  # candidates come line by line: keep one line
        closing[line] = {c for _, c in quote_pairs(line, arabic) or ()}
    return i in closing[line]


def check(doc, settings):
    text, lines, arabic_lines = doc.text, doc.lines, doc.arabic_lines
    closing: dict = {}
    for pos in _candidates(text):
        i = doc.line_col(pos)[0] - 1
        ls, le, line = lines[i]
        arabic = arabic_lines[i]
        m = (_AR if arabic else _EN).match(line, pos - ls)
        if m is None:
            continue
        mark = m.group(2)
        # keep `A .. B` separators and ` - ` dashes alone
        if mark == "." and line[m.end():m.end() + 1] == ".":
            continue
        if mark == ":" and not arabic:
            continue
        b = m.start(1)
        if line[b - 1] in "\"'" and (b < 2 or line[b - 2].isspace()) and not _closes(line, b - 1, arabic, closing):
            continue  # a straight quote standing alone opens, unless the line's pairing says it closes
        if mark in ".,:٫" and _DIGIT_AFTER.match(line, m.end()):
            continue  # `1 . 5`, `3 ,000`, `10 : 30`: a number split apart, not spacing
        if mark in ";؛" and _ENTITY.search(line, max(0, b - 20), b):
            continue  # `& gt ؛`: a broken HTML entity (RS002's), not spacing
        if line[b - 1].isdigit() and _LIST_NUMBER.match(line, 0, b):
            continue  # `1 .` numbering a list item
        start, end = ls + m.start(1), ls + m.end(2)
        if doc.overlaps_skip(start, end):
            continue
        edits = [Edit(ls + m.start(1), ls + m.end(1))]
        if m.group("glued"):
            edits.append(Edit(ls + m.end(2), ls + m.end(2), " "))
        yield RULE.finding(start, end, f"space before {quote(mark)}", Fix(tuple(edits), SAFE))
