"""NU004 mixed-digits: Western and Arabic-Indic (or Persian) digits mixed in one number or one Arabic paragraph.

What: a number whose digits come from two systems (`2٠20`, `727 ١`), and, in one
paragraph of Arabic text, numbers in both systems (`في ٢٠ كانون الثاني ... 30 إصابة`):
those in the system the text uses less are reported. Across the document, a paragraph
whose plain numbers are all in the other system (`عام ٢٠٢٠` in a text that writes its
other numbers `2019`, `15`, `30`; at least three of them) is reported once, listing them.
Real MT systems switch digit systems from segment to segment; no paragraph or document
of the 600 TICO-19 Arabic references or the 1,997 NTREX-128 Arabic lines mixes them.
A figure typeset with the Arabic decimal, thousands or percent sign (`٣٫٥ مليار`,
`١٬٢٠٠`, `١٢٪`) beside Western digits is a house style for figures, not reported.
In an English line, any number in Arabic-Indic or Persian digits (`rose to ١٢٣`): English
writes Western digits, and MT copies the source's.
Not flagged: digits that belong to a Latin name or code (`COVID-19`, `F-16`, `G20`, `5G`),
digits inside URLs and code, Arabic-Indic digits beside Arabic words in an English line
(a quoted Arabic phrase).
Why: the article looks assembled from pieces; readers and search see two spellings of
one figure.
Example: `وفي ٢٠ كانون الثاني أُبلغ عن 30 إصابة` -> the minority system rewritten.
Fix: a number in an English line: safe (Western digits, value unchanged). A number mixed within itself: safe (its digits rewritten in the text's main system,
values unchanged), unless its groups are separated by spaces (`2020 ١٥` may be two
numbers side by side): then unsafe. A number in the paragraph's other system, or a paragraph in the
document's other system: unsafe (the same rewrite, all of the paragraph's numbers at once).
"""

from __future__ import annotations


from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import SAFE, UNSAFE, WARNING, Rule, quote
from mt_repair.text import AR_LETTER
from mt_repair.types import Edit, Fix

RULE = Rule("NU004", "mixed-digits", "numbers", WARNING, __doc__)

_SYSTEMS = ("0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹")
_NAMES = ("Western", "Arabic-Indic", "Persian")
_NON_WESTERN = lazy_re("[\u0660-\u0669\u06F0-\u06F9]")
_WESTERN = lazy_re("[0-9]")
# one number: digits with grouping/decimal separators and space-grouped thousands
_NUMBER = lazy_re(r"(?<![A-Za-z\-\d])\d+(?:(?:[.,\u066B\u066C]|[ \u00A0\u202F](?=\d{3}(?!\d)|\d{1,3}(?!\d)))\d+)*(?![A-Za-z\d])")
_LATIN_NEAR = lazy_re(r"[A-Za-z]-?$")
_DOC_MIN = 3  # plain numbers in the main system before a paragraph in the other one is reported


def _system(ch: str) -> int:
    for i, digits in enumerate(_SYSTEMS):
        if ch in digits:
            return i
    return -1


def _convert(s: str, to: int) -> str:
    out = []
    for ch in s:
        k = _system(ch)
        out.append(_SYSTEMS[to][_SYSTEMS[k].index(ch)] if k >= 0 else ch)
    return "".join(out)


_AR_LETTER_NEAR = lazy_re(f"[{AR_LETTER}]")


def _in_english(doc, ls, body):
    """`rose to ١٢٣`: English writes Western digits; an Arabic-Indic figure is one the
    system copied from its source. Digits beside Arabic words (a quoted Arabic phrase) stay."""
    if not _NON_WESTERN.search(body):
        return
    for m in _NUMBER.finditer(body):
        n = m.group()
        if not _NON_WESTERN.search(n) or _AR_LETTER_NEAR.search(body, max(0, m.start() - 20), m.end() + 20):
            continue
        s, e = ls + m.start(), ls + m.end()
        if doc.overlaps_skip(s, e):
            continue
        yield RULE.finding(s, e, f"{quote(n)} in Arabic-Indic digits in English text",
                           Fix.replace(s, e, _convert(n, 0), SAFE))


def check(doc, settings):
    text = doc.text
    if not _NON_WESTERN.search(text):
        return
    numbers = []  # (start, end, text, systems used)
    for line_no, ((ls, le, body), arabic) in enumerate(zip(doc.lines, doc.arabic_lines)):
        if not any(c.isdigit() for c in body):
            continue
        if not arabic:
            yield from _in_english(doc, ls, body)
            continue
        for m in _NUMBER.finditer(body):
            if _LATIN_NEAR.search(body, max(0, m.start() - 2), m.start()):
                continue  # COVID-19, F-16: the digits of a Latin name
            s, e = ls + m.start(), ls + m.end()
            if doc.overlaps_skip(s, e):
                continue
            systems = {_system(c) for c in m.group() if c.isdigit()} - {-1}
            if not systems:
                continue  # digits of another script only (`\d` also takes `१२`): none of ours
            if len(systems) == 1 and ("\u066B" in m.group() or "\u066C" in m.group()):
                continue  # `٣٫٥`: typeset with the Arabic decimal sign, deliberately Arabic-Indic
            numbers.append((s, e, m.group(), systems, line_no))
    if not numbers:
        return
    counts = [sum(1 for *_, sy, _ in numbers if k in sy) for k in range(3)]
    main = max(range(3), key=lambda k: (counts[k], k == 0))  # ties go to Western digits
    # the document's house system: plain numbers only (`١٢٪` with the Arabic percent sign is typeset, like `٣٫٥`)
    plain_main = sum(1 for s, e, _, sy, _ in numbers if sy == {main} and text[e:e + 1] != "\u066A")
    by_line: dict[int, list] = {}
    for number in numbers:
        by_line.setdefault(number[4], []).append(number)
    for line_numbers in by_line.values():
        used = {k for *_, sy, _ in line_numbers for k in sy}
        for s, e, n, systems, _ in line_numbers:
            if len(systems) > 1:
                # `2020 ١٥` may be two numbers side by side: the conversion is safe only
                # for one number written without spaces (`2٠20`)
                safe = not any(c in n for c in " \u00A0\u202F")
                yield RULE.finding(s, e, f"{quote(n)} mixes {' and '.join(_NAMES[k] for k in sorted(systems))} digits",
                                   Fix.replace(s, e, _convert(n, main), SAFE if safe else UNSAFE))
            elif len(used) > 1 and main not in systems and main in used:
                k = next(iter(systems))
                yield RULE.finding(s, e, f"{quote(n)} in {_NAMES[k]} digits, beside {_NAMES[main]} digits "
                                         f"in the same paragraph", Fix.replace(s, e, _convert(n, main), UNSAFE))
        if len(used) == 1 and main not in used and plain_main >= _DOC_MIN and counts[min(used)] < plain_main:
            # a paragraph in the other system: one finding for the paragraph, one edit per number
            odd = [(s, e, n) for s, e, n, _, _ in line_numbers if text[e:e + 1] != "\u066A"]
            if odd:
                shown = "، ".join(n for _, _, n in odd[:5]) + ("…" if len(odd) > 5 else "")
                yield RULE.finding(odd[0][0], odd[-1][1],
                                   f"{_NAMES[min(used)]} digits ({shown}) in a text that writes its other "
                                   f"numbers in {_NAMES[main]} digits",
                                   Fix(tuple(Edit(s, e, _convert(n, main)) for s, e, n in odd), UNSAFE))
