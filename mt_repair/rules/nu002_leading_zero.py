"""NU002 leading-zero: a count written with a leading zero (`05 مذكرات`, `in 07 cases`).

What: a two-digit number that starts with 0 and counts the word after it. MT copies
zero-padded fields (form numbers, clock digits) into prose.
Not flagged: clock times and dates (`09:45`, `05/03`, `05 March`, `05 مارس`), codes and
names (`رقم 05`, `Room 05`, `Agent 007`, three digits or more), numbers glued to
letters or inside URLs, a number before a capitalised word or a time word (`07 am`).
Why: `05 مذكرات` reads like a code, not five memos; editors remove the zero.
Example: `وقّع الوزير 05 مذكرات تفاهم` -> `وقّع الوزير 5 مذكرات تفاهم`.
Fix: unsafe. The zero is deleted; an identifier would need it.
"""

from __future__ import annotations

import re

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import UNSAFE, WARNING, Rule, quote
from mt_repair.text import AR_LETTER, AR_MARK
from mt_repair.types import Fix

RULE = Rule("NU002", "leading-zero", "numbers", WARNING, __doc__)

_LEADING = lazy_re(
    rf"(?<![\w.,\u060C\u066B\u066C:/#+№\-])(?P<zero>[0\u0660\u06F0])(?P<d>[1-9\u0661-\u0669\u06F1-\u06F9])"
    rf"(?![\w.,\u066B\u066C:/\-])(?=[ \u00A0]+(?P<next>[{AR_LETTER}][{AR_LETTER}{AR_MARK}]*|[a-z]+))")
_MONTHS = ("يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|اغسطس|سبتمبر|أكتوبر|"
           "اكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|اب|أيلول|ايلول|تشرين")
# the word after: a month or a clock word makes the number a date or a time
_NOT_COUNTED = lazy_re(rf"(?:[وب]?(?:{_MONTHS})|صباح\w*|مساء\w*|ظهر\w*|فجر\w*|ساعة|دقيقة|"
                          r"am|pm|a\.m|p\.m|h|hrs|o|gmt|utc)$")
# the word before: labels that take codes, and clock or date words
_LABEL = lazy_re(
    r"(?:رقم|الرقم|برقم|رقمه|رقمها|الساعة|ساعة|عند|الفقرة|البند|المادة|الفصل|الحلقة|الإصدار|النسخة|"
    r"الرمز|رمز|الكود|كود|الغرفة|غرفة|البوابة|الرحلة|رحلة|الطريق|طريق|المنطقة|الجولة|الأسبوع|الموسم|"
    r"يوم|اليوم|ليلة|تاريخ|بتاريخ|day|on|العدد|عدد|الجزء|الدرجة|المستوى|الفئة|القسم|الصف|المقعد|الخط|القناة|عام|العام|سنة|موديل|طراز|"
    r"no|nos|number|room|flight|gate|route|code|line|channel|class|grade|level|section|chapter|"
    r"article|episode|issue|version|round|week|season|model|at|by|until|since|till)\.?$", re.I)
_WORD_BEFORE = lazy_re(r"(\S+)\s+$")


def check(doc, settings):
    text = doc.text
    if "0" not in text and "\u0660" not in text and "\u06F0" not in text:
        return
    for ls, le, body in doc.lines:
        if "0" not in body and "\u0660" not in body and "\u06F0" not in body:
            continue
        for m in _LEADING.finditer(body):
            nxt = m.group("next")
            if _NOT_COUNTED.match(nxt.lower()) or _NOT_COUNTED.match(nxt.lstrip("وب")):
                continue
            before = _WORD_BEFORE.search(body, max(0, m.start() - 60), m.start())  # a window: linear
            if before:
                word = before.group(1).strip("()[]\"'«»،,:")
                if word[:1].isupper() or _LABEL.match(word) or _LABEL.match(re.sub(r"^[وف]?[بل]?", "", word)):
                    continue  # Room 05, Agent 07, رقم 05
            s, e = ls + m.start(), ls + m.end()
            if doc.overlaps_skip(s, e):
                continue
            n = m.group()
            yield RULE.finding(s, e, f"{quote(n)} is written with a leading zero",
                               Fix.delete(s, s + 1, UNSAFE))
