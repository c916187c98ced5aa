"""TM003 name-drift: an English name or term spelled anew, a near miss of a glossary form.

What: a word in English text (or a hyphenated compound such as `Koffed-19`) that is not a
dictionary word nor a glossary form, and is a near miss of a glossary English form
(canonical or variant): the same shape (the same number of hyphen parts and the same
digits: `-19`, `-2`) and consonant skeletons that are equal or close after spelling
normalisation (`c`/`k`/`q`, `v`/`f`, doubled letters, vowels dropped): `Coved-19`,
`Coffid 19`, `CODE-19` for COVID-19, `SARS-KOV-2`, `Srass-Kov-2` for SARS-CoV-2,
`Mears` for MERS, `Zelinsky` for Zelensky. A compound with a digit tail is a near miss
even when its letters spell a word (`Covered-19`). A single word must start with a capital,
have at least four letters and share its first consonant with the form; a single word or a
compound of letters only counts where the article also names the entry or (a compound)
each part keeps its first consonant (an unknown surname near a glossary name is another
person: `El-Erian` is not `al-Burhan`; `Mers-Koff` is MERS-CoV), and a
plural of a glossary form (`SARS-CoVs`) is not a drift.
In Arabic text: a word (behind its clitics) with the consonants of a one-word glossary
person or term whose letters drifted (`سيرس`, `سراس` for `سارس`), no common word, no
glossary form, not the name with an ending (`أوروبي`), in an article that also writes the
name the house way (alone, `سيرس` may be Cyrus); places are left out (their adjectives).
Why: MT systems without a term list transliterate a name afresh on every line; readers
and archive search lose the entity. Forms the glossary lists as variants are TM001's.
Example: `Patients with Coved-19 were isolated.` -> `Patients with COVID-19 were isolated.`
Fix: unsafe, to the canonical form, when exactly one glossary entry is near and the matched
form is a whole glossary form; none otherwise, nor when the compound's head part names
another entry (`MERS-CoV-2` is shaped like SARS-CoV-2 but headed like MERS-CoV: both shown).
"""

from __future__ import annotations

import bisect
import re
import weakref
from difflib import SequenceMatcher

from mt_repair.lazyre import lazy_re
from mt_repair.lexicon import common_words, speller, wordfreq_words
from mt_repair.rules.base import UNSAFE, WARNING, Rule, quote
from mt_repair.text import strip_marks
from mt_repair.types import Fix

RULE = Rule("TM003", "name-drift", "terminology", WARNING, __doc__)

# a word, or a compound of words and numbers joined by hyphens; a number tail may be
# separated by a space (`Coffid 19`)
_CAND_RE = lazy_re(r"(?<![\w'’-])[A-Za-z]+(?:-[A-Za-z0-9]+)*(?:[- ]\d{1,3})?(?![\w-])")
_COMPOUND_MIN = 0.7   # skeleton similarity for compounds with the same digit tail
_TIE = 0.05           # two forms this close in similarity are equally near: no fix
_WORD_MIN = 0.85      # for single words (names): stricter


_SOFT_C = lazy_re(r"c(?=[eiy])")
_HARD = str.maketrans("cqvwz", "kkfvs")
_VOWEL = lazy_re(r"[aeiouyh'’]")
_DOUBLE = lazy_re(r"(.)\1+")


def _skeleton(word: str) -> str:
    w = word.lower()
    w = w.replace("ph", "f").replace("ck", "k")
    w = _SOFT_C.sub("s", w)
    w = w.translate(_HARD)
    w = _VOWEL.sub("", w)
    return _DOUBLE.sub(r"\1", w)


def _bound_below(a: str, b: str, threshold: float) -> bool:
    """An upper bound of SequenceMatcher(None, a, b).ratio() (the letters the two have
    in common, as difflib's quick_ratio) is below `threshold`: the ratio is too."""
    common = sum(min(a.count(c), b.count(c)) for c in set(a))
    return 2.0 * common / (len(a) + len(b)) < threshold


def key_parts(form: str) -> list[str]:
    return re.split(r"[- ]", form)


def _shape(form: str) -> tuple[tuple[str, ...], str] | None:
    """(digit parts or 'A' per part, skeleton of the letters) or None for a form not
    worth matching (too short, lowercase word)."""
    parts = re.split(r"[- ]", form)
    if any(not p for p in parts):
        return None
    key = tuple(p if p.isdigit() else "A" for p in parts)
    alpha = [p for p in parts if not p.isdigit()]
    if not alpha or any(not p.isalpha() for p in alpha):
        return None
    if len(parts) == 1 and (len(form) < 4 or not form[0].isupper()):
        return None
    return key, "".join(_skeleton(p) for p in alpha)


class _Index:
    """Glossary English forms by shape: shape key -> [(form, skeleton, entry, whole)]."""

    def __init__(self, glossary):
        self.by_key: dict[tuple, list] = {}
        self.forms: set[str] = set()
        for e in glossary.entries:
            if e.type == "title":
                continue
            for f in (e.en, *e.en_variants):
                self.forms.add(f)
                words = [f] if "-" in f and " " not in f else f.split()
                if len(words) == 2 and words[1].isdigit():  # `COVID 19`
                    words = [f]
                for w in words:
                    self.forms.add(w)
                    if w != f and (any(c.isdigit() for c in w) or _is_word(w)):
                        continue  # `CoV-2` of `SARS CoV-2`; `North` of `North Korea`
                    sh = _shape(w)
                    if sh is None:
                        continue
                    whole = w == f  # the whole form, not one word of a longer name
                    self.by_key.setdefault(sh[0], []).append((w, sh[1], e, whole))
        self.lower = {f.casefold() for f in self.forms}
        # the distinctive head of a compound name (`MERS` of MERS-CoV): a compound form's
        # first part, case folded -> the entries with a compound form headed so
        self.heads: dict[str, list] = {}
        for e in glossary.entries:
            if e.type == "title":
                continue
            for f in (e.en, *e.en_variants):
                parts = _SPLIT_RE.split(f)
                if len(parts) > 1 and parts[0].isalpha() and len(parts[0]) >= 3:
                    got = self.heads.setdefault(parts[0].casefold(), [])
                    if all(x is not e for x in got):
                        got.append(e)
        self.words_by_skeleton: dict[str, list] = {}  # single words: only equal skeletons count
        for item in self.by_key.pop(("A",), ()):
            self.words_by_skeleton.setdefault(item[1], []).append(item)


# A Glossary is an unhashable dataclass: its index is kept by identity, with a weak
# reference to tell a live glossary from a new one at a recycled address, and the
# entries it was built from (a changed entry list builds a new index).
_INDEXES: dict[int, tuple] = {}


def _index(glossary) -> _Index:
    entries = getattr(glossary, "entries", None)
    got = _INDEXES.get(id(glossary))
    if got is not None and got[0]() is glossary and got[1] is entries and got[2] == len(entries):
        return got[3]
    idx = _Index(glossary)
    try:
        ref = weakref.ref(glossary, lambda _, key=id(glossary): _INDEXES.pop(key, None))
    except TypeError:
        return idx
    _INDEXES[id(glossary)] = (ref, entries, len(entries), idx)
    return idx


def _is_word(token: str, common: bool = False) -> bool:
    """A dictionary word: in wordfreq's English list (only its common words with
    `common`: the full list holds many misspellings and foreign words) or hunspell's."""
    words = common_words("en") if common else wordfreq_words("en")
    if words is not None and (token in words or token.lower() in words):
        return True
    hs = speller("en")
    return hs is not None and (hs.spell(token) or hs.spell(token.lower()))


def _near(cand: str, key, skel: str, idx: _Index):
    out = []
    compound = len(key) > 1
    threshold = _COMPOUND_MIN if compound else _WORD_MIN
    for form, fskel, entry, whole in (idx.by_key.get(key, ()) if compound else idx.words_by_skeleton.get(skel, ())):
        if not fskel or not skel:
            continue
        if not compound:
            # a single word: the same consonants, and close letters (`Mears` for MERS)
            if skel != fskel or len(skel) < 3 or _is_word(form, common=True):
                continue
            a, b, t = cand.lower(), form.lower(), 0.6 if form.isupper() else 0.8
            if _bound_below(a, b, t) or SequenceMatcher(None, a, b).ratio() < t:
                continue
        if skel == fskel:
            ratio = 1.0
        else:
            if abs(len(skel) - len(fskel)) > max(2, len(fskel) // 2):
                continue
            if _bound_below(skel, fskel, threshold):
                continue
            ratio = SequenceMatcher(None, skel, fskel).ratio()
        if ratio >= threshold:
            out.append((ratio, form, entry, whole))
    return out


_HEAD_RE = lazy_re(r"(?<![\w-])([A-Za-z]+)-[A-Za-z0-9]")
_HEADS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _compound_heads(doc) -> frozenset[str]:
    """Skeletons of the first parts of the document's hyphenated compounds."""
    try:
        return _HEADS[doc]
    except (KeyError, TypeError):
        heads = frozenset(_skeleton(m.group(1)) for m in _HEAD_RE.finditer(doc.text))
        try:
            _HEADS[doc] = heads
        except TypeError:
            pass
        return heads


def _skeletons(words: list[str]) -> list[str]:
    """`_skeleton` of many ASCII words at once: the words joined by newlines go through the
    same substitutions (none of which matches across a newline) and are split again."""
    if not words:
        return []
    return _skeleton("\n".join(words)).split("\n")


def _judge(cand: str, idx: _Index, doc):
    """The glossary forms a candidate is a near miss of (empty: no finding)."""
    if cand in idx.forms or cand[-1:] in "sS" and cand[:-1] in idx.forms:
        return ()  # a glossary form, or its plural (`SARS-CoVs`)
    sh = _shape(cand)
    if sh is None:
        return ()
    key, skel = sh
    compound = len(key) > 1
    if not compound:
        if not cand[0].isupper() or cand.isupper() and len(cand) <= 4 or cand.casefold() in idx.lower:
            return ()
        if _is_word(cand, common=True) or (cand.endswith("s") and _is_word(cand[:-1], common=True)):
            return ()
    else:
        if cand.islower() and all(p.isdigit() or _is_word(p, common=True) for p in key_parts(cand)):
            return ()  # `code-19`, `page 2`: words with a number
        if not any(p.isdigit() for p in key):
            # a compound of words without digits (`Mers-Cove`): its letter parts
            # must not all be words
            if cand.islower() or _is_word(cand) or all(_is_word(p, common=True) for p in re.split(r"[- ]", cand)):
                return ()
    near = _near(cand, key, skel, idx)
    if not compound:
        # a name in ordinary case may be another person's or place's (Albence,
        # Albanese): only where the article also spells the glossary name the house way
        # An acronym (MERS) spelled as a word (`Mears`, also a surname) only where the
        # article also has a compound of it, right or drifted (`MERS-CoV`, `Mers-Koff`).
        near = [n for n in near if doc.token_counts.get(n[1])
                or n[1].isupper() and skel in _compound_heads(doc)]
    elif not any(p.isdigit() for p in key):
        # a compound of letters only (`El-Erian`, `BGI-founder`) may be any other name:
        # only where the article also names the glossary entry
        # (El-Erian), unless each part keeps its form part's first consonant (`Mers-Koff`)
        parts = [_skeleton(p)[:1] for p in _SPLIT_RE.split(cand)]
        near = [n for n in near if any(f in doc.text for f in (n[2].en, *n[2].en_variants))
                or parts == [_skeleton(p)[:1] for p in _SPLIT_RE.split(n[1])]]
    return near


_SPLIT_RE = lazy_re(r"[- ]")
# where a compound must be: its first hyphen (after its first letters), or the space
# before a number tail; each scan starts from a literal character, which is fast
_HYPHEN_JOINT_RE = lazy_re(r"-(?<=[A-Za-z]-)(?=[A-Za-z0-9])")
_SPACE_JOINT_RE = lazy_re(r" \d(?<=[A-Za-z] \d)")
_LEAD_RE = lazy_re(r"[A-Za-z]+")


def _candidates(text: str, tokens) -> set[str]:
    """The distinct `_CAND_RE` matches of `text` that `_possible` may keep (and some
    strings that are no match, which no match will look up): every single word that
    starts with a capital and every compound; not the lower-case words that make up most
    of a text.
    A single word starts where a token of the document starts (no token can run into it
    from before), and its letters are that token's leading ASCII letters: `tokens` are
    the document's distinct tokens (outside skipped regions, where a match is not
    reported anyway). A match at a position does not depend on where the scan started
    (no match can start inside another), so a compound is found by scanning from the
    space before its joint."""
    lead = _LEAD_RE.match
    out = {t if t.isascii() and t.isalpha() else lead(t).group() for t in tokens if "A" <= t[0] <= "Z"}
    joints = [m.start() for m in _HYPHEN_JOINT_RE.finditer(text)]
    spaces = [m.start() for m in _SPACE_JOINT_RE.finditer(text)]
    if spaces:
        joints = sorted(joints + spaces)
    finditer, match, rfind = _CAND_RE.finditer, _CAND_RE.match, text.rfind
    covered = -1
    last_sep, scanned = -1, 0  # the last space or newline before the joint, found by one sweep
    every = every_starts = None
    for a in joints:
        if a < covered:
            continue  # inside the compound found for an earlier joint
        # no compound holds a space before its joint: it starts after the last one (looked
        # for since the previous joint only: from the text start it was quadratic)
        last_sep = max(last_sep, rfind(" ", scanned, a), rfind("\n", scanned, a))
        scanned = a
        start = last_sep + 1
        head = text[start:a]
        if head.isascii() and head.isalpha():
            # only letters since the space: a compound holding the joint starts there
            m = match(text, start)
            if m is not None:
                out.add(m.group())
                covered = m.end()
            continue
        # the matches from `start` on, taken from one scan of the whole text (no match
        # starts inside another, so they are the ones a scan from `start` finds): a scan
        # per joint ran to the text end where nothing matched (`1a 1a …`, quadratic)
        if every is None:
            every = [(m.start(), m.end(), m.group()) for m in finditer(text)]
            every_starts = [x[0] for x in every]
        for k in range(bisect.bisect_left(every_starts, start), len(every)):
            out.add(every[k][2])
            if every[k][1] > a:
                covered = every[k][1]
                break
    return out


def _possible(cands, idx: _Index) -> list[str]:
    """The candidates that can be near a glossary form at all: a single word must be
    capitalised, four letters or more, with the consonant skeleton of a glossary word;
    a compound must have the shape (parts, digits) of a glossary compound. Everything
    else `_judge` rejects anyway; this only spares it the per-word work."""
    singles, out = [], []
    keys = idx.by_key
    for c in cands:
        if "-" in c or " " in c:
            if tuple(p if p.isdigit() else "A" for p in _SPLIT_RE.split(c)) in keys:
                out.append(c)
        elif len(c) >= 4 and c[0].isupper():
            singles.append(c)
    by_skel = idx.words_by_skeleton
    out.extend(c for c, sk in zip(singles, _skeletons(singles)) if sk in by_skel)
    return out


# -- Arabic: a one-word glossary name with its letters drifted (`سيرس`, `سرس` for سارس) ------
_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ج": "G", "غ": "G", "ق": "G", "گ": "G"})
_AR_VOWELS = str.maketrans("", "", "اوي")
_AR_CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
_CLITICS_BY_LETTER = {c: tuple(p for p in _AR_CLITICS if p[0] == c) for c in "وبفكلا"}


def _ar_skeleton(word: str) -> str:
    """The consonants of an Arabic word, the letter for a foreign g folded, long vowels
    and hamza seats dropped after the first letter: `سارس`, `سيرس`, `سراس` -> `سرس`."""
    w = strip_marks(word).translate(_AR_FOLD)
    return w[:1] + w[1:].translate(_AR_VOWELS)


def _ar_index(glossary):
    """Skeleton -> one-word house forms (kept on the glossary), and every Arabic form."""
    got = glossary.__dict__.get("_tm003_ar")
    if got is not None and got[0] == len(glossary.entries):
        return got[1], got[2]
    by_skel, forms = {}, set()
    for e in glossary.entries:
        forms.update((e.ar, *(v.lstrip("~") for v in e.ar_variants)))
        # people and terms (a place has adjectives: أوروبا, أوروبي), one word, no digits
        if e.type in ("person", "term") and " " not in e.ar and len(e.ar) >= 4 and e.ar.isalpha():
            by_skel.setdefault(_ar_skeleton(e.ar), []).append(e)
    glossary.__dict__["_tm003_ar"] = (len(glossary.entries), by_skel, forms)
    return by_skel, forms


def _arabic_drift(doc, settings):
    """Arabic tokens whose skeleton is a one-word glossary name's, that are no word and no
    glossary form, in an article that also writes the name the house way."""
    by_skel, forms = _ar_index(settings.glossary)
    if not by_skel:
        return
    counts = doc.token_counts
    # only names the article writes the house way can have drifted copies in it: a few
    # set look-ups (the name or a clitic + the name as a token) pick them
    relevant = {k: v for k, v in by_skel.items() if len(v) == 1
                and any(c + v[0].ar in counts for c in ("", *_AR_CLITICS))}
    if not relevant:
        return
    firsts = {k[0] for k in relevant}
    sizes = {len(v[0].ar) for v in relevant.values()}
    lo, hi = min(sizes) - 1, max(sizes) + 1
    found = {}  # token -> (offset of the name in it, entry)
    tokens = [t for t in counts if t[0] >= "\u0621" and len(t) >= 4]
    # a drifted spelling is no common word (with or without its clitics): drop those in bulk
    common = common_words("ar")
    if common is not None:
        tokens = common.missing(tokens)
    for tok in tokens:
        if firsts.isdisjoint(tok[:4].translate(_AR_FOLD)):
            continue  # the name's first letter is within the first four (clitics are 0-3 letters)
        bare = tok if tok.isalpha() else strip_marks(tok)  # tashkeel is not alphabetic
        splits = [(len(p), bare[len(p):]) for p in _CLITICS_BY_LETTER.get(bare[0], ()) if bare.startswith(p)]
        splits.append((0, bare))
        if any(word in forms for _, word in splits):
            continue  # a glossary form behind a clitic (`وواشنطن`)
        for pre, word in splits:
            entries = relevant.get(_ar_skeleton(word)) if lo <= len(word) <= hi and len(word) >= 4 else None
            if not entries:
                continue
            house = entries[0].ar
            if abs(len(word) - len(house)) > 1 or word[:-1] == house[:-1] or house.startswith(word) \
                    or word.startswith(house):
                continue  # an ending, not a spelling (a nisba or a case ending)
            found[tok] = (pre, entries[0], word)
            break
    if not found:
        return
    # only where the article writes the name the house way, and the drifted form is no word
    # (common words only: the full Arabic lists hold transliterations of every spelling)
    found = {t: v for t, v in found.items() if common is None or v[2] not in common}
    for s, e, tok in doc.tokens:
        hit = found.get(tok)
        if hit is None or not doc.is_arabic_at(s) or doc.overlaps_skip(s, e):
            continue
        pre, entry, word = hit
        yield RULE.finding(s + pre, e, f"{quote(word)} looks like {quote(entry.ar)} spelled another way",
                           Fix.replace(s + pre, e, entry.ar, UNSAFE), subject=entry.en)


def check(doc, settings):
    glossary = settings.glossary
    if glossary is None:
        return
    if any(doc.arabic_lines):
        yield from _arabic_drift(doc, settings)
    if all(doc.arabic_lines):
        return
    idx = _index(glossary)
    if not idx.by_key and not idx.words_by_skeleton:
        return
    english = [ln for ln, arabic in zip(doc.lines, doc.arabic_lines) if not arabic and ln[2].strip()]
    # judge each distinct candidate once; the lines joined by newlines give the same
    # matches as line by line (no candidate spans a newline, and a newline is neither a
    # word character nor a hyphen for the look-arounds)
    cands = _candidates("\n".join(body for _, _, body in english), doc.token_counts)
    found = {}
    for cand in _possible(cands, idx):
        near = _judge(cand, idx, doc)
        if near:
            found[cand] = near
    if not found:
        return
    for ls, le, line in english:
        if not any(c in line for c in found):
            continue
        for m in _CAND_RE.finditer(line):
            cand = m.group()
            near = found.get(cand)
            if not near:
                continue
            s, e = ls + m.start(), ls + m.end()
            if doc.overlaps_skip(s, e):
                continue
            # a form with the candidate's own head first (`Mers-Koff`: MERS-CoV before SARS-CoV)
            head = _skeleton(_SPLIT_RE.split(cand)[0]) if "-" in cand or " " in cand else None
            near = sorted(near, key=lambda n: (head is not None and _skeleton(_SPLIT_RE.split(n[1])[0]) != head,
                                               -n[0]))
            best = near[0]
            # the entries about as near as the best one (Mers-Koff: MERS-CoV 1.0, SARS-CoV 0.8)
            entries = {id(n[2]) for n in near if n[0] >= best[0] - _TIE}
            # the head names another entry (`MERS-CoV-2`: shaped like SARS-CoV-2, headed
            # like MERS-CoV): the name meant is unsure, so both are shown and nothing fixed
            other = None
            if head is not None and _skeleton(_SPLIT_RE.split(best[1])[0]) != head:
                rivals = [x for x in idx.heads.get(_SPLIT_RE.split(cand)[0].casefold(), ()) if x is not best[2]]
                if rivals:
                    parts = len(_SPLIT_RE.split(cand))
                    other = min(rivals, key=lambda x: abs(len(_SPLIT_RE.split(x.en)) - parts))
            fix = None
            if len(entries) == 1 and best[3] and other is None:
                fix = Fix.replace(s, e, best[2].en, UNSAFE)
            shown = best[2].en if best[3] else best[1]
            if other is not None:
                tail = f" or {quote(other.en)}"
            else:
                tail = "" if len(entries) == 1 else " (or another glossary name)"
            yield RULE.finding(s, e, f"{quote(cand)} looks like {quote(shown)}{tail} spelled another way", fix,
                               subject=best[2].en if len(entries) == 1 and other is None else None)
