"""RP010 relational-loop: an Arabic word tied back to its own stem (`المجتمعات الخاصة بالمجتمعية`).

What: a decoder loop in which a word is followed by a relational adjective and the same
stem again, or by its own derived adjective:
- word + relational word + `بـ`/`لـ` + the same stem (`الأمراض الخاصة بالأمراض`,
  `المعايير المعنية بالمعايير`, `المجتمعات التابعة للمجتمعية`, `الحصانة ذات الصلة
  بالحصانة`), reported when the second copy is a different derivation (a noun and its
  nisba adjective), when the loop turns twice (`بالأمراض الخاصة بالأمراض الخاصة
  بالأمراض`), when the relational word only means "concerning" (`الخاص`, `المعني`,
  `المتعلق`, `المتصل`, `العائد`, `المنسوب`, `ذات الصلة`), or when the second copy ends the
  phrase;
- a noun followed by its own nisba adjective (`المجتمعات المجتمعية`, `للحكومات
  الحكومية`, `البحر البحرية`).
The relational word is recognised by its shape (a participle `مـ…`, a `فاعل` form such as
`تابع`, `خاص`, or `ذات/ذي الصلة`), not from a list of seen connectors.
Not flagged: a relation between two different things of one kind that the text goes on
to qualify (`الشركات التابعة للشركات الأجنبية`, `الدول المجاورة للدول الأعضاء`), stems of
under three letters, exact doubles (RP001), lines that are not Arabic.
Why: "the diseases concerning the diseases" says nothing; MT decoders produce these
loops when they lose the thread of a noun phrase. No line of the TICO-19 Arabic
reference or of NTREX-128 Arabic has one; the weakest OPUS-MT system has 18 in 600.
Example: `لا يوجد علاج للأمراض الخاصة بالأمراض الخاصة بالأمراض` -> rewrite the phrase
from the source.
Fix: none (the intended words are unknown).
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from itertools import compress, count, repeat
from operator import eq

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import WARNING, Rule, quote
from mt_repair.text import AR_LETTER, AR_MARK_RE

RULE = Rule("RP010", "relational-loop", "repetition", WARNING, __doc__)

_WORD = lazy_re(f"[{AR_LETTER}][{AR_LETTER}\u064B-\u0652\u0670\u0640]*")
# what may separate two words of one phrase (spaces only; punctuation ends the phrase)
_GAP = lazy_re(r"[ \u00A0]+")
_PROCLITIC = lazy_re("^(?:[وف]?(?:بال|كال|لل|ال|ب|ل|ك)|[وف])")
_NISBA = ("يات", "يين", "يون", "ية")
_SUFFIXES = ("يات", "يين", "يون", "ية", "ات", "ين", "ون", "ان", "ة")
# relational words that only mean "concerning, belonging to": X + one of these + X is empty
_PERTAINING = ("خاص", "معني", "متعلق", "متصل", "عائد", "منسوب", "مخصص")
# the shape of a relational adjective: a participle (مـ…) or a فاعل form, definite or not,
# with an agreement ending
_RELATIONAL = lazy_re("^(?:ال)?(?:م[" + AR_LETTER + "]{3,5}|[" + AR_LETTER + "]ا[" + AR_LETTER + "]{1,2})"
                         "(?:ة|ين|ون|ات|ان)?$")
_LINKED = lazy_re("^(?:ذات|ذي|ذو)$")
_LINK_NOUN = lazy_re("^(?:الصلة|العلاقة)$")


@lru_cache(maxsize=8192)
def _analyse(word: str) -> tuple[str, bool, bool, str]:
    """(stem, nisba?, has a ب/ل proclitic?, body without clitics) for a word."""
    w = AR_MARK_RE.sub("", word)
    m = _PROCLITIC.match(w)
    body = w[m.end():] if m and len(w) - m.end() >= 3 else w
    prep = bool(m) and body is not w and ("ب" in m.group() or "ل" in m.group().replace("ال", "", 1))
    nisba = body.endswith(_NISBA)
    stem = body
    for suf in _SUFFIXES:
        if stem.endswith(suf) and len(stem) - len(suf) >= 3:
            stem = stem[: -len(suf)]
            break
    return stem, nisba, prep, body


def _pertaining(word: str) -> bool:
    body = AR_MARK_RE.sub("", word)
    body = body[2:] if body.startswith("ال") else body
    return body.startswith(_PERTAINING)


# The stems of many words at once, exactly as `_analyse` finds them: the words, each
# after a newline, lose their marks; then the first proclitic `_PROCLITIC.match` finds
# goes (atomic: no shorter one is tried) if three letters remain; then, on the reversed
# text, where each word's end follows a newline, the first suffix in `_SUFFIXES` order
# that leaves three letters. Both scans start from a newline, which is fast.
_STRIP_PROCLITIC = lazy_re("\n(?>" + _PROCLITIC.pattern[1:] + ")(?=[^\n]{3})")
_STRIP_SUFFIX_REVERSED = lazy_re("\n(?:" + "|".join(suf[::-1] for suf in _SUFFIXES) + ")(?=[^\n]{3})")
_WORD_OR_LINE = lazy_re(_WORD.pattern + "|\n")
_LINKED_WORDS = ("ذات", "ذي", "ذو")


def _stems(words) -> dict:
    """word -> `_analyse(word)[0]`, for distinct words without newlines."""
    words = list(words)
    text = AR_MARK_RE.sub("", "\n" + "\n".join(words) + "\n")
    text = _STRIP_PROCLITIC.sub("\n", text)
    text = _STRIP_SUFFIX_REVERSED.sub("\n", text[::-1])[::-1]
    return dict(zip(words, text[1:-1].split("\n")))


_CHUNK = 1024  # lines stemmed at once: bounds the word lists of a big file (~13 bytes a byte)


def _loop_lines(bodies: list[str]) -> list[int]:
    """`_lines_with_pairs` by chunks of lines, each with the next three lines (a pair
    reaches at most three words, so three line breaks, on); same result."""
    if len(bodies) <= _CHUNK:
        return _lines_with_pairs(bodies[:])
    out = []
    for a in range(0, len(bodies), _CHUNK):
        out.extend(a + i for i in _lines_with_pairs(bodies[a:a + _CHUNK + 3]) if i < _CHUNK)
    return out


def _lines_with_pairs(bodies: list[str]) -> list[int]:
    """Indices of the lines that may hold a loop. Every loop ties a word (of a stem of
    three letters or more) to a word of the same stem one word on (noun + nisba: a
    different word), or two or three words on (word + relational word (+ الصلة) + the
    stem again with ب/ل); lines without such a pair cannot hold one. The words of all
    lines are stemmed at once."""
    flat = _WORD_OR_LINE.findall("\n".join(bodies))  # words, and "\n" between lines
    words = set(flat)
    words.discard("\n")
    stem_of = _stems(words)
    stem_of["\n"] = "\n"  # a line break: only like itself, and never three letters
    stems = list(map(stem_of.__getitem__, flat))
    breaks = None
    out = set()
    n = len(stems)
    for d in (1, 2, 3):
        for i in compress(range(n - d), map(eq, stems, stems[d:])):
            k = i + d
            if len(stems[i]) < 3:
                continue
            if d == 1:
                ok = flat[i] != flat[k]
            else:
                ok = _analyse(flat[k])[2] and (d == 2 or flat[i + 1] in _LINKED_WORDS)
            if ok:
                if breaks is None:  # where the lines end in `flat`
                    breaks = list(compress(count(), map(eq, flat, repeat("\n"))))
                out.add(bisect.bisect_left(breaks, i))
    return sorted(out)


class _Bodies:
    """The texts of lines[i] for i in `keep`, made a slice at a time (not all at once:
    a big file's lines are made as they are read, see Document.lines)."""

    def __init__(self, lines, keep):
        self.lines, self.keep = lines, keep

    def __len__(self):
        return len(self.keep)

    def __getitem__(self, part: slice):
        lines = self.lines
        return [lines[i][2] for i in self.keep[part]]


def check(doc, settings):
    lines = doc.lines
    keep = [i for i, ((ls, le, _), arabic) in enumerate(zip(lines, doc.arabic_lines)) if arabic and le - ls >= 12]
    if not keep:
        return
    for li in _loop_lines(_Bodies(lines, keep)):
        ls, _, body = lines[keep[li]]
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(body)]
        if len(words) < 2:
            continue
        info = [_analyse(w) for *_, w in words]
        # adjacent within one phrase: only spaces between them
        joined = [i + 1 < len(words) and _GAP.fullmatch(body, words[i][1], words[i + 1][0]) is not None
                  for i in range(len(words))]
        hits: list[tuple[int, int, bool]] = []  # (first word, last word, a turn)
        for i in range(len(words) - 1):
            stem, nisba, _, b = info[i]
            if len(stem) < 3 or not joined[i]:
                continue
            # noun + its own nisba adjective
            s2, n2, p2, b2 = info[i + 1]
            if s2 == stem and n2 and not nisba and not p2 and b2 != b:
                hits.append((i, i + 1, False))
                continue
            # word + relational word (or ذات الصلة) + ب/ل + the same stem
            j = i + 1
            if _LINKED.match(words[j][2]) and j + 1 < len(words) and joined[j] and _LINK_NOUN.match(words[j + 1][2]):
                rel_end, pertaining = j + 1, True
            elif _RELATIONAL.match(AR_MARK_RE.sub("", words[j][2])) and info[j][0] != stem:
                rel_end, pertaining = j, _pertaining(words[j][2])
            else:
                continue
            k = rel_end + 1
            if k >= len(words) or not joined[rel_end]:
                continue
            s3, n3, p3, _ = info[k]
            if s3 != stem or not p3:
                continue
            phrase_end = not joined[k] or k + 1 >= len(words)
            turns_again = (k + 2 < len(words) and joined[k] and joined[k + 1]
                           and info[k + 2][0] == stem and info[k + 2][2])
            if n3 != nisba or turns_again or pertaining or phrase_end:
                hits.append((i, k + 2 if turns_again else k, True))
        if not hits:
            continue
        # merge overlapping hits into one finding per loop
        merged: list[list[int]] = []
        for a, b, _ in sorted(hits):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        for a, b in merged:
            s, e = ls + words[a][0], ls + words[b][1]
            if doc.overlaps_skip(s, e):
                continue
            yield RULE.finding(s, e, f"{quote(doc.text[s:e])} ties a word back to its own stem "
                                     f"(a decoder loop)")
