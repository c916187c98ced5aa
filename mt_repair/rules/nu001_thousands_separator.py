"""NU001 thousands-separator: digit groups written backwards, or `.` as a thousands separator where the text contradicts it.

What: three things that make a figure unreadable.
1. Thousands groups stored in reverse order in Arabic (`866 8 مريضاً` for 8,866, `000 100
   نسمة` for 100,000, `053 90 حالة`): a three-digit group followed by a shorter one, or a
   group that starts with a zero, before the word it counts; a first group that starts
   with a zero wherever it stands (`0.31/000 100)` for 0.31/100,000). MT systems learn this from UN
   documents, which store `8 866` group by group right to left: bidi display shows it
   right in Arabic text, but search, copying, speech and any comparison read 866 and 8.
2. `.` used to group thousands (`40.000 مريض`, `8.866 cases`) in a text that also writes
   thousands another way (`80,000`, `100 000`, `250 ألف`) or uses `.` as the decimal point
   (`3.5 مليون`), so `.` means two things in one article. In English `.` is the decimal
   point, so `100.000` or `1.500.000` is reported on its own too.
3. The Arabic comma between digit groups (`250،000`): `،` separates list items.
4. A group of four digits or more before a thousands comma (`1051,635`): a group lost
   or a comma misplaced (a year before a comma, `2020,100`, is left alone). In English,
   `.` before three digits and a plural count (`8.866 cases`): nothing counted that way
   comes in fractions; and, in a text that groups its other figures with commas, before a
   lower-case word or, from 10.000 up, anywhere but before a unit (`infected 128.948, with
   21,815 recovered`): no English figure in NTREX-128 or the TICO-19 references is written so.
Not flagged: an article that consistently groups thousands with `.` (a house style), a
decimal before a scale word or unit (`1.234 مليون`, `2.125 mm`), `0.125`, IP addresses,
versions (`v1.000`), dates (`12.05.2020`), phone numbers (`0800 555 111`).
Why: a reader cannot tell 40.000 from 40, and `866 8` from two numbers.
Example: `أكثر من 80,000 حالة مؤكدة، مع أكثر من 40.000 مريض` -> `40,000`.
Fix: display only: `.` replaced by the comma the article groups with elsewhere (`,` or
`٬`; `,` when its other evidence is spaces, «ألف» or a decimal point); reversed groups
joined in reading order (`8,866`).
"""

from __future__ import annotations

import re

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import DISPLAY, WARNING, Rule, quote
from mt_repair.text import AR_DIGIT, AR_LETTER
from mt_repair.types import Fix

RULE = Rule("NU001", "thousands-separator", "numbers", WARNING, __doc__)

_D = f"[0-9{AR_DIGIT}]"
_SP = "[ \u00A0\u202F]"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# 1. reversed groups: `866 8`, `000 100`, `053 90 حالة` before a word, `%` or the line's end
_REVERSED = lazy_re(
    rf"(?<![\w.,\u060C\u066B\u066C:/+\-])(?P<n>(?P<first>{_D}{{3}})(?:{_SP}{_D}{{3}})*{_SP}(?P<last>{_D}{{1,3}}))"
    rf"(?!{_D}|[.,\u066B\u066C]{_D}|{_SP}{_D}|[:/\-])(?={_SP}*(?:[{AR_LETTER}]|[%٪]))")
# ... and a first group that starts with a zero, which no figure does (`0.31/000 100)` for
# 0.31/100,000), wherever it ends: before a bracket or punctuation too, and after a slash
_REVERSED_ZERO = lazy_re(
    rf"(?<![\w.,\u060C\u066B\u066C:+\-])(?P<n>(?P<first>[0٠۰]{_D}{{2}})(?:{_SP}{_D}{{3}})*{_SP}(?P<last>{_D}{{1,3}}))"
    rf"(?!{_D}|[.,\u066B\u066C]{_D}|{_SP}{_D}|[:/\-])(?=[ \t)\]،؛,.]|$)")
# 2. `.` groups: 40.000, 1.500.000 (not 0.125, v1.000, 12.05.2020, 192.168.100.200)
_DOT = lazy_re(rf"(?={_D})(?<![\w.,\u060C\u066B\u066C])(?P<n>{_D}{{1,3}}(?:\.{_D}{{3}})+)(?!{_D}|[.,]{_D})")
_SCALE_OR_UNIT = lazy_re(
    r"\s*(?:[%٪‰]|(?:[وف]?(?:ال)?(?:ألف|الف|آلاف|مليون|ملايين|مليار|مليارات|بليون|تريليون)"
    r"|thousand|million|billion|trillion|bn|mn|tn|m\b|k\b)"
    r"|[a-zA-Zµμ°]{1,3}\b(?![a-zA-Z])"  # a unit abbreviation: mm, kg, mg, km, °C
    r"|(?:ملغ|ملغم|مغ|كغ|كلغ|كم|سم|ملم|مم|مل|لتر|غرام|جرام|كيلو|ميل|متر|درجة|ثانية|ثوان|دقيقة|نقطة|نقاط)"
    rf"(?![{AR_LETTER}]))", re.I)
# short English words that the unit pattern's "one to three letters" would take for a unit
_FUNCTION_WORD = lazy_re(r"[ \t]+(?:as|at|by|of|on|or|to|and|the|for|was|are|is|has|had|who|but|not|so|were|have)\b")
# (these and _DOT open with `(?={_D})`: a digit is tried before the lookbehind, 1.5x faster)
# what else a text uses to write thousands, or `.` as a decimal point
# (the Arabic comma `،` is no thousands separator: part 3 reports it, so it is no evidence here)
_COMMA_GROUPS = lazy_re(rf"(?={_D})(?<![\w.,]){_D}{{1,3}}(?:[,\u066C]{_D}{{3}})+(?!{_D}|[.,]{_D})")
_SPACE_GROUPS = lazy_re(rf"(?={_D})(?<![\w.,]){_D}{{1,3}}(?:{_SP}{_D}{{3}})+(?!{_D}|[.,]{_D})")
_WORD_THOUSANDS = lazy_re(rf"(?={_D})(?<![\w.,]){_D}+{_SP}+(?:ألف|آلاف|الف)(?![{AR_LETTER}])")
_DECIMAL_DOT = lazy_re(rf"(?<![\w.,]){_D}+\.(?:{_D}{{1,2}}|{_D}{{4,}})(?!{_D}|[.,]{_D})")
_LOWER_WORD = lazy_re(r"\s+[a-z]{3,}")
# a plural count noun after the figure (`8.866 cases`, `128.948 confirmed deaths`): no
# decimal counts people or cases; measures that take fractions are not counted
_COUNTED = lazy_re(r"[ \t]+(?:[a-z]+[ \t]+)?(?:[a-z]{2,}s|people|children|men|women)\b")
_NOT_COUNTED = lazy_re(r"[ \t]+(?:times|fold|units|points|seconds|minutes|hours|days|weeks|months|years|"
                          r"degrees|percent|ms|metres|meters|miles|grams|litres|liters|tons|tonnes|dollars|euros|"
                          r"pounds|kilos|kilograms|kilometres|kilometers|log|logs)\b")
# 4. a broken group: `1051,635` (four digits or more before a comma group)
_BROKEN_GROUP = lazy_re(rf"(?<![\w.,\u066B\u066C])(?P<n>{_D}{{4,}}(?:[,\u066C]{_D}{{3}})+)(?!{_D}|[.,\u066B\u066C]{_D})")


def _digits(s: str) -> str:
    return s.translate(_DIGITS)


def check(doc, settings):
    text = doc.text
    if not any(map(str.isdigit, text)):
        return
    lines = [(line, ar) for line, ar in zip(doc.lines, doc.arabic_lines) if _has_digit(line[2])]
    if not lines:
        return
    yield from _reversed(doc, lines)
    yield from _dots(doc, lines)
    yield from _arabic_commas(doc, lines)
    yield from _broken_groups(doc, lines)


def _broken_groups(doc, lines):
    for (ls, le, body), arabic in lines:
        if "," not in body and "\u066C" not in body:
            continue
        for m in _BROKEN_GROUP.finditer(body):
            s, e = ls + m.start("n"), ls + m.end("n")
            n = m.group("n")
            if doc.overlaps_skip(s, e) or re.match(rf"{_D}{{4}}[,\u066C]", n) and re.match(r"(?:1[89]|20)\d\d", _digits(n)):
                continue  # `2020,100`: a year, then a list (or a lost space)
            sep = next(c for c in n if c in ",\u066C")
            digits = re.sub(r"[,\u066C]", "", n)
            head, groups = len(digits) % 3 or 3, []
            groups = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
            yield RULE.finding(s, e, f"digit groups broken in {quote(n)}: a group before «{sep}» has more than three digits",
                               Fix.replace(s, e, sep.join(groups), DISPLAY))


# 3. the Arabic comma between digit groups (`250،000`): `،` separates words in a list, never
# thousands (`٬` or `,` do); a list of numbers has a space after it (`1، 2`)
_AR_COMMA_GROUPS = lazy_re(rf"(?<![\w.,\u060C\u066B\u066C])(?P<n>{_D}{{1,3}}(?:\u060C{_D}{{3}})+)(?!{_D}|[.,\u060C\u066B]{_D})")


def _arabic_commas(doc, lines):
    for (ls, le, body), arabic in lines:
        if "\u060C" not in body:
            continue
        for m in _AR_COMMA_GROUPS.finditer(body):
            s, e = ls + m.start("n"), ls + m.end("n")
            if doc.overlaps_skip(s, e):
                continue
            yield RULE.finding(s, e, f"the Arabic comma «،» groups thousands in {quote(m.group('n'))}: "
                                     f"it separates list items; use «,» or «٬»",
                               Fix.replace(s, e, m.group("n").replace("\u060C", ","), DISPLAY))


def _has_digit(s: str) -> bool:
    return re.search(_D, s) is not None


def _reversed(doc, lines):
    for (ls, le, body), arabic in lines:
        if not arabic or " " not in body:
            continue
        seen = set()
        for m in [*_REVERSED.finditer(body), *_REVERSED_ZERO.finditer(body)]:
            first, last = _digits(m.group("first")), _digits(m.group("last"))
            if not (first.startswith("0") or len(last) < 3) or m.span("n") in seen:
                continue
            seen.add(m.span("n"))
            s, e = ls + m.start("n"), ls + m.end("n")
            if doc.overlaps_skip(s, e):
                continue
            groups = re.split(_SP, m.group("n"))
            yield RULE.finding(s, e, f"thousands groups stored in reverse order in {quote(m.group('n'))}: it shows "
                                     f"right only inside right-to-left text, and reads, copies and compares wrong",
                               Fix.replace(s, e, ",".join(reversed(groups)), DISPLAY))


def _evidence(doc, lines, arabic: bool) -> str | None:
    """How else this text's lines of one language write thousands or decimals, if at all."""
    for (ls, le, body), ar in lines:
        if ar != arabic:
            continue
        for pattern, what in ((_COMMA_GROUPS, "groups thousands with a comma"),
                              (_SPACE_GROUPS, "groups thousands with a space"),
                              (_WORD_THOUSANDS, "writes thousands as «ألف»")):
            m = pattern.search(body)
            if m and not doc.overlaps_skip(ls + m.start(), ls + m.end()):
                return f"this text also {what} ({quote(m.group(), 20)})"
        if arabic:
            for m in _DECIMAL_DOT.finditer(body):
                if not doc.overlaps_skip(ls + m.start(), ls + m.end()):
                    return f"this text also uses «.» as the decimal point ({quote(m.group(), 20)})"
    return None


def _dots(doc, lines):
    evidence: dict[bool, str | None] = {}
    for (ls, le, body), arabic in lines:
        if "." not in body:
            continue
        for m in _DOT.finditer(body):
            n = m.group("n")
            groups = _digits(n).split(".")
            if groups[0] == "0" or (len(groups) == 4 and all(int(g) <= 255 for g in groups)):
                continue  # 0.125; an IP address
            after = m.end()  # matched from here: a slice copied the rest of a long line per figure
            if _SCALE_OR_UNIT.match(body, after) and (arabic or not _FUNCTION_WORD.match(body, after)):
                continue
            s, e = ls + m.start("n"), ls + m.end("n")
            if doc.overlaps_skip(s, e):
                continue
            if arabic not in evidence:
                evidence[arabic] = _evidence(doc, lines, arabic)
            why = evidence[arabic]
            if arabic:
                if why is None:
                    continue  # a consistent house style
            elif len(groups) > 2 or (groups[1] == "000" and int(groups[0]) >= 10):
                why = "in English «.» is the decimal point"
            elif why is not None and "comma" in why and not _NOT_COUNTED.match(body, after) and (
                    _LOWER_WORD.match(body, after) or int(_digits(groups[0])) >= 10):
                pass  # `128.948, with 15.887, and 21,815`: the text groups its other figures with commas
            else:
                if not _COUNTED.match(body, after) or _NOT_COUNTED.match(body, after):
                    continue
                why = "what it counts comes in whole numbers"  # `8.866 cases`
            sep = "," if not arabic or "comma" not in why else _comma_of(doc, lines)
            yield RULE.finding(s, e, f"{quote(n)} groups thousands with «.»; {why}",
                               Fix.replace(s, e, n.replace(".", sep), DISPLAY))


def _comma_of(doc, lines) -> str:
    for (_, _, body), ar in lines:
        if ar:
            m = _COMMA_GROUPS.search(body)
            if m:
                return next(c for c in m.group() if c in ",\u066C")
    return ","
