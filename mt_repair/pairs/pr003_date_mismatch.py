"""PR003 pair-date-mismatch: a month or weekday in the translation that the source does not have.

What: Gregorian month names (Egyptian `مارس` and Levantine `آذار` forms alike) next to a
day or a year, and weekdays (`يوم الأحد`; `الثلاثاء` alone), compared with the English
months and weekdays of the aligned sentence: reported when the English names one the
source does not, and the source names one the English does not. Day and year digits
are PR002's. A date only one side names is not reported (`الماضي` may become "last").
Why: MT confuses Levantine and Egyptian month names and shifts weekdays.
Example: source `يوم الثلاثاء 15 آذار`, translation `on Tuesday, April 15`.
Fix: none.
"""

import re

from mt_repair.pairs.base import PairRule
from mt_repair.pairs.numbers import (MONTHS_EN, WEEKDAYS_EN, arabic_months, arabic_weekdays, english_months,
                                     english_weekdays)
from mt_repair.rules.base import WARNING, quote

RULE = PairRule("PR003", "pair-date-mismatch", WARNING, __doc__)

_KINDS = ((arabic_months, english_months, MONTHS_EN, "month"),
          (arabic_weekdays, english_weekdays, WEEKDAYS_EN, "weekday"))


def check(pair):
    if not pair.target_is_english:
        return
    for k, bead in pair.translated_beads():
        wsi, wti = pair.window(k)
        src_text = pair.source_text(bead.src)
        for ar_find, en_find, names, what in _KINDS:
            src = ar_find(src_text)
            if not src:
                continue
            win_tgt = en_find(pair.target_text(wti))
            win_src = ar_find(pair.source_text(wsi))
            for j in bead.tgt:
                sent = pair.tgt[j]
                wrong = en_find(sent.text) - win_src
                if not wrong or not (src - win_tgt):
                    continue
                for w in sorted(wrong):
                    m = re.search(rf"\b{names[w]}\b", sent.text)
                    yield RULE.finding(sent.start + m.start(), sent.start + m.end(),
                                       f"{what} {quote(names[w])} in the translation, but the source has "
                                       f"{' / '.join(names[x] for x in sorted(src - win_tgt))} "
                                       f"(line {pair.src[bead.src[0]].line})")
