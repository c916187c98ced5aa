"""RP007 repeated-list: a tag or keyword list that repeats its own items.

What: a labelled (`Tags:`) or delimited (`a, b, c`) line without sentence punctuation
(a tag, keyword or topic list) in which a
run of three or more items appears again (`كلمات دلالية: إسرائيل غزة سياحة إسرائيل غزة سياحة`).
Why: scraped tag widgets and MT of list fields repeat the list; it is noise in the
article and inflates every count downstream.
Example: `Tags: Gaza Israel Spain Gaza Israel Spain` -> `Tags: Gaza Israel Spain`.
Fix: unsafe. The later copies are removed, but a list can legitimately name an item
twice, so the fix waits for --unsafe-fixes.
"""


from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import UNSAFE, WARNING, Rule, quote
from mt_repair.types import Edit, Fix

RULE = Rule("RP007", "repeated-list", "repetition", WARNING, __doc__)

_SENTENCE_PUNCT = lazy_re(r"[.!?؟؛;]\s|[.!?؟]$")
_ITEM = lazy_re(r"[^\s,،|•·/]+")
MIN_RUN = 3


def check(doc, settings):
    for ls, le, line in doc.lines:
        labelled = ":" in line[:40]
        body = line.split(":", 1)[1] if labelled else line
        offset = ls + (len(line) - len(body))
        delimited = sum(body.count(d) for d in ",،|•") >= 3
        if not (labelled or delimited) or _SENTENCE_PUNCT.search(body) or body.rstrip().endswith(("\"", "»", "”")):
            continue
        items = [(m.start(), m.end(), m.group()) for m in _ITEM.finditer(body)]
        if len(items) < 2 * MIN_RUN:
            continue
        words = [w for _, _, w in items]
        # remove every later copy of a run of >= MIN_RUN items seen before
        removals = []
        i = MIN_RUN
        seen = {}
        for j in range(len(words) - MIN_RUN + 1):
            seen.setdefault(tuple(words[j:j + MIN_RUN]), j)
        i = 0
        while i <= len(words) - MIN_RUN:
            first = seen[tuple(words[i:i + MIN_RUN])]
            if first + MIN_RUN <= i:
                k = MIN_RUN  # extend the run while it keeps matching the earlier copy
                while i + k < len(words) and first + k < i and words[first + k] == words[i + k]:
                    k += 1
                removals.append((i, i + k))
                i += k
            else:
                i += 1
        if not removals:
            continue
        edits = []
        for a, b in removals:
            start = items[a - 1][1] if a > 0 else items[a][0]
            edits.append(Edit(offset + start, offset + items[b - 1][1]))
        run = " ".join(words[removals[0][0]:removals[0][1]])
        yield RULE.finding(offset + items[removals[0][0]][0], offset + items[removals[-1][1] - 1][1],
                           f"list repeats its items ({quote(run, 40)} and {len(removals)} run(s) in all)",
                           Fix(tuple(edits), UNSAFE))
