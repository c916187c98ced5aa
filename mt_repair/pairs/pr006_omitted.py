"""PR006 pair-omitted: source content with no counterpart in the translation.

What: after sentence alignment, a source sentence of four words or more that no English
sentence translates (consecutive ones are reported together), or an aligned English
sentence less than 0.4 times as long as its source of 40 characters or more (English
runs 1.09 times the Arabic on NTREX-128; 0.4 is five standard deviations below, and no
NTREX pair falls under it). The finding sits where the missing text belongs.
Directions: both (the same limits, as target over source characters).
Why: MT drops sentences and clauses silently, especially long ones and in batches.
Example: a three-sentence paragraph whose translation has two sentences.
Fix: none.
"""

from mt_repair.pairs.base import BOTH, PairRule
from mt_repair.rules.base import WARNING, quote

RULE = PairRule("PR006", "pair-omitted", WARNING, __doc__, directions=BOTH)
MIN_WORDS = 4
SHORT_RATIO = 0.4
MIN_CHARS = 40


def check(pair):
    if not pair.target_as_expected:
        return
    beads = pair.beads
    for run in pair.one_sided_runs("src"):
        si = [i for r in run for i in beads[r].src]
        text = pair.source_text(si)
        if len(text.split()) >= MIN_WORDS:
            s, e = pair.target_span(run[0])
            lines = sorted({pair.src[i].line for i in si})
            where = f"line {lines[0]}" if len(lines) == 1 else f"lines {lines[0]}-{lines[-1]}"
            n = len(si)
            yield RULE.finding(s, e, f"{'a source sentence' if n == 1 else f'{n} source sentences'} "
                                     f"({where}) not translated: {quote(text)}")
    for k, b in enumerate(beads):
        if b.src and b.tgt:
            ls = len(pair.source_text(b.src))
            lt = len(pair.target_text(b.tgt))
            if ls >= MIN_CHARS and lt < SHORT_RATIO * ls:
                s, e = pair.target_span(k)
                yield RULE.finding(s, e, f"much shorter than its source ({lt} vs {ls} characters, line "
                                         f"{pair.src[b.src[0]].line}): part of it may be missing")
