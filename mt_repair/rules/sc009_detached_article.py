"""SC009 detached-article: the Arabic article `ال` or the conjunction `و` standing alone before its word.

What: `ال مجلس` for `المجلس`, `الحمى و صداع` for `الحمى وصداع`: the article or the
conjunction split from its word by a space, as MT detokenisers and some sub-word
segmenters leave them (Arabic writes both joined; none of the TICO-19 reference and one
of the 1,997 NTREX-128 Arabic lines has a detached `و`).
Why: the two pieces are no word at all, so search, spell check and glossary matching
miss the noun, and a reader stumbles on it.
Not flagged: `ال` for `آل` written without its madda before a family name, where a
name with `بن` comes just before or a word for a family (`أسرة`, `عائلة`) does
(`تميم بن حمد ال ثاني`, `أسرة ال سعود`); `ال` before a spelled Latin letter
(`ال إس يو` for LSU); any case where `ال` + the word is not an Arabic word; and
`وال`, `بال`, `فال` alone, which are words or names themselves (`على بال`, `وال ستريت`).
A detached `و` is not flagged between spelled letters or letter names (`أ و ب`, `A و باء`),
where it may stand for the letter itself; at the start of a line (`و هل لديك حمى؟`, seven
in the TICO-19 system output, none in its reference or NTREX-128) it is flagged unless the
line before opens with `هـ`, the label before `و` in an abjad-lettered list.
Example: `اجتمع ال مجلس أمس` -> `اجتمع المجلس أمس`.
Fix: unsafe (the space is removed): `ال` may still be a family's `آل`.
"""


from mt_repair.lazyre import lazy_re
from mt_repair.lexicon import wordfreq_words
from mt_repair.rules.base import UNSAFE, WARNING, Rule, quote
from mt_repair.text import AR_LETTER, AR_MARK, SPELLED_LATIN_LETTERS
from mt_repair.types import Fix

RULE = Rule("SC009", "detached-article", "script", WARNING, __doc__)

_DETACHED = lazy_re(rf"(?<![{AR_LETTER}{AR_MARK}\w])(ال)([ \t]+)([{AR_LETTER}][{AR_LETTER}{AR_MARK}]*)")
# Latin letters spelled in Arabic (`إس` S, `إف` F, `بي` B ...): `ال إس يو` is LSU.
LETTER_NAMES = SPELLED_LATIN_LETTERS
FAMILY_WORDS = frozenset("أسرة اسرة عائلة عشيرة قبيلة أسر عائلات حكم أبناء بيت".split())
_WORD_BEFORE = lazy_re(rf"([{AR_LETTER}][{AR_LETTER}{AR_MARK}]*)[ \t]+$")


def _family(line, start):
    """`بن حمد ال ثاني`, `أسرة ال سعود`: `ال` is the family's `آل`."""
    words = line[:start].split()[-3:]
    if not words:
        return False
    return words[-1] in FAMILY_WORDS or "بن" in words or "بنت" in words or "ابن" in words


# `و` alone between two words; the names of the Arabic letters, which lists spell out
_DETACHED_WAW = lazy_re(rf"(?<![{AR_LETTER}{AR_MARK}\w])و([ \t]+)(?=[{AR_LETTER}])")
ARABIC_LETTER_NAMES = frozenset(
    "ألف باء تاء ثاء جيم حاء خاء دال ذال راء زاي سين شين صاد ضاد طاء ظاء عين غين فاء قاف كاف لام ميم نون هاء واو ياء".split())


def _word_before(line, i):
    """[the last word before line[i]] or [], as line[:i].split()[-1:] but without splitting
    the whole line for every match (quadratic on a long line)."""
    j = i
    while j > 0 and line[j - 1].isspace():
        j -= 1
    k = j
    while k > 0 and not line[k - 1].isspace():
        k -= 1
    return [line[k:j]] if j > k else []


def _word_after(line, i):
    """[the first word from line[i] on] or [], as line[i:].split()[:1]."""
    j = i
    while j < len(line) and line[j].isspace():
        j += 1
    k = j
    while k < len(line) and not line[k].isspace():
        k += 1
    return [line[j:k]] if k > j else []


_MARKERS = frozenset("- * + > • ·".split())
_ABJAD_FIFTH = ("هـ", "ه ", "ه-", "ه)", "ه.")


def _after_abjad_label(lines, i):
    """The last non-blank line before line i opens with `هـ`, the label before `و` in an
    abjad-lettered list (أ ب ج د هـ و): there `و` is a label, not a conjunction."""
    for k in range(i - 1, max(-1, i - 4), -1):
        prev = lines[k][2].strip()
        if prev:
            return prev.startswith(_ABJAD_FIFTH)
    return False


def _waws(doc):
    for i, ((ls, le, line), arabic) in enumerate(zip(doc.lines, doc.arabic_lines)):
        if not arabic or "و " not in line and "و\t" not in line:
            continue
        for m in _DETACHED_WAW.finditer(line):
            before, after = _word_before(line, m.start()), _word_after(line, m.end())
            if not after:
                continue  # `و` ending a line: a cut line
            if before and before[0] in _MARKERS and not line[:m.start()].strip(" \t" + before[0]):
                before = []  # `- و هل`: a bullet, then the line's first word
            if not before and _after_abjad_label(doc.lines, i):
                continue  # `و` opening a line: the sixth label of an abjad list
            if any(len(w.strip("()[]،,.")) <= 1 or w.strip("()[]،,.") in LETTER_NAMES
                   or w.strip("()[]،,.") in ARABIC_LETTER_NAMES for w in before + after):
                continue  # `أ و ب`, `A و باء`: letters named in a list
            start = ls + m.start()
            if doc.overlaps_skip(start, start + 1):
                continue
            yield RULE.finding(start, ls + m.end() + len(after[0]),
                               f"conjunction «و» split from its word in {quote('و ' + after[0])}",
                               Fix.delete(ls + m.start(1), ls + m.end(1), UNSAFE))


def check(doc, settings):
    yield from _waws(doc)
    if "ال " not in doc.text and "ال\t" not in doc.text:
        return
    words = wordfreq_words("ar")
    for (ls, le, line), arabic in zip(doc.lines, doc.arabic_lines):
        if not arabic or "ال" not in line:
            continue
        for m in _DETACHED.finditer(line):
            article, noun = m.group(1), m.group(3)
            if noun in LETTER_NAMES or noun.startswith("ال") or _family(line, m.start()):
                continue
            joined = "ال" + noun
            if words is None or joined not in words:
                continue
            start, end = ls + m.start(), ls + m.end()
            if doc.overlaps_skip(start, end):
                continue
            gap = ls + m.start(2)
            yield RULE.finding(start, end,
                               f"article split from its word in {quote(m.group())} (write {quote(article + noun)})",
                               Fix.delete(gap, gap + len(m.group(2)), UNSAFE))
