"""PR002 pair-number-mismatch: a number in the source and the translation disagree.

What: numbers of an aligned sentence pair compared by value, the English side within the
sentence and its neighbours: Arabic-Indic (٣) and Persian (۳) digits, `٫` and `٬`
separators, scale words (`٣٫٥ مليار` = 3.5 billion = 3,500 million), duals (`ملياري` two
billion, `يومين` two days), number words (`خمسة وعشرين` = 25 = twenty-five) and
percentages (`٤٥٪` = 45% = 45 percent), clock times (`21:45` = 9.45pm = 2145 GMT; `10،30`
= 10.30). Reported: a source number with no equal value in the translation (changed or
dropped), and a number in the translation that the source does not have, shown at the
English that stands for it when there is one (`٠٩:٤٥` against `10:15`, `ثلاث عشرة` against
`Thirty`, `الجدول 2` against `Table 3`). Only digits and unambiguous number words are
reported; words such as `one` or `ست` only serve to match. Ordinals (21st) are not reported.
Not reported: a figure whose digits the other side writes the same way inside
an identifier, unit or reference (`5G`, `120km/h`, `F-16`, `IL6`, `Table2`, `Fig.1,1`,
`4x109/L`, the `1930s`), and Roman numerals that render it (`النوع 2` = `type-II`).
Why: a wrong figure is the costliest MT error in news, and the easiest to miss.
Example: source `قُتل 45 شخصاً`, translation `54 people were killed.`
Directions: both. With an English source and an Arabic translation the same comparison
runs the other way (`45 people` against `٥٤ شخصاً`, `3.5 billion` against `٣٫٥ مليار`,
`twenty-five` against `خمسة وعشرين`).
Fix: none; only the source can say which figure is right.
"""

import math
import re

from mt_repair.pairs.base import BOTH, PairRule
from mt_repair.rules.base import WARNING, quote

RULE = PairRule("PR002", "pair-number-mismatch", WARNING, __doc__, directions=BOTH)


def check(pair):
    if not pair.target_as_expected:
        return
    for k, bead in pair.translated_beads():
        wsi, wti = pair.window(k)
        bead_tgt = [q for j in bead.tgt for q in pair.tgt_numbers[j]]
        win_src = [q for i in wsi for q in pair.src_numbers[i]]
        win_tgt = [q for j in wti for q in pair.tgt_numbers[j]]
        win_text = None
        # unmatched within the bead; a neighbour sentence excuses a number only when
        # nothing in this bead contradicts it (alignment may have moved it next door)
        lost = [(i, q) for i in bead.src for q in pair.src_numbers[i]
                if q.reportable and not any(q.same(t) for t in bead_tgt)]
        extra = [(j, t) for j in bead.tgt for t in pair.tgt_numbers[j]
                 if t.reportable and not t.ordinal and not any(t.same(q) for q in win_src)]
        if extra:  # digits the source writes inside a reference the parser leaves alone (`Table33`)
            src_text = pair.source_text(wsi).translate(_DIGITS)
            extra = [(j, t) for j, t in extra if not _written_alike(t, src_text)]
        used = set()
        for j, t in extra:
            options = sorted(range(len(lost)), key=lambda n: _likeness(t.value, lost[n][1].value))
            if options:
                n = options[0]
                used.add(n)
                i, q = lost[n]
                yield RULE.finding(pair.tgt[j].start + t.start, pair.tgt[j].start + t.end,
                                   f"{quote(t.text)} in the translation, but the source has {quote(q.text)} "
                                   f"(line {pair.src[i].line})")
            else:
                yield RULE.finding(pair.tgt[j].start + t.start, pair.tgt[j].start + t.end,
                                   f"{quote(t.text)} in the translation is not in the source")
        # a lost number is shown at the English that stands for it: a clock time (`٠٩:٤٥`
        # against `10:15`), number words (`ثلاث عشرة` against `Thirty`; words are compared
        # with words only, and only compounds, which cannot be read otherwise)
        spare = {kind: [(j, t) for j in bead.tgt for t in pair.tgt_numbers[j] if t.kind == kind
                        and not any(t.same(q) for q in win_src)] for kind in ("time", "words")}
        # and digits the English does not report on their own (`Table 3`, `Radio 4`)
        spare[""] = [(j, t) for j in bead.tgt for t in pair.tgt_numbers[j] if not t.kind and not t.reportable
                     and not t.ordinal and t.text[:1].isdigit() and not any(t.same(q) for q in win_src)]
        words = [(i, q) for i in bead.src for q in pair.src_numbers[i] if q.kind == "words" and not q.reportable
                 and not any(q.same(t) for t in win_tgt)]
        for n, (i, q) in [*enumerate(lost), *((None, w) for w in words)]:
            if n in used or any(q.same(t) for t in win_tgt):
                continue
            if win_text is None:
                win_text = pair.target_text(wti).translate(_DIGITS)
            if n is not None and _written_alike(q, win_text):
                continue  # `الجدول 2` / `Table2`, `للإنترلوكين 6` / `anti-IL6`, `1930` / `1930s`
            pool = spare.get(q.kind)
            if not pool and not q.kind and not pair.source_is_arabic:
                pool = spare["words"]  # English digits into Arabic may come out as words (`35`, `خمسة وعشرون`)
            if pool:
                j, t = pool.pop(0)
                yield RULE.finding(pair.tgt[j].start + t.start, pair.tgt[j].start + t.end,
                                   f"{quote(t.text)} in the translation, but the source has {quote(q.text)} "
                                   f"(line {pair.src[i].line})")
            elif n is not None:
                s, e = pair.target_span(k)
                yield RULE.finding(s, e, f"the source number {quote(q.text)} (line {pair.src[i].line}) "
                                         f"is not in the translation")


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹\u066B\u066C\u060C", "01234567890123456789.,,")
_PLAIN = re.compile(r"[0-9][0-9.,:]*")


def _written_alike(q, target: str) -> bool:
    """The source figure's digits appear as they are in the translation, as part of an
    identifier, unit or reference the number parser leaves alone (`Fig.2).2`, `IL6`,
    `4x109/L`, `120km/h`)."""
    raw = q.text.translate(_DIGITS)
    if not _PLAIN.fullmatch(raw):
        return False  # scale words and the like: compared by value only
    return re.search(rf"(?<![0-9]){re.escape(raw)}(?![0-9])", target) is not None


def _mantissa(v: float) -> str:
    return f"{v:.6e}".split("e")[0].replace(".", "").rstrip("0")


def _likeness(a: float, b: float) -> tuple:
    """Which source number a wrong one most likely stands for: same digits at another
    scale (3.5 million for 3.5 billion), then the same digits reordered (54 for 45)."""
    if _mantissa(a) == _mantissa(b):
        return (0, 0.0)
    if sorted(_mantissa(a)) == sorted(_mantissa(b)):
        return (1, 0.0)
    return (2, abs(math.log10(max(a, 1e-9)) - math.log10(max(b, 1e-9))))
