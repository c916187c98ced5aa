"""PR003 pair-date-mismatch: a month or weekday in the translation that the source does not have.

What: Gregorian month names (Egyptian `مارس` and Levantine `آذار` forms alike) next to a
day or a year, and weekdays (`يوم الأحد`; `الثلاثاء` alone), compared with the English
months and weekdays of the aligned sentence: reported when the English names one the
source does not, and the source names one the English does not. Day and year digits
are PR002's. A date only one side names is not reported (`الماضي` may become "last").
Why: MT confuses Levantine and Egyptian month names and shifts weekdays.
Example: source `يوم الثلاثاء 15 آذار`, translation `on Tuesday, April 15`.
Directions: both; with an English source, an Arabic month (either calendar's name) or
weekday that the English does not name is reported in the Arabic translation.
Fix: none.
"""

import re

from mt_repair.pairs.base import BOTH, PairRule
from mt_repair.pairs.numbers import (
    MONTHS_EN,
    WEEKDAYS_EN,
    arabic_month_spans,
    arabic_months,
    arabic_weekday_spans,
    arabic_weekdays,
    english_months,
    english_weekdays,
)
from mt_repair.rules.base import WARNING, quote

RULE = PairRule("PR003", "pair-date-mismatch", WARNING, __doc__, directions=BOTH)

_KINDS = ((arabic_months, english_months, MONTHS_EN, "month"),
          (arabic_weekdays, english_weekdays, WEEKDAYS_EN, "weekday"))


def _kinds(pair):
    """(source finder, target finder, English names, what) for the pair's direction."""
    if pair.source_is_arabic:
        return _KINDS
    return ((english_months, arabic_months, MONTHS_EN, "month"),
            (english_weekdays, arabic_weekdays, WEEKDAYS_EN, "weekday"))


def _where(finder, names, n: int, text: str):
    """The span of name number `n` in `text`: the English name, or an Arabic form of it."""
    if finder in (english_months, english_weekdays):
        m = re.search(rf"\b{names[n]}\b", text)
        return m.span() if m else None
    spans = arabic_month_spans(text) if finder is arabic_months else arabic_weekday_spans(text)
    return next((span for value, span in spans if value == n), None)


def check(pair):
    if not pair.target_as_expected:
        return
    kinds = _kinds(pair)
    for k, bead in pair.translated_beads():
        wsi, wti = pair.window(k)
        src_text = pair.source_text(bead.src)
        for src_find, tgt_find, names, what in kinds:
            src = src_find(src_text)
            if not src:
                continue
            win_tgt = tgt_find(pair.target_text(wti))
            win_src = src_find(pair.source_text(wsi))
            for j in bead.tgt:
                sent = pair.tgt[j]
                wrong = tgt_find(sent.text) - win_src
                if not wrong or not (src - win_tgt):
                    continue
                for w in sorted(wrong):
                    span = _where(tgt_find, names, w, sent.text)
                    if span is None:
                        continue
                    written = sent.text[span[0]:span[1]]
                    yield RULE.finding(sent.start + span[0], sent.start + span[1],
                                       f"{what} {quote(written)} in the translation, but the source has "
                                       f"{' / '.join(names[x] for x in sorted(src - win_tgt))} "
                                       f"(line {pair.src[bead.src[0]].line})")
