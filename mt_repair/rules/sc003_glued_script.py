"""SC003 glued-script: Latin and Arabic letters glued together with no space.

What: `Relatedالمخابرات`, `ترامبTrump`: a Latin word touching an Arabic word.
Why: scrapers drop the space between a page label and the headline, and MT joins
segments; the glued token defeats search, spell checking and screen readers.
An Arabic proclitic before a Latin brand (`وYouTube`, `بـNATO`) is usual and allowed.
Example: `Relatedالمخابرات التشيكية` -> `Related المخابرات التشيكية`.
Fix: safe. One space is inserted at each seam; no letter changes. A token with several
seams (`منصةSolidمفتوحة`) is one finding.
"""


from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import ERROR, SAFE, Rule, quote
from mt_repair.text import AR_LETTER, AR_MARK, LATIN_LETTER
from mt_repair.types import Edit, Fix

RULE = Rule("SC003", "glued-script", "script", ERROR, __doc__)

# A seam is found from the start of a run of letters, and the run is taken whole
# (possessive): an attempt from inside a run ends where the one from its start ended, and
# fails with it, so the lookbehinds (a Latin letter before; an Arabic letter, perhaps
# with one or two marks, before) change no match. Without them one long word with a
# foreign letter or `_` after it cost a scan per letter (quadratic).
_SEAM = lazy_re(
    rf"(?<![{LATIN_LETTER}])(?P<la>[{LATIN_LETTER}]++)(?=[{AR_LETTER}])"
    rf"|(?<![{AR_LETTER}])(?<![{AR_LETTER}][{AR_MARK}])(?<![{AR_LETTER}][{AR_MARK}][{AR_MARK}])"
    rf"(?P<ar>[{AR_LETTER}][{AR_LETTER}{AR_MARK}]*+)(?=[{LATIN_LETTER}])")
_SHOWN = 60
_GROUP = 20  # seams within this many characters of a token's start make one finding (bounded span)
_CLITICS = frozenset(("و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "وب", "ول", "فب", "فل"))


def check(doc, settings):
    text = doc.text
    token = []  # the seams of one glued token (`منصةSolidمفتوحة` has two): one finding
    for m in (m for ls, le, _ in doc.mixed_lines for m in _SEAM.finditer(text, ls, le)):
        if m.group("ar") is not None:
            word = m.group("ar").rstrip("\u0640")
            if word in _CLITICS or m.group("ar").endswith("\u0640"):
                continue
        seam = m.end()
        if doc.in_skip(seam):
            continue
        if token and (m.start() != token[-1][1] or seam - token[0][0] > _GROUP):
            yield _finding(text, token)
            token = []
        token.append((m.start(), seam))
    if token:
        yield _finding(text, token)


def _finding(text, token):
    # show the glued token: the run of letters around the seams, at most _SHOWN past the
    # last (a token of thousands of glued words would otherwise be rescanned per seam)
    s, seam = token[0][0], token[-1][1]
    e, stop = seam, min(len(text), seam + _SHOWN)
    while e < stop and (text[e].isalpha() or "\u064B" <= text[e] <= "\u065F"):
        e += 1
    return RULE.finding(s, e, f"Latin and Arabic glued in {quote(text[s:min(e, s + 41)], 40)}",
                        Fix(tuple(Edit(t, t, " ") for _, t in token), SAFE))
