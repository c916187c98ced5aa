"""PR001 pair-glossary-term: a name in the source whose house English is missing from the translation.

What: a house-glossary name or term in an Arabic sentence (matched through the clitics,
canonical or variant spelling) whose English form does not appear in the aligned English
sentence or the ones beside it: dropped, or transliterated another way (`Antony Blinkin`).
Accepted as present: the house form and its listed variants (TM001 reports those), a
person's surname (`Blinken`), a place's demonym (`Russian`, `French`), an organisation's
acronym (`WHO`, `U.N.`, `ECDC` for European Centre for Disease Prevention and Control),
an outlet's last word (`the Post`). Titles, and entries the glossary notes as ordinary
words too (`حماس`, `الجزيرة`), are not checked. A missing place is reported as info:
translations often name a place another way (`لندن` → Downing Street, `كوريا الشمالية` →
the North).
Why: names are what readers and archives search by; MT drops them or spells them anew.
Example: source `التقى أنتوني بلينكن نظيره في جنيف`, translation `He met his counterpart
in Geneva.` → Antony Blinken is missing.
Fix: unsafe where the aligned English sentence renders the name as a near miss of the
house English (`Anthony Blinkin`, `Blinkin's` → `Antony Blinken`, `Blinken's`): the same
number of words, each equal or a few letters off (as PR010 measures), at least one off
word being no English word (word lists and hunspell) and no other glossary name; a
surname alone is corrected to the surname. Listed English variants are TM001's (fixed
there). None when the name is missing altogether: where it would go is a guess.
`check --fix --unsafe-fixes` applies it to a translation (X.en.md beside X.ar.md, or
--source/--target) with the other rules' fixes. Where TM001 or TM003 reports the same
name inside the sentence (`Coved-19`), that finding alone is shown: one artifact.
English into Arabic: a glossary name in the English source (its house English or a
listed variant, as written) whose Arabic (house form or variant, through the clitics; a
person's surname, a place's adjective: `روسيا` → `الروسية`) or English kept in Latin is
not in the aligned Arabic; no fix. Info there: an acronym (`MERS` may be spelled out,
`ISIS` written `داعش`), and a name with a word of its house Arabic (`أسوشيتيد برس` for
`أسوشيتد برس`: spelled another way, a house-style matter). A name inside a longer English
name (`Trades Union Congress`) is that other name.
"""

import re
from itertools import pairwise

from mt_repair.pairs.base import BOTH, PairRule
from mt_repair.rules.base import INFO, UNSAFE, WARNING, quote
from mt_repair.types import Fix

RULE = PairRule("PR001", "pair-glossary-term", WARNING, __doc__, directions=BOTH)

_CAPS_RE = re.compile(r"(?<![\w.])[A-Z]{3,6}(?![\w.])")
_ACRONYM_RE = re.compile(r"[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")  # SARS, MERS-CoV, SARS-CoV-2


def _initials(name: str) -> str:
    return "".join(w[0].upper() for w in re.split(r"[\s-]+", name) if w[:1].isalpha())


def _acronym_of(entry, text: str) -> bool:
    """An organisation's or term's acronym that skips some words of its name:
    ECDC for European Centre for Disease Prevention and Control, CDC for Centers for
    Disease Control and Prevention (capitals, in order, from the first initial)."""
    if entry.type not in ("org", "term") or " " not in entry.en:
        return False
    for m in _CAPS_RE.finditer(text):
        for name in (entry.en, *entry.en_variants):
            it = iter(_initials(name))
            acr = m.group()
            if acr[0] == name[0].upper() and all(c in it for c in acr):
                return True
    return False


def check(pair):
    if not pair.target_as_expected:
        return
    arabic = not pair.source_is_arabic  # the house form to look for is the entry's Arabic
    by_sentence = {}
    for m in pair.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for k, bead in pair.translated_beads():
        text = pair.target_text(pair.window(k)[1])
        seen = set()
        for i in bead.src:
            for m in by_sentence.get(i, ()):
                if m.entry.en in seen or pair.accepted_in_target(m.entry).search(text) \
                        or _acronym_of(m.entry, text):
                    continue
                seen.add(m.entry.en)
                near = None if arabic else _near_miss(pair, bead, m.entry)
                if near is not None:
                    s, e, written, house = near
                    yield RULE.finding(s, e, f"the source has {quote(m.source)} (line {pair.src[i].line}); "
                                             f"{quote(written)} looks like {quote(house)} misspelled",
                                       Fix.replace(s, e, house, UNSAFE), subject=m.entry.en)
                    continue
                s, e = pair.target_span(k)
                # places are often rendered by another name (London -> Downing Street, the North):
                # a hint, not a warning
                # an Arabic translation may spell an acronym out (`MERS` -> `متلازمة الشرق الأوسط التنفسية`)
                # or use its own (`ISIS` -> `داعش`); a name with a word of the house Arabic is
                # spelled another way (`أسوشيتيد برس`), a house-style matter: hints
                other = arabic and _spelled_otherwise(m.entry, text)
                hint = m.entry.type == "place" or arabic and (_ACRONYM_RE.fullmatch(m.source) is not None or other)
                what = "the translation spells it otherwise than" if other else "the translation has no"
                yield RULE.finding(s, e, f"the source has {quote(m.source)} (line {pair.src[i].line}) but "
                                         f"{what} {quote(m.entry.ar if arabic else m.entry.en)}",
                                   severity=INFO if hint else None, subject=m.entry.en)


_AR_TOKEN_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+")
_AR_CLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")


def _spelled_otherwise(entry, text: str) -> bool:
    """A content word (four letters or more) of the entry's Arabic forms is in `text`,
    as written, after a clitic, or one letter off (`أسوشيتيد` for `أسوشيتد`)."""
    from mt_repair.pairs.pr010_latin_copy import _distance

    words = {w for f in (entry.ar, *entry.ar_variants) for w in _AR_TOKEN_RE.findall(f.lstrip("~"))}
    words = {w[2:] if w.startswith("ال") and len(w) > 5 else w for w in words}
    words = {w for w in words if len(w) >= 4}
    if not words:
        return False
    for tok in set(_AR_TOKEN_RE.findall(text)):
        forms = {tok, *(tok[len(c):] for c in _AR_CLITICS if tok.startswith(c) and len(tok) - len(c) >= 4)}
        for f in forms:
            if any(f == w or _distance(f, w, 1) <= 1 for w in words):
                return True
    return False


# a name's words: letters, an `al-`/`el-` article kept with its noun; a possessive `'s` or a
# hyphenated suffix (`-led`) is left outside, so the correction keeps it
_WORD_RE = re.compile(r"(?<![^\W\d_])(?:[aAeE]l-)?[^\W\d_]+(?![^\W\d_])")

_NAME_RE = re.compile(rf"{_WORD_RE.pattern}(?:[ -]{_WORD_RE.pattern})*")


def _compound(text: str, s: int, e: int) -> bool:
    return bool(re.match(r"-[\d\w]", text[e:e + 2]) and not re.match(r"-[a-z]", text[e:e + 2])
                or re.search(r"[\w\d]-$", text[max(0, s - 2):s]))


def _derived(got: str, word: str) -> bool:
    """`Korean` from `Korea`, `Syrian` from `Syria`, `Blinkens`: the word with an ending,
    a demonym or an inflection, not a misspelling of it."""
    g, w = got.casefold(), word.casefold()
    return len(g) > len(w) and (g.startswith(w) or w[-1] in "aeiouy" and g.startswith(w[:-1]))


def _limit(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def _targets(entry) -> list[tuple[str, list[str]]]:
    """(house English, its words) to look for: the full name, and a person's surname
    alone (corrected to the house surname)."""
    words = _WORD_RE.findall(entry.en)
    if not _NAME_RE.fullmatch(entry.en):
        return []  # digits or marks (`COVID-19`, `J.D. Vance`): PR010 and TM003 measure those
    out = [(entry.en, words)]
    if entry.type == "person" and len(words) >= 2 and len(words[-1]) >= 4 and words[-1][:1].isupper():
        out.append((words[-1], words[-1:]))
    return out


def _near_miss(pair, bead, entry):
    """(start, end, written, house) of a near-miss rendering of `entry` in the bead's
    own English sentences, or None. See the module docstring for what counts."""
    from mt_repair.pairs.pr010_latin_copy import _distance

    glossary = pair.settings.glossary
    own = {w for f in (entry.en, *entry.en_variants) for w in re.findall(r"\w+", f)}
    for house, hw in _targets(entry):
        n = len(hw)
        for j in bead.tgt:
            sent = pair.tgt[j]
            toks = list(_WORD_RE.finditer(sent.text))
            for a in range(len(toks) - n + 1):
                run = toks[a:a + n]
                # one name: its words separated by one space or hyphen, nothing else, and
                # not a piece of a longer hyphenated name (`Sars-Kov-2`; `-led` is fine)
                if _compound(sent.text, run[0].start(), run[-1].end()) or any(
                        sent.text[x.end():y.start()] not in (" ", "-") for x, y in pairwise(run)):
                    continue
                off = []
                for t, w in zip(run, hw):
                    got = t.group()
                    if got == w:
                        continue
                    d = _distance(got.casefold(), w.casefold(), _limit(w))
                    if d > _limit(w) or d * 3 > len(w) or got[:1].lower() != w[:1].lower() or not _capitalised(got):
                        break
                    if _derived(got, w):
                        break
                    off.append(got)
                else:
                    # an off word that is another entry's name, or an English word
                    # (`Blinking`), is not this name misspelled
                    if not off or any(o in glossary.words and o not in own for o in off) \
                            or any(is_word(o, pair.settings.hunspell) for o in off):
                        continue
                    s, e = sent.start + run[0].start(), sent.start + run[-1].end()
                    return s, e, sent.text[run[0].start():run[-1].end()], house
    return None


def _capitalised(word: str) -> bool:
    core = word[3:] if word[2:3] == "-" else word  # al-Burhan
    return core[:1].isupper()


def is_word(token: str, use_hunspell: bool = True) -> bool:
    """An English common word: hunspell knows it in lower case (names it knows only
    capitalised: `Anthony`, `Sergei` are not); without hunspell, the common word list."""
    from mt_repair.lexicon import common_words, speller

    low = token.lower()
    sp = speller("en") if use_hunspell else None
    if sp is not None:
        return sp.spell(low)
    common = common_words("en")
    return common is not None and low in common
