"""Arabic and Latin spellings of one name, compared by sound class.

A name crosses between the scripts by transliteration: `Huanan` is `هوانان`, `Longini`
`لونغيني`, `remdesivir` `ريمديسيفير`. Both spellings are mapped to one alphabet of sound
classes (b/p = ب, f/v/ph = ف, g/j/k/q/hard c = ج غ ق ك, s/z/soft c = س ص ز ث ذ ظ, …)
and compared two ways:
- `skeleton`: the consonant classes alone, runs collapsed (`remdesivir` → `RMDSFR`);
  `explains` says whether two skeletons are close enough (edit distance 0 for three
  classes or fewer, 1 up to six, 2 beyond) to be one name;
- `fit`: a weighted distance that also counts the vowels Arabic writes (ا و ي as A/U/I;
  a short Latin vowel Arabic leaves out costs 0.4), so that of two Latin spellings of
  one Arabic word the closer one wins (`هوانان`: `Huanan` 0, `Hunan` 0.4).

`KnownWords` indexes wordfreq's English list by skeleton, to find the ordinary spelling
an Arabic transliteration stands for (`فيروس` → `virus`, `بلازما` → `plasma`): a file
sorted by skeleton, built once (`python -m mt_repair.lexicon build` builds it ahead, as
`make setup` does) and read through a memory map by binary search, so a check that
looks up a few skeletons does not parse 300k lines.

Every function here is pure and memoised: a pair compares the same few hundred source
words and tokens again and again.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_AR_CLASS = {
    "ب": "B", "پ": "B", "ف": "F", "ڤ": "F", "ج": "K", "غ": "K", "ق": "K", "ك": "K", "گ": "K", "خ": "K",
    "س": "S", "ص": "S", "ز": "S", "ث": "S", "ذ": "S", "ظ": "S", "ش": "X", "ت": "T", "ط": "T", "د": "D", "ض": "D",
    "X": "X", "ح": "H", "ه": "H", "م": "M", "ن": "N", "ل": "L", "ر": "R",
    "ا": "A", "آ": "A", "أ": "A", "إ": "A", "ى": "A", "ة": "A", "و": "U", "ي": "I",
}
_VOWELS = frozenset("AIU")
# proclitics written on an Arabic word before a transliterated name (و ب ل ف ك, then ال)
_CLITIC = re.compile(r"^(?:[وف]?(?:[بلك]?ال|لل|[بلك])?)")
_LATIN_DIGRAPHS = (("sch", "X"), ("ph", "F"), ("th", "T"), ("sh", "X"), ("kh", "K"), ("gh", "K"),
                   ("ck", "K"), ("cz", "X"), ("qu", "K"), ("rh", "R"), ("wh", "U"), ("x", "KS"))
_LATIN_CLASS = {"b": "B", "p": "B", "f": "F", "v": "F", "g": "K", "j": "K", "k": "K", "q": "K",
                "s": "S", "z": "S", "t": "T", "d": "D", "h": "H", "m": "M", "n": "N", "l": "L", "r": "R",
                "a": "A", "e": "I", "i": "I", "y": "I", "o": "U", "u": "U", "w": "U"}


def _collapse(seq: str) -> str:
    out = []
    for ch in seq:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=1 << 16)
def latin_forms(word: str, plural: bool = True) -> tuple[str, ...]:
    """The sound-class spellings of a Latin word (`ch` may be `X` or `K`); with `plural`,
    also without a final plural `s`."""
    w = word.lower()
    forms = [""]
    i = 0
    while i < len(w):
        for dg, cls in _LATIN_DIGRAPHS:
            if w.startswith(dg, i):
                if dg == "sh" and i:  # `Sinsheim`: s and h may belong to two syllables
                    forms = [f + c for f in forms for c in (cls, "SH")]
                else:
                    forms = [f + cls for f in forms]
                i += len(dg)
                break
        else:
            ch = w[i]
            if ch == "c":
                if w.startswith("ch", i):
                    forms = [f + c for f in forms for c in ("X", "K")]
                    i += 2
                    continue
                forms = [f + ("S" if w[i + 1:i + 2] in ("e", "i", "y") else "K") for f in forms]
            else:
                forms = [f + _LATIN_CLASS.get(ch, "") for f in forms]
            i += 1
    if plural and w.endswith("s") and len(w) > 4 and not w.endswith("ss"):  # a plural renders the singular
        forms += [f[:-1] for f in forms if f.endswith("S")]
    if len(w) > 4 and w.endswith("e") and w[-2] not in "aeiouy":  # a silent final e (`kinase`)
        forms += [f[:-1] for f in forms if f.endswith("I")]
    return tuple(dict.fromkeys(_collapse(f) for f in forms))


@lru_cache(maxsize=1 << 16)
def arabic_forms(word: str) -> tuple[str, ...]:
    """The sound-class spellings of an Arabic word, with and without its proclitics."""
    w = _MARKS.sub("", word)
    stems = {w}
    m = _CLITIC.match(w)
    if m and m.end() and len(w) - m.end() >= 2:
        stems.add(w[m.end():])
        if m.group() in ("ال", "وال", "فال", "لل", "ولل"):
            stems = {w[m.end():]}  # the article is no part of a name the English spells without it
        elif w[:1] in "وف" and len(w) > 3:
            stems.add(w[1:])
    for stem in list(stems):  # a plural or a dual (`فيروسات`, `فيروسين`) renders the singular
        for end in ("ات", "ين", "ون", "ان"):
            if stem.endswith(end) and len(stem) - len(end) >= 3:
                stems.add(stem[:-len(end)])
                if end == "ات":  # `بلازمات`: the singular's final vowel gives way to the ending
                    stems.add(stem[:-2] + "ا")
    out = []
    for s in sorted(stems, key=lambda x: (-len(x), x)):  # the whole word first; never set order
        seq = s.replace("تش", "X")
        seq = "".join(_AR_CLASS.get(ch, "") for ch in seq)
        out.append(_collapse(seq))
    return tuple(dict.fromkeys(f for f in out if f))


@lru_cache(maxsize=1 << 16)
def skeleton(form: str) -> str:
    """The consonant classes of a sound-class spelling, runs collapsed."""
    return _collapse("".join(c for c in form if c not in _VOWELS))


def levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@lru_cache(maxsize=1 << 17)
def explains(a: str, b: str) -> bool:
    """Are two consonant skeletons close enough to be one name spelled in two scripts?"""
    n = max(len(a), len(b))
    if min(len(a), len(b)) < 2:
        return False
    limit = 0 if n <= 3 else 1 if n <= 6 else 2
    return abs(len(a) - len(b)) <= limit and within(a, b, limit)


def within(a: str, b: str, k: int) -> bool:
    """levenshtein(a, b) <= k, cheaply: the common ends cost nothing, and a letter of one
    found nowhere in the other costs at least one edit."""
    if a == b:
        return True
    i, m = 0, min(len(a), len(b))
    while i < m and a[i] == b[i]:
        i += 1
    a, b = a[i:], b[i:]
    j = 0
    while j < len(a) and j < len(b) and a[-1 - j] == b[-1 - j]:
        j += 1
    if j:
        a, b = a[:-j], b[:-j]
    if abs(len(a) - len(b)) > k:
        return False
    if len(a) <= 1 and len(b) <= 1:  # one substitution, insertion or deletion
        return k >= 1
    if sum(c not in b for c in a) > k or sum(c not in a for c in b) > k:
        return False
    return levenshtein(a, b) <= k


def _cost(c: str) -> float:
    return 0.4 if c in _VOWELS else 0.5 if c == "H" else 1.0


@lru_cache(maxsize=1 << 17)
def fit(latin: str, arabic: str) -> float:
    """How far a Latin sound-class spelling is from an Arabic one, vowels weighed lightly."""
    prev = [0.0]
    for c in arabic:
        prev.append(prev[-1] + _cost(c))
    for cl in latin:
        cur = [prev[0] + _cost(cl)]
        for j, ca in enumerate(arabic, 1):
            if cl == ca:
                sub = 0.0
            elif cl in _VOWELS and ca in _VOWELS:
                sub = 0.4
            else:
                sub = 1.0
            cur.append(min(prev[j] + _cost(cl), cur[j - 1] + _cost(ca), prev[j - 1] + sub))
        prev = cur
    return prev[-1]


_WORD = re.compile(r"[a-z]+")


class KnownWords:
    """English words (wordfreq's large list, alphabetic, 3 letters or more) by skeleton,
    most frequent first: lines `skeleton<TAB>word<TAB>zipf` sorted by skeleton, searched
    by bisection (a skeleton's words are one run of lines)."""

    def __init__(self, data):
        self._data = data  # bytes or a read-only mmap

    def _line_start_after(self, pos: int) -> int:
        nl = self._data.find(b"\n", pos)
        return len(self._data) if nl < 0 else nl + 1

    def get(self, skel: str) -> list[tuple[str, float]]:
        """(word, Zipf frequency) of the words with this skeleton."""
        data, key = self._data, skel.encode("ascii") + b"\t"
        n = len(key)
        lo, hi = 0, len(data)  # line starts: every line before lo sorts below key, hi's not
        while lo < hi:
            mid = (lo + hi) // 2
            s = mid if mid == 0 or data[mid - 1:mid] == b"\n" else self._line_start_after(mid)
            if s >= hi:  # no line starts in [mid, hi): step from lo
                s = lo
            if data[s:s + n] < key:
                lo = self._line_start_after(s)
            else:
                hi = s
        out = []
        while data[lo:lo + n] == key:
            end = self._line_start_after(lo)
            _, word, zipf = data[lo:end].decode("ascii").rstrip("\n").split("\t")
            out.append((word, float(zipf)))
            lo = end
        return out

    @staticmethod
    def build_lines(frequencies: dict[str, float]) -> list[str]:
        """The index's lines, sorted by skeleton; within one, in `frequencies`' order."""
        import math

        out = []
        for w, freq in frequencies.items():
            if len(w) >= 3 and _WORD.fullmatch(w):
                zipf = round(math.log10(freq) + 9, 2)
                for form in latin_forms(w, plural=False):
                    out.append((skeleton(form), f"{skeleton(form)}\t{w}\t{zipf}"))
        out.sort(key=lambda x: x[0])  # stable: the most frequent first within a skeleton
        return [line for _, line in out]


def _index_name() -> str | None:
    from mt_repair.lexicon import _wordfreq_version

    version = _wordfreq_version()
    return None if version is None else f"skeletons8-en-{version}.tsv"


def _cache_path() -> Path | None:
    from mt_repair.lexicon import PACKAGED, cache_dir

    name = _index_name()
    if name is None:
        return None
    packaged = PACKAGED / name  # built into a wheel by setup.py
    return packaged if packaged.is_file() else cache_dir() / name


def build_known_words(folder: Path | None = None) -> Path | None:
    """Build the skeleton index into `folder` (default: the user cache) and return its
    path, or None without wordfreq or when it cannot be written (`python -m
    mt_repair.lexicon build` calls this, so no check pays the ~4 s)."""
    import tempfile

    name = _index_name()
    if name is None:
        return None
    import wordfreq

    if folder is None:
        from mt_repair.lexicon import cache_dir

        folder = cache_dir()
    target = folder / name
    text = "\n".join(KnownWords.build_lines(wordfreq.get_frequency_dict("en", "large"))) + "\n"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except OSError:
        return None
    return target


@lru_cache(maxsize=1)
def known_words() -> KnownWords | None:
    """The skeleton index of English words; None without wordfreq. Built on first use
    when no build put it in the cache ahead."""
    path = _cache_path()
    if path is None:
        return None
    if not path.is_file():
        built = build_known_words(path.parent)
        if built is None:  # a read-only cache costs time, not results
            import wordfreq

            lines = KnownWords.build_lines(wordfreq.get_frequency_dict("en", "large"))
            return KnownWords(("\n".join(lines) + "\n").encode("ascii"))
    from mt_repair.lexicon import _map

    return KnownWords(_map(path))
