"""RP009 parenthetical-echo: a bracketed gloss that only repeats the words before it, or an item printed twice with its gloss.

What: `the UK (UK)`, `Coronaviruses (coronaviruses)`, `منظمة الصحة العالمية (منظمة
الصحة العالمية)`, a parenthetical printed twice (`(WHO) (WHO)`), and an item printed
again with its gloss after a comma or a conjunction (`متلازمة نقص المناعة (الإيدز)
ومتلازمة نقص المناعة (الإيدز)`, `SARS (severe acute) and SARS (severe acute)`): a list
item and its acronym duplicated. The words inside the
brackets are compared with the same number of words just before them, ignoring case,
tashkeel and alef forms.
Not flagged: a gloss in another script or spelling (`كوفيد-19 (COVID-19)`, `المملكة
المتحدة (UK)`), an expansion or a different acronym (`WHO (World Health Organization)`),
citations (`Smith (Smith, 2010)`), numbers and single letters (`(2) (2)`, `(a)`), and
anything in code or a URL.
Why: a source that glosses a term in brackets (`المملكة المتحدة (يو كيه)`) is translated
twice into the same words; decoders also copy a bracketed acronym twice. The reader sees
a gloss that explains nothing.
Example: `cases in the UK (UK) and Italy` -> `cases in the UK and Italy`.
Fix: unsafe. The bracketed copy and the space before it are removed; the brackets may
have glossed something the translation lost.
"""


from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import UNSAFE, WARNING, Rule, quote
from mt_repair.rules.rp001_repeated_word import _T, normalize
from mt_repair.types import Fix

RULE = Rule("RP009", "parenthetical-echo", "repetition", WARNING, __doc__)

_PAREN = lazy_re(r"\(([^()\n]{1,80})\)")
_TOKEN = lazy_re(_T)
_LETTERS = lazy_re(r"[^\W\d_]{2}")


# between two copies of a glossed item: a comma and/or a conjunction (`و` may be glued)
_LINK = lazy_re(r"[ \t]*[،,]?[ \t]*(?:(?:and|or|أو|او)[ \t]+|و(?=[^\W\d_]))?")


def _glossed_twice(text, m, line_start, line_end):
    """`X (Y) وX (Y)`: an item with its gloss printed again right after it, as list items
    and acronyms duplicated by a decoder (`متلازمة نقص المناعة (الإيدز) ومتلازمة نقص
    المناعة (الإيدز)`). Returns the span of the second copy (its link included), or None."""
    link = _LINK.match(text, m.end(), line_end)
    close = text.find(m.group(), link.end(), min(line_end, link.end() + 300))
    if not link.group() or close < 0:
        return None
    copy = _TOKEN.findall(text[link.end():close])
    if not copy or len(copy) > 8 or "".join(copy) != "".join(text[link.end():close].split()):
        return None  # the copy is words only
    before = _TOKEN.findall(text[max(line_start, m.start() - 32 * len(copy)):m.start()])
    first = [normalize(w) for w in before[-len(copy):]]
    again = [normalize(w) for w in copy]
    if first[1:] != again[1:] or not first or first[0] not in (again[0], "و" + again[0]):
        return None  # the first copy may carry its own `و` (`ومتلازمة … ومتلازمة`)
    return m.end(), close + len(m.group())


def check(doc, settings):
    text = doc.text
    if "(" not in text:
        return
    for m in _PAREN.finditer(text):
        # the line's bounds by bisection: a find/rfind per bracket is quadratic on one long line
        line_start, line_end = doc.line_span(doc.line_col(m.start())[0])
        span = _glossed_twice(text, m, line_start, line_end) if _LETTERS.search(m.group(1)) else None
        if span and not doc.overlaps_skip(*span):
            yield RULE.finding(span[0], span[1], f"item and its gloss printed twice: {quote(text[span[0]:span[1]].strip())}",
                               Fix.delete(span[0], span[1], UNSAFE))
            continue
        inner = _TOKEN.findall(m.group(1))
        if not inner or len(inner) > 8 or not _LETTERS.search(m.group(1)):
            continue
        if "".join(inner) != "".join(m.group(1).split()).strip(".,،;:").replace("’", "'") and \
                normalize(" ".join(inner)) != normalize(" ".join(m.group(1).split())):
            continue  # punctuation inside (`Smith, 2010`): not a bare echo of words
        before = text[max(line_start, m.start() - 300):m.start()]
        gap = len(before) - len(before.rstrip(" \t\u00A0"))
        head = before[:len(before) - gap]
        twice = head.endswith(")")  # `(WHO) (WHO)`
        if twice:
            if not head.endswith("(" + m.group(1) + ")"):
                continue
            start = m.start() - gap - len(m.group())
        else:
            words = [(w.start(), w.group()) for w in _TOKEN.finditer(head)]
            if len(words) < len(inner) or words[-1][0] + len(words[-1][1]) != len(head):
                continue
            tail = words[-len(inner):]
            if [normalize(w) for _, w in tail] != [normalize(w) for w in inner]:
                continue
            chunk = head[tail[0][0]:]
            if normalize(" ".join(chunk.split())) != normalize(" ".join(inner)):
                continue  # punctuation between the words before: not the same phrase
            start = m.start() - gap - len(chunk)
        if doc.overlaps_skip(start, m.end()):
            continue
        what = "parenthetical printed twice" if twice else "bracketed gloss repeats the words before it"
        yield RULE.finding(start, m.end(), f"{what}: {quote(m.group())}",
                           Fix.delete(m.start() - gap, m.end(), UNSAFE))
