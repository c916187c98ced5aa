"""PR004 pair-untranslated: a sentence of the translation left in Arabic.

What: a sentence of the English text that is mostly Arabic script, on a line that is
Arabic as a whole (SC005 reports Arabic words inside English lines), whose Arabic words
come from the source. A target that is Arabic throughout is reported once. A sentence
copied whole from its source is PR005's.
Why: MT engines and pipelines pass through sentences they fail on; a half-Arabic article
cannot be published.
Example: source `وأكد أن المحادثات مستمرة. وأضاف أن الجولة المقبلة قريبة.`, translation
`He said the talks were continuing. وأضاف أن الجولة المقبلة قريبة جداً.`
Fix: none.
"""

import re

from mt_repair.pairs.base import PairRule
from mt_repair.rules.base import WARNING, quote
from mt_repair.text import AR_WORD

RULE = PairRule("PR004", "pair-untranslated", WARNING, __doc__)
_AR_WORD = re.compile(AR_WORD)


def check(pair):
    if pair.all_identical:
        return  # PR005 says it once
    if not pair.target_is_english:
        first = pair.tgt[0]
        yield RULE.finding(first.start, first.end, "the translation is in Arabic, not English")
        return
    src_words = set(_AR_WORD.findall(pair.source))
    identical = pair.identical_targets
    for sent in pair.tgt:
        if sent.index in identical or pair.arabic_share(sent.text) <= 0.5:
            continue
        if not pair.target_doc.is_arabic_at(sent.start):
            continue
        words = _AR_WORD.findall(sent.text)
        if words and sum(w in src_words for w in words) * 2 >= len(words):
            yield RULE.finding(sent.start, sent.end, f"left in Arabic: {quote(sent.text)}")
