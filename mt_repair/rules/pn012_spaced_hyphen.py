"""PN012 spaced-hyphen: a hyphenated name written with spaces around its hyphens (`سارس - كوف - 2`).

What: a name or code whose parts MT tokenisers have spaced apart (`سارس - كوف - 2`,
`كوفيد - 19`, `SARS - CoV - 2`, `للسارس - كوف`), where the same text writes it unspaced
elsewhere (`سارس-كوف-2`) or the glossary knows the unspaced form (with an Arabic
clitic before it: `للسارس-كوف`). Up to four parts, each one word.
Not flagged: a dash between clauses (`قال المتحدث - وهو طبيب - إن`, `children - some`):
the joined words are no name the text or the glossary knows; score lines (`38 - 17`);
date ranges (`31 يناير - 15 مارس`, a month among the parts);
code and URLs.
Why: a spaced hyphen breaks the name for search, the glossary and line breaking, and
reads as a dash.
Example: `وتكشف مقارنة سارس - كوف - 2 بغيره` (the article also writes `سارس-كوف-2`) ->
`وتكشف مقارنة سارس-كوف-2 بغيره`.
Fix: safe. Only the spaces around the hyphens go; the text's or the glossary's own form results.
"""

import re

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import SAFE, WARNING, Rule, quote
from mt_repair.types import Fix

RULE = Rule("PN012", "spaced-hyphen", "punctuation", WARNING, __doc__)

_PART = r"[^\W_](?:[^\W_]|[\u064B-\u0652])*"
_CHAIN = lazy_re(rf"(?<![\w\-])({_PART}(?:[ \t]+-[ \t]+{_PART}){{1,3}})(?![\w]|-\w)")
_CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك")
_HYPHENATED = lazy_re(rf"{_PART}(?:-{_PART})+")


def _month(word: str) -> bool:
    from mt_repair.pairs.numbers import _AR_MONTH_OF, MONTHS_EN

    w = word[1:] if word[:1] in "وب" and word[1:] in _AR_MONTH_OF else word
    return w in _AR_MONTH_OF or w.capitalize() in MONTHS_EN


def _key(s: str) -> str:
    return s.replace("-", "").replace(" ", "").casefold()


def _forms(joined: str):
    """The joined chain, and without an Arabic clitic on its first part."""
    yield joined
    for c in _CLITICS:
        if joined.startswith(c) and len(joined) > len(c) + 2 and "\u0621" <= joined[len(c)] <= "\u064A":
            yield joined[len(c):]


def _chains(doc):
    """_CHAIN's matches, searched only on lines with a spaced hyphen (a chain never
    spans lines), so the pattern is not tried at every word of the text."""
    text = doc.text
    for ls, le, line in doc.lines:
        if " -" in line or "\t-" in line:
            yield from _CHAIN.finditer(text, ls, le)


def check(doc, settings):
    text = doc.text
    if " - " not in text and "\t-" not in text:
        return
    glossary = None
    written = None
    for m in _chains(doc):
        parts = re.split(r"[ \t]+-[ \t]+", m.group(1))
        if all(p.isdigit() for p in parts) or doc.overlaps_skip(m.start(), m.end()):
            continue  # a score or a range: `38 - 17`
        if any(_month(p) for p in parts):
            continue  # a date range: `31 يناير - 15 مارس`, `January - 15 March`
        joined = "-".join(parts)
        if written is None:
            # a match never crosses white space: search only the tokens with a hyphen
            # (the words found one by one: text.split() of a big file held ~8 bytes an input byte)
            written = {t.casefold() for tok in re.finditer(r"(?<!\S)(?=\S*-)\S+", text)
                       for t in _HYPHENATED.findall(tok.group())}
            glossary = set()
            for e in settings.glossary.entries:
                for f in (e.ar, *e.ar_variants, e.en, *e.en_variants):
                    if "-" in f:
                        glossary.add(_key(f))
        known = next((f for f in _forms(joined) if f.casefold() in written or _key(f) in glossary), None)
        if known is None:
            continue
        why = "the text writes it unspaced elsewhere" if known.casefold() in written else "as the glossary writes it"
        yield RULE.finding(m.start(), m.end(), f"spaces around the hyphens of {quote(m.group(1))}: "
                                               f"{quote(joined)}, {why}",
                           Fix.replace(m.start(), m.end(), joined, SAFE))
