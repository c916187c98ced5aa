"""PR009 pair-added-name: a glossary name or term in the translation that the source does not have.

What: a house-glossary person, organisation or term written in an English sentence (its
English form or a listed variant, whole words) when neither the aligned source sentences
nor the ones beside them mention that entry (through the clitics, any spelling), nor any
entry whose English the name could stand for (`Blinken` for `أنتوني بلينكن`).
Why: MT systems without a term list hallucinate known names in place of ones they cannot
spell: `HIV` for a virus, `European Union` for COVID-19, `Ebola` for an epidemic. A
reader trusts a familiar name most of all.
Not flagged: places (a translation names a place another way: `لندن` may be Downing
Street), titles, entries the glossary notes as ordinary or generic words, and sentences
the aligner matched to nothing (PR007's).
Example: source `ينتقل الفيروس عبر الرذاذ`, translation `HIV spreads through droplets.`
-> the source has no «HIV».
Severity: info. The check is as good as the glossary's Arabic forms: a source that writes
a name in a form the glossary does not list (`الناتو` for NATO) looks like a source without
it; on NTREX-128, 18 such hints over 42,000 words, none a real addition. On real
Arabic→English MT it finds `HIV` written for "the virus" (26 times in the weakest system).
English into Arabic: a glossary person, organisation or term written in the Arabic (its
house Arabic or a variant, through the clitics) whose English (any form PR001 accepts:
surname, acronym) the aligned English sentences and those beside them do not have.
Fix: none (display only): the right name is in the source.
"""

from __future__ import annotations

import re

from mt_repair.pairs.base import BOTH, PairRule
from mt_repair.rules.base import INFO, quote
from mt_repair.translate.terms import protectable

RULE = PairRule("PR009", "pair-added-name", INFO, __doc__, directions=BOTH)

_TYPES = ("person", "org", "term")


def _finder(glossary):
    """One regex over the English forms of the entries PR009 checks, and form -> entry;
    built once per glossary."""
    got = glossary.__dict__.get("_pr009_finder")  # kept on the glossary: it dies with it
    if got is not None and got[0] == len(glossary.entries):
        return got[1], got[2]
    by_form = {}
    for e in glossary.entries:
        if e.type in _TYPES and protectable(e):
            for f in (e.en, *(v.lstrip("~") for v in e.en_variants)):
                if len(f) >= 3:
                    by_form.setdefault(f, e)
    if not by_form:
        rx = None
    else:
        alts = "|".join(re.escape(f) for f in sorted(by_form, key=len, reverse=True))
        rx = re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")
    glossary.__dict__["_pr009_finder"] = (len(glossary.entries), rx, by_form)
    return rx, by_form


def _part_of(form: str, entry) -> bool:
    """`SARS` inside `SARS-CoV-2`, `Disease Control` inside `Centers for Disease Control
    and Prevention`: a shortened or drifted rendering of a name the source has (TM003 and
    PR001 report drift), not a name added."""
    f = form.casefold()
    return any(re.search(rf"(?<![\w]){re.escape(f)}(?![\w])", g.lstrip("~").casefold())
               for g in (entry.en, *entry.en_variants))


def _in_arabic(pair):
    """English into Arabic: the Arabic target's glossary names, against the English source."""
    from mt_repair.pairs.pr001_glossary_term import _acronym_of
    from mt_repair.translate.terms import TermIndex

    index = TermIndex(pair.settings.glossary)
    for k, bead in pair.translated_beads():
        source = None
        for j in bead.tgt:
            sentence = pair.tgt[j]
            for t in index.find(sentence.text):
                entry = t.entry
                if t.kind != "glossary" or entry is None or entry.type not in _TYPES:
                    continue
                if source is None:
                    source = pair.source_text(pair.window(k)[0])
                if pair.accepted(entry).search(source) or _acronym_of(entry, source):
                    continue
                s = sentence.start + t.start
                yield RULE.finding(s, sentence.start + t.end, f"the translation names {quote(t.source)} "
                                                              f"({entry.en}), which the source does not have")


def check(pair):
    if not pair.target_as_expected or pair.settings.glossary is None:
        return
    if not pair.source_is_arabic:
        yield from _in_arabic(pair)
        return
    rx, by_form = _finder(pair.settings.glossary)
    if rx is None:
        return
    by_sentence: dict[int, list] = {}
    for m in pair.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for k, bead in pair.translated_beads():
        for j in bead.tgt:
            sentence = pair.tgt[j]
            for m in rx.finditer(sentence.text):
                entry = by_form[m.group()]
                around = [x for i in pair.window(k)[0] for x in by_sentence.get(i, ())]
                if any(x.entry is entry or pair.accepted(x.entry).search(m.group()) or _part_of(m.group(), x.entry)
                       for x in around):
                    continue
                s = sentence.start + m.start()
                yield RULE.finding(s, s + len(m.group()),
                                   f"the translation names {quote(m.group())}, which the source does not have")
