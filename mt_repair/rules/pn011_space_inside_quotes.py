"""PN011 space-inside-quotes: a space after an opening quote or before a closing one.

What: `قال " الوقت مناسب"`, `المعروف باسم "نوفونيا " أول`, `لـ " COVID-19 " ،`,
`وصفه بأنه “تاريخي “.`, `he called it " historic"`: MT tokenisers detach quotes
from the words they hold. In an Arabic line MT also closes a quotation with the opening
mark (`“تاريخي“`): a pair `“…“` gets its closing `”` (`”…”` and mixed pairs, which
Arabic typists write, are left as they are). In Arabic lines `“ ”` count as straight quotes, since Arabic
typing and MT use either mark in either role (`”عدو“`, `“تاريخي “`).
The quotes of a line are paired in order, and only a line whose pairing is certain is
looked at: an even number of straight (or, in Arabic, curly) quotes, none of them an
inch or seconds mark after a digit (`12" pipe`), and each pair holding at least one letter.
Not flagged: a line with an odd number of quotes (a quotation that runs on to the next
line; PN003 reports one never closed), guillemets (`« نص »` is a typesetting style),
single quotes (apostrophes).
In English lines `“ ”` are directional: an opening `“` pairs with the next `”` when no
curly mark stands between them (`there were “ no plans ” to`); so do they in an Arabic line
whose other quotes do not pair, when no straight quote stands inside the pair.
Example: `المعروف باسم " الالتهاب الرئوي غير النمطي " ، كان` ->
`المعروف باسم "الالتهاب الرئوي غير النمطي"، كان` (with PN001 for the comma).
Example: `قال إن الاتفاق “تاريخي “.` -> `قال إن الاتفاق “تاريخي”.`
Fix: safe. Only the spaces inside a certain pair go (after a colon or comma the space
moves before the opening quote: `قالت:" نعم"` -> `قالت: "نعم"`), and a closing `“` becomes
`”`; no other character changes.
"""


from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import SAFE, WARNING, Rule, quote
from mt_repair.types import Edit, Fix

RULE = Rule("PN011", "space-inside-quotes", "punctuation", WARNING, __doc__)

_SPACES = " \t\u00A0"
_LETTER = lazy_re(r"[^\W\d_]")


def quote_pairs(line: str, arabic: bool) -> list[tuple[int, int]] | None:
    """(open, close) indexes of the line's directionless quotes when their pairing is
    certain (an even count, no inch mark), else None. In Arabic lines `“ ”` are
    directionless too; a line that mixes straight and curly marks pairs them all."""
    marks = '"“”' if arabic else '"'
    idx = [i for i, ch in enumerate(line) if ch in marks] if any(m in line for m in marks) else []
    if not idx or len(idx) % 2:
        return None
    for i in idx:
        if i and line[i - 1].isdigit() and line[i] == '"':
            return None  # `12" pipe`: inches, not a quotation
    pairs = list(zip(idx[::2], idx[1::2]))
    if any(not _LETTER.search(line, o + 1, c) for o, c in pairs):
        return None  # `"" ` or a pair around punctuation only: not a quotation
    n = len(line)
    for o, c in pairs:
        # a mark glued on the outside and spaced on the inside is the other way round:
        # `…talks." He said: "Next…` closes one quotation and opens another
        if (o and not line[o - 1].isspace() and line[o - 1] not in "(:[" and line[o - 1] != "ـ"
                and o + 1 < n and line[o + 1].isspace()):
            return None
        if c + 1 < n and _LETTER.match(line, c + 1) and line[c - 1].isspace():
            return None
    return pairs


def curly_pairs(line: str) -> list[tuple[int, int]]:
    """(open, close) of English `“…”` pairs: an opening mark, then the next closing one with
    no curly mark between, holding a letter. Directional marks pair without counting."""
    pairs, o = [], None
    for i, ch in enumerate(line):
        if ch == "“":
            o = i
        elif ch == "”" and o is not None:
            inner = line[o + 1:i].strip(_SPACES)
            # `“He said ‘no’ ”`: a space between nested quotes is a typesetting choice
            if _LETTER.search(inner) and inner[:1] not in "‘'" and inner[-1:] not in "’'":
                pairs.append((o, i))
            o = None
    return pairs


def check(doc, settings):
    text = doc.text
    if '"' not in text and "“" not in text and "”" not in text:
        return
    for (ls, le, line), arabic in zip(doc.lines, doc.arabic_lines):
        pairs = quote_pairs(line, arabic)
        if "“" in line and (not arabic or pairs is None):
            # English; or an Arabic line whose straight quote runs on (`و"لا نية`): its
            # `“…”` pairs still pair, when no straight quote stands inside them
            curly = curly_pairs(line)
            if arabic:
                curly = [(o, c) for o, c in curly if '"' not in line[o:c]]
            pairs = sorted({*(pairs or ()), *curly})
        if not pairs:
            continue
        for o, c in pairs:
            a = o + 1
            while a < c and line[a] in _SPACES:
                a += 1
            b = c
            while b > a and line[b - 1] in _SPACES:
                b -= 1
            # `“تاريخي “`: MT closes with the opening mark; `“…“` is no convention (German
            # closes „ with “, never “ itself), so the closing mark is made `”`
            same = arabic and line[o] == line[c] == "“"
            if a == o + 1 and b == c and not same:
                continue
            if doc.overlaps_skip(ls + o, ls + c + 1):
                continue
            edits, where = [], []
            if a > o + 1:
                if o and line[o - 1] in ":،,؛":  # `قال:" نعم"`: the space belongs before the quote
                    edits.append(Edit(ls + o, ls + o, " "))
                edits.append(Edit(ls + o + 1, ls + a))
                where.append("after the opening quote")
            if b < c:
                edits.append(Edit(ls + b, ls + c))
                where.append("before the closing quote")
            message = f"space {' and '.join(where)}" if where else ""
            if same:
                edits.append(Edit(ls + c, ls + c + 1, "”"))
                message = (message + "; " if message else "") + "closing quote written as an opening one “"
            yield RULE.finding(ls + o, ls + c + 1, f"{message} in {quote(line[o:c + 1], 40)}",
                               Fix(tuple(edits), SAFE))
