"""PR011 pair-garbled-name: a word of the translation that is no English word and no transliteration of the source.

What: a word of the English that wordfreq, hunspell, the glossary and `allow` all reject
must come from the source: a rare name or term is a transliteration of an Arabic word
beside it (`Huanan` ↔ `هوانان`, `Longini` ↔ `لونغيني`, `Rhinolophus` ↔ `رينولوفوس`).
Both spellings are mapped to sound classes (b/p ↔ ب, f/v/ph ↔ ف, g/j/k/q ↔ ج غ ق ك,
s/z/c ↔ س ص ز, …; `pairs/translit.py`) and compared with the words of the aligned
source sentences and those either side. Reported:
- a term garbled from the sound of the Arabic: the source word it transliterates is the
  transliteration of a known English word too, which renders it at least as well and
  sounds like it (`blasma` for `بلازما` = plasma, `cytokin` for `السيتوكين`, `vibrin` for
  `الفيبرين` = fibrin, `angiotencin`); for a capitalised token, a word hunspell knows in
  lower case and spelled nearly alike (`Blasma`, `Dulta` for `دلتا`);
- a capitalised non-word in mid-sentence, used once, that no word of the whole source
  reads like: a name the system garbled beyond recognition or invented.
Not flagged: known words (British spellings too: `microlitre`), words of known pieces
(a combining form or prefix and a known word: `exoribonuclease`, `ribophosphatase`,
`Betacoronavirus`; a genus stem and a known word: `Sarbecovirus`; two known words), unless
one letter off the known word the source reads as (`microlater`); a token that renders
two adjacent source words joined better than one (`Wenliang` for `وين ليانغ`); a word
that is part of a multi-word name elsewhere in the article (`Jordan Cownie`, then
`Cownie and …`); all-capital and mixed-case
tokens (acronyms, codes: PR010's), words the source writes in Latin, near misses of a
glossary name the source mentions (PR001's); names: a rare name the source transliterates
(`Longini`), one that sounds like another name or a word (`Dyteon` for `دايتون`, not
Dayton; `Purwo` for `بورو`, not borrow: only the glossary knows better), a part of a
multi-word name (`Jordan Cownie`), a name used again; scientific Latin a translator adds
(`Coronaviridae`); lower-case non-words with no source match (GB003's hint); sentences
that are not translated (PR004-PR006's). A known word only ties with the token's
spelling from Zipf 1 up (wordfreq's long list ends in noise).
Why: MT systems spell what they cannot translate from the sound of the Arabic, and a
transliterated drug or protein reads like a real term to anyone without the source; an
English spell checker sees a rare word, not an error. On real Arabic→English output:
none on the human reference, 1 / 18 / 31 on the strong / mid / weak system's 13k words,
all real; on NTREX-128's English originals against their human Arabic, none in 42k words.
Cost: the sound index is a sorted file searched by bisection (no load), and every
reading of a token against its source window is memoised, so a 2,000-line pair and
each `--fix` round pay little for it (benchmarks/bench_pairs.py).
Example: source `نقل الأطباء البلازما`, translation `Doctors transferred the blazma` ->
«blazma» is no English word: a garbled rendering of the source's «البلازما» («plasma»?).
Fix: unsafe, when exactly one known word renders the source word exactly and is spelled
nearly like the token, in the token's number (`blazma` -> `plasma`, `sytokines` ->
`cytokines`); none otherwise.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from mt_repair.pairs.base import PairRule
from mt_repair.pairs.translit import (arabic_forms, explains, fit, known_words, latin_forms,
                                      levenshtein, skeleton, within)
from mt_repair.rules.base import UNSAFE, WARNING, quote
from mt_repair.text import AR_LETTER_RE
from mt_repair.types import Fix

RULE = PairRule("PR011", "pair-garbled-name", WARNING, __doc__)

# whole words of Latin letters: not a piece of `Rodríguez`, `Byeong-seug` or `don't`
_TOKEN = re.compile(r"(?<![\w'’-])[A-Za-z]{4,}(?![\w'’-])")
_NEIGHBOUR = re.compile(r"[A-Z][\w'’.-]*")
_AR_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0640]{2,}")
_COMMON = 1.0  # Zipf: a known word this common wins a tie with the translation's spelling
# scientific Latin a translator may add where the source translates it (`Coronaviridae`,
# `Rhinolophus`): the endings of taxonomic ranks and of Greek-Latin genus names
_TAXON = re.compile(r"(?:idae|inae|aceae|ales|oidea|ini|phus|ensis|ium|ii)$")
_OPENERS = "\"'“‘«([{*_-–— "


def _in_a_name(text: str, start: int, end: int) -> bool:
    """Next to another capitalised word that is no common word (`Jordan Cownie`, `Sutopo
    Purwo Nugroho`): a part of a multi-word name, which the English spells as its owner
    does."""
    before = re.search(r"([A-Z][\w'’.-]*)[ \u00a0]+$", text[max(0, start - 40):start])
    after = _NEIGHBOUR.match(text, end + 1) if text[end:end + 1] in (" ", "\u00a0") else None
    for m in (before, after):
        if m is not None:
            word = m.group(m.lastindex or 0).rstrip(".'’-")
            if word and not _common_word(word.lower()):
                return True
    return False


def _named_elsewhere(text: str, token: str) -> bool:
    """Is `token` part of a multi-word name somewhere in the article (`Jordan Cownie`
    before `Cownie and Charles Corcoran`)? Then it is that name, wherever it stands."""
    return any(_in_a_name(text, m.start(), m.end())
               for m in re.finditer(rf"(?<![\w'’-]){re.escape(token)}(?![\w-])", text))


def _common_word(word: str) -> bool:
    """A word in lower case (`the`, `after`), not a name (`paul`): hunspell's verdict, or
    without it the common-word list."""
    from mt_repair.lexicon import common_words

    kind = _kind(word)
    if kind != "unknown":
        return kind == "common"
    common = common_words("en")
    return common is not None and word in common


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(_OPENERS)
    return not before or before[-1] in ".!?:;…"


def _matches(forms, source_words):
    """(source word, its form, fit) for the source words whose skeleton explains one of `forms`."""
    out = []
    for word, aforms in source_words:
        for af in aforms:
            ask = skeleton(af)
            for lf in forms:
                if explains(skeleton(lf), ask):
                    out.append((word, af, fit(lf, af)))
    return out


# What follows depends on a token and the source text around it alone, so it is memoised:
# `--fix` checks the pair again after every round, and a long article repeats its words.
@lru_cache(maxsize=1 << 12)
def _source_words(src_text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The Arabic words of `src_text`, each once, with their sound-class spellings."""
    return tuple((w, arabic_forms(w)) for w in dict.fromkeys(_AR_WORD.findall(src_text)))


@lru_cache(maxsize=1 << 14)
def _reading(token: str, src_text: str) -> tuple[tuple, bool]:
    """The source words `token` reads like (`_matches`), and whether it renders two
    adjacent source words joined better than any one (`Wenliang` for `وين ليانغ`)."""
    forms = latin_forms(token)
    matches = tuple(_matches(forms, _source_words(src_text)))
    two = _renders_two_words(forms, min((f for _, _, f in matches), default=None), _joined_pairs(src_text))
    return matches, two


@lru_cache(maxsize=1 << 10)
def _in_whole_source(token: str, source: str) -> bool:
    return _in_source(token, _source_words(source))


@lru_cache(maxsize=1 << 14)
def _better_known(token: str, matches) -> tuple[str, list[tuple[float, float, str]], int]:
    """The source word `token` renders best; the known English words that render it at
    least as well and sound like `token`, (fit, -zipf, word) best first; and how many
    known words render a source word exactly (a fix needs exactly one)."""
    index = known_words()
    if index is None:
        return "", [], 0
    own = min(f for _, _, f in matches)
    source_word = min(matches, key=lambda x: (x[2], x[1]))[0]
    mine = latin_forms(token)
    found: dict[str, tuple[float, float, str]] = {}
    exact: set[str] = set()
    seen: set[str] = set()
    for _, af, f in sorted(matches, key=lambda x: (x[2], x[1])):  # the token's best readings first
        if f > own + 0.5:  # a source word the token renders clearly worse than another
            continue
        for word, zipf in index.get(skeleton(af)):
            if word == token.casefold() or word in seen or _american(word) == _american(token.casefold()):
                continue
            forms = latin_forms(word, plural=False)
            best = min(fit(lf, af) for lf in forms)
            if not (best < f - 1e-9 or (best <= f + 1e-9 and zipf >= _COMMON)):
                continue
            seen.add(word)
            if best == 0 and f <= own + 1e-9:  # exact for the reading the token itself fits best
                exact.add(word)
            # and the token is a misspelling of it, not another word of the same consonants
            if min(fit(a, b) for a in mine for b in forms) > 0.5 + 0.25 * len(mine[0]):
                continue
            # A name in the English may sound like another name (`Dyteon`, `Dayton`) or a
            # word (`Purwo`, `borrow`): the English name is what the source transliterates,
            # and only the glossary knows better. A garbled term is what is left: a known
            # word that is no name, and for a capitalised token one spelled nearly alike.
            kind = _kind(word)
            if kind == "name" or token[:1].isupper() and not (kind == "common" and _letters_close(token, word)):
                continue
            found[word] = (best, -zipf, word)
    return source_word, sorted(found.values()), len(exact)


_BRITISH = ((re.compile(r"tre(s?)$"), r"ter\1"), (re.compile(r"our"), "or"), (re.compile(r"is(e|ed|es|ing|ation)"), r"iz\1"),
            (re.compile(r"ys(e|ed|es|ing)"), r"yz\1"), (re.compile(r"ogue$"), "og"), (re.compile(r"(?<=.)[ao]e"), "e"),
            (re.compile(r"ll(ed|ing|er)"), r"l\1"))


@lru_cache(maxsize=1 << 15)
def _american(word: str) -> str:
    """`microlitre` → `microliter`, `haemorrhage` → `hemorrhage`: one spelling for both."""
    for rx, rep in _BRITISH:
        word = rx.sub(rep, word)
    return word


def _kind(word: str) -> str:
    """'common' (hunspell knows it in lower case), 'name' (only capitalised: `Dayton`),
    or 'unknown' (hunspell knows neither, or is not installed: `cytokine`)."""
    from mt_repair.lexicon import speller

    hs = speller("en")
    if hs is None:
        return "unknown"
    if hs.spell(word):
        return "common"
    return "name" if hs.spell(word.capitalize()) else "unknown"


def _letters_close(a: str, b: str) -> bool:
    """Spelled nearly alike: at most a third of the letters differ (`Blasma`, `plasma`)."""
    a, b = a.casefold(), b.casefold()
    return 3 * levenshtein(a, b) <= max(len(a), len(b))


def _near_short(token: str, source_words) -> bool:
    """A short name (three consonants or fewer) one consonant off a source word
    (`Dushko` for `دوكو`: a translator may drop a sound); asked of the aligned source
    sentences only, where a chance match of so few consonants is unlikely."""
    return any(len(ask) >= 2 and abs(len(sk) - len(ask)) <= 1 and within(sk, ask, 1)
               for sk in {skeleton(f) for f in latin_forms(token)} if 2 <= len(sk) <= 3
               for _, forms in source_words for ask in map(skeleton, forms))


def _in_source(token: str, source_words) -> bool:
    """Does any source word read like `token`, or hold it (words the source runs
    together: `خفافيشدوبنتون`)?"""
    if _matches(latin_forms(token), source_words):
        return True
    skels = {skeleton(f) for f in latin_forms(token)}
    return any(len(sk) >= 4 and sk in skeleton(af) for _, forms in source_words for af in forms
               if len(af) >= 10 for sk in skels)


def _glossary_near(token: str, mentions) -> bool:
    """A near miss of a glossary name the source mentions: PR001's to report."""
    skels = {skeleton(f) for f in latin_forms(token)}
    for m in mentions:
        for form in (m.entry.en, *m.entry.en_variants):
            for w in re.findall(r"[A-Za-z]{3,}", form):
                if any(explains(skeleton(f), s) for f in latin_forms(w) for s in skels):
                    return True
    return False


def _cased(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


# Greek and Latin combining forms and prefixes that make new scientific words from known
# ones (`exo|ribonuclease`, `ribo|phosphatase`, `Beta|coronavirus`): legitimate pieces, so
# the list generalises; a word made of one of them and a known word is a word
_COMBINING = frozenset("""
    exo endo ecto ribo deoxy deoxyribo alpha beta gamma delta kappa lambda sigma omega micro macro nano
    pico milli kilo mega giga multi poly mono oligo tri tetra penta hexa hepta octa iso para meta ortho
    pseudo proto neo pre post anti pro sub super supra hyper hypo inter intra extra trans retro peri epi
    auto bio geo hydro electro immuno neuro cardio hepato nephro gastro entero broncho pneumo pulmo
    dermato haemo hemo hema glyco lipo phospho amino nucleo cyto histo patho thermo photo chemo radio
    aero myo osteo angio vaso lympho leuko leuco erythro onco sero viro bacterio phyto phago ultra semi
    hemi pan non co de dis mis re un
""".split())
_LINKING_VOWEL = "aeio"


@lru_cache(maxsize=1 << 12)
def _compound(token: str) -> bool:
    """Does `token` split into known pieces: a combining form or a known word of four
    letters or more, then a known word of five or more (`exoribonuclease`,
    `Betacoronavirus`, `bloodstream`)? For a capitalised token (a genus: `Sarbecovirus`)
    any stem of four letters or more ending in a linking vowel may come first. Known
    means hunspell's lower-case verdict (the long word list holds noise); without
    hunspell nothing is a compound."""
    word = token.casefold()
    for i in range(2, len(word) - 4):
        head, tail = word[:i], word[i:]
        if _kind(tail) != "common":
            continue
        if head in _COMBINING or len(head) >= 4 and _kind(head) == "common" \
                or token[:1].isupper() and len(head) >= 4 and head[-1] in _LINKING_VOWEL:
            return True
    return False


_FUNCTION_ZIPF = 5.0  # one in 100,000 words: function words and the like, no part of a name


def _joined_pairs(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Two adjacent Arabic words written as one (`وين ليانغ` → `وينليانغ`): a name the
    source writes in two words may be one word in English (`Wenliang`). Pairs with a
    word as frequent as a function word (`من بين`) are left out: no part of a name, and
    a source full of them would read like any short token."""
    from mt_repair.lexicon import frequent_words

    frequent = frequent_words("ar", _FUNCTION_ZIPF)
    out = {}
    prev = None
    for m in _AR_WORD.finditer(text):
        if prev is not None and not text[prev.end():m.start()].strip() and not (
                frequent is not None and (prev.group() in frequent or m.group() in frequent)):
            joined = prev.group() + m.group()
            out.setdefault(f"{prev.group()} {m.group()}", arabic_forms(joined))
        prev = m
    return list(out.items())


def _renders_two_words(forms, own: float, pairs) -> bool:
    """Does the token render two adjacent source words joined better than (`own`: its
    best fit to one word; None: none) any one source word?"""
    joined = _matches(forms, pairs)
    return bool(joined) and (own is None or min(f for _, _, f in joined) < own - 1e-9)


def check(pair):
    if not pair.target_is_english:
        return
    lexicon = pair.settings.lexicon
    allow = pair.settings.allow_folded
    source_latin = " ".join(re.findall(r"[A-Za-z]+", pair.source)).casefold()
    mentions: dict[int, list] = {}
    for m in pair.mentions:
        mentions.setdefault(m.sentence, []).append(m)
    target_counts = Counter(_TOKEN.findall(pair.target))

    for k, bead in pair.translated_beads():
        candidates = []
        for j in bead.tgt:
            sent = pair.tgt[j]
            for m in _TOKEN.finditer(sent.text):
                tok = m.group()
                if not tok[1:].islower() or tok.casefold() in allow:  # acronyms, codes, mixed case
                    continue
                candidates.append((sent, m.start(), m.end(), tok))
        if not candidates:
            continue
        unknown = [c for c in candidates if not lexicon.is_word(c[3], deep=True)
                   and c[3].casefold() not in source_latin]
        if not unknown:
            continue
        si, _ = pair.window(k)
        src_text = pair.source_text(si)
        if not AR_LETTER_RE.search(src_text):
            continue
        near_mentions = [x for i in si for x in mentions.get(i, ())]
        for sent, s, e, tok in unknown:
            if near_mentions and _glossary_near(tok, near_mentions):
                continue
            start, end = sent.start + s, sent.start + e
            name_like = tok[0].isupper()
            if name_like and _in_a_name(sent.text, s, e):
                continue
            matches, two_words = _reading(tok, src_text)
            if two_words:
                continue  # a name the source writes in two words
            compound = _compound(tok)
            if not matches:
                if compound:  # a word of known pieces is no invented name
                    continue
                # a name the article uses again is a name; the whole source is searched, as
                # alignment is not exact and a translator may move a name
                if name_like and not _sentence_initial(sent.text, s) and not _TAXON.search(tok) \
                        and target_counts[tok] == 1 and not _near_short(tok, _source_words(src_text)) \
                        and not _in_whole_source(tok, pair.source):
                    yield RULE.finding(start, end, f"{quote(tok)} is no English word and nothing in the source "
                                       "reads like it: a garbled or invented name?")
                continue
            source_word, better, exact = _better_known(tok, matches)
            if not better or name_like and _named_elsewhere(pair.target, tok):
                continue
            fit_k, _, word = better[0]
            plural = tok.endswith("s") and not word.endswith("s")
            if compound and levenshtein((tok[:-1] if plural else tok).casefold(), word) > 1:
                continue  # known pieces, unless one letter off a known word the source reads as (`microlater`)
            fix = None
            if fit_k == 0 and exact == 1 and _letters_close(tok[:-1] if plural else tok, word):
                # the one word that spells the source word, in the token's number
                if plural:
                    word = word + "s" if lexicon.is_word(word + "s", deep=True) else ""
                if word:
                    fix = Fix.replace(start, end, _cased(word, tok), UNSAFE)
            # a known word spelled nearly alike is a likely reading; others are only sound-alikes
            hints = [quote(_cased(b[2], tok)) for b in better[:2]
                     if _letters_close(tok[:-1] if tok.endswith("s") and not b[2].endswith("s") else tok, b[2])]
            known = f" ({' or '.join(hints)}?)" if hints else ""
            yield RULE.finding(start, end, f"{quote(tok)} is no English word: a garbled rendering of the "
                               f"source's {quote(source_word)}{known}", fix)
