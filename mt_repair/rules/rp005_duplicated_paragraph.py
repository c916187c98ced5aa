"""RP005 duplicated-paragraph: a line or paragraph repeated right after itself.

What: a non-blank line of three or more words that is identical to the previous
non-blank line (blank lines between them do not matter).
Why: scrapers and CMS exports duplicate paragraphs; MT keeps them.
Example: the same paragraph twice, separated by a blank line.
Fix: safe. The second copy and the blank lines before it are removed.
"""

from mt_repair.rules.base import ERROR, SAFE, Rule, quote
from mt_repair.types import Fix

RULE = Rule("RP005", "duplicated-paragraph", "repetition", ERROR, __doc__)


def check(doc, settings):
    prev = None  # (normalised text, end offset of that line)
    for start, end, line in doc.lines:
        norm = " ".join(line.split())
        if not norm:
            continue
        if prev is not None and norm == prev[0] and len(norm.split()) >= 3 \
                and not doc.overlaps_skip(start, end):
            yield RULE.finding(start, end, f"line {quote(norm)} repeats the previous one",
                               Fix.delete(prev[1], end, SAFE))
        prev = (norm, end)
