"""RP008 character-run: one character or syllable printed over and over.

What: the runaway output of a decoder stuck on one symbol or syllable: a long run of one
mark inside a line of text (`IFN-______…`, ten or more `_ - = * ~ + # /`, ten or more
full stops, six or more `! ? ؟`), letter units chained by hyphens or dots with almost
no variety (`-A-A-A-D-A-A-A-A-A-R…`, `S-S-S-S-Coff-2`), an Arabic consonant printed
three times inside a word (`المتكرررين`), a word chained to itself by hyphens three times
or more (`slow-slow-slow-slow`), and any letter or syllable repeated to forty
characters or more.
Not flagged: ellipses (`...`, `.....`), Markdown rules and headings underlines (a line
holding only `---`, `***`, `===`), table rows, code and URLs, acronyms and ratings with
tripled letters (`AAA`, `DCCC`, `III`, `www`), expressive lengthening in quotes
(`NOOOOOOOO`, `لاااا`, `ههههه`: Arabic vowels and ه are lengthened for effect), letters
spelled out with hyphens (`d-e-m-o-c-r-a-c-y`, `S-T-O-P`), and laughter (`ha-ha-ha`).
Why: a stuck decoder repeats the last token until the length limit; the result can be
hundreds of characters of noise, and in a short run (`S-S-S-S-Coff-2`) it mangles a name.
Example: `the S-S-S-S-Coff-2 protein` -> `the S-Coff-2 protein` (unsafe).
Fix: unsafe for a stuttered prefix (the extra exact copies are deleted; the name may
still be wrong) and a hyphen chain (one copy is kept); none for other runs, whose lost content cannot be recovered.
"""

import re

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import ERROR, UNSAFE, WARNING, Rule, quote
from mt_repair.types import Fix

RULE = Rule("RP008", "character-run", "repetition", WARNING, __doc__)

# Cheap prefilters, one per kind of run (substring and literal-led searches).
_MARKS = tuple(c * 10 for c in "_-=*~+#/.") + tuple(c * 6 for c in "!?؟")
_ANY_CHAIN = lazy_re(r"-[^\W\d_]{1,2}-[^\W\d_]{1,2}-|\.[^\W\d_]{1,2}\.[^\W\d_]{1,2}\.[^\W\d_]{1,2}\.")

_MARK_RUN = lazy_re(r"([_\-=*~+#/])\1{9,}|(\.)\2{9,}|([!?؟])\3{5,}")
# letter units of one or two letters chained by single hyphens or dots: `A-A-D-A-…`
_CHAIN = lazy_re(r"(?<![\w])(?:[^\W\d_]{1,2}[-.](?=[^\W\d_])){5,}[^\W\d_]{1,2}(?![\w])|"
                    r"(?<![\w-])([^\W\d_]{1,3})-(?:\1-){3,}(?=[^\W\d_\s])", re.I)
_STUTTER = lazy_re(r"(?<![\w-])([^\W\d_]{1,3})-((?:\1-){3,})(?=[^\W\d_])")
# an Arabic consonant three times in a word; long vowels, ى and ه are lengthened for effect
_AR_TRIPLE = lazy_re(r"([\u0621-\u0626\u0628-\u063A\u0641-\u0646])\1\1")
_LONG = lazy_re(r"([^\W\d_]{1,3}?)\1{12,}")
# a word of two letters or more chained to itself by hyphens three times or more
# (`slow-slow-slow-slow`); two copies are reduplication (`bye-bye`, `so-so`)
_INNER_PART = lazy_re(r"-[^\W\d_]++-")
_COMPOUND3 = lazy_re(r"(?<![^\W\d_-])[^\W\d_]{2,}+(?:-[^\W\d_]++){2,}")  # three parts or more: rare, so found first
_LAUGH = frozenset("ha he hi ho la na no bla ta tut".split())


def _only_run_on_line(doc, start, cache):
    """Is the run's line made of that mark only (a rule line), or a table row? Answered
    once per line and mark: many runs on one long line made this quadratic."""
    line_no, ch = doc.line_col(start)[0], doc.text[start]
    if (line_no, ch) not in cache:
        s, e = doc.line_span(line_no)
        line = doc.text[s:e]
        cache[line_no, ch] = not line.replace(ch, "").strip() or "|" in line
    return cache[line_no, ch]


def _spans(doc):
    text = doc.text
    rule_lines: dict = {}
    for m in (_MARK_RUN.finditer(text) if any(r in text for r in _MARKS) else ()):
        if not _only_run_on_line(doc, m.start(), rule_lines):
            yield m.start(), m.end(), f"run of {m.end() - m.start()} {quote(text[m.start()], 5)}", None
    for m in (_CHAIN.finditer(text) if _ANY_CHAIN.search(text) else ()):
        units = re.split(r"[-.]", m.group().rstrip("-."))
        if m.group(1):  # the same unit four or more times, glued to a word: a stuttered prefix
            if units[0].casefold() in _LAUGH:
                continue
            s = _STUTTER.match(text, m.start())
            fix = Fix.delete(s.start(2), s.end(2), UNSAFE) if s else None
            yield m.start(), m.end(), f"stuttered {quote(units[0] + '-')} ({len(units)} times)", fix
        elif len(set(u.casefold() for u in units)) * 2 <= len(units) and not units[0].casefold() in _LAUGH:
            yield m.start(), m.end(), f"chain of {len(units)} letters {quote(m.group(), 30)}", None
    for m in _AR_TRIPLE.finditer(text):
        if m.group(1) == "ت" and (m.start() == 0 or not text[m.start() - 1].isalpha()):
            continue  # the prefix ت before a verb in تتـ: `تتتبع` (she tracks)
        yield m.start(), m.end(), f"letter {quote(m.group(1))} three times in a row (a stutter, or words run together)", None
    done = -1
    for h in (_INNER_PART.finditer(text) if "-" in text else ()):  # `-word-`: literal-led, fast
        if h.start() < done:
            continue
        start = h.start()
        while start > 0 and (text[start - 1].isalpha()):
            start -= 1
        m = _COMPOUND3.match(text, start)
        if m is not None:
            done = m.end()
            yield from _word_chains(m)
    long_tokens = [(s, e) for s, e, _ in doc.tokens if e - s >= 40]  # a letter run is one token
    for m in (m for s, e in long_tokens for m in _LONG.finditer(text, s, e)):
        if m.group(1).casefold() in _LAUGH or set(m.group(1)) == {"ه"}:
            continue  # laughter: `hahaha…`, `ههههه…`
        if m.end() - m.start() >= 40:
            yield m.start(), m.end(), f"{quote(m.group(1))} repeated {(m.end() - m.start()) // len(m.group(1))} times", None


def _word_chains(m):
    """Runs of three or more equal parts in a hyphenated compound (`slow-slow-slow`)."""
    parts = m.group().split("-")
    pos, i = m.start(), 0
    offsets = []
    for p in parts:
        offsets.append(pos)
        pos += len(p) + 1
    while i < len(parts):
        j = i
        while j + 1 < len(parts) and parts[j + 1].casefold() == parts[i].casefold():
            j += 1
        if j - i >= 2 and len(parts[i]) >= 2 and parts[i].casefold() not in _LAUGH:
            start, first_end = offsets[i], offsets[i] + len(parts[i])
            end = offsets[j] + len(parts[j])
            yield start, end, f"{quote(parts[i])} chained to itself {j - i + 1} times", \
                Fix.delete(first_end, end, UNSAFE)
        i = j + 1


_WORDLIKE = lazy_re(r"[^\W\d_]{3,}|\n")


def _noise(text, a, b):
    """Is text[a:b], between two runs, more noise (no word of three letters, no line end)?"""
    return 0 <= a <= b and not _WORDLIKE.search(text, a, b)


def check(doc, settings):
    found = sorted(_spans(doc), key=lambda s: (s[0], -s[1]))
    last_end = -1
    for k, (start, end, message, fix) in enumerate(found):
        if start < last_end or _noise(doc.text, last_end, start):
            continue  # one finding per stretch of noise
        # a stretch: extend over the following spans that touch it; the first that does not
        # ends it (a word lies between, so before every later one too): linear, not a scan
        # of all spans per stretch
        stretch_end = end
        for j in range(k, len(found)):
            s2, e2 = found[j][0], found[j][1]
            if not (s2 <= stretch_end or _noise(doc.text, stretch_end, s2)):
                break
            stretch_end = max(stretch_end, e2)
        last_end = stretch_end
        if doc.overlaps_skip(start, stretch_end):
            continue
        if stretch_end != end:
            fix = None
        yield RULE.finding(start, stretch_end, message, fix,
                           severity=ERROR if stretch_end - start >= 50 else WARNING)
