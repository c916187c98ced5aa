"""PN014 unfinished-paragraph: an English paragraph that ends with a comma.

What: a paragraph of four words or more whose last mark is a comma
(`Well, when I felt that pain in my chest,`): the sentence was cut off, or its full
stop became a comma. A paragraph is a line followed by a blank line or the end of
the text, or any line of a text that writes one paragraph per line (most of its long
lines end with a sentence mark); a hard-wrapped text's lines are not paragraphs.
Why: MT systems translate a source fragment or stop early and leave the clause
hanging; a copy-edit that joined or split paragraphs does the same. On real
Arabic→English output of three OPUS-MT systems 8 segments end so and none of the
human reference's; on NTREX-128 English news the only one is a typo of the original.
Not flagged: the next line going on in lower case (the sentence continues there),
list items, table rows and block quotes (`- apples,`), letter formulae (`Dear Sir,`,
`Best regards,`), verse and addresses (a neighbouring short line that does not end a
sentence either: `The Office of the Prime Minister,` / `10 Downing Street,`), lines of
fewer than four words, Arabic text, code.
Example: `And with your history of diabetes,` -> warning.
Fix: none. A full stop may be right, or words may be missing: the source decides.
"""


import re

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import WARNING, Rule, quote

RULE = Rule("PN014", "unfinished-paragraph", "punctuation", WARNING, __doc__)

MIN_WORDS = 4
_ENDS_COMMA = lazy_re(r",[ \t]*\Z")
# list items, table rows, block quotes: a comma may end each
_LIST = lazy_re(r"[ \t]*(?:[-*+•|>]|\d{1,3}[.)])")
# letter formulae end in a comma by convention
_FORMULA = lazy_re(r"[ \t]*(?:dear|hi|hello|to|yours|sincerely|regards|best|kind|warm|love|cheers|thanks)\b",
                   re.IGNORECASE)
_SENTENCE_END = tuple(".!?:;…\"”’'»)]")
LONG_LINE = 8  # words: a line this long that ends mid-sentence is a hard wrap
SHORT_LINE = 12  # words: a run of lines this short that do not end sentences is verse or an address


def _one_paragraph_per_line(doc) -> bool:
    """Does the text write one paragraph a line? Most of its long lines end with a sentence mark."""
    long_lines = ended = 0
    for (_, _, line), arabic in zip(doc.lines, doc.arabic_lines):
        if arabic or len(line.split()) < LONG_LINE:
            continue
        long_lines += 1
        ended += line.rstrip().endswith(_SENTENCE_END)
    return long_lines > 0 and ended >= 0.6 * long_lines


def _open_short_line(line: str) -> bool:
    """A short line that does not end a sentence (`10 Downing Street,`, a line of verse)."""
    return bool(line) and len(line.split()) < SHORT_LINE and (line[-1] in ",;" or line[-1].isalnum())


def check(doc, settings):
    if doc.language != "en" or "," not in doc.text:
        return
    lines, arabic_lines = doc.lines, doc.arabic_lines
    per_line = None
    for i, ((ls, le, line), arabic) in enumerate(zip(lines, arabic_lines)):
        if arabic or not line.endswith((",", ", ", ",\t")) or not _ENDS_COMMA.search(line):
            continue
        if len(line.split()) < MIN_WORDS or _LIST.match(line) or _FORMULA.match(line):
            continue
        nxt = lines[i + 1][2].strip() if i + 1 < len(lines) else ""
        if nxt[:1].islower():
            continue  # the sentence goes on on the next line
        prev = lines[i - 1][2].strip() if i else ""
        if _open_short_line(prev) or _open_short_line(nxt):
            continue  # verse or an address: short lines that run on
        if nxt:
            if per_line is None:
                per_line = _one_paragraph_per_line(doc)
            if not per_line:
                continue
        pos = ls + line.rstrip(" \t").rfind(",")
        if doc.in_skip(pos):
            continue
        tail = line[max(0, pos - ls - 40):pos - ls + 1]
        yield RULE.finding(pos, pos + 1, f"paragraph ends with a comma: an unfinished sentence in {quote(tail, 50)}")
