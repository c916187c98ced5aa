"""RS001 page-residue: page furniture scraped together with the article.

What: share, print and font-size buttons, "read also" and "related" headings with the
link lists under them, tag lists, app promotions, video-player notices, image captions
with a photo credit, advertisement labels, also when glued into one line
(`انتقل إلى اختصارات الوصولشارك هذا المقالمحادثة`). Patterns live in
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
    lines, headers, prefixes, regexes, tails = {}, {}, [], [], []
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
        else:
            raise ValueError(f"residue pattern kind {kind!r} is not line/header/prefix/regex/tail")
    return lines, headers, prefixes, regexes, tails


def _line_end_with_newline(doc, i):
    """Deleting line i: take its line break too (or the one before, at the end)."""
    starts = doc.line_starts
    start = starts[i]
    if i + 1 < len(starts):
        return start, starts[i + 1]
    return (start - 1 if start > 0 else start), len(doc.text)


def check(doc, settings):
    lines_, headers, prefixes, regexes, tails = load_patterns(settings.residue_patterns)
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
            for prefix, what, safety in prefixes:
                if folded.startswith(prefix) and folded != prefix:
                    hit = (what, safety)
                    break
            else:
                for rx, what, safety in regexes:
                    if rx.search(body):
                        hit = (what, safety)
                        break
        if hit:
            s = ls + (len(line) - len(line.lstrip()))
            e = ls + len(line.rstrip())
            if doc.overlaps_skip(s, e):
                continue
            ds, de = _line_end_with_newline(doc, i)
            yield RULE.finding(s, e, f"page residue ({hit[0]}): {quote(body, 50)}", Fix.delete(ds, de, hit[1]))
            continue
        for rx, what, safety in tails:
            m = rx.search(line, max(0, len(line) - TAIL_WINDOW))
            if m:
                yield RULE.finding(ls + m.start(), ls + m.end(),
                                   f"page residue ({what}): {quote(m.group(), 30)}",
                                   Fix.delete(ls + m.start(), ls + m.end(), safety))
