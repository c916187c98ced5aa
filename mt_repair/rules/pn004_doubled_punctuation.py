"""PN004 doubled-punctuation: the same comma, semicolon or full stop printed twice.

What: `،،`, `,,`, `؛؛`, `;;`, an Arabic and a Latin comma or question mark together (`،,`, `؟?`), a comma or
semicolon run into a full stop (`قال،.`, `said,.`), a full stop twice with a space
between (`said. .`, `الاتفاق . .`), and two full stops ending an English sentence (`said..`).
A full stop glued to a comma or semicolon after a whole word (`said., it`, `الوزير.، إن`).
Not flagged: `...` and spaced ellipses (`. . .`), the Arabic headline separator and
Arabic `..` (`كوالالمبور.. التركيز`, `انتظروا..`: Arabic writing uses two dots as a pause),
`!!`/`؟!` (emphasis inside quotations), `etc.,`, `U.S.,`, `Inc.,`, `إلخ.،` (an abbreviation's dot then a comma).
Example: `قال الوزير،، إن` -> `قال الوزير، إن`; `He left. .` -> `He left.`
Fix: safe for repeated commas and semicolons, for `؟?` (the line's own script's mark stays), and for a comma run into a full stop (the
extra marks are removed, the last full stop or the first comma stays); unsafe for two
full stops, which might be a two-dot ellipsis meant as a pause, and for a full stop
glued to a comma (the full stop goes; the sentence may have ended there instead).
"""


from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import SAFE, UNSAFE, WARNING, Rule, quote
from mt_repair.text import AR_LETTER, AR_MARK
from mt_repair.types import Fix

RULE = Rule("PN004", "doubled-punctuation", "punctuation", WARNING, __doc__)

# a run of commas, semicolons and full stops, spaces allowed between them
_RUN = lazy_re(r"[،,؛;.](?:[ \t]*[،,؛;.])+")
_EN_WORD_BEFORE = lazy_re(r"[A-Za-z0-9)\]”’%]")


# an Arabic and a Latin question mark together (`صحيح؟?`): no emphasis mixes scripts
_MIXED_QUESTION = lazy_re(r"؟\?|\?؟")


def _mixed_questions(doc):
    for m in _MIXED_QUESTION.finditer(doc.text):
        if doc.in_skip(m.start()):
            continue
        keep = "؟" if doc.is_arabic_at(m.start()) else "?"
        yield RULE.finding(m.start(), m.end(), f"doubled punctuation {quote(m.group())}",
                           Fix.replace(m.start(), m.end(), keep, SAFE))


def check(doc, settings):
    text = doc.text
    if "؟" in text and "?" in text:
        yield from _mixed_questions(doc)
    if not any(c in text for c in "،,؛;."):
        return
    for m in _RUN.finditer(text):
        run = m.group()
        marks = run.replace(" ", "").replace("\t", "")
        start = m.start()
        if set(marks) == {"."}:
            finding = _stops(doc, m, marks)
        elif len(marks) > 3 and len(set(marks)) > 1 and len(marks.strip(".")) > 1:
            # a decoder loop (`,.,.,,,,`): one finding for the whole run, no fix
            finding = RULE.finding(start, m.end(), f"run of punctuation {quote(run, 30)}")
        else:
            finding = _commas(m, run)
        if finding is not None and not doc.in_skip(start):
            yield finding


def _commas(m, run):
    lead = len(run) - len(run.lstrip("."))
    rest = run[lead:]
    bare = rest.replace(" ", "").replace("\t", "")
    if len(bare) < 2:
        if lead == 1 and run == "." + bare and _after_word(m.string, m.start()):
            # `said., it`, `الوزير.، إن`: a full stop after a whole word, then a comma
            return RULE.finding(m.start(), m.end(), f"full stop then {quote(bare)}",
                                Fix.delete(m.start(), m.start() + 1, UNSAFE))
        return None  # `etc.,` or `wait...,`: an abbreviation's or an ellipsis's dots, then one comma
    s = m.start() + lead
    if bare.endswith(".."):
        return None  # `,...`: an ellipsis after the comma is a matter of style
    if bare.endswith("."):
        # `قال،.` / `said,.`: the full stop ends the sentence; the marks before it go
        e = m.start() + run.rindex(".")
        return RULE.finding(s, m.end(), f"doubled punctuation {quote(rest)}", Fix.delete(s, e, SAFE))
    if "." in bare:
        return RULE.finding(s, m.end(), f"doubled punctuation {quote(rest)}")
    # `،،`, `,,`, `؛ ؛`: the first stays
    return RULE.finding(s, m.end(), f"doubled punctuation {quote(rest)}", Fix.delete(s + 1, m.end(), SAFE))


# the word before a `.,`: a lower-case English word or an Arabic one of four letters or more
_WORD_END = lazy_re(rf"(?<![\w.])(?:[a-z]{{3,}}|[{AR_LETTER}](?:[{AR_LETTER}]|[{AR_MARK}]){{3,}})$")
_ARABIC_ABBR = frozenset({"إلخ", "الخ", "اهـ"})


def _after_word(text, dot):
    """Is text[dot] a full stop right after a whole word, not an abbreviation's (`etc.`, `U.S.`)?"""
    from mt_repair.rules.pn008_lowercase_after_full_stop import ends_with_abbreviation

    w = _WORD_END.search(text, max(0, dot - 40), dot)
    if w is None or w.group() in _ARABIC_ABBR:
        return False
    return not ends_with_abbreviation(text, dot)


def _stops(doc, m, marks):
    """Exactly two full stops: `. .` anywhere, `..` after a word at the end of an English sentence."""
    if len(marks) != 2:
        return None  # `...` and longer: ellipses (a long run is a loop, another rule's)
    text, start, run = doc.text, m.start(), m.group()
    nxt = text[m.end():m.end() + 1]
    if nxt and (nxt.isalnum() or nxt in "/\\"):
        return None  # `. .venv`, `1..5`, `../x`: a path or a range
    if run == "..":
        # Arabic writes `..` as a pause and a headline separator: English lines only
        if start == 0 or doc.is_arabic_at(start) or not _EN_WORD_BEFORE.match(text, start - 1):
            return None
        after = text[m.end():m.end() + 1]
        if after and not (after.isspace() or after in "\"”’)]"):
            return None  # `a..b`: a range or a path, not a sentence end
    return RULE.finding(start, m.end(), f"doubled full stop {quote(run)}",
                        Fix.delete(start + 1, m.end(), UNSAFE))
