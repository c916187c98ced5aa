"""SC006 invisible-control: zero-width and bidirectional control characters.

What: U+200B zero-width space, U+200C/U+200D joiners, U+200E/U+200F and U+061C
direction marks, U+202A–U+202E embeddings, U+2066–U+2069 isolates, U+2060 word
joiner, a U+FEFF that is not a byte-order mark, soft hyphens. A zero-width joiner
inside an emoji sequence is legitimate and not flagged.
Why: invisible in every editor, they split words for search and spell check, break
glossary matching, and can reorder how a line displays (Trojan Source).
Example: `المفاوضات` with a U+200F inside -> `المفاوضات`.
Fix: safe. The characters are removed; the visible text does not change.
"""

import unicodedata

from mt_repair.rules.base import SAFE, WARNING, Rule
from mt_repair.text import INVISIBLE_RE
from mt_repair.types import Fix

RULE = Rule("SC006", "invisible-control", "script", WARNING, __doc__)


def check(doc, settings):
    text = doc.text
    if text.isascii():
        return
    run_start = run_end = None
    for m in INVISIBLE_RE.finditer(text):
        if m.group() in "\u200d\ufe0f" and _emoji_near(text, m.start()):
            continue
        if m.start() == run_end:
            run_end = m.end()
            continue
        if run_start is not None:
            yield _finding(text, run_start, run_end)
        run_start, run_end = m.span()
    if run_start is not None:
        yield _finding(text, run_start, run_end)


def _emoji_near(text, i):
    around = text[max(0, i - 1):i] + text[i + 1:i + 2]
    return any(ord(c) >= 0x2600 and unicodedata.category(c) in ("So", "Sk", "Cs") for c in around)


def _finding(text, start, end):
    names = ", ".join(f"U+{ord(c):04X}" for c in text[start:end])
    return RULE.finding(start, end, f"invisible control character(s) {names}",
                        Fix.delete(start, end, SAFE))
