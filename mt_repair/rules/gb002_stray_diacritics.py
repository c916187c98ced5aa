"""GB002 stray-diacritics: case and mood endings scattered over a few words of unvocalised text.

What: in Arabic text written without vowel marks, a sentence in which two or more words
close together carry a short vowel or sukun on their last letter (`وهو يُحْصَلُ على ألمِ
الصدرِ`, `أَأْخذُ إختباراتَ`, `قُلتَ بأنّك عِنْدَكَ`), while the rest of the text has none.
MT systems trained on vocalised data (subtitles, religious and learner corpora) emit
such marks patchily; human news writers do not mark case endings.
Not flagged: single disambiguating marks inside a word (`المَحَارَة`, `الجِمال`,
`اكتُشف`), the conventional tanwin (`أيضاً`, `مرةً`, `كلٌ`) and shadda, particles whose
marks are customary (`أنَّ`, `إنَّ`, `ثمَّ`, `لكنَّ`); fully vocalised text: a
run of four or more words that all carry marks (a verse, a line of poetry, a quotation),
text inside `«»`, `""`, `﴿﴾` or brackets, and documents in which vowel marks are common
(more than one word in twenty carries a case ending outside the flagged sentence).
Why: patchy vocalisation is a mark of machine output; it distracts readers and breaks
search and spelling tools. On the TICO-19 Arabic reference and NTREX-128 Arabic it
never fires; the mid OPUS-MT system has several such lines in 600.
Example: `حَسناً عندما عِنْدي ذلك الألمِ في صدرِي` -> the marks removed and the sentence
checked against the source.
Fix: none: stripping the marks would hide a sentence that usually needs retranslating.
"""

from __future__ import annotations


from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import WARNING, Rule, quote
from mt_repair.text import AR_LETTER

RULE = Rule("GB002", "stray-diacritics", "garbled", WARNING, __doc__)

_VOWELS = "\u064E\u064F\u0650\u0652"  # fatha, damma, kasra, sukun
_MARKS = "\u064B-\u0652\u0670"
# a word whose last letter carries a short vowel or sukun (shadda may come with it)
_ENDING = lazy_re(f"[{AR_LETTER}]\u0651?[{_VOWELS}]\u0651?(?![{AR_LETTER}{_MARKS}\u0640])")
_WORD = lazy_re(f"[{AR_LETTER}][{AR_LETTER}{_MARKS}\u0640]*")
_VOWEL = lazy_re(f"[{_VOWELS}]")
_ANY_MARK = lazy_re(f"[{_MARKS}]")
_SHADDA_ONLY = lazy_re("[\u064B\u064C\u064D\u0651]")
# particles whose final marks are customary in unvocalised prose
_PARTICLES = frozenset(("أن", "إن", "ثم", "لكن", "كأن", "لأن", "بأن", "وأن", "وإن", "فإن", "ولكن", "لعل", "ليت"))
# quoted or bracketed text: a verse or a quotation may be vocalised
_QUOTED = lazy_re(r"«[^»\n]*»|\"[^\"\n]*\"|“[^”\n]*”|﴿[^﴾\n]*﴾|\([^)\n]*\)|\[[^\]\n]*\]|\{[^}\n]*\}")
_SENTENCE = lazy_re(r"[^.!?؟؛:\n]+")
_WINDOW = 3  # the marked words lie at most this many words apart
_FULL_RUN = 4  # this many marked words in a row: fully vocalised text, left alone
_STRIP = lazy_re(f"[{_MARKS}\u0640]")


def _ending(word: str) -> bool:
    """A case or mood ending on the last letter, or a fully spelled-out word (a sukun
    with another vowel, `عِنْدي`): never a single disambiguating mark."""
    if _STRIP.sub("", word) in _PARTICLES:
        return False
    if _ENDING.search(word):
        return True
    return "\u0652" in word and any(v in word for v in _VOWELS[:3])


def check(doc, settings):
    text = doc.text
    if len(_VOWEL.findall(text)) < 3:
        return
    endings = _ENDING.findall(text)
    # documents that vocalise their text as a rule (a school text, a religious page)
    total = sum(1 for s, e, t in doc.tokens if "\u0600" <= t[0] <= "\u06FF")
    for (ls, _, body), arabic in zip(doc.lines, doc.arabic_lines):
        if not arabic or len(_VOWEL.findall(body)) < 3:
            continue
        masked = _QUOTED.sub(lambda m: " " * len(m.group()), body)
        for sm in _SENTENCE.finditer(masked):
            words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(sm.group())]
            flags = [_ending(w) for *_, w in words]
            if sum(flags) < 2:
                continue
            marked = [bool(_ANY_MARK.search(_SHADDA_ONLY.sub("", w))) for *_, w in words]
            # fully vocalised runs (a verse, a line of poetry) are someone's deliberate text
            run = best = 0
            for m in marked:
                run = run + 1 if m else 0
                best = max(best, run)
            if best >= _FULL_RUN:
                continue
            idx = [i for i, f in enumerate(flags) if f]
            close = [(a, b) for a, b in zip(idx, idx[1:]) if b - a <= _WINDOW]
            if not close:
                continue
            # the rest of the document must be unvocalised
            if total and (len(endings) - sum(flags)) * 20 > total:
                continue
            a, b = close[0][0], close[-1][1]
            s = ls + sm.start() + words[a][0]
            e = ls + sm.start() + words[b][1]
            if doc.overlaps_skip(s, e):
                continue
            shown = [w for (*_, w), f in zip(words, flags) if f]
            yield RULE.finding(s, e, f"case endings marked on {len(shown)} words "
                                     f"({quote(' '.join(shown[:4]))}) in unvocalised text")
