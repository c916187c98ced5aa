"""PR012 pair-dot-grouping: a thousands separator written as a decimal point in the English.

What: a figure of the translation grouped with full stops (`8.866`, `100.000`,
`1.250.000`) where the aligned source writes the same whole number with a thousands
separator or none (`8,866`, `٨٬٨٦٦`, `8866`) and never as a decimal (`8.866`, `٨٫٨٦٦`).
Why: MT systems trained on European data copy the continental grouping; in English
`8.866 cases` reads as eight point nine cases. The value agrees with the source, so
PR002 is silent.
Not flagged: a figure the source writes with a decimal mark or not at all, any figure when
the aligned source writes decimals with a comma (`4,8`: its `8,866` may be a decimal), clock times
(`10.30`), and figures with one group of fewer or more than three digits (`3.0`, `4.8`).
Example: source `بناءً على 8,866 حالة`, translation `based on 8.866 cases` -> «8.866» reads
as a decimal in English; the source's «8,866» is a whole number: write «8,866».
Fix: unsafe: the full stops become commas (`8.866` -> `8,866`). The source is a machine
reading of one figure; an editor confirms.
"""

import re

from mt_repair.pairs.base import PairRule
from mt_repair.rules.base import UNSAFE, WARNING, quote
from mt_repair.types import Fix

RULE = PairRule("PR012", "pair-dot-grouping", WARNING, __doc__)

_DOTTED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_DECIMAL_MARK = re.compile(r"\d[.\u066b]\d")


# a comma before one, two or four+ digits: this source writes decimals with a comma, so
# its `8,866` may be a decimal too
_COMMA_DECIMAL = re.compile(r"(?<![\d,])[0-9٠-٩]+,[0-9٠-٩]{1,2}(?![0-9٠-٩])|[0-9٠-٩],[0-9٠-٩]{4,}")


def check(pair):
    if not pair.target_is_english:
        return
    for k, bead in pair.translated_beads():
        si, _ = pair.window(k)
        if _COMMA_DECIMAL.search(pair.source_text(si)):
            continue
        # whole numbers of the source: no decimal mark inside the figure
        whole = {round(q.value) for i in si for q in pair.src_numbers[i]
                 if not q.kind and not _DECIMAL_MARK.search(q.text) and q.value == int(q.value)}
        if not whole:
            continue
        for j in bead.tgt:
            sent = pair.tgt[j]
            for t in pair.tgt_numbers[j]:
                if t.kind or not _DOTTED.fullmatch(t.text):
                    continue
                value = int(t.text.replace(".", ""))
                if value not in whole:
                    continue
                start, end = sent.start + t.start, sent.start + t.end
                fixed = t.text.replace(".", ",")
                yield RULE.finding(start, end, f"{quote(t.text)} reads as a decimal in English; the source has the "
                                   f"whole number {value:,}: write {quote(fixed)}",
                                   Fix.replace(start, end, fixed, UNSAFE))
