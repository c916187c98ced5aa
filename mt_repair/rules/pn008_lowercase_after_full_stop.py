"""PN008 lowercase-after-full-stop: an English sentence that starts in lower case after a full stop.

What: `a fair deal. and lasting peace`, `including TNF. something`: either a stray full
stop splits one sentence in two (MT often closes a sentence early and goes on), or the
next sentence lost its capital. Only the editor can tell which, so nothing is changed.
Not flagged: a full stop that ends an abbreviation or initial (`e.g.`, `i.e.`, `U.S.`,
`a.m.`, `et al.`, `approx.`, `vs.`, `Fig.`, `No.`, a single letter, any word with a dot
inside); an ellipsis (`so... and`); a next word written with a capital inside (`iPhone`,
`mRNA`, `eBay`), a name particle (`de`, `van`, `al-`) or a name as written (`amazon.com`,
`user/repo`, `snake_case`); a list number (`1. item`); and
lines that themselves start in lower case (dialogue and notes written without capitals
by design; the rule keeps to text that capitalises its sentences). English lines only.
Example: `They agreed on a fair deal. and lasting peace.` is reported.
Fix: none. Deleting the full stop or raising the letter are both edits of meaning.
"""


from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import WARNING, Rule, quote

RULE = Rule("PN008", "lowercase-after-full-stop", "punctuation", WARNING, __doc__)

# Words written with a full stop in English prose (lower-cased, without the dot). A word
# here ends no sentence by its full stop, so the next word may start in lower case.
ABBREVIATIONS = frozenset("""
    al approx apr ave avg aug abt aka art assn assoc
    blvd bn bros brig
    ca capt cca cf ch chap cit cmdr co col corp const cv
    dec dept det dist div dr
    ed eds eg eq eqs esp est et etc excl ext
    feb fig figs fri ft
    gen gov govt
    hon hr hrs hwy
    ibid ie inc incl insp intl
    jan jr jul jun
    lb lbs lt ltd llc
    maj mar max min mins misc mln mo mon mos mr mrs ms mt
    natl no nos nov
    oct op oz
    p para pl plc pp pres prof pt pts
    ref refs rel rep resp rev rd
    sat sec secs sen sep sept seq sgt sp spp sq sr st std subsp sun supt
    tel thu thur thurs trans transl tue tues
    univ
    var ver viz vol vols vs
    wed wk wks
    yr yrs
""".split())

# Words that may start an English sentence in lower case: name particles and prefixes.
_LOWER_STARTS = frozenset("al el de da di du dos das der den van von ter bin ibn ben le la".split())

_CANDIDATE = lazy_re(r"\.[ \t]+(?=[a-z])")
_WORD_BEFORE = lazy_re(r"[A-Za-z.]+$")
_WORD_AFTER = lazy_re(r"[A-Za-z]+(?P<tail>[.\-'’/_@]?)")
_SENTENCE_END = lazy_re(r"[A-Za-z0-9)\]\"”’'%]")
_LIST_NUMBER = lazy_re(r"[ \t>*#-]*\(?\d{1,3}$")
_FIRST_LETTER = lazy_re(r"[A-Za-z]")


def ends_with_abbreviation(text: str, dot: int) -> bool:
    """Is text[dot] (a full stop) the end of an abbreviation, an initial or an ellipsis?"""
    if dot > 0 and text[dot - 1] == ".":
        return True  # an ellipsis or a doubled stop (PN004 reports that)
    m = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    if not m:
        return False
    word = m.group()
    if "." in word.strip("."):
        return True  # `U.S`, `e.g`, `a.m`, `Ph.D`
    word = word.strip(".")
    return len(word) == 1 or word.lower() in ABBREVIATIONS


def check(doc, settings):
    text = doc.text
    for (ls, le, line), arabic in zip(doc.lines, doc.arabic_lines):
        if arabic or ". " not in line and ".\t" not in line:
            continue
        first = _FIRST_LETTER.search(line)
        if first is None or first.group().islower():
            continue  # a line written without capitals by design (dialogue, notes)
        for m in _CANDIDATE.finditer(text, ls, le):
            dot = m.start()
            if not _SENTENCE_END.match(text, dot - 1) or ends_with_abbreviation(text, dot):
                continue  # after code marks (``x``.) or an abbreviation
            if text[dot - 1:dot].isdigit() and _LIST_NUMBER.match(text, ls, dot):
                continue  # `1. item`
            w = _WORD_AFTER.match(text, m.end())
            word = w.group()
            if any(c.isupper() for c in word) or word.rstrip(".-'’").lower() in _LOWER_STARTS:
                continue  # `iPhone`, `mRNA`, `de Gaulle`, `al-Assad`
            tail = w.group("tail")
            if tail in ("/", "_", "@") or tail == "." and (len(word) <= 2 or word[:-1].lower() in ABBREVIATIONS
                                                             or text[w.end():w.end() + 1].isalpha()):
                continue  # `e.g.` opening the clause; `rspeer/wordfreq`, `amazon.com`: names as written
            if doc.in_skip(dot) or doc.in_skip(m.end()):
                continue
            end = m.end() + len(word.rstrip(".-'’"))
            s = text.rfind(" ", ls, dot)
            s = ls if s < 0 else s + 1
            yield RULE.finding(s, end, f"sentence starts in lower case after a full stop in {quote(text[s:end], 40)}")
