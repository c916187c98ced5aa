"""SC005 arabic-in-english: Arabic words left untranslated in English text.

What: a run of Arabic-script words inside a line that is otherwise English, and in a
mostly English text (under a fifth of its letters Arabic) also a short line of at most
five Arabic words: a byline (`By محمد أحمد`), a name, a label. A whole sentence left in
Arabic is PR004's in pair mode.
Why: Arabic→English MT copies through words it does not know (names, dialect, typos
in the source); the English article then carries text its readers cannot read.
Not flagged: Arabic inside quotation marks or brackets right after an English gloss
(`the word "intifada" (انتفاضة)`), which is deliberate.
Example: `The minister said وأضاف that talks would go on.`
Fix: none. Only a translator can say what the words mean.
"""


from mt_repair.lazyre import lazy_re
from mt_repair.document import script_counts
from mt_repair.rules.base import WARNING, Rule, quote
from mt_repair.text import AR_LETTER, AR_MARK

RULE = Rule("SC005", "arabic-in-english", "script", WARNING, __doc__)

_AR_WORD = lazy_re(rf"[{AR_LETTER}]+")
_RUN = lazy_re(rf"[{AR_LETTER}][{AR_LETTER}{AR_MARK}]*(?:[ \t]+[{AR_LETTER}][{AR_LETTER}{AR_MARK}]*)*")


def _between(line, start, end):
    """Is line[start:end] right inside `( )`, `« »` or quotation marks (spaces aside)? Read
    from the run outwards: slicing the line on each side made a long line quadratic."""
    i = start
    while i > 0 and line[i - 1].isspace():
        i -= 1
    if i == 0 or line[i - 1] not in "(«\"“":
        return False
    j, n = end, len(line)
    while j < n and line[j].isspace():
        j += 1
    return j < n and line[j] in ")»\"”"


def check(doc, settings):
    english_text = False
    if doc.language == "en" and any(doc.arabic_lines):
        ar, la = script_counts(doc.text)
        english_text = ar < 0.25 * la
    for (ls, le, line), arabic, (ar, _) in zip(doc.lines, doc.arabic_lines, doc.line_scripts):
        if not ar or arabic and not (english_text and len(_AR_WORD.findall(line)) <= 5):
            continue
        for m in _RUN.finditer(line):
            if _between(line, m.start(), m.end()):
                continue
            if doc.overlaps_skip(ls + m.start(), ls + m.end()):
                continue
            yield RULE.finding(ls + m.start(), ls + m.end(),
                               f"Arabic {quote(m.group())} left in English text")
