"""PN010 run-together-words: two English words written as one, the second capitalised.

What: `ministryMonday`, `saidThe`, `officialsWashington`: MT that drops the space before a
capitalised word. Reported when the token starts in lower case, both halves are known
words (two letters or more before the capital, three or more after), and the whole token,
lower-cased, is not itself a known word or name.
Not flagged: names and brands with inner capitals (`YouTube`, `McDonald`, `iPhone`,
`eBay`, `LeBron`: they start with a capital or have a one-letter prefix, or the word lists
know them, like `easyJet`), gene and protein names (`mRNA`, `IgG`, `nCoV`, `SARS-CoV-2`:
the part after the capital is not a word), handles and hashtags (`@realDonaldTrump`,
`#stayHome`), code and URLs.
Example: `the ministryMonday said` -> `the ministry Monday said`.
Fix: unsafe. One space is inserted at the capital; a camel-case identifier written outside
backticks (`logLevel`) looks the same, so the space is added only on request.
"""


from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import UNSAFE, WARNING, Rule, quote
from mt_repair.types import Fix

RULE = Rule("PN010", "run-together-words", "punctuation", WARNING, __doc__)

_JOINED = lazy_re(r"(?<![\w@#$/\\.'’-])([a-z]{2,})([A-Z][a-z]{2,})(?![\w@'’-])")
_SEAM = lazy_re(r"[A-Z](?<=[a-z][a-z][A-Z])(?=[a-z][a-z])")  # rare: found first, the token checked after
_TOKEN_START = lazy_re(r"[a-z]+$")


def check(doc, settings):
    text = doc.text
    lexicon = None
    for c in _SEAM.finditer(text):
        i = doc.line_col(c.start())[0] - 1
        if doc.arabic_lines[i]:
            continue
        ls = doc.lines[i][0]
        t = _TOKEN_START.search(text, max(ls, c.start() - 40), c.start())
        m = _JOINED.match(text, t.start()) if t else None
        if m is None or m.end(1) != c.start() or doc.in_skip(m.start()):
            continue
        if lexicon is None:
            lexicon = settings.lexicon
            if lexicon is None or not lexicon.available("en"):
                return
        left, right = m.group(1), m.group(2)
        if lexicon.is_word(m.group().lower()) or lexicon.is_word(m.group()):
            continue  # `easyJet`, `eBay`-like names the word lists know
        if not (lexicon.is_word(left) and lexicon.is_word(right)):
            continue
        yield RULE.finding(m.start(), m.end(), f"words run together in {quote(m.group())}",
                           Fix.replace(m.end(1), m.end(1), " ", UNSAFE))
