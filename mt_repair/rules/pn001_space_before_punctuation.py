"""PN001 space-before-punctuation: a space before a comma, semicolon, question mark or full stop.

What: `الرئيس ، وقال`, `يناير الماضي .`, `said , adding`: English-style or MT spacing
that puts a space before punctuation. When the mark is then glued to the next Arabic
word (`الرئيس ،وقال`), the space is moved after it.
Not flagged: the Arabic headline separator ` .. ` and ellipses, and punctuation after
a number or symbol.
Example: `الرئيس ، وقال` -> `الرئيس، وقال`.
Fix: safe. Only spaces move; no character is added or lost.
"""

import re

from mt_repair.rules.base import SAFE, WARNING, Rule, quote
from mt_repair.text import AR_LETTER, AR_MARK
from mt_repair.types import Edit, Fix

RULE = Rule("PN001", "space-before-punctuation", "punctuation", WARNING, __doc__)

_AR = re.compile(rf"(?<=[{AR_LETTER}{AR_MARK}\"»”)])([ \t\u00A0]+)([،؛؟.!:,;?])(?![.!?؟:])(?=(?P<glued>[{AR_LETTER}])|[\s\"»”)]|$)", re.M)
_EN = re.compile(r"(?<=[A-Za-z\"”)])([ \t\u00A0]+)([,;.!?:])(?![.!?:])(?=\s|[\"”)]|$)", re.M)


def check(doc, settings):
    text = doc.text
    for (ls, le, line), arabic in zip(doc.lines, doc.arabic_lines):
        if " " not in line:
            continue
        pattern = _AR if arabic else _EN
        for m in pattern.finditer(line):
            # keep `A .. B` separators and ` - ` dashes alone
            if m.group(2) == "." and line[m.end():m.end() + 1] == ".":
                continue
            if m.group(2) == ":" and not arabic:
                continue
            start, end = ls + m.start(1), ls + m.end(2)
            if doc.overlaps_skip(start, end):
                continue
            edits = [Edit(ls + m.start(1), ls + m.end(1))]
            if arabic and m.group("glued"):
                edits.append(Edit(ls + m.end(2), ls + m.end(2), " "))
            yield RULE.finding(start, end, f"space before {quote(m.group(2))}", Fix(tuple(edits), SAFE))
