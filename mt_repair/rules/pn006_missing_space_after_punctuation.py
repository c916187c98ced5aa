"""PN006 missing-space-after: a comma, semicolon or sentence mark glued to the next word.

What: `قال،إن`, `المفاوضات؛لكن`, `هل انتهى؟قال`, `الاتفاق.وقال`, `قال:إن` in Arabic; `said.The`,
`however,the`, `said:The`, `agreed;the`, `Why?The` in English: the space after the mark
is missing, so two words run together around it.
Not flagged: digits on either side (`3,5`, `100،000`, `10:30`, `v2.0`: numbers are another
rule's business, but a full stop after a number or a Latin word glued to the next Arabic
word is flagged: `COVID-19.يمكن`); a closing quote glued to the next Arabic word after
`.` `؟` `!` (or `»` `”` after `،`) is flagged (`المناسبة."كما`); abbreviations and initials (`U.S.`, `e.g.`, `a.m.`, Arabic `د.محمد`,
`ق.م`): the word before a full stop must have two letters or more and the chain must not go
on with another full stop; domains and file names (`weather.com`, `Node.js`: lower case after
the dot), and English words after `.` `:` `?` `!` that do not go on as prose (`nx.Graph()`,
`typing.Annotated`); English lists glued on both sides (`Keywords: a,b,c`, CSV); URLs,
e-mail addresses and code (never looked at); a colon before lower case (`std::map`,
`de:Artikel`); a closing quote or bracket after the mark (`الكامل،"`).
Example: `قال الوزير،إن المحادثات` -> `قال الوزير، إن المحادثات`; `he said.The talks` ->
`he said. The talks`.
Fix: safe. One space is inserted after the mark.
"""


from functools import lru_cache

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import SAFE, WARNING, Rule, quote
from mt_repair.text import AR_LETTER, AR_LETTER_RE, AR_MARK
from mt_repair.types import Fix

RULE = Rule("PN006", "missing-space-after", "punctuation", WARNING, __doc__)

_AR_MARKS = "،؛؟!:"
# Arabic: `،` `؛` `؟` `!` `:` after anything but a space, before an Arabic letter; `.` between
# two words of two letters or more (a single letter before it is an abbreviation: `د.`, `م.`).
# The regexes find the mark first (rare) and check the words around it afterwards.
_AR = lazy_re(rf"[{_AR_MARKS}.](?=[{AR_LETTER}])")
_AR_WORD_BEFORE = lazy_re(rf"(?<![{AR_LETTER}{AR_MARK}.])[{AR_LETTER}{AR_MARK}]+$")
# possessive: backing off inside a long word cannot change the lookahead's answer, only rescan
_AR_WORD_AFTER = lazy_re(rf"[{AR_LETTER}][{AR_LETTER}{AR_MARK}]++(?![{AR_LETTER}{AR_MARK}]*\.)")
# English: a word of two lower-case letters or more (the whole token: no dot or capital
# inside, so `U.S.` and `e.g.` never match), then the mark, then a word.
_EN = lazy_re(r"[.:?!](?=[A-Z][a-z]+[ \t]+[\w\"“«(])|[,;،؛](?=[A-Za-z][a-z]+(?:[\s.,;:!?\"”’)]|$))")
_EN_WORD_BEFORE = lazy_re(r"(?:(?<=[\s\"“«(,;])|^)[A-Za-z]?[a-z]+$")
# `a,b,c` (keyword and tag lists, CSV): a comma glued on both sides of one word is a list format
_CHAIN_AFTER = lazy_re(r"[A-Za-z]+[,;]\S")
# Arabic lines: a full stop after a number or a Latin word and before an Arabic word
# (`COVID-19.يمكن`, `عام 2020.وقال`: a decimal has digits on both sides), and a closing
# quote after a sentence mark, glued to the next Arabic word (`المناسبة."كما`)
# (a straight quote after `،` may open a quotation: `قال،"يعاني`, so only after . ؟ !)
_GLUED_MARK = lazy_re(rf"[.\"»”](?=[{AR_LETTER}])")  # the mark first: rare, so a fast scan
_LATIN_OR_DIGIT = frozenset("0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
                            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_WORD = lazy_re(r"[A-Za-z]+")
_DOMAIN_BEFORE = lazy_re(r"(?:\.[A-Za-z]{2,}|[A-Za-z]\.[A-Za-z]+\.?[A-Za-z]*|\d\.\d+)$")


@lru_cache(maxsize=64)
def _message(mark):
    return f"no space after {quote(mark)}"  # a few marks, thousands of findings on a long glued line


def _known_words(settings, *words):
    lexicon = settings.lexicon
    if lexicon is None or not lexicon.available("en"):
        return True
    return all(lexicon.is_word(w, deep=False) for w in words)


def check(doc, settings):
    yield from _words_and_marks(doc, settings)
    yield from _after_latin_or_quote(doc)


def _after_latin_or_quote(doc):
    """`COVID-19.يمكن`, `المناسبة."كما` on Arabic lines: one scan of the whole text."""
    text = doc.text
    for m in _GLUED_MARK.finditer(text):
        pos, mark = m.start(), m.group()
        before = text[pos - 1] if pos else "\n"
        if not (mark == "." and before in _LATIN_OR_DIGIT or mark != "." and (before in ".؟!" or before == "،" and mark != '"')):
            continue
        if not doc.is_arabic_at(pos) or doc.in_skip(pos) or doc.in_skip(pos + 1):
            continue
        ls = doc.line_starts[doc.line_col(pos)[0] - 1]  # not rfind: a long line would be rescanned per mark
        if mark == "." and _DOMAIN_BEFORE.search(text, max(ls, pos - 60), pos):
            continue  # `weather.com` is a domain
        yield RULE.finding(pos, pos + 1, _message(mark), Fix.replace(pos + 1, pos + 1, " ", SAFE))


def _words_and_marks(doc, settings):
    text = doc.text
    for (ls, le, line), arabic in zip(doc.lines, doc.arabic_lines):
        spaces = None  # counted once per line, when first needed
        for m in (_AR if arabic else _EN).finditer(text, ls, le):
            pos, mark = m.start(), m.group()
            if pos == ls or text[pos - 1].isspace():
                continue  # a mark opening a word or line (PN007's)
            if not arabic and not ("a" <= text[pos - 1] <= "z" and pos - ls >= 2 and "a" <= text[pos - 2] <= "z"):
                continue  # English: two lower-case letters before the mark
            if arabic and mark == ".":
                before = _AR_WORD_BEFORE.search(text, max(ls, pos - 40), pos)
                if before is None or len(AR_LETTER_RE.findall(before.group())) < 2 \
                        or not _AR_WORD_AFTER.match(text, pos + 1):
                    continue  # `د.محمد`, `ق.م`, `ج.م.ع`: abbreviations
            if not arabic:
                # a window, not the whole line before the mark (quadratic on a long line)
                before = _EN_WORD_BEFORE.search(text, max(ls, pos - 40), pos)
                if before is None:
                    continue  # `U.S.The`, `nx.Graph`, `<regex.Match`: not a prose word before the mark
                if mark in ",;،؛" and spaces is None:
                    spaces = line.count(" ")
                if mark in ",;،؛" and (text[before.start() - 1:before.start()] in (",", ";")
                                       or _CHAIN_AFTER.match(text, pos + 1) or spaces < 6):
                    continue  # `a,b,c`, `Keywords: test,unittest`: a list or CSV, not prose
                if mark == "." and not _known_words(settings, before.group(), _WORD.match(text, pos + 1).group()):
                    continue  # `pickle.Pickler`: a module and a name, not two sentences
            if doc.in_skip(pos) or doc.in_skip(pos + 1):
                continue
            yield RULE.finding(pos, pos + 1, _message(mark),
                               Fix.replace(pos + 1, pos + 1, " ", SAFE))

