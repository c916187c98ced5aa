"""PN003 unbalanced-quotes: reversed guillemets or brackets, and quotes or brackets left open.

What: `»نص«` (guillemets the wrong way round for Arabic), `)٢٠٢٠(` and `)٣,٠-٧,٢(`
(brackets mirrored, as MT and visual-order typing leave them in right-to-left text), a `«`, `“`, `(` or `"` that
is never closed, a `»`, `”` or `)` that closes nothing. Marks are balanced over the
whole text, since a quotation may run over several sentences. An odd number of
straight `"` is info only: a straight quote has no direction, so where the missing
one belongs cannot be told. In Arabic lines `“ ”` are not checked either: Arabic
keyboards produce them in either role (`”نص"`).
Not flagged: a paragraph that opens a quotation continued in the next paragraph
(news style opens each quoted paragraph and closes only the last).
A mirrored pair is one `)` that opens (after a space or at the start of a line) and one
`(` that closes (before a space, punctuation or the end of the line) with no bracket between.
Example: `قال: »لن نتراجع«` -> `قال: «لن نتراجع»`; `فترة الحضانة )٣-٧( أيام` ->
`فترة الحضانة (٣-٧) أيام`.
Fix: safe for reversed guillemets and mirrored brackets (the pair is swapped); none for a missing mark,
since only the editor knows where the quotation ends.
"""

import bisect
import re

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import INFO, SAFE, WARNING, Rule, quote
from mt_repair.types import Edit, Fix

RULE = Rule("PN003", "unbalanced-quotes", "punctuation", WARNING, __doc__)

_REVERSED = lazy_re(r"»([^«»\n]{1,400})«")
_MIRRORED = lazy_re(r"\)([^()\s](?:[^()\n]{0,200}[^()\s])?)\((?=[\s،؛:.,]|$)", re.M)
PAIRS = (("«", "»"), ("(", ")"), ("“", "”"))
_OPENERS = ('"', "«", "“")


def check(doc, settings):
    text = doc.text
    reversed_spans = []
    line_no, counted, balance = -1, 0, 0  # « minus » on the line so far, counted once (linear)
    for m in _REVERSED.finditer(text):
        # only when the pair is not the closing of one quotation and the opening of another
        n = doc.line_col(m.start())[0]
        if n != line_no:
            line_no, counted, balance = n, doc.line_starts[n - 1], 0
        balance += text.count("«", counted, m.start()) - text.count("»", counted, m.start())
        counted = m.start()
        if balance == 0:
            reversed_spans.append((m.start(), m.end()))
            yield RULE.finding(m.start(), m.end(), f"reversed guillemets in {quote(m.group(), 40)}",
                               Fix((Edit(m.start(), m.start() + 1, "«"), Edit(m.end() - 1, m.end(), "»")), SAFE))
    if ")" in text:
        for m in _MIRRORED.finditer(text):
            if m.start() > 0 and not text[m.start() - 1].isspace() or doc.in_skip(m.start()):
                continue  # the `)` must open: at the start of a line or after a space
            reversed_spans.append((m.start(), m.end()))
            yield RULE.finding(m.start(), m.end(), f"mirrored brackets in {quote(m.group(), 40)}",
                               Fix((Edit(m.start(), m.start() + 1, "("), Edit(m.end() - 1, m.end(), ")")), SAFE))
    inside = _Spans(reversed_spans)
    # Balance over the whole text, not per line: a quotation may run over several
    # sentences or lines. A paragraph that opens a quotation continued by the next
    # paragraph (news style) counts as closed at its end.
    lines = doc.lines
    for op, cl in PAIRS:
        if op not in text and cl not in text:
            continue
        stack = []
        for i, (ls, le, line) in enumerate(lines):
            if op == "“" and doc.arabic_lines[i]:
                continue  # Arabic typing uses ” and “ in either role; only «» are directional there
            if op not in line and cl not in line:
                pass
            else:
                for j, ch in _marks(line, op + cl):
                    if reversed_spans and inside(ls + j):
                        continue  # already reported as reversed; it must not pair with others
                    if ch == op:
                        stack.append(ls + j)
                    elif stack:
                        stack.pop()
                    elif not doc.in_skip(ls + j) and not inside(ls + j):
                        yield RULE.finding(ls + j, ls + j + 1, f"{quote(cl)} closes nothing")
            if stack and op in _OPENERS and stack[-1] >= ls and _next_starts_quote(lines, i):
                stack.pop()
        for pos in stack:
            if not doc.in_skip(pos) and not inside(pos):
                yield RULE.finding(pos, pos + 1, f"{quote(op)} is never closed")
    if '"' in text:
        open_at = None
        for i, (ls, le, line) in enumerate(lines):
            for j, _ in _marks(line, '"'):
                open_at = None if open_at is not None else ls + j
            if open_at is not None and open_at >= ls and _next_starts_quote(lines, i):
                open_at = None
        if open_at is not None and not doc.in_skip(open_at):
            yield RULE.finding(open_at, open_at + 1, 'odd number of straight quotes «"»; one is never closed',
                               severity=INFO)


def _marks(line, chars):
    """(index, char) of each of `chars` in the line, found by str.find, not char by char."""
    found = []
    for ch in chars:
        i = line.find(ch)
        while i != -1:
            found.append((i, ch))
            i = line.find(ch, i + 1)
    found.sort()
    return found


class _Spans:
    """Is an offset inside one of these spans? A bisect, not a scan of every span per mark."""

    def __init__(self, spans):
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach, end = [], -1  # the furthest end among spans starting at or before each
        for _, b in spans:
            end = max(end, b)
            self.reach.append(end)

    def __call__(self, pos):
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.reach[k]


def _next_starts_quote(lines, i):
    for k in range(i + 1, len(lines)):  # not lines[i + 1:]: a copy of the rest per line
        nxt = lines[k][2]
        if nxt.strip():
            return nxt.lstrip().startswith(_OPENERS)
    return False

