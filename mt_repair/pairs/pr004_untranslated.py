"""PR004 pair-untranslated: a sentence of the translation left in the source's language.

What: a sentence of the English text that is mostly Arabic script, on a line that is
Arabic as a whole (SC005 reports Arabic words inside English lines), whose Arabic words
come from the source. A target that is Arabic throughout is reported once. A sentence
copied whole from its source is PR005's.
English into Arabic: a sentence of the Arabic text that is mostly Latin, on a line that is
not Arabic as a whole (SC001 reports Latin words inside Arabic lines), of four words or
more, most of them from the English source; a target in English throughout, once.
Why: MT engines and pipelines pass through sentences they fail on; a half-Arabic article
cannot be published.
Example: source `وأكد أن المحادثات مستمرة. وأضاف أن الجولة المقبلة قريبة.`, translation
`He said the talks were continuing. وأضاف أن الجولة المقبلة قريبة جداً.`
Fix: none.
"""

import re

from mt_repair.pairs.base import BOTH, PairRule
from mt_repair.rules.base import WARNING, quote
from mt_repair.text import AR_WORD

RULE = PairRule("PR004", "pair-untranslated", WARNING, __doc__, directions=BOTH)
_AR_WORD = re.compile(AR_WORD)
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NAMES = {"ar": "Arabic", "en": "English"}
MIN_EN_WORDS = 4  # a name, a title or an acronym may rightly stay in Latin inside Arabic


def check(pair):
    if pair.all_identical:
        return  # PR005 says it once
    if not pair.target_as_expected:
        first = pair.tgt[0]
        yield RULE.finding(first.start, first.end, f"the translation is in {_NAMES[pair.source_language]}, "
                                                   f"not {_NAMES[pair.target_language]}")
        return
    arabic = pair.source_is_arabic
    word_re = _AR_WORD if arabic else _EN_WORD
    src_words = {w.casefold() for w in word_re.findall(pair.source)}
    identical = pair.identical_targets
    for sent in pair.tgt:
        if sent.index in identical or pair.source_share(sent.text) <= 0.5:
            continue
        if pair.target_doc.is_arabic_at(sent.start) != arabic:
            continue  # a word or two inside a line of the target's language: SC001/SC005
        words = [w.casefold() for w in word_re.findall(sent.text)]
        if not arabic and len(words) < MIN_EN_WORDS:
            continue
        if words and sum(w in src_words for w in words) * 2 >= len(words):
            yield RULE.finding(sent.start, sent.end, f"left in {_NAMES[pair.source_language]}: {quote(sent.text)}")
