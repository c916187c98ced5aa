"""PN005 glued-number: an Arabic word and a number written with no space between.

What: `الساعة2:02`, `نحو50 دقيقة`: a word of three or more letters touching digits.
Not flagged: a proclitic before a number (`و18`, `ب5`, `لـ2025`), which Arabic writes joined,
and a short non-word before digits: a code spelled in Arabic letters (`أورف8` for orf8,
`أكسي2` for ACE2), whose digit belongs to it (a space there would be wrong).
Example: `في حوالي الساعة2:02 صباحاً` -> `في حوالي الساعة 2:02 صباحاً`.
Fix: safe. One space is inserted.
"""


from mt_repair.lazyre import lazy_re
from mt_repair.lexicon import common_words
from mt_repair.rules.base import SAFE, WARNING, Rule, quote
from mt_repair.text import AR_DIGIT, AR_LETTER, AR_MARK, strip_marks
from mt_repair.types import Fix

RULE = Rule("PN005", "glued-number", "punctuation", WARNING, __doc__)

_GLUED = lazy_re(rf"(?P<w>[{AR_LETTER}][{AR_LETTER}{AR_MARK}]{{2,}})(?=[0-9{AR_DIGIT}])"
                    rf"|(?<=[0-9{AR_DIGIT}])(?P<w2>[{AR_LETTER}]{{3,}})")
_DIGIT = lazy_re(f"[0-9{AR_DIGIT}]")
_CLITIC_RUNS = ("وال", "بال", "لل", "فال", "كال", "ولل")
_CODE_CLITICS = ("لل", "ال", "و", "ب", "ل")


def _spelled_code(word, common):
    """A short word that is not common Arabic, before digits: a code spelled in Arabic
    letters (`أكسي2`). The full word lists know such spellings from transliterations, so
    only the common words (wordfreq Zipf >= 4: `نحو`, `الساعة`, `حوالي`) count as words."""
    bare = full = strip_marks(word)
    for p in _CODE_CLITICS:
        if bare.startswith(p) and len(bare) - len(p) >= 2:
            bare = bare[len(p):]
            break
    return len(bare) <= 5 and full not in common and bare not in common


def check(doc, settings):
    text = doc.text
    common = common_words("ar")
    for m in (m for ls, le, line in doc.lines if _DIGIT.search(line) for m in _GLUED.finditer(text, ls, le)):
        word = m.group("w") or m.group("w2")
        if word.rstrip("\u0640") in _CLITIC_RUNS or word.endswith("\u0640"):
            continue
        if m.group("w") and common is not None and _spelled_code(word, common):
            continue
        seam = m.end() if m.group("w") else m.start()
        if doc.in_skip(seam):
            continue
        s = m.start()
        while s > 0 and text[s - 1].isdigit():
            s -= 1
        e = m.end()
        while e < len(text) and (text[e].isdigit() or text[e] in ":.,٫"):
            e += 1
        yield RULE.finding(s, e, f"number glued to a word in {quote(text[s:e].strip(':.,'), 40)}",
                           Fix.replace(seam, seam, " ", SAFE))
