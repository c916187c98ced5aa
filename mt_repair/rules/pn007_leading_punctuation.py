"""PN007 leading-punctuation: a comma, semicolon or full stop opening a line or a sentence.

What: `، وقال الوزير` at the start of a line, `انتهى الاجتماع. ، وقال`, `; the talks`,
`. The minister`, `.وقال الوزير`, `؟ وقال الوزير`: MT that splits a segment before its comma, or keeps the
source's punctuation when it reorders a sentence, leaves a mark with nothing before it;
a full stop or question mark opening an Arabic line is usually the line's own (or the
previous line's), moved there by text copied in visual (left-to-right) order. No line of
NTREX-128 or the TICO-19 references opens with `؟` or `?`.
Not flagged: an ellipsis opening a line (`... and then`), a decimal (`.5`), a file
extension or name (`.NET`, `.com`), a query string (`?id=3`), Markdown and list markers (those come before the
mark, and the mark after them is still flagged), `:` (a label may start a table cell).
Example: `، وأضاف أن المحادثات مستمرة` -> `وأضاف أن المحادثات مستمرة`.
Fix: unsafe. The mark and the space after it are deleted; the editor should check that
the mark does not belong at the end of the line before.
"""


from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import UNSAFE, WARNING, Rule, quote
from mt_repair.rules.pn008_lowercase_after_full_stop import ends_with_abbreviation
from mt_repair.types import Fix

RULE = Rule("PN007", "leading-punctuation", "punctuation", WARNING, __doc__)

# a line that opens with a mark (after Markdown quote, list and heading markers)
_LINE_START = lazy_re(r"[ \t]*(?:(?:[>#]+|[-*+]|\d{1,3}[.)])[ \t]+)*([،؛,;؟]|\.(?![.A-Za-z0-9_])|\?(?![?=&\w]))[ \t]*")
_OPENERS = "،؛,;.؟?"
_SENTENCE_END = ".!?؟"


def check(doc, settings):
    text = doc.text
    for ls, le, line in doc.lines:
        first = line.lstrip(" \t>#-*+")[:1]
        if not first or not (first in _OPENERS or first.isdigit()):
            continue
        m = _LINE_START.match(line)
        if m is not None and m.end() < len(line):
            yield from _finding(doc, ls + m.start(1), ls + m.end(), m.group(1), "a line")
    # a comma or semicolon after a sentence's full stop: `انتهى. ، وقال`
    for mark in "،؛,;":
        i = text.find(" " + mark)
        while i != -1:
            j = i
            while j > 0 and text[j - 1] in " \t":
                j -= 1
            pos, end = i + 1, i + 2
            while end < len(text) and text[end] in " \t":
                end += 1
            if j > 0 and text[j - 1] in _SENTENCE_END and end < len(text) and text[end] not in "\r\n" \
                    and text[j - 2:j - 1] not in _SENTENCE_END and not ends_with_abbreviation(text, j - 1):
                yield from _finding(doc, pos, end, mark, "a sentence")
            i = text.find(" " + mark, i + 1)


def _finding(doc, pos, end, mark, where):
    if not doc.in_skip(pos):
        yield RULE.finding(pos, pos + 1, f"{quote(mark)} opens {where}", Fix.delete(pos, end, UNSAFE))
