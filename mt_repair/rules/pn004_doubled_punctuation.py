"""PN004 doubled-punctuation: the same comma or semicolon printed twice.

What: `،،`, `,,`, `؛؛`, `;;`, or an Arabic and a Latin comma together (`،,`).
Not flagged: `..` and `...` (the Arabic headline separator and ellipsis) and `!!`/`؟!`
(emphasis inside quotations).
Example: `قال الوزير،، إن` -> `قال الوزير، إن`.
Fix: safe. The extra marks are removed, the first stays.
"""

import re

from mt_repair.rules.base import SAFE, WARNING, Rule, quote
from mt_repair.types import Fix

RULE = Rule("PN004", "doubled-punctuation", "punctuation", WARNING, __doc__)

_DOUBLE = re.compile(r"([،,؛;])((?:[ \t]*[،,؛;])+)")


def check(doc, settings):
    for m in _DOUBLE.finditer(doc.text):
        if doc.in_skip(m.start()):
            continue
        yield RULE.finding(m.start(), m.end(), f"doubled punctuation {quote(m.group())}",
                           Fix.delete(m.start(2), m.end(2), SAFE))
