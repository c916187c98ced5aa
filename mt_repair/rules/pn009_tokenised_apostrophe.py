"""PN009 tokenised-apostrophe: an English apostrophe with spaces around it, as a tokeniser left it.

What: `Italy ' s experience`, `don ' t`, `Italy 's`, `we ' re`, `it' s`, `SARS-CoV-2 ' s`:
MT output that was tokenised and not detokenised again splits the possessive or the
contraction. Only the clitics `'s 't 're 've 'll 'd 'm` count, and `'t` only after `n`
(`don`, `can`, `isn`); and elision in names (`Côte d ' Ivoire`, `O ' Brien`).
A plural possessive split on both sides (`patients ' samples`) too, where the line has no
other apostrophe and the word is no `was`/`is`/`has`-like word (unsafe fix: a lone single
quote may still close a quotation begun on another line).
Not flagged: a quotation in single quotes (`the letter 's'`, `'s-Hertogenbosch`), a
plural possessive written right (`the students' books`), anything in Arabic lines.
Example: `Based on Italy ' s experience` -> `Based on Italy's experience`.
Fix: safe. Only the spaces around the apostrophe are removed.
"""


from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import SAFE, UNSAFE, WARNING, Rule, quote
from mt_repair.types import Edit, Fix

RULE = Rule("PN009", "tokenised-apostrophe", "punctuation", WARNING, __doc__)

# French and Irish elision in names: `Côte d ' Ivoire`, `O ' Brien`, `L ' Aquila`
_ELISION = lazy_re(r"(?<![\w'’])(?P<w>[dlDLO])(?P<s1>[ \t]*)['’](?P<s2>[ \t]*)(?=[A-Z][a-z])")
# a plural possessive split on both sides (`patients ' samples`): only where the line has no
# other apostrophe (then it could close a quotation in single quotes)
_PLURAL = lazy_re(r"(?<=[a-z]s)(?P<s1>[ \t]+)['’][ \t]+(?=[a-z]{2,})")
_NOT_PLURAL = frozenset("was is has as this his its us yes thus plus does goes less unless across whereas".split())
_SPLIT = lazy_re(r"(?<=[A-Za-z0-9])(?P<s1>[ \t]*)['’](?P<s2>[ \t]*)(?P<c>s|re|ve|ll|d|m|t)(?![\w'’-])")


_PAIRS = (" '", " ’", "' ", "’ ", "\t'", "\t’", "'\t", "’\t")


def _candidates(text):
    """Where a space touches an apostrophe (found with str.find, faster than a regex scan):
    the start of the spaces before it, or the apostrophe itself."""
    found = set()
    for pair in _PAIRS:
        i = text.find(pair)
        while i != -1:
            j = i
            while pair[0] in " \t" and j > 0 and text[j - 1] in " \t":
                j -= 1
            found.add(j)
            i = text.find(pair, i + 1)
    return sorted(found)
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")


def _last_apostrophe(doc, ls, le):
    """Offset of the last apostrophe on the line (ls, le), -1 if none; one scan a line,
    where slicing the rest of the line for every candidate was quadratic."""
    cache = doc.__dict__.setdefault("_pn009_last_apostrophe", {})
    if ls not in cache:
        cache[ls] = max(doc.text.rfind("'", ls, le), doc.text.rfind("’", ls, le))
    return cache[ls]
_WORD = lazy_re(r"\w+")


def check(doc, settings):
    text = doc.text
    if "'" not in text and "’" not in text:
        return
    seen = set()
    for start in _candidates(text):  # a space beside an apostrophe: rare, so found first
        i = doc.line_col(start)[0] - 1
        if doc.arabic_lines[i]:
            continue
        ls, le, _ = doc.lines[i]
        m = _SPLIT.match(text, start, le)
        if m is not None and m.start() not in seen:
            seen.add(m.start())
            finding = _clitic(doc, m, ls, le)
            if finding is not None:
                yield finding
            continue
        m = _PLURAL.match(text, start, le)
        if m is not None and text.count("'", ls, le) + text.count("’", ls, le) == 1 and not doc.in_skip(start) \
                and text[ls:start].rsplit(None, 1)[-1].lower() not in _NOT_PLURAL:
            s, e = m.start(), m.end()
            yield RULE.finding(s - 1, e, f"apostrophe split from its word in {quote(text[s - 1:e + 1])}",
                               Fix((Edit(m.start("s1"), m.end("s1")),), UNSAFE))
            continue
        m = _ELISION.match(text, start - 1, le) if start > ls else None
        if m is not None and (m.group("s1") or m.group("s2")) and not doc.in_skip(m.start()):
            end = _WORD.match(text, m.end()).end()
            edits = tuple(Edit(m.start(g), m.end(g)) for g in ("s1", "s2") if m.group(g))
            yield RULE.finding(m.start(), end, f"apostrophe split from its word in {quote(text[m.start():end])}",
                               Fix(edits, SAFE))


def _clitic(doc, m, ls, le):
    text = doc.text
    s1, s2 = m.group("s1"), m.group("s2")
    if not s1 and not s2:
        return None  # `Italy's`: fine
    if m.group("c") == "t" and text[m.start() - 1] not in "nN":
        return None  # `'t` only as `n't`
    if s1 and not s2 and m.group("c") in ("d", "m", "s") and _last_apostrophe(doc, ls, le) >= m.end():
        return None  # `the letter 's'`: a quotation opened here and closed later on the line
    if doc.in_skip(m.start()):
        return None
    start = m.start()  # back over the word the clitic belongs to (as `[A-Za-z0-9-]+$` before it)
    while start > ls and text[start - 1] in _WORD_CHARS:
        start -= 1
    edits = [Edit(m.start("s1"), m.end("s1"))] if s1 else []
    if s2:
        edits.append(Edit(m.start("s2"), m.end("s2")))
    return RULE.finding(start, m.end(), f"apostrophe split from its word in {quote(text[start:m.end()])}",
                        Fix(tuple(edits), SAFE))
