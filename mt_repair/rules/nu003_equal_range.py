"""NU003 equal-range: a range whose two bounds are the same number (`between 9 and 9 percent`).

What: `between N and N`, `from N to N`, `N to N percent`, `بين 9 و9`, `من 9 إلى 9`, and
`N-N` after `between`/`from`/`بين`/`من` or before a percent sign. MT drops or copies one
bound of a range (`between 9 and 19` becomes `between 9 and 9`).
Not flagged: scores and figure numbers (`a 2-2 draw`, `Fig. 1-1`, `الجدول 1-1`), clock
hours (`from 9 to 9`: a whole number up to 24 with no percent after it; `9 to 9 pm`), ratios
of one (`1 to 1`, `1-1`).
Why: the range has lost a bound; the figure is wrong and the sentence says nothing.
Example: `The rate was between 9 and 9 percent.`
Fix: none. Only the source knows the missing bound.
"""

from __future__ import annotations

import re

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import WARNING, Rule, quote
from mt_repair.text import AR_DIGIT, AR_LETTER

RULE = Rule("NU003", "equal-range", "numbers", WARNING, __doc__)

_D = f"[0-9{AR_DIGIT}]"
_N = rf"{_D}+(?:[.,\u066B]{_D}+)?"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹\u066B,", "01234567890123456789..")
_PERCENT = r"\s*(?:%|٪|\s(?:per\s?cent|percent)\b|\s(?:في\s+ال|بال|بالـ\s?)ما?ئة)"
_NOT_AR = rf"(?<![{AR_LETTER}])"
_END_AR = rf"(?![{AR_LETTER}])"
_RANGES = lazy_re(
    # between 9 and 9; from 9 to 9; بين 9 و9; من 9 إلى 9 (the bounds may carry a % or unit word)
    rf"(?P<intro>\b(?:[Bb]etween|[Ff]rom|[Rr]anging\s+from)\s+|{_NOT_AR}(?:[وف]?(?:بين|من|ما\s+بين|يتراوح\s+بين|تتراوح\s+بين))\s+)"
    rf"(?P<a>{_N})(?:\s*[%٪])?(?:\s+(?P<conj>and|to|through|until|till|و|إلى|الى|حتى)\s*|\s*[-–]\s*)(?P<b>{_N})(?!{_D}|[.,]{_D})"
    # 9 to 9 percent; 9-9%
    rf"|(?<![\w.,\-–/]){_NOT_AR}(?P<a2>{_N})(?:\s+(?:to|إلى|الى)\s+|\s*[-–]\s*)(?P<b2>{_N})(?!{_D}|[.,]{_D})(?={_PERCENT})")
_CLOCK = lazy_re(r"\s*(?:[ap]\.?m\b|o'clock|h\b|hrs\b|hours?\b|GMT|UTC|ص\b|م\b|صباح|مساء|ظهر|الساعة|ساعة)", re.I)
_CLOCK_BEFORE = lazy_re(r"(?:open|opens|opened|hours|الساعة|دوام|ساعات)\s+(?:\S+\s+)?$", re.I)
_FIG_BEFORE = lazy_re(r"(?:Fig(?:ure)?s?\.?|Table|Tables|Section|Chapter|الشكل|شكل|الجدول|جدول|الفصل|القسم)\s*$", re.I)


def check(doc, settings):
    text = doc.text
    if not any(c.isdigit() for c in text):
        return
    for ls, le, body in doc.lines:
        if not re.search(_D, body):
            continue
        for m in _RANGES.finditer(body):
            a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("a2"), m.group("b2"))
            if a.translate(_DIGITS) != b.translate(_DIGITS):
                continue
            start = m.start("a") if m.group("a") else m.start("a2")
            before, after = body[max(0, start - 60):start], body[m.end():m.end() + 60]  # windows: linear
            value = a.translate(_DIGITS)
            hyphen = re.search(r"[-–]", body[start:m.end()]) is not None
            if _CLOCK.match(after) or _CLOCK_BEFORE.search(body[max(0, m.start() - 60):m.start()]) or _FIG_BEFORE.search(before):
                continue
            conj = (m.group("conj") or "").lower()
            between = m.group("intro") and re.search(r"between|بين", m.group("intro"), re.I)
            if conj in ("and", "و") and not between or conj and conj not in ("and", "و") and between:
                continue  # `من 5 و5 آخرين`, `between 9 to 9` is not a range we read
            if conj and not between and value.isdigit() and int(value) <= 24 and not re.match(_PERCENT, after):
                continue  # `from 9 to 9`: most likely clock hours (9 a.m. to 9 p.m.)
            if value in ("0", "1") and not m.group("intro"):
                continue
            if hyphen and value in ("0", "1"):
                continue
            s, e = ls + m.start(), ls + m.end()
            if doc.overlaps_skip(s, e):
                continue
            yield RULE.finding(s, e, f"a range whose bounds are equal: {quote(m.group().strip())}")
