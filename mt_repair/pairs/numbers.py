"""Numbers and dates in Arabic and English sentences, as comparable values.

Arabic: Western, Arabic-Indic (٠-٩) and Persian (۰-۹) digits; `٫` decimal and `٬`
thousands separators; scale words (ألف، مليون، مليار، تريليون with their plurals and
accusatives); duals (ملياري، مليونين، ألفين، يومين، شهرين، مرتين…); number words up to
the hundreds, compounds (خمسة وعشرين) and teens (ثلاثة عشر); percentages (٪ % في المئة).
English: digits with `,` thousands and `.` decimals, `bn`/`m` suffixes, scale words
(a million, 1.5 billion), number words, ordinals (21st), percentages.

Each Quantity says whether it may be reported on its own (`reportable`): digits, and
Arabic words that cannot be read another way. Ambiguous Arabic words (`تسع` is also
"holds") and all English number words (`two` renders any Arabic dual, `one` is also a
pronoun) still match a number on the other side, but are never reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mt_repair.text import AR_LETTER, AR_LETTER_RE

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_D = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
# 1,500 ٣٫٥ 30 000 (space-grouped thousands) 14½ 7:55
_NUM = rf"{_D}{{1,3}}(?:[ \u00A0\u202F]{_D}{{3}})+(?!{_D})|{_D}+(?:[.,\u066B\u066C:]{_D}+)*[½¼¾]?"
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_NOT_AR = rf"(?<![{AR_LETTER}])"
_END_AR = rf"(?![{AR_LETTER}])"
_CLITIC = "(?:[وف]?[بل]?(?:ال)?)"


@dataclass(frozen=True)
class Quantity:
    value: float
    start: int
    end: int
    text: str
    reportable: bool = True
    ordinal: bool = False
    also: tuple[float, ...] = ()  # other readings (`76.000` is 76 or 76,000)
    kind: str = ""  # "time" (a clock time), "words" (spelled out), "reversed" (`866 8`), "" (digits)

    @property
    def values(self) -> tuple[float, ...]:
        return (self.value, *self.also)

    def same(self, other: "Quantity") -> bool:
        if any(_close(a, b) for a in self.values for b in other.values):
            return True
        # a phone or reference number grouped differently (116123 / 116 123); not a figure
        # with a scale word, whose digits are not its value (`300 ألف` is no 30,000)
        if "reversed" in (self.kind, other.kind):
            return False
        d1, d2 = _digits(self.text), _digits(other.text)
        return min(len(d1), len(d2)) >= 2 and max(len(d1), len(d2)) >= 5 and (d1 in d2 or d2 in d1) \
            and _as_written(d1, self) and _as_written(d2, other)


def _as_written(digits: str, q: Quantity) -> bool:
    """Is the quantity its digits, grouped some way (no scale word, sign or suffix)?"""
    return any(_close(float(digits), v) for v in q.values) or \
        re.fullmatch(r"[\d\s.,:\u0660-\u0669\u06F0-\u06F9\u066B\u066C]+", q.text) is not None


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text.translate(_DIGITS))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


def parse_digits(raw: str) -> tuple[float, ...]:
    """Readings of a digit string: `1,500` `1.5` `3,5` `٣٫٥` `١٬٢٠٠` `1.500.000` `30 000`
    `14½` `7:55` (7.55); two readings where `.`/`,` before three digits is ambiguous."""
    s = raw.translate(_DIGITS)
    extra = 0.0
    if s[-1] in _FRACTIONS:
        s, extra = s[:-1], _FRACTIONS[s[-1]]
    s = re.sub(r"[ \u00A0\u202F]", "", s)
    if ":" in s:
        h, _, m = s.partition(":")
        if ":" in m or not h.isdigit() or not m.isdigit():
            return ()
        return (int(h) + int(m) / 100,)
    if "\u066B" in s or "\u066C" in s:
        s = s.replace("\u066C", "").replace("\u066B", ".")
        return _num(s, extra)
    seps = [c for c in s if c in ".,"]
    if not seps:
        return _num(s, extra)
    groups = re.split(r"[.,]", s)
    grouped = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
    if len(set(seps)) == 2:  # 1,500.25 or 1.500,25
        whole, frac = s[:max(s.rfind("."), s.rfind(","))], s[max(s.rfind("."), s.rfind(",")) + 1:]
        return _num(re.sub(r"[.,]", "", whole) + "." + frac, extra)
    if len(seps) > 1:
        return _num(s.replace(seps[0], ""), extra) if grouped else ()
    if grouped:  # one separator before three digits: thousands or decimals
        return _num(s.replace(seps[0], ""), extra) + _num(s.replace(seps[0], "."), extra)
    return _num(s.replace(",", "."), extra)


def is_clock(raw: str) -> bool:
    """`09:45`, `٢١:٠٠`, `7:30`: hours 0-24 and two-digit minutes (not `1:1000`, `2:255`)."""
    m = re.fullmatch(r"(\d{1,2}):(\d\d)", raw.translate(_DIGITS))
    return m is not None and int(m.group(1)) <= 24 and int(m.group(2)) <= 59


def _num(s: str, extra: float = 0.0) -> tuple[float, ...]:
    try:
        return (float(s) + extra,)
    except ValueError:
        return ()


# -- Arabic -----------------------------------------------------------------------------
_AR_SCALE = {
    "ألف": 1e3, "آلاف": 1e3, "ألفا": 1e3, "الف": 1e3, "الاف": 1e3,
    "مليون": 1e6, "ملايين": 1e6, "مليونا": 1e6, "مليار": 1e9, "مليارات": 1e9, "مليارا": 1e9,
    "بليون": 1e9, "تريليون": 1e12, "تريليونات": 1e12, "ترليون": 1e12,
}
_AR_DUAL = {  # two of something: the number 2 in English ("two days", "twice")
    **{w: 2e3 for w in ("ألفين", "ألفان", "ألفي", "الفين")},
    **{w: 2e6 for w in ("مليونين", "مليونان", "مليوني")},
    **{w: 2e9 for w in ("مليارين", "ملياران", "ملياري")},
    **{w: 2.0 for w in ("يومين", "يومان", "شهرين", "شهران", "عامين", "عامان", "سنتين", "سنتان",
                        "أسبوعين", "أسبوعان", "ساعتين", "ساعتان", "دقيقتين", "مرتين", "مرتان",
                        "دولارين", "شخصين", "طفلين", "جنديين", "قتيلين")},
}
_AR_DUAL.update({w: 200.0 for w in ("مئتين", "مئتان", "مائتين", "مائتان", "مئتي", "مائتي")})
_AR_UNITS = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "إثنين": 2,
    "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "اربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
    "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
}
_AR_TENS = {"عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
            "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
            "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90}
_AR_HUNDREDS = {"مئة": 100, "مائة": 100, **{f"{u}{h}": n * 100 for u, n in
                (("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("تسع", 9))
                for h in ("مئة", "مائة")}}
_AR_WORDS = {**_AR_UNITS, **_AR_TENS, **_AR_HUNDREDS}
_AR_PERCENT = re.compile(r"\s*(?:[٪%]|(?:في\s+)?(?:ال|بال)ما?ئة)")


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_AR_DIGIT_RE = re.compile(rf"(?<!{_D})({_NUM})(?:\s*({_alt(_AR_SCALE)}){_END_AR})?")
_LATIN_NEXT = re.compile(r"[A-Za-z](?=[0-9])")
_AR_WORD_RE = re.compile(
    rf"{_NOT_AR}{_CLITIC}(?P<w1>{_alt(_AR_WORDS)})(?:\s+(?P<teen>عشر|عشرة){_END_AR}"
    rf"|\s+و(?P<w2>{_alt(_AR_TENS)}))?{_END_AR}(?:\s*(?P<scale>{_alt(_AR_SCALE)}){_END_AR})?")
_AR_TEEN_12 = re.compile(rf"{_NOT_AR}{_CLITIC}(?:اثنا|اثني|اثنتا|اثنتي)\s+عشرة?{_END_AR}")
_AR_TEEN_11 = re.compile(rf"{_NOT_AR}{_CLITIC}(?:أحد|احد|إحدى|احدى)\s+عشرة?{_END_AR}")  # not أحد alone: "one"
_AR_DUAL_RE = re.compile(rf"{_NOT_AR}{_CLITIC}(?P<w>{_alt(_AR_DUAL)}){_END_AR}")
_AR_ORDINALS = {}
for _n, _stems in enumerate((("أول", "أولى", "حادي", "حادية"), ("ثاني", "ثانية"), ("ثالث", "ثالثة"),
                            ("رابع", "رابعة"), ("خامس", "خامسة"), ("سادس", "سادسة"), ("سابع", "سابعة"),
                            ("ثامن", "ثامنة"), ("تاسع", "تاسعة"), ("عاشر", "عاشرة")), 1):
    for _w in _stems:
        _AR_ORDINALS["ال" + _w] = _n
# الأول 1st, الثالثة عشرة 13th, الحادي والعشرين 21st (ordinals need the article)
_AR_ORDINAL_RE = re.compile(
    rf"{_NOT_AR}(?:[وف]?[بل]?)(?P<o>{_alt(_AR_ORDINALS)})(?:\s+(?P<teen>عشر|عشرة){_END_AR}"
    rf"|\s+وال(?P<tens>{_alt(_AR_TENS)}))?{_END_AR}")
_AR_HALF = re.compile(rf"{_NOT_AR}(?:[وف]?[بل]?)(?:ال)?نصف{_END_AR}")
_AR_BARE_SCALE = re.compile(rf"{_NOT_AR}{_CLITIC}(?P<w>مليون|مليار|تريليون|ألف){_END_AR}")


class _Found:
    """Quantities found so far; patterns run from most to least specific, so a later
    match that overlaps an earlier one is dropped."""

    def __init__(self) -> None:
        self.quantities: list[Quantity] = []

    def add(self, q: Quantity) -> None:
        if not any(p.start < q.end and q.start < p.end for p in self.quantities):
            self.quantities.append(q)

    def in_order(self) -> list[Quantity]:
        return sorted(self.quantities, key=lambda q: q.start)


_AR_COMMA_NUMBER = re.compile(rf"(?<!{_D}|[\u060C,.]){_D}{{1,3}}\u060C(?:{_D}{{3}}|{_D}{{1,2}})(?!{_D}|\u060C{_D})")


# digit groups written low to high (`866 8` for 8,866, `000 3` for 3,000), a habit of
# UN-corpus MT: the number is there, backwards (NU001 reports the order)
_AR_REVERSED_GROUPS = re.compile(
    rf"(?<!{_D}|[.,\u066B\u066C]){_D}{{3}}(?:[ \u00A0\u202F]{_D}{{3}})*[ \u00A0\u202F](?![0\u0660\u06F0]){_D}{{1,2}}"
    rf"(?!{_D}|[.,\u066B\u066C]{_D})")
_SPACE = re.compile(r"[ \u00A0\u202F]")


def _reversed_groups(raw: str) -> float:
    return float("".join(reversed(_SPACE.split(raw.translate(_DIGITS)))))


def arabic_numbers(text: str) -> list[Quantity]:
    found = _Found()
    add = found.add
    for m in _AR_REVERSED_GROUPS.finditer(text):
        # the number it reverses, compared by value only (`866 866 8` holds the digits of
        # 8,866 but is not it); not reported itself (NU001 has its span), so a source number
        # it does not equal is reported as missing
        add(Quantity(_reversed_groups(m.group()), m.start(), m.end(), m.group(), reportable=False,
                     kind="reversed"))
    # `10،30`, `80،000`: the Arabic comma typed between digits stands for `,` (same length,
    # so offsets hold); `2019،2020` and `1، 2` stay two numbers
    scan = _AR_COMMA_NUMBER.sub(lambda m: m.group().replace("\u060C", ","), text) if "\u060C" in text else text

    for m in _AR_DIGIT_RE.finditer(scan):
        values = parse_digits(m.group(1))
        if not values or _LATIN_NEXT.search(text, max(0, m.start() - 1), m.start() + 1) \
                or (m.end(1) < len(text) and re.match(r"[A-Za-z]", text[m.end(1)])):
            continue  # `F125`, `SS19`, `247sports`: part of a name, copied as is
        if m.start() >= 2 and text[m.start() - 1] == "-" and AR_LETTER_RE.match(text, m.start() - 2):
            # the number of a name (`كوف-2`, `كوفيد-19`, `إف-16`): no scale word after it
            # applies to it (`سارس كوف-2 مليون إصابة` is not two million), and it only matches
            add(Quantity(values[0], m.start(), m.end(1), m.group(1), reportable=False, also=values[1:]))
            continue
        if not m.group(2) and re.fullmatch(rf"{_D}{{3}}(?:[ \u00A0\u202F]{_D}{{3}})+", m.group(1)):
            values += (_reversed_groups(m.group(1)),)  # `456 123`: maybe 123,456 backwards
        scale = _AR_SCALE[m.group(2)] if m.group(2) else 1
        values = tuple(v * scale for v in values)
        end = m.end()
        pm = _AR_PERCENT.match(text, end)
        clock = is_clock(m.group(1))
        if clock:  # 21:45 is also 9.45 (pm), 09:45 also 21.45
            h = int(values[0])
            values += tuple(v + values[0] - h for v in sorted({h % 12, h % 12 + 12} - {h}))
        # a clock time is reported (`٠٩:٤٥` against `10:15`); other `a:b` (ratios, verses) only match
        add(Quantity(values[0], m.start(), pm.end() if pm else end, text[m.start():end],
                     ":" not in m.group(1) or clock, also=values[1:], kind="time" if clock else ""))
    for m in _AR_ORDINAL_RE.finditer(text):
        v = _AR_ORDINALS[m.group("o")] + (10 if m.group("teen") else 0)
        v += _AR_TENS[m.group("tens")] if m.group("tens") else 0
        add(Quantity(float(v), m.start("o"), m.end(), m.group(), reportable=False, ordinal=True))
    for m in _AR_TEEN_12.finditer(text):
        add(Quantity(12, m.start(), m.end(), m.group(), kind="words"))
    for m in _AR_TEEN_11.finditer(text):
        add(Quantity(11, m.start(), m.end(), m.group(), kind="words"))
    for m in _AR_WORD_RE.finditer(text):
        w1 = m.group("w1")
        if w1 in ("اثنين", "إثنين") and text[max(0, m.start("w1") - 2):m.start("w1")] == "ال":
            continue  # الاثنين is Monday
        v = float(_AR_WORDS[w1])
        if m.group("teen"):
            v += 10
        if m.group("w2"):
            v += _AR_TENS[m.group("w2")]
        if m.group("scale"):
            v *= _AR_SCALE[m.group("scale")]
        # words only match: `ثلاث مرات` may be "tripled", `القرن العشرين` an ordinal; a
        # compound (`ثلاث عشرة`, `خمسة وعشرين`) cannot be read otherwise and is compared
        # with number words on the English side (PR002)
        add(Quantity(v, m.start("w1"), m.end(), m.group(), reportable=False,
                     kind="words" if m.group("teen") or m.group("w2") else ""))
    for m in _AR_DUAL_RE.finditer(text):
        add(Quantity(_AR_DUAL[m.group("w")], m.start("w"), m.end(), m.group("w"), reportable=False))
    for m in _AR_HALF.finditer(text):  # النصف: half, or 50 percent
        add(Quantity(0.5, m.start(), m.end(), m.group(), reportable=False, also=(50.0,)))
    for m in _AR_BARE_SCALE.finditer(text):  # `مليار دولار`: one billion
        add(Quantity(_AR_SCALE[m.group("w")], m.start("w"), m.end(), m.group("w"), reportable=False))
    return found.in_order()


# -- English ----------------------------------------------------------------------------
_EN_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_EN_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
            if w != "_"}
_EN_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
             "bn": 1e9, "mn": 1e6, "m": 1e6, "tn": 1e12, "k": 1e3}
_EN_WORD_SCALE = {k: v for k, v in _EN_SCALE.items() if len(k) > 2}
# (continental grouping, `1.250.000`, is read whole: it is one figure, grouped wrongly)
_EN_NUM = r"\d+(?:,\d{3})+(?:\.\d+)?[½¼¾]?|\d{1,3}(?:\.\d{3}){2,}(?![.\d])|\d+(?:[.:]\d+)?[½¼¾]?"
_EN_DIGIT_RE = re.compile(
    rf"(?<![\w.])(?<!\d,)(?P<n>{_EN_NUM})(?:(?P<ord>st|nd|rd|th)|(?P<decade>(?<=0)['’]?s))?"
    rf"(?:\s?(?P<scale>{_alt(_EN_SCALE)})|(?P<ampm>\s?[ap]\.?m\b\.?))?(?![\w])", re.I)
_EN_WORD_RE = re.compile(
    rf"\b(?:(?P<t>{_alt(_EN_TENS)})(?:[- ](?P<u1>{_alt(_EN_UNITS)}))?|(?P<u>{_alt(_EN_UNITS)}))"
    rf"(?:\s+(?P<scale>{_alt(_EN_WORD_SCALE)}))?\b", re.I)
_EN_A_SCALE = re.compile(rf"\b(?:a|one)\s+(?P<scale>{_alt(_EN_WORD_SCALE)})\b", re.I)
_EN_OTHER = {"twice": 2.0, "double": 2.0, "both": 2.0, "pair of": 2.0, "couple of": 2.0, "decade": 10.0,
             "dozen": 12.0, "half": 0.5, "first": 1.0, "second": 2.0, "third": 3.0}
_EN_OTHER_RE = re.compile(rf"\b(?:{_alt(_EN_OTHER)})\b", re.I)
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_TIME_AFTER = re.compile(r"\s?(?:[ap]\.?m\b\.?|GMT|BST|UTC)", re.I)
_NAME_BEFORE = re.compile(rf"(?<![.!?:]\s)(?<!^)\b(?!(?:{_MONTH_NAMES})\b)[A-Z][A-Za-z]*\s$")


_ROMAN = r"(?:XX|X{0,1}(?:IX|IV|V?I{0,3}))"
_EN_ROMAN_RE = re.compile(
    rf"\b(?i:type|phase|class|grade|stage|level|category|war|chapter|part|article|section|title|volume|"
    rf"schedule|tier|wave|division)[\s-]+(?P<r>(?=[IVX]){_ROMAN}\b(?:\s*(?:,|and|or|to|-|–)\s*(?:(?i:type|phase)-?)?"
    rf"(?=[IVX]){_ROMAN}\b)*)")


def _roman(r: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10}
    total = 0
    for a, b in zip(r, r[1:] + " "):
        total += -vals[a] if b != " " and vals[b] > vals[a] else vals[a]
    return total


def english_numbers(text: str) -> list[Quantity]:
    found = _Found()
    add = found.add

    for m in _EN_DIGIT_RE.finditer(text):
        raw = m.group("n")
        values = parse_digits(raw) if ("." in raw or ":" in raw or raw[-1] in _FRACTIONS) \
            else _num(raw.replace(",", ""))
        if not values:
            continue
        end = m.end()
        if m.group("decade"):  # the 1930s: matches 1930, never reported on its own
            add(Quantity(values[0], m.start(), end, text[m.start():end], reportable=False))
            continue
        scale = (m.group("scale") or "").lower()
        if scale in ("m", "k") and not re.search(r"[$€£]\s*$", text[:m.start()]):
            scale, end = "", m.start("n") + len(raw)  # `5m` is five million after a currency sign only
        if scale:
            values = tuple(v * _EN_SCALE[scale] for v in values)
        before, after = text[:m.start()], text[end:]
        reportable = not (
            m.group("ord")
            or ":" in raw or m.group("ampm") or _TIME_AFTER.match(after)  # 7.55am, 04:00 BST
            or before.endswith(("-", "'", "’")) or after.startswith("-")  # 6-foot-6, 2-2, '53
            or re.search(rf"\b(?:{_MONTH_NAMES})\.?\s$", before)  # March 15: Arabic writes ordinals
            or re.match(rf"\s(?:{_MONTH_NAMES})\b", after)
            or _NAME_BEFORE.search(before)  # Radio 4, Nord Stream 2: part of a name
        )
        yr = re.search(r"(\d\d)\d\d[-–]$", before)
        if yr and len(raw) == 2:
            values += (float(yr.group(1) + raw),)  # 1950-53
        clock = m.group("ampm") or (":" in raw and is_clock(raw))
        if re.fullmatch(r"\d{4}", raw) and int(raw[:2]) <= 24 and int(raw[2:]) <= 59 \
                and re.match(r"\s?(?:GMT|BST|UTC|hours?\b|hrs\b)", after):
            values += (int(raw[:2]) + int(raw[2:]) / 100,)  # 0945 GMT
            clock = True
        add(Quantity(values[0], m.start(), end, text[m.start():end], reportable, bool(m.group("ord")),
                     also=values[1:], kind="time" if clock else ""))
    for m in _EN_A_SCALE.finditer(text):
        add(Quantity(_EN_SCALE[m.group("scale").lower()], m.start(), m.end(), m.group(), reportable=False))
    for m in _EN_WORD_RE.finditer(text):
        if m.group("t"):
            v = float(_EN_TENS[m.group("t").lower()] + (_EN_UNITS[m.group("u1").lower()] if m.group("u1") else 0))
        else:
            v = float(_EN_UNITS[m.group("u").lower()])
        if m.group("scale"):
            v *= _EN_SCALE[m.group("scale").lower()]
        # English number words only match: `two` is how English renders any Arabic dual
        add(Quantity(v, m.start(), m.end(), m.group(), reportable=False, kind="words"))
    for m in _EN_ROMAN_RE.finditer(text):  # type-I and type-II, Phase III: only match
        for r in re.finditer(rf"\b(?=[IVX]){_ROMAN}\b", m.group()):
            if r.start() >= m.start("r") - m.start():
                add(Quantity(float(_roman(r.group())), m.start() + r.start(), m.start() + r.end(), r.group(),
                             reportable=False))
    for m in _EN_OTHER_RE.finditer(text):
        add(Quantity(_EN_OTHER[m.group().lower()], m.start(), m.end(), m.group(), reportable=False))
    return found.in_order()


# -- dates ------------------------------------------------------------------------------
MONTHS_EN = ("January February March April May June July August September October November December").split()
_AR_MONTHS = [
    ("يناير", "كانون الثاني"), ("فبراير", "شباط"), ("مارس", "آذار"), ("أبريل", "ابريل", "إبريل", "نيسان"),
    ("مايو", "أيار"), ("يونيو", "يونيه", "حزيران"), ("يوليو", "يوليه", "تموز"), ("أغسطس", "اغسطس", "آب"),
    ("سبتمبر", "أيلول"), ("أكتوبر", "اكتوبر", "تشرين الأول"), ("نوفمبر", "تشرين الثاني"),
    ("ديسمبر", "كانون الأول"),
]
_AR_MONTH_OF = {w: i for i, forms in enumerate(_AR_MONTHS) for w in forms}
WEEKDAYS_EN = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_AR_WEEKDAY_OF = {"الإثنين": 0, "الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3,
                  "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6}
_DIGITS_NEAR = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
# months count only next to a day or a year: `مارس` is also "he practised", `May` a verb
_AR_MONTH_RE = re.compile(
    rf"(?:(?<={_DIGITS_NEAR})|(?<={_DIGITS_NEAR}\s)){_CLITIC}?(?P<a>{_alt(_AR_MONTH_OF)}){_END_AR}"
    rf"|{_NOT_AR}{_CLITIC}(?P<b>{_alt(_AR_MONTH_OF)}){_END_AR}(?=\s*(?:/\s*\S+\s*)?{_DIGITS_NEAR})")
_EN_MONTH_RE = re.compile(
    rf"(?:(?<=\d)\s|(?<=\d))(?P<a>{'|'.join(MONTHS_EN)})\b|\b(?P<b>{'|'.join(MONTHS_EN)})\.?(?=\s*\d)")
# a weekday needs `يوم` before it or no article ambiguity: الأحد/الاثنين alone can mean "the one/two"
_AR_WEEKDAY_RE = re.compile(
    rf"{_NOT_AR}(?:(?P<yawm>(?:[وف]?[بل]?)?(?:يوم|صباح|مساء|ليلة|فجر)\s+)|[وف])?(?P<d>{_alt(_AR_WEEKDAY_OF)}){_END_AR}")
_EN_WEEKDAY_RE = re.compile(rf"\b(?P<d>{'|'.join(WEEKDAYS_EN)})\b")


def arabic_month_spans(text: str) -> list[tuple[int, tuple[int, int]]]:
    """(month 0-11, span of its name) of each Arabic month name next to a day or year."""
    return [(_AR_MONTH_OF[m.group("a") or m.group("b")], m.span("a") if m.group("a") else m.span("b"))
            for m in _AR_MONTH_RE.finditer(text)]


def arabic_months(text: str) -> set[int]:
    return {n for n, _ in arabic_month_spans(text)}


def english_months(text: str) -> set[int]:
    return {MONTHS_EN.index(m.group("a") or m.group("b")) for m in _EN_MONTH_RE.finditer(text)}


def arabic_weekday_spans(text: str) -> list[tuple[int, tuple[int, int]]]:
    """(weekday 0-6 from Monday, span of its name) of each Arabic weekday."""
    out = []
    for m in _AR_WEEKDAY_RE.finditer(text):
        d = m.group("d")
        if d in ("الأحد", "الاحد", "الاثنين", "الإثنين") and not m.group("yawm"):
            continue
        out.append((_AR_WEEKDAY_OF[d], m.span("d")))
    return out


def arabic_weekdays(text: str) -> set[int]:
    return {n for n, _ in arabic_weekday_spans(text)}


def english_weekdays(text: str) -> set[int]:
    return {WEEKDAYS_EN.index(m.group("d")) for m in _EN_WEEKDAY_RE.finditer(text)}
