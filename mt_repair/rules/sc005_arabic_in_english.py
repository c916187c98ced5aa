"""SC005 arabic-in-english: Arabic words left untranslated in English text.

What: a run of Arabic-script words inside a line that is otherwise English.
Why: Arabic→English MT copies through words it does not know (names, dialect, typos
in the source); the English article then carries text its readers cannot read.
Not flagged: Arabic inside quotation marks or brackets right after an English gloss
(`the word "intifada" (انتفاضة)`), which is deliberate.
Example: `The minister said وأضاف that talks would go on.`
Fix: none. Only a translator can say what the words mean.
"""

import re

from mt_repair.rules.base import WARNING, Rule, quote
from mt_repair.text import AR_LETTER, AR_MARK

RULE = Rule("SC005", "arabic-in-english", "script", WARNING, __doc__)

_RUN = re.compile(rf"[{AR_LETTER}][{AR_LETTER}{AR_MARK}]*(?:[ \t]+[{AR_LETTER}][{AR_LETTER}{AR_MARK}]*)*")


def check(doc, settings):
    for (ls, le, line), arabic in zip(doc.lines, doc.arabic_lines):
        if arabic:
            continue
        for m in _RUN.finditer(line):
            before = line[:m.start()].rstrip()
            after = line[m.end():].lstrip()
            if before.endswith(("(", "«", '"', "“")) and after.startswith((")", "»", '"', "”")):
                continue
            if doc.overlaps_skip(ls + m.start(), ls + m.end()):
                continue
            yield RULE.finding(ls + m.start(), ls + m.end(),
                               f"Arabic {quote(m.group())} left in English text")
