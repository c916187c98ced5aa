"""PR007 pair-added: translation content with no counterpart in the source.

What: after sentence alignment, an English sentence of four words or more that
translates no source sentence (consecutive ones are reported together), or an aligned
English sentence over 2.5 times as long as its source (40 characters or more; no
NTREX-128 pair comes near: the longest is 1.8 times).
Directions: both (the same limits, as target over source characters).
Why: MT hallucinates, loops and repeats, and a pasted paragraph from another article
looks like translation.
Example: a translation that ends with a sentence the source does not have.
Fix: none.
"""

from mt_repair.pairs.base import BOTH, PairRule
from mt_repair.rules.base import WARNING, quote

RULE = PairRule("PR007", "pair-added", WARNING, __doc__, directions=BOTH)
MIN_WORDS = 4
LONG_RATIO = 2.5
MIN_CHARS = 40


def check(pair):
    if not pair.target_as_expected:
        return
    beads = pair.beads
    for run in pair.one_sided_runs("tgt"):
        ti = [j for r in run for j in beads[r].tgt]
        text = pair.target_text(ti)
        if len(text.split()) >= MIN_WORDS:
            yield RULE.finding(pair.tgt[ti[0]].start, pair.tgt[ti[-1]].end, f"not in the source: {quote(text)}")
    for k, b in enumerate(beads):
        if b.src and b.tgt:
            ls = len(pair.source_text(b.src))
            lt = len(pair.target_text(b.tgt))
            if lt >= MIN_CHARS and lt > LONG_RATIO * ls:
                s, e = pair.target_span(k)
                yield RULE.finding(s, e, f"much longer than its source ({lt} vs {ls} characters, line "
                                         f"{pair.src[b.src[0]].line}): text may have been added or repeated")
