"""SC004 persian-letters: Persian or Urdu letters inside Arabic words.

What: `ی` (U+06CC), `ک` (U+06A9), `ۀ`, `ھ`, `ہ`, `ۃ`, `ے` in an Arabic word
(`فی أوکرانیا` for `في أوكرانيا`). Letters that Arabic uses for foreign sounds
(`پ چ ژ گ ڤ`) are not flagged.
Why: they look like Arabic letters on screen but are different characters, so search,
spell check and glossary matching fail on the word.
Example: `فی أوکرانیا` -> `في أوكرانيا`.
Fix: safe for `ک`→`ك`, `ھ`→`ه` and a non-final `ی`→`ي`; unsafe where the Arabic letter
is ambiguous (a final `ی` may be `ي` or `ى`; `ۀ ۃ ہ ے`).
"""

import re

from mt_repair.rules.base import ERROR, SAFE, UNSAFE, Rule, quote
from mt_repair.text import AR_LETTER, AR_MARK
from mt_repair.types import Edit, Fix

RULE = Rule("SC004", "persian-letters", "script", ERROR, __doc__)

# letter -> (Arabic letter, safe?)
REPLACEMENTS = {
    "\u06A9": ("\u0643", True),  # ک keheh -> ك
    "\u06BE": ("\u0647", True),  # ھ heh doachashmee -> ه
    "\u06C0": ("\u0629", False),  # ۀ heh with yeh above -> ة
    "\u06C1": ("\u0647", False),  # ہ heh goal -> ه
    "\u06C3": ("\u0629", False),  # ۃ teh marbuta goal -> ة
    "\u06D2": ("\u064A", False),  # ے yeh barree -> ي
}
FARSI_YEH = "\u06CC"
_WORD = re.compile(rf"[{AR_LETTER}][{AR_LETTER}{AR_MARK}]*")
_FOREIGN = re.compile("[\u06A9\u06BE\u06C0\u06C1\u06C3\u06D2\u06CC]")


def check(doc, settings):
    text = doc.text
    if not _FOREIGN.search(text):
        return
    for m in _WORD.finditer(text):
        word = m.group()
        if not _FOREIGN.search(word) or doc.in_skip(m.start()):
            continue
        edits, safe = [], True
        for i, ch in enumerate(word):
            if ch == FARSI_YEH:
                final = i == len(word) - 1 or not ("\u0621" <= word[i + 1] <= "\u06FF")
                edits.append(Edit(m.start() + i, m.start() + i + 1, "\u064A"))
                safe &= not final
            elif ch in REPLACEMENTS:
                rep, ok = REPLACEMENTS[ch]
                edits.append(Edit(m.start() + i, m.start() + i + 1, rep))
                safe &= ok
        fixed = word
        for e in reversed(edits):
            i = e.start - m.start()
            fixed = fixed[:i] + e.replacement + fixed[i + 1:]
        yield RULE.finding(m.start(), m.end(),
                           f"Persian/Urdu letters in Arabic word {quote(word)} (Arabic: {quote(fixed)})",
                           Fix(tuple(edits), SAFE if safe else UNSAFE))
