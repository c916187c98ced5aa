"""PR005 pair-identical: the translation is the source, copied.

What: an English sentence identical to its aligned Arabic sentence (spaces and case
aside) and containing Arabic letters, or a whole translation identical to its source
(reported once). Sentences without Arabic letters (`NATO`, a URL, an English quote) may
rightly stay the same and are not reported. English into Arabic: an Arabic-text sentence
identical to its English source, of three words or more (not `NATO`, `COVID-19`).
Why: a pipeline that fails often falls back to copying its input, and the result looks
like a finished file.
Example: source `وقال المتحدث إن الاجتماع انتهى.`, translation the same sentence.
Fix: none.
"""

from mt_repair.pairs.base import BOTH, PairRule
from mt_repair.rules.base import WARNING, quote

RULE = PairRule("PR005", "pair-identical", WARNING, __doc__, directions=BOTH)


def check(pair):
    if pair.all_identical:
        first = pair.tgt[0]
        yield RULE.finding(first.start, first.end, "the whole translation is identical to the source")
        return
    for j in sorted(pair.identical_targets):
        sent = pair.tgt[j]
        yield RULE.finding(sent.start, sent.end, f"identical to the source sentence: {quote(sent.text)}")
