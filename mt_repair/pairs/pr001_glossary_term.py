"""PR001 pair-glossary-term: a name in the source whose house English is missing from the translation.

What: a house-glossary name or term in an Arabic sentence (matched through the clitics,
canonical or variant spelling) whose English form does not appear in the aligned English
sentence or the ones beside it: dropped, or transliterated another way (`Antony Blinkin`).
Accepted as present: the house form and its listed variants (TM001 reports those), a
person's surname (`Blinken`), a place's demonym (`Russian`, `French`), an organisation's
acronym (`WHO`, `U.N.`, `ECDC` for European Centre for Disease Prevention and Control), an outlet's last word (`the Post`). Titles, and entries the
glossary notes as ordinary words too (`حماس`, `الجزيرة`), are not checked. A missing
place is reported as info: translations often name a place another way (`لندن` →
Downing Street, `كوريا الشمالية` → the North).
Why: names are what readers and archives search by; MT drops them or spells them anew.
Example: source `التقى أنتوني بلينكن نظيره في جنيف`, translation `He met his counterpart
in Geneva.` → Antony Blinken is missing.
Fix: none (display only); the editor decides where the name goes.
"""

import re

from mt_repair.pairs.base import PairRule
from mt_repair.rules.base import INFO, WARNING, quote

RULE = PairRule("PR001", "pair-glossary-term", WARNING, __doc__)

_CAPS_RE = re.compile(r"(?<![\w.])[A-Z]{3,6}(?![\w.])")


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
    if not pair.target_is_english:
        return
    by_sentence = {}
    for m in pair.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for k, bead in pair.translated_beads():
        text = pair.target_text(pair.window(k)[1])
        seen = set()
        for i in bead.src:
            for m in by_sentence.get(i, ()):
                if m.entry.en in seen or pair.accepted(m.entry).search(text) or _acronym_of(m.entry, text):
                    continue
                seen.add(m.entry.en)
                s, e = pair.target_span(k)
                # places are often rendered by another name (London -> Downing Street, the North):
                # a hint, not a warning
                yield RULE.finding(s, e, f"the source has {quote(m.source)} (line {pair.src[i].line}) but "
                                         f"the translation has no {quote(m.entry.en)}",
                                   severity=INFO if m.entry.type == "place" else None)
