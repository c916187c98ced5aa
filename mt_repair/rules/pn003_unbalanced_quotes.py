"""PN003 unbalanced-quotes: reversed guillemets or brackets, and quotes or brackets left open.

What: `»نص«` (guillemets the wrong way round for Arabic), `)٢٠٢٠(` and `)٣,٠-٧,٢(`
(brackets mirrored, as MT and visual-order typing leave them in right-to-left text), a `«`, `“`, `(`, `[` or `"` that
is never closed, a `»`, `”`, `)` or `]` that closes nothing.
Brackets pair within a line, nested ones too (`(انظر (الشكل 3)`: one never closed); a
bracket left open at the end of a line goes on into the next only where the line stops
mid-sentence (hard-wrapped text). Quotation marks pair within a paragraph (up to a blank
line), nested ones too (`«قال «لا» ثم غادر»`), since a quotation may run over several
sentences; so a `«` left open in one paragraph and a stray `»` in another are two
findings, not a pair. An odd number of
straight `"` is info only: a straight quote has no direction, so where the missing
one belongs cannot be told. In Arabic lines `“ ”` are not checked either: Arabic
keyboards produce them in either role (`”نص"`).
Not flagged: a paragraph that opens a quotation continued in the next paragraph
(news style opens each quoted paragraph and closes only the last); item labels
(`1)`, `a)`, `أ)`, `هـ)`) and smileys (`:)`).
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
BRACKETS = (("(", ")"), ("[", "]"))
QUOTES = (("«", "»"), ("“", "”"))
_OPENERS = ('"', "«", "“")
# a line that ends a sentence: a bracket still open there is never closed
_SENTENCE_END = (".", "!", "?", "؟", ":", "؛", ";", "…")
# `1)`, `a)`, `iv)`, `أ)`, `هـ)`: an item label, which opens nothing; `:)`, `;-)`: a smiley
_LABEL = lazy_re(r"(?:^|(?<=[\s(:،,;؛]))(?:\d{1,3}|[A-Za-z]|[ivxIVX]{2,4}|[\u0621-\u064A]ـ?)$")
_SMILEY = (":", ";", ":-", ";-")


def _brackets(doc, op, cl, inside, reversed_spans):
    """Brackets pair within a line (nested ones too); one left open at the end of a line
    stays open into the next only where the line stops mid-sentence (hard-wrapped text)."""
    lines, stack = doc.lines, []
    for i, (ls, le, line) in enumerate(lines):
        if op in line or cl in line:
            for j, ch in _marks(line, op + cl):
                if reversed_spans and inside(ls + j):
                    continue  # already reported as mirrored; it must not pair with others
                if line.endswith(_SMILEY, 0, j) and line[j + 1:j + 2] in ("", " ", "\t"):
                    continue  # `:)`, `:(`
                if ch == op:
                    stack.append(ls + j)
                elif stack:
                    stack.pop()
                elif not doc.in_skip(ls + j) and not _LABEL.search(line, 0, j):
                    yield RULE.finding(ls + j, ls + j + 1, f"{quote(cl)} closes nothing")
        if stack and (line.rstrip().endswith(_SENTENCE_END) or i + 1 == len(lines) or not lines[i + 1][2].strip()):
            yield from _never_closed(doc, op, stack, inside)
            stack = []
    yield from _never_closed(doc, op, stack, inside)


def _quotes(doc, op, cl, inside, reversed_spans):
    """Quotation marks pair within a paragraph (lines up to a blank line; nested ones too),
    since a quotation may run over several sentences or lines. A quotation still open at
    the end of a line whose next paragraph or line opens a quotation is continued there
    (news style opens each quoted paragraph and closes only the last)."""
    lines, stack = doc.lines, []
    for i, (ls, le, line) in enumerate(lines):
        if op == "“" and doc.arabic_lines[i]:
            continue  # Arabic typing uses ” and “ in either role; only «» are directional there
        if not line.strip():
            yield from _never_closed(doc, op, stack, inside)  # a paragraph ends
            stack = []
            continue
        if op in line or cl in line:
            for j, ch in _marks(line, op + cl):
                if reversed_spans and inside(ls + j):
                    continue
                if ch == op:
                    stack.append(ls + j)
                elif stack:
                    stack.pop()
                elif not doc.in_skip(ls + j):
                    yield RULE.finding(ls + j, ls + j + 1, f"{quote(cl)} closes nothing")
        if stack and _next_starts_quote(lines, i):
            if not lines[i + 1][2].strip():
                stack = []  # the paragraph ends open and the next opens again: continued
            elif stack[-1] >= ls:
                stack.pop()  # one paragraph a line: this line's quotation goes on in the next
    yield from _never_closed(doc, op, stack, inside)


def _never_closed(doc, op, stack, inside):
    for pos in stack:
        if not doc.in_skip(pos) and not inside(pos):
            yield RULE.finding(pos, pos + 1, f"{quote(op)} is never closed")


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
    for op, cl in BRACKETS:
        if op in text or cl in text:
            yield from _brackets(doc, op, cl, inside, reversed_spans)
    for op, cl in QUOTES:
        if op in text or cl in text:
            yield from _quotes(doc, op, cl, inside, reversed_spans)
    if '"' in text:
        lines, open_at = doc.lines, None
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

