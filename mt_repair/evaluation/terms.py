"""Term accuracy against the glossary.

Monolingual: every occurrence of a glossary form (the house form or a listed variant)
in the text's language is one term occurrence; accuracy is the share written in the
house form. Arabic forms match through proclitics (`وبلينكن`), as TM001 does. In English,
titles are left out (TM001 leaves `PM` alone too: a style choice, not a misspelling).

Pair mode (Arabic source, English translation, aligned by line or file): each glossary
name mentioned in a source segment (person, place, organisation, outlet, term; titles
are translated too freely to score) is one expected term; it is carried when the English
segment contains the glossary's English house form, `variant` when it has a listed English
variant instead, `missing` otherwise. Accuracy is the carried share.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from mt_repair.text import LATIN_LETTER

PAIR_TYPES = ("person", "place", "org", "outlet", "term")


@dataclass(frozen=True)
class TermTally:
    house: int = 0
    other: int = 0
    by_entry: Counter = field(default_factory=Counter)  # (entry ar, entry en, "house"|"other") -> n

    @property
    def total(self) -> int:
        return self.house + self.other

    @property
    def accuracy(self) -> float | None:
        return self.house / self.total if self.total else None

    def __add__(self, other: "TermTally") -> "TermTally":
        return TermTally(self.house + other.house, self.other + other.other, self.by_entry + other.by_entry)


def _resolve(matches):
    """Longest match wins where matches overlap; then left to right."""
    taken, out = [], []
    for s, e, entry, house in sorted(matches, key=lambda m: (-(m[1] - m[0]), m[0])):
        if any(s < b and a < e for a, b in taken):
            continue
        taken.append((s, e))
        out.append((s, e, entry, house))
    return sorted(out, key=lambda m: m[0])


class TermMatcher:
    """Finds glossary forms in a text; build one per glossary and reuse it."""

    def __init__(self, glossary):
        self.glossary = glossary
        self.by_ar = {e.ar: e for e in glossary.entries}
        house, variants = {}, {}
        for e in glossary.entries:
            if e.type == "title":
                continue
            house.setdefault(e.en, e)
            for v in e.en_variants:
                variants.setdefault(v, e)
        self.en = [(self._compile(house), house, True), (self._compile(variants), variants, False)]

    @staticmethod
    def _compile(forms):
        if not forms:
            return None
        alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        return re.compile(rf"(?<![{LATIN_LETTER}\w])(?:{alts})(?![{LATIN_LETTER}\w])")

    def occurrences(self, text: str, language: str):
        """(start, end, entry, is_house_form) for each glossary form in `text`."""
        g = self.glossary
        found = []
        if language == "ar":
            for rx, table, house in ((g.ar_canonical_re, self.by_ar, True), (g.ar_variant_re, g.ar_variant_of, False)):
                if rx is None:
                    continue
                for m in rx.finditer(text):
                    entry = table.get(m.group("form"))
                    if entry is not None:
                        found.append((m.start("form"), m.end("form"), entry, house))
        else:
            for rx, table, house in self.en:
                if rx is None:
                    continue
                for m in rx.finditer(text):
                    found.append((m.start(), m.end(), table[m.group()], house))
        return _resolve(found)

    def tally(self, text: str, language: str) -> TermTally:
        house = other = 0
        by_entry: Counter = Counter()
        for _, _, entry, is_house in self.occurrences(text, language):
            if is_house:
                house += 1
            else:
                other += 1
            by_entry[(entry.ar, entry.en, "house" if is_house else "other")] += 1
        return TermTally(house, other, by_entry)


@dataclass(frozen=True)
class PairTally:
    carried: int = 0
    variant: int = 0
    missing: int = 0
    examples: tuple = ()  # (origin, entry ar, entry en, outcome) for misses and variants, first few

    @property
    def total(self) -> int:
        return self.carried + self.variant + self.missing

    @property
    def accuracy(self) -> float | None:
        return self.carried / self.total if self.total else None


def pair_tally(pairs, matcher: TermMatcher, keep_examples: int = 20) -> PairTally:
    """pairs: (origin, arabic source segment, english segment)."""
    carried = variant = missing = 0
    examples = []
    for origin, source, target in pairs:
        entries = {}
        for _, _, entry, _ in matcher.occurrences(source, "ar"):
            if entry.type in PAIR_TYPES:
                entries.setdefault(entry.ar, entry)
        folded = target.casefold()
        for entry in entries.values():
            if _contains(folded, entry.en):
                carried += 1
                continue
            if any(_contains(folded, v) for v in entry.en_variants):
                variant += 1
                outcome = "variant"
            else:
                missing += 1
                outcome = "missing"
            if len(examples) < keep_examples:
                examples.append((origin, entry.ar, entry.en, outcome))
    return PairTally(carried, variant, missing, tuple(examples))


def _contains(folded_text: str, form: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(form.casefold())}(?!\w)", folded_text) is not None
