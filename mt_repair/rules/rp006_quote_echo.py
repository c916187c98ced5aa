"""RP006 quote-echo: the same clause printed before and after a quotation.

What: `وقال روبيو: "الحوار كان صريحاً" وقال روبيو.`: the attribution clause (two to six
words, with a speech verb such as قال or said) appears on both sides of one quotation.
Why: MT systems that reorder attribution around quotes sometimes keep both copies.
Example: `He said: "we will win" he said.` -> `He said: "we will win".`
A copy that differs only by a leading و/ف, tashkeel, hamza forms or case
(`وقال روبيو: "…" قال روبيو.`), or whose quotation MT closed with `“`, is an echo too.
Fix: safe for a letter-exact copy, unsafe for a near copy: the trailing copy and the
space before it are removed, keeping the copy that introduces the quotation.
"""

import bisect
import re

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import SAFE, UNSAFE, WARNING, Rule, quote
from mt_repair.text import NO_WORD_AFTER, NO_WORD_BEFORE, WORD_M, strip_marks
from mt_repair.types import Fix

_UNIFY = str.maketrans("أإآٱى", "ااااي")

RULE = Rule("RP006", "quote-echo", "repetition", WARNING, __doc__)

_W = WORD_M
_ECHO = lazy_re(
    rf"{NO_WORD_BEFORE}((?:{_W}[ \t]+){{1,5}}{_W})[ \t]*[:،,]?[ \t]*"
    r"(\"[^\"\n]{1,400}\"|«[^»\n]{1,400}»|“[^”\n]{1,400}”)"
    rf"([ \t]*[،,]?[ \t]*)(\1){NO_WORD_AFTER}", re.I)


SPEECH = lazy_re(r"(?<!\w)(?:و|ف)?(?:قال|قالت|أضاف|أضافت|أكد|أكدت|تابع|تابعت|صرح|صرحت|أوضح|أوضحت|"
                    r"said|says|added|told|stated|asked)(?!\w)", re.I)


def _matches(doc):
    # An echo needs a quotation and two speech verbs on one line; the full pattern,
    # slow everywhere, runs only on such lines.
    for ls, _, line in doc.lines:
        if ('"' in line or "«" in line or "“" in line) and len(SPEECH.findall(line)) >= 2:
            yield from _ECHO.finditer(doc.text, ls, ls + len(line))


# A quotation with the words on each side of it, for echoes that are not letter-exact
_AROUND = lazy_re(
    rf"((?:{_W}[ \t]+){{1,5}}{_W})[ \t]*[:،,]?[ \t]*"
    r"(\"[^\"\n]{1,400}\"|«[^»\n]{1,400}»|“[^”“\n]{1,400}[”“])"
    rf"([ \t]*[،,]?[ \t]*)((?:{_W}[ \t]+){{0,5}}{_W}){NO_WORD_AFTER}")
_WORD = lazy_re(_W)


def _norm(word: str) -> str:
    w = strip_marks(word).casefold().translate(_UNIFY)
    return w[1:] if len(w) > 3 and w[0] in "وف" else w  # `وقال` and `قال` are one clause


def _near_echo(doc, ls, line):
    """(start, end of the deletion, clause) where the clause after a quotation repeats
    the one before it up to a conjunction, tashkeel or case (`وقال روبيو: "…" قال روبيو`)."""
    for m in _AROUND.finditer(line):
        before = [w.group() for w in _WORD.finditer(m.group(1))]
        after = list(_WORD.finditer(m.group(4)))
        for k in range(min(len(before), len(after)), 1, -1):
            a = [_norm(w) for w in before[-k:]]
            b = [_norm(w.group()) for w in after[:k]]
            if a == b and SPEECH.search(" ".join(before[-k:])):
                end = m.start(4) + after[k - 1].end()
                yield ls + m.start(3), ls + end, " ".join(before[-k:])
                break


def check(doc, settings):
    text = doc.text
    if not any(q in text for q in '"«“'):
        return
    exact = []
    for m in _matches(doc):
        if not SPEECH.search(m.group(1)) or doc.overlaps_skip(m.start(), m.end()):
            continue
        exact.append(m.start(4))
        yield RULE.finding(m.start(4), m.end(4),
                           f"clause {quote(m.group(1))} echoed around the quotation",
                           Fix.delete(m.start(3), m.end(4), SAFE))
    for ls, _, line in doc.lines:
        if not (('"' in line or "«" in line or "“" in line) and len(SPEECH.findall(line)) >= 2):
            continue
        for a, b, clause in _near_echo(doc, ls, line):
            k = bisect.bisect_left(exact, a)  # found in text order: sorted
            if k < len(exact) and exact[k] < b or doc.overlaps_skip(a, b):
                continue
            # the copy before the quotation introduces it (house order); the echo after it goes
            yield RULE.finding(a, b, f"clause {quote(clause)} echoed around the quotation",
                               Fix.delete(a, b, UNSAFE))
