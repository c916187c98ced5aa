"""SC012 suffix-after-final-letter: a suffix glued after `ة` or `ى`, letters that only end a word.

What: an Arabic word in which `ة` (taa marbuta) or `ى` (alef maqsura) is followed by a
pronoun, dual, plural or nisba suffix (`مرحلةها` for `مرحلتها`, `وحمايةهم` for
`وحمايتهم`, `الإذاعةية` for `الإذاعية`, `يتعافىوا` for `يتعافوا`, `علىه` for `عليه`).
Both letters exist only at the end of a word: before a suffix `ة` becomes `ت` and `ى`
becomes `ا` or `ي` or drops. MT systems that glue sub-word pieces without the spelling
change leave these forms (five in the TICO-19 system output, none in its Arabic reference
or in NTREX-128's 2,000 professional Arabic sentences).
Not flagged: two words run together without a space (`مرةأخرى`): what follows `ة` there is
a word, not a suffix (GB001 reports glued clauses); Latin and words in code or URLs.
Why: the form is no word at all: search, spell check and glossary matching miss it, and
a reader stops on it.
Example: `في مرحلةها الأولى` -> `في مرحلتها الأولى`.
Fix: unsafe for `ة` before a pronoun (`ة` -> `ت`: `مرحلةها` -> `مرحلتها`), the one change
that is always right; none for the others (`ى` becomes `ا`, `ي` or nothing by the word).
"""

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import UNSAFE, WARNING, Rule, quote
from mt_repair.text import AR_MARK
from mt_repair.types import Fix

RULE = Rule("SC012", "suffix-after-final-letter", "script", WARNING, __doc__)

_L = "\u0621-\u063A\u0641-\u064A"  # Arabic letters, tatweel excluded
# pronoun suffixes (after which `ة` is written `ت`), then dual, plural and nisba endings
_PRONOUNS = "هما|هم|هن|ها|كما|كم|كن|نا|ه|ك|ي"
_ENDINGS = "يين|يات|ية|ين|ان|ات|ون|وا"
_GLUED = lazy_re(
    rf"(?<![{_L}{AR_MARK}\w])(?P<stem>[{_L}][{_L}{AR_MARK}]*?[{_L}])(?P<final>[ةى])[{AR_MARK}]*"
    rf"(?P<suffix>{_PRONOUNS}|{_ENDINGS})(?![{_L}{AR_MARK}\w])")


def check(doc, settings):
    text = doc.text
    if "ة" not in text and "ى" not in text:
        return
    for (ls, le, line), arabic in zip(doc.lines, doc.arabic_lines):
        if not arabic or ("ة" not in line and "ى" not in line):
            continue
        for m in _GLUED.finditer(line):
            start, end = ls + m.start(), ls + m.end()
            if doc.overlaps_skip(start, end):
                continue
            fix = None
            if m.group("final") == "ة" and m.group("suffix") in _PRONOUNS.split("|"):
                at = ls + m.start("final")
                fix = Fix.replace(at, at + 1, "ت", UNSAFE)
            yield RULE.finding(start, end, f"suffix «{m.group('suffix')}» glued after «{m.group('final')}», "
                                           f"a letter that only ends a word, in {quote(m.group())}", fix)
