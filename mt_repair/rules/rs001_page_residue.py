"""RS001 page-residue: page furniture scraped together with the article.

What: share, print, follow and font-size buttons, "read also" and "related" headings with
the link lists under them, tag lists, app and newsletter promotions, video-player notices,
page timestamps (`Updated 12 March 2023`, `نُشر في: الأحد 12 مارس 2023`, `3 hours ago`),
gallery counters (`3 / 7`, `Image 3 of 12`), photo credits and captions (`Photo: Reuters`,
`(AP Photo/…)`, `[File: …/Reuters]`, `Getty Images`), short links alone on a line
(`bit.ly/…`), embedded-tweet residue (`pic.twitter.com/…`, `— Name (@handle) May 1, 2024`),
copyright lines and advertisement labels, in Arabic and English and in the Arabic that MT
makes of English furniture, also when glued into one line
(`انتقل إلى اختصارات الوصولشارك هذا المقالمحادثة`). Patterns are whole lines or anchored
at a line's start or a paragraph's end: the same words inside running prose are not
residue (`LONDON (Reuters) -`, `Published in 2019, the report…`). Patterns live in
`mt_repair/data/residue.tsv`; add your own with `residue-patterns` in the config.
Why: it is not part of the article, yet it gets translated, published and counted.
Example: a line `شارك` or `إقرأ أيضاً:` between paragraphs.
Fix: safe for a line that is exactly a known button or label; unsafe for blocks,
captions and pattern matches (a caption can carry information the editor wants).
"""

import re
from functools import lru_cache
from pathlib import Path

from mt_repair.rules.base import SAFE, UNSAFE, WARNING, Rule, quote
from mt_repair.types import Fix

RULE = Rule("RS001", "page-residue", "residue", WARNING, __doc__)

DATA = Path(__file__).resolve().parent.parent / "data" / "residue.tsv"
_STRIP = " \t\u00A0:：.•·-–|"
TAIL_WINDOW = 120  # a `tail` pattern is looked for in a paragraph's last characters only
_LIST_ITEM = re.compile(r"^\s*(?:[•·▪►\-*–]|\d+[.)])\s+\S")


@lru_cache(maxsize=None)
def load_patterns(extra: tuple[tuple[str, str, str, str], ...] = ()):
    rows = []
    for raw in DATA.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            kind, pattern, what, fix = raw.split("\t")
            rows.append((kind, pattern, what, fix))
    rows.extend(extra)
    lines, headers, prefixes, regexes, tails, inlines = {}, {}, [], [], [], []
    for kind, pattern, what, fix in rows:
        safety = SAFE if fix == "safe" else UNSAFE
        key = pattern.strip(_STRIP).casefold()
        if kind == "line":
            lines[key] = (what, safety)
        elif kind == "header":
            headers[key] = (what, safety)
        elif kind == "prefix":
            prefixes.append((pattern.casefold(), what, safety))
        elif kind == "regex":
            regexes.append((re.compile(pattern, re.I), what, safety))
        elif kind == "tail":
            tails.append((re.compile(pattern, re.I), what, safety))
        elif kind == "inline":
            inlines.append((re.compile(pattern, re.I), what, safety))
        else:
            raise ValueError(f"residue pattern kind {kind!r} is not line/header/prefix/regex/tail/inline")
    return lines, headers, prefixes, regexes, tails, inlines


@lru_cache(maxsize=None)
def _prefilters(extra: tuple[tuple[str, str, str, str], ...] = ()):
    """Cheap tests that pass over a clean line: the line prefixes as one tuple, and the
    `^`-anchored regexes as one alternation tried at the line's start only (one call
    instead of one per pattern; None if they do not combine)."""
    _, _, prefixes, regexes, _, _ = load_patterns(extra)
    anchored = [rx.pattern[1:] for rx, _, _ in regexes if rx.pattern.startswith("^")]
    combined = None
    if len(anchored) == len(regexes):
        try:
            combined = re.compile("|".join(f"(?:{p})" for p in anchored), re.I)
        except re.error:
            combined = None
    return tuple(p for p, _, _ in prefixes), combined


def _any_of(patterns):
    """One regex matching where any of `patterns` matches (all compiled with re.I), to
    ask once whether a line needs the patterns one by one; None if they do not combine
    (a backreference would point at another pattern's group)."""
    sources = [rx.pattern for rx, _, _ in patterns]
    if not sources or any(re.search(r"\\[1-9]|\(\?P=", p) for p in sources):
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in sources), re.I)
    except re.error:
        return None


@lru_cache(maxsize=None)
def _tail_inline_prefilters(extra: tuple[tuple[str, str, str, str], ...] = ()):
    _, _, _, _, tails, inlines = load_patterns(extra)
    return _any_of(tails), _any_of(inlines)


def _in_code_or_comment(doc, start, end):
    """Does [start, end) touch fenced or inline code or an HTML comment? (A URL on a
    residue line does not protect it: `Follow us on https://…` is residue.)"""
    if not doc.overlaps_skip(start, end):
        return False
    text = doc.text
    return any(a < end and start < b and text[a] in "`<" for a, b in doc.skip_spans)


def _line_end_with_newline(doc, i):
    """Deleting line i: take its line break too (or the one before, at the end)."""
    starts = doc.line_starts
    start = starts[i]
    if i + 1 < len(starts):
        return start, starts[i + 1]
    return (start - 1 if start > 0 else start), len(doc.text)


def check(doc, settings):
    lines_, headers, prefixes, regexes, tails, inlines = load_patterns(settings.residue_patterns)
    any_prefix, any_anchored = _prefilters(settings.residue_patterns)
    any_tail, any_inline = _tail_inline_prefilters(settings.residue_patterns)
    lines = doc.lines
    in_block = None  # (what) while inside a links block after a header
    for i, (ls, le, line) in enumerate(lines):
        body = line.strip()
        if not body:
            continue
        key = body.strip(_STRIP).casefold()
        hit = None
        if key in lines_:
            hit = lines_[key]
            in_block = None
        elif key in headers:
            hit = headers[key]
            in_block = hit[0]
        elif in_block and _LIST_ITEM.match(line):
            hit = (in_block + " item", UNSAFE)
        else:
            in_block = None
            folded = body.casefold()
            for prefix, what, safety in (prefixes if folded.startswith(any_prefix) else ()):
                if folded.startswith(prefix) and folded != prefix:
                    hit = (what, safety)
                    break
            else:
                for rx, what, safety in (regexes if any_anchored is None or any_anchored.match(body) else ()):
                    if rx.search(body):
                        hit = (what, safety)
                        break
        if hit:
            s = ls + (len(line) - len(line.lstrip()))
            e = ls + len(line.rstrip())
            if _in_code_or_comment(doc, s, e):
                continue
            ds, de = _line_end_with_newline(doc, i)
            yield RULE.finding(s, e, f"page residue ({hit[0]}): {quote(body, 50)}", Fix.delete(ds, de, hit[1]))
            continue
        found = []
        tail_start = max(0, len(line) - TAIL_WINDOW)
        for rx, what, safety in (tails if any_tail is None or any_tail.search(line, tail_start) else ()):
            m = rx.search(line, tail_start)
            if m:
                found.append((m, what, safety))
        for rx, what, safety in (inlines if any_inline is None or any_inline.search(line) else ()):
            found.extend((m, what, safety) for m in rx.finditer(line))
        for m, what, safety in found:
            if _in_code_or_comment(doc, ls + m.start(), ls + m.end()):
                continue
            yield RULE.finding(ls + m.start(), ls + m.end(),
                               f"page residue ({what}): {quote(m.group(), 30)}",
                               Fix.delete(ls + m.start(), ls + m.end(), safety))
