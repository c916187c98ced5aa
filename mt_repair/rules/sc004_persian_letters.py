"""SC004 persian-letters: Persian or Urdu letters inside Arabic words.

What: `ی` (U+06CC), `ک` (U+06A9), `ۀ`, `ھ`, `ہ`, `ۃ`, `ے` in an Arabic word
(`فی أوکرانیا` for `في أوكرانيا`), one letter is enough; and, as a warning, the Persian
letters for foreign sounds `پ چ ژ گ` (`بيپتيداز` for `ببتيداز`), which Arabic news
writes with Arabic letters (`ب`, `تش`/`ش`, `ج`/`ز`, `غ`/`ج`/`ك`): none of them occurs in
NTREX-128's 2,000 professional Arabic sentences or the TICO-19 Arabic reference, while
MT output has them. `ڤ` (V), usual in Levantine and Maghrebi spelling, is not flagged.
A whole sentence in Persian or Urdu is SC008's, reported once there.
Why: they look like Arabic letters on screen but are different characters, so search,
spell check and glossary matching fail on the word.
Example: `فی أوکرانیا` -> `في أوكرانيا`.
Fix: safe for `ک`→`ك`, `ھ`→`ه` and a non-final `ی`→`ي`; unsafe where the Arabic letter
is ambiguous (a final `ی` may be `ي` or `ى`; `ۀ ۃ ہ ے`) and for `پ`→`ب`; none for
`چ ژ گ`, whose Arabic spelling depends on the name.
"""

import bisect

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import ERROR, SAFE, UNSAFE, WARNING, Rule, quote
from mt_repair.rules.sc008_off_target_language import persian_sentences
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
# letters for sounds Arabic lacks: reported as warnings; only پ has a one-letter Arabic form
SOUND_LETTERS = {"\u067E": "\u0628", "\u0686": None, "\u0698": None, "\u06AF": None}  # پ چ ژ گ
_WORD = lazy_re(rf"[{AR_LETTER}][{AR_LETTER}{AR_MARK}]*")
_FOREIGN = lazy_re("[\u06A9\u06BE\u06C0\u06C1\u06C3\u06D2\u06CC\u067E\u0686\u0698\u06AF]")


def check(doc, settings):
    text = doc.text
    if not _FOREIGN.search(text):
        return
    persian = [(s, e) for s, e, _, _ in persian_sentences(doc)]
    persian_starts = [s for s, _ in persian]  # sorted, disjoint: one bisect per word
    for m in _WORD.finditer(text):
        word = m.group()
        if not _FOREIGN.search(word) or doc.in_skip(m.start()):
            continue
        i = bisect.bisect_right(persian_starts, m.start()) - 1
        if i >= 0 and m.start() < persian[i][1]:
            continue
        edits, safe, sound, fixable = [], True, False, True
        for i, ch in enumerate(word):
            if ch in SOUND_LETTERS:
                sound = True
                if SOUND_LETTERS[ch] is None:
                    fixable = False
                else:
                    edits.append(Edit(m.start() + i, m.start() + i + 1, SOUND_LETTERS[ch]))
                    safe = False
                continue
            if ch == FARSI_YEH:
                final = i == len(word) - 1 or not ("\u0621" <= word[i + 1] <= "\u06FF")
                edits.append(Edit(m.start() + i, m.start() + i + 1, "\u064A"))
                safe &= not final
            elif ch in REPLACEMENTS:
                rep, ok = REPLACEMENTS[ch]
                edits.append(Edit(m.start() + i, m.start() + i + 1, rep))
                safe &= ok
        letters = list(word)  # one join, not a new string per edit (quadratic in a long word)
        for e in edits:
            letters[e.start - m.start()] = e.replacement
        fixed = "".join(letters)
        if not fixable:
            yield RULE.finding(m.start(), m.end(), f"Persian letter in Arabic word {quote(word)}",
                               severity=WARNING)
            continue
        yield RULE.finding(m.start(), m.end(),
                           f"Persian/Urdu letters in Arabic word {quote(word)} (Arabic: {quote(fixed)})",
                           Fix(tuple(edits), SAFE if safe else UNSAFE), severity=WARNING if sound else None)
