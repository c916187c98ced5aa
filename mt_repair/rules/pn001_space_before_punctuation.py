"""PN001 space-before-punctuation: a space before a comma, semicolon, question mark or full stop, or inside a figure or abbreviation.

What: `الرئيس ، وقال`, `في 24 يناير 2020 ،`, `COVID-19 ،`, `(ECDC) ،`, `said , adding`,
`in 2020 .`: English-style or MT spacing that puts a space before punctuation, whatever
precedes it (a word in either script, a digit, `%`, a closing quote or bracket, an ellipsis,
Markdown emphasis closing after a word: `**الوزير** ،`). When the
mark is then glued to the next word (`الرئيس ،وقال`, `said ,adding`, `said .The`), the space
is moved after it.
A percent sign split from its number by a space (`1.44 ٪`, `(95 ٪ CI`) is flagged too.
Spaces inside a figure or an abbreviation, in either language: a decimal or thousands
mark split from its digits (`3 . 5`, `3 ٫ 5`, `3 ,000`), a time or ratio (`10 : 30`, `3 : 1`), a
currency sign split from its amount (`$ 5`, `US$ 5`), a dotted abbreviation (`U. S.`,
`a. m.`, `i. e.`). Initials before a name are legitimate (`J. R. R. Tolkien`): spaced
capitals followed by a capitalised word are reported only when the text writes the
abbreviation unspaced elsewhere or it is a common one (`U.S.`, `U.K.`, `U.N.`, `E.U.`).
None of these occur in the NTREX-128 English or Arabic news or the TICO-19 references.
Not flagged: the Arabic headline separator ` .. ` and ellipses; a mark glued to the digit after it
(`word ,5`); list numbering opening a line (`1 .`, `1 . 5 people`); a percent sign after a no-break or thin space (`95\u00A0%`, typography); a sign before a number (`% 5`);
`:` in English (`Note :` is house style in places) except between digits (`10 : 30`, `3 : 1`:
times, ratios and scores are written unspaced throughout NTREX-128 and TICO-19), a straight quote with spaces on both
sides unless the line's quotes pair with certainty and it closes one (PN011),
and the `;` of a broken HTML entity (`& gt ؛`, reported by RS002).
Example: `الرئيس ، وقال` -> `الرئيس، وقال`; `في 11 مارس 2020 ، أعلن` -> `في 11 مارس 2020، أعلن`;
`at 10 : 30` -> `at 10:30`; `the U. S. government` -> `the U.S. government`.
Fix: safe. Only spaces move; no character is added or lost. Joining a split decimal or
thousands figure (`3 . 5` -> `3.5`) is unsafe: the mark may have ended a sentence.
Spaced capitals known only from the common list (`U. S. Grant` is a name) are unsafe.
"""

import re

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import SAFE, UNSAFE, WARNING, Rule, quote
from mt_repair.text import AR_DIGIT, AR_LETTER, AR_MARK
from mt_repair.types import Edit, Fix

RULE = Rule("PN001", "space-before-punctuation", "punctuation", WARNING, __doc__)

# What may stand before the space: a letter or mark of either script, a digit, a percent or
# degree sign, a closing bracket or quote. (A straight quote counts when it closes: see below.)
# An ellipsis or currency sign (`so… ,`, `10$ ,`) and Markdown emphasis closing after a
# word (`**الوزير** ،`, `_yes_ ,`) count too.
_BEFORE = rf"A-Za-z\u00C0-\u024F0-9{AR_LETTER}{AR_MARK}{AR_DIGIT}%٪°)\]»”’\"'…$€£¥"
_AFTER_WORD = rf"(?:(?<=[{_BEFORE}])|(?<=[\w{AR_MARK}][*_])|(?<=[\w{AR_MARK}][*_]{{2}}))"
_AR = lazy_re(rf"{_AFTER_WORD}([ \t\u00A0]+)([،؛؟.!:,;?])(?![.!?؟:])"
                 rf"(?=(?P<glued>[{AR_LETTER}])|[\s\"»”)\]]|$)", re.M)
_EN = lazy_re(rf"{_AFTER_WORD}([ \t\u00A0]+)([,;.!?:،؛؟])(?![.!?:؟])"
                 r"(?=(?P<glued>(?<=[,;،؛])[A-Za-z]|(?<=[.?!])[A-Z][a-z])|\s|[\"”’)\]]|$)", re.M)
_LIST_NUMBER = lazy_re(rf"^[ \t>*#-]*[(\[]?[0-9{AR_DIGIT}]{{1,3}}[)\]]?$")
_ENTITY = lazy_re(r"&(?:amp;)*[ \t]*#?[ \t]*[A-Za-z0-9]+[ \t]*$")
_DIGIT_GLUED = lazy_re(rf"[0-9{AR_DIGIT}]")


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


# a percent sign split from its number by a plain space (`1.44 ٪`, `95 %`), as MT
# detokenisers leave it; a no-break or thin space (`95\u00A0%`) is typography, kept
_PERCENT = lazy_re(rf"(?<=[0-9{AR_DIGIT}])([ \t]+)([%٪])(?![0-9{AR_DIGIT}]|[ \t]*[0-9{AR_DIGIT}])")


def _percents(doc):
    for m in _PERCENT.finditer(doc.text):
        if not doc.overlaps_skip(m.start(), m.end()):
            yield RULE.finding(m.start(), m.end(), f"space before {quote(m.group(2))}",
                               Fix.delete(m.start(1), m.end(1), SAFE))


# a figure split around its decimal, thousands or time mark (`3 . 5`, `3 ,000`, `10 : 30`):
# a space before the mark; a space after it too for `.` `٫` `:`
_SPLIT = lazy_re(rf"(?<![\w.,:\u066B\u066C])(?P<a>[0-9{AR_DIGIT}]+)[ \t]+(?P<m>[.,:\u066B\u066C])"
                 rf"(?P<sp>[ \t]*)(?P<b>[0-9{AR_DIGIT}]+)(?![0-9{AR_DIGIT}]|[.,:\u066B\u066C][0-9{AR_DIGIT}])")
_LIST_START = lazy_re(r"[ \t>*#-]*$")


def _split_figures(doc):
    """`3 . 5`, `3 ,000`, `10 : 30`: MT detokenisers leave a figure in pieces. Returns the
    findings and the offsets of the marks they cover (the spacing check leaves those)."""
    out, marks = [], set()
    for m in _SPLIT.finditer(doc.text):
        a, mark, sp, b = m.group("a"), m.group("m"), m.group("sp"), m.group("b")
        ls = doc.line_span(doc.line_col(m.start())[0])[0]
        if mark in ".\u066B":
            if len(a) > 3 or _LIST_START.match(doc.text, ls, m.start()):
                continue  # `in 2020 . 5 people` is spacing; `1 . 5 people` numbers a list
            what, safety = "decimal figure", UNSAFE
        elif mark in ",\u066C":
            if sp or len(a) > 3 or len(b) != 3:
                continue  # `2019 , 300` is spacing (the loop below)
            what, safety = "thousands figure", UNSAFE
        else:
            if len(a) > 3 or len(b) > 3:
                continue  # `in 2020 : 300 people`: a label's colon
            # a clock time, ratio or score: written unspaced in all of NTREX-128 and TICO-19
            what, safety = "time or ratio", SAFE
        if doc.overlaps_skip(m.start(), m.end()):
            continue
        marks.add(m.start("m"))
        out.append(RULE.finding(m.start(), m.end(), f"{what} split by spaces in {quote(m.group())}",
                                Fix.replace(m.start(), m.end(), a + mark + b, safety)))
    return out, marks


# a currency sign split from its amount (`$ 5`, `US$ 5`, `€ 20`)
_CURRENCY = lazy_re(rf"[$£€¥]([ \t]+)(?=[0-9{AR_DIGIT}])")


def _currencies(doc):
    for m in _CURRENCY.finditer(doc.text):
        if not doc.overlaps_skip(m.start(), m.end()):
            yield RULE.finding(m.start(), m.end(), f"space after the currency sign {quote(m.group()[0])}",
                               Fix.delete(m.start(1), m.end(1), SAFE))


# a dotted abbreviation written with spaces (`U. S.`, `a. m.`): single letters with dots
_SPACED_ABBR = lazy_re(r"(?<![\w.])(?:[A-Za-z]\.[ \t]+)+[A-Za-z]\.(?!\w)")
_COMMON_ABBR = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "U.S.A.", "U.A.E.", "D.C."})
_NEXT_WORD = lazy_re(r"[ \t]*(\S)")


_UNSPACED_ABBR = lazy_re(r"(?<![\w.])(?:[A-Z]\.){2,}(?!\w)")


def _abbreviations(doc):
    text = doc.text
    unspaced = None  # the text's own unspaced dotted capitals (`U.S.`), gathered once
    for m in _SPACED_ABBR.finditer(text):
        span = m.group()
        letters = span.replace(" ", "").replace("\t", "")
        if letters.islower():
            safety = SAFE  # `a. m.`, `i. e.`: nobody's initials
        elif letters.isupper():
            nxt = _NEXT_WORD.match(text, m.end())
            if unspaced is None:
                unspaced = set(_UNSPACED_ABBR.findall(text))
            if letters in unspaced:
                safety = SAFE  # the text writes it unspaced elsewhere
            elif nxt is None or not nxt.group(1)[0].isupper():
                safety = SAFE  # `U. S. officials`: initials come before a name
            elif letters in _COMMON_ABBR:
                safety = UNSAFE  # `U. S. President`, but `U. S. Grant` is a name
            else:
                continue  # `J. R. R. Tolkien`: initials
        else:
            continue  # `J. r.`: mixed case is no abbreviation we know
        if doc.overlaps_skip(m.start(), m.end()):
            continue
        yield RULE.finding(m.start(), m.end(), f"abbreviation written with spaces {quote(span)}",
                           Fix.replace(m.start(), m.end(), letters, safety))


def check(doc, settings):
    text, lines, arabic_lines = doc.text, doc.lines, doc.arabic_lines
    if "%" in text or "٪" in text:
        yield from _percents(doc)
    split_marks: set = set()
    if any(c in text for c in "$£€¥"):
        yield from _currencies(doc)
    if ". " in text:
        yield from _abbreviations(doc)
    if any(c.isdigit() for c in text):
        split, split_marks = _split_figures(doc)
        yield from split
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
        if mark == "." and line[m.end():].lstrip(" \t")[:1] == ".":
            continue  # `it . . . and`: a spaced ellipsis (`. .` alone is PN004's)
        if mark == ":" and not arabic:
            continue
        b = m.start(1)
        if line[b - 1] in "\"'" and (b < 2 or line[b - 2].isspace()) and not _closes(line, b - 1, arabic, closing):
            continue  # a straight quote standing alone opens, unless the line's pairing says it closes
        if ls + m.start(2) in split_marks:
            continue  # `3 . 5`, `10 : 30`: a split figure, reported above
        if mark in ".,:\u066B" and _DIGIT_GLUED.match(line, m.end()):
            continue  # `x ,5`: the mark belongs to the digits after it
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
