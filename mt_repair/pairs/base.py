"""What pair rules share: `PairRule` (metadata, like a mono Rule) and `Pair`, the two
texts split into sentences and aligned, with the numbers, names and anchors of each
sentence computed once. Findings always point into the target text.

A pair goes either way: an Arabic source with its English translation ("ar-en"), or an
English source with its Arabic translation ("en-ar"); the source's script decides. Each
rule declares the directions it supports (`PairRule.directions`) and is skipped in the
others. Whatever is language-specific (numbers, dates, glossary forms) is read through
`Pair`, per side, so a rule compares "source" and "target" without knowing which is which.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from functools import cached_property

from mt_repair.document import Document
from mt_repair.glossary import Entry
from mt_repair.pairs.align import LOG_RATIO_MEAN, Bead, Sentence, align, sentences
from mt_repair.pairs.numbers import Quantity, arabic_numbers, english_numbers
from mt_repair.text import AR_LETTER_RE, LATIN_LETTER_RE
from mt_repair.translate.terms import TermIndex, protectable
from mt_repair.types import Finding, Fix, Severity

CATEGORY = "pair"
AR_EN, EN_AR = "ar-en", "en-ar"
BOTH = (AR_EN, EN_AR)
_OTHER = {"ar": "en", "en": "ar"}


@dataclass(frozen=True)
class PairRule:
    code: str
    name: str
    severity: Severity
    doc: str
    category: str = CATEGORY
    opt_in: bool = False  # runs only when selected by its code or name (slow, or needs an extra)
    directions: tuple[str, ...] = (AR_EN,)  # source-target language pairs it checks

    def finding(self, start: int, end: int, message: str, fix: Fix | None = None,
                severity: Severity | None = None, subject: str | None = None) -> Finding:
        return Finding(self.code, self.name, self.category, severity or self.severity, start, end, message, fix,
                       subject)

    @property
    def summary(self) -> str:
        return inspect.cleandoc(self.doc).split("\n", 1)[0]


# irregular demonyms and short forms an English text uses for a place or body
_ALSO = {
    "France": ("French",), "Netherlands": ("Dutch",), "Switzerland": ("Swiss",), "Spain": ("Spanish",),
    "Poland": ("Polish", "Pole", "Poles"), "Denmark": ("Danish",), "Finland": ("Finnish",),
    "Greece": ("Greek",), "Philippines": ("Filipino", "Philippine"), "Afghanistan": ("Afghan",),
    "Kazakhstan": ("Kazakh",), "Uzbekistan": ("Uzbek",), "Tajikistan": ("Tajik",),
    "Kyrgyzstan": ("Kyrgyz",), "Turkmenistan": ("Turkmen",), "Bangladesh": ("Bangladeshi",),
    "United States": ("America", "American", "Americans"), "United Kingdom": ("Britain", "British"),
    "United Arab Emirates": ("Emirati", "Emirates"), "Saudi Arabia": ("Saudi", "Saudis"),
    "Iraq": ("Iraqi",), "Cyprus": ("Cypriot",), "Sweden": ("Swede", "Swedish"), "Ireland": ("Irish",),
    "Norway": ("Norwegian",), "Belgium": ("Belgian",), "Portugal": ("Portuguese",),
    # the exit of Britain from the European Union, in one English word
    "European Union": ("Brexit",), "Britain": ("Brexit",),
}
_SMALL = {"of", "the", "for", "and", "on", "in", "de", "al", "el"}


def _acronyms(en: str) -> list[str]:
    words = [w for w in re.split(r"[\s-]+", en) if w]
    caps = [w[0] for w in words if w.lower() not in _SMALL and w[:1].isupper()]
    if len(caps) < 2 or len(caps) != len([w for w in words if w.lower() not in _SMALL]):
        return []
    a = "".join(caps)
    return [a, ".".join(caps) + "."]


def accepted_pattern(entry: Entry) -> re.Pattern:
    """English that counts as rendering `entry`: its forms, a person's surname, a
    place's demonym (Russia → Russian), an organisation's acronym (WHO)."""
    forms = {entry.en, *entry.en_variants, *_ALSO.get(entry.en, ())}
    if entry.type == "person":
        for f in (entry.en, *entry.en_variants):
            last = f.split()[-1].rstrip(".")
            if last.lower() in ("jr", "ii", "iii", "vi"):
                last = f.split()[-2] if len(f.split()) > 1 else last
            forms.add(last)
            if re.match(r"(?i)(al|el)-", last):
                forms.add(last[3:])
    if entry.type in ("org", "outlet", "place", "term"):
        for f in (entry.en, *entry.en_variants):
            forms.update(_acronyms(f))
            stripped = re.sub(r"^(?:Al|The)\s+", "", f)
            if stripped != f:
                forms.add(stripped)
            if entry.type == "outlet" and " " in f and len(f.split()[-1]) >= 4:
                forms.add(f.split()[-1])  # the Washington Post -> the Post
            for acr in re.findall(r"\b[A-Z]{2,3}\b", f):  # UN General Assembly -> U.N. General Assembly
                forms.add(f.replace(acr, ".".join(acr) + "."))
    parts = []
    for f in sorted(forms, key=len, reverse=True):
        if " " not in f and entry.type in ("place", "org") and len(f) >= 4 and not f.isupper():
            # Ukraine -> Ukrainian, China -> Chinese, Congress -> congressional
            stem = f[:max(4, len(f) - 3)]  # Ukraine → Ukrainian, China → Chinese
            parts.append(re.escape(stem) + r"\w*")
        else:
            parts.append(re.escape(f))
    flags = 0 if entry.type == "person" else re.I
    return re.compile(rf"(?<![\w])(?:{'|'.join(parts)})(?![\w])", flags)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Mention:
    """A glossary name in a source sentence."""

    sentence: int
    source: str
    entry: Entry


class Pair:
    """An Arabic source and its English translation, aligned. Build once per pair."""

    def __init__(self, source: str, target: str, settings, source_path: str = "<source>",
                 target_path: str = "<target>"):
        self.source = source
        self.target = target
        self.settings = settings
        self.source_path = source_path
        self.target_path = target_path
        self._accepted: dict[str, re.Pattern] = {}

    # what depends on the source alone: kept when `for_target` re-checks a fixed target
    _SOURCE_SIDE = ("source_language", "src", "src_numbers", "mentions", "_entry_by_en", "anchors")

    def for_target(self, target: str) -> Pair:
        """This pair with another target (the text after a round of fixes): the source's
        sentences, numbers and names are not computed again."""
        other = Pair(self.source, target, self.settings, self.source_path, self.target_path)
        for name in self._SOURCE_SIDE:
            if name in self.__dict__:
                other.__dict__[name] = self.__dict__[name]
        other._accepted = self._accepted  # patterns of glossary entries: target-independent
        return other

    # -- whether to check at all ---------------------------------------------------------
    @cached_property
    def source_language(self) -> str:
        return Document(self.source).language

    @property
    def source_is_arabic(self) -> bool:
        return self.source_language == "ar"

    @property
    def target_language(self) -> str:
        """The language the translation should be in: the other one."""
        return _OTHER.get(self.source_language, "")

    @property
    def direction(self) -> str:
        """"ar-en" or "en-ar", from the source's script ("" for any other source)."""
        return f"{self.source_language}-{self.target_language}" if self.target_language else ""

    @cached_property
    def applicable(self) -> bool:
        """An Arabic or English source and a target with sentences; anything else is not ours to judge."""
        return bool(self.direction) and bool(self.src) and bool(self.tgt)

    @cached_property
    def target_doc(self) -> Document:
        return Document(self.target, self.target_path)

    @cached_property
    def target_is_english(self) -> bool:
        return self.target_doc.language == "en"

    @cached_property
    def target_as_expected(self) -> bool:
        """The target is in the language a translation of the source should be in."""
        return self.target_doc.language == self.target_language

    @cached_property
    def _source_letter_re(self) -> re.Pattern:
        return AR_LETTER_RE if self.source_is_arabic else LATIN_LETTER_RE

    def source_script(self, text: str) -> bool:
        """Has `text` letters of the source's script?"""
        return self._source_letter_re.search(text) is not None

    @cached_property
    def identical_targets(self) -> set[int]:
        """Target sentences equal to their aligned source (and with letters of its script)."""
        out = set()
        for b in self.beads:
            if b.src and b.tgt:
                t = self.target_text(b.tgt)
                # an English sentence copied into Arabic counts from three words (not `NATO`, `COVID-19`)
                if self.source_script(t) and _norm(t) == _norm(self.source_text(b.src)) and \
                        (self.source_is_arabic or len(t.split()) >= 3):
                    out.update(b.tgt)
        return out

    @cached_property
    def untranslated_targets(self) -> set[int]:
        """Target sentences that are mostly in the source's script (untranslated: PR004/PR005's)."""
        return {t.index for t in self.tgt if self.source_share(t.text) > 0.5}

    def translated(self, bead: Bead) -> bool:
        """Both sides present and the target not left in the source's language: content rules apply."""
        return bool(bead.src) and bool(bead.tgt) and not all(j in self.untranslated_targets for j in bead.tgt)

    def translated_beads(self):
        """(index, bead) of the beads content rules compare; omitted, added and
        untranslated ones are PR004-PR007's."""
        return [(k, b) for k, b in enumerate(self.beads) if self.translated(b)]

    @cached_property
    def all_identical(self) -> bool:
        return _norm(self.source) == _norm(self.target) and AR_LETTER_RE.search(self.target) is not None

    # -- sentences and alignment -----------------------------------------------------------
    @cached_property
    def src(self) -> list[Sentence]:
        return sentences(self.source)

    @cached_property
    def tgt(self) -> list[Sentence]:
        return sentences(self.target)

    @cached_property
    def beads(self) -> list[Bead]:
        anchors = self.anchors

        def hits(i: int, j: int) -> int:
            text = self.tgt[j].text
            return sum(1 << bit for bit, a in enumerate(anchors[i]) if self._anchor_in(a, (j,), text))

        # the length prior is English over Arabic: the other way round, its mean changes sign
        mean = LOG_RATIO_MEAN if self.source_is_arabic else -LOG_RATIO_MEAN
        return align(self.src, self.tgt, hits, anchored=[bool(a) for a in anchors], mean=mean)

    @cached_property
    def anchors(self) -> list[list[tuple[str, object]]]:
        names: dict[int, list[tuple[str, object]]] = {}
        for m in self.mentions:
            names.setdefault(m.sentence, []).append(("name", m.entry.en))
        out = []
        for s, nums in zip(self.src, self.src_numbers):
            a: list[tuple[str, object]] = [("num", q.value) for q in nums if q.reportable]
            if self.source_is_arabic:
                a += [("latin", w.casefold()) for w in re.findall(r"[A-Za-z][A-Za-z]{2,}", s.text)]
            else:  # of an English source, what an Arabic translation copies: acronyms and codes
                a += [("latin", w.casefold()) for w in _COPIED_RE.findall(s.text)]
            a += names.get(s.index, [])
            out.append(a)
        return out

    def _anchor_in(self, anchor, ti, text: str) -> bool:
        kind, value = anchor
        if kind == "num":
            return any(abs(q.value - value) < 1e-6 * max(1, abs(value)) for j in ti for q in self.tgt_numbers[j])
        if kind == "latin":
            return value in text.casefold()
        return self.accepted_in_target(self._entry_by_en[value]).search(text) is not None

    def one_sided_runs(self, side: str) -> list[list[int]]:
        """Runs of consecutive beads with sentences on `side` only ("src": not translated,
        "tgt": not in the source), as lists of bead indices."""
        other = "tgt" if side == "src" else "src"
        runs: list[list[int]] = []
        for k, b in enumerate(self.beads):
            if getattr(b, side) and not getattr(b, other):
                if runs and runs[-1][-1] == k - 1:
                    runs[-1].append(k)
                else:
                    runs.append([k])
        return runs

    def window(self, k: int) -> tuple[list[int], list[int]]:
        """Source and target sentences of bead k and of the beads on either side."""
        si: list[int] = []
        ti: list[int] = []
        for b in self.beads[max(0, k - 1):k + 2]:
            si.extend(b.src)
            ti.extend(b.tgt)
        return si, ti

    def target_text(self, ti) -> str:
        return " ".join(self.tgt[j].text for j in ti)

    def source_text(self, si) -> str:
        return " ".join(self.src[i].text for i in si)

    def target_span(self, k: int) -> tuple[int, int]:
        """Where in the target bead k is. A bead with no target sentence points at the
        sentence its text should have followed (same paragraph) or preceded."""
        b = self.beads[k]
        if b.tgt:
            return self.tgt[b.tgt[0]].start, self.tgt[b.tgt[-1]].end
        before, after = self._target_before[k], self._target_after[k]
        first = self.src[b.src[0]]
        if first.index > 0 and self.src[first.index - 1].paragraph == first.paragraph and before is not None:
            return self.tgt[before].start, self.tgt[before].end  # after its paragraph's last sentence
        for j in (after, before):
            if j is not None:
                return self.tgt[j].start, self.tgt[j].end
        return 0, 0

    @cached_property
    def _target_before(self) -> list[int | None]:
        """Per bead, the last target sentence of the beads before it (None: none)."""
        out, last = [], None
        for b in self.beads:
            out.append(last)
            if b.tgt:
                last = b.tgt[-1]
        return out

    @cached_property
    def _target_after(self) -> list[int | None]:
        """Per bead, the first target sentence of the beads after it (None: none)."""
        out, first = [], None
        for b in reversed(self.beads):
            out.append(first)
            if b.tgt:
                first = b.tgt[0]
        return out[::-1]

    # -- what the sentences contain --------------------------------------------------------
    @cached_property
    def src_numbers(self) -> list[list[Quantity]]:
        return [numbers_in(self.source_language, s.text) for s in self.src]

    @cached_property
    def tgt_numbers(self) -> list[list[Quantity]]:
        return [numbers_in(self.target_language, s.text) for s in self.tgt]

    @cached_property
    def mentions(self) -> list[Mention]:
        glossary = self.settings.glossary
        if glossary is None:
            return []
        out = []
        if not self.source_is_arabic:
            rx, by_form = english_forms(glossary)
            if rx is not None:
                for s in self.src:
                    out.extend(Mention(s.index, m.group(), by_form[m.group()]) for m in rx.finditer(s.text)
                               if not _inside_name(s.text, m, by_form[m.group()]))
            return out
        index = TermIndex(glossary)
        for s in self.src:
            for t in index.find(s.text):
                if t.kind == "glossary" and t.entry is not None and protectable(t.entry):
                    out.append(Mention(s.index, t.source, t.entry))
        return out

    @cached_property
    def _entry_by_en(self) -> dict[str, Entry]:
        return {m.entry.en: m.entry for m in self.mentions}

    def accepted(self, entry: Entry) -> re.Pattern:
        """English that renders `entry` (see `accepted_pattern`)."""
        if entry.en not in self._accepted:
            self._accepted[entry.en] = accepted_pattern(entry)
        return self._accepted[entry.en]

    def accepted_in_target(self, entry: Entry) -> re.Pattern:
        """What renders `entry` in the target's language: its English (`accepted`), or in
        an Arabic target its Arabic forms (`accepted_arabic`) or its English kept as is."""
        if self.source_is_arabic:
            return self.accepted(entry)
        key = "ar:" + entry.en
        if key not in self._accepted:
            self._accepted[key] = accepted_arabic(entry, self.accepted(entry), self.settings.glossary)
        return self._accepted[key]

    def source_share(self, text: str) -> float:
        """The share of `text`'s letters in the source's script."""
        share = self.arabic_share(text)
        if self.source_is_arabic:
            return share
        return 1.0 - share if LATIN_LETTER_RE.search(text) else 0.0

    @staticmethod
    def arabic_share(text: str) -> float:
        ar = len(AR_LETTER_RE.findall(text))
        la = len(LATIN_LETTER_RE.findall(text))
        return ar / (ar + la) if ar + la else 0.0


_COPIED_RE = re.compile(r"(?<![\w-])(?:[A-Z][A-Z0-9]+|[A-Za-z]+[0-9][A-Za-z0-9]*)(?:-[A-Za-z0-9]+)*(?![\w-])")


# a capitalised word right before (not opening a sentence, not an article or preposition) or after
_CAP_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b(?!(?:The|A|An|In|On|At|By|For|Of|To|And|As)\s)[A-Z][\w.&'-]*\s$")
_CAP_AFTER = re.compile(r"\s(?!(?:The|A|An|In|On|At|And)\b)[A-Z][\w&-]*")


def _inside_name(text: str, m: re.Match, entry: Entry) -> bool:
    """A place, organisation or term inside a longer English name (`Trades Union Congress`,
    `Geneva Conventions`): another name, not this entry."""
    if entry.type == "person":
        return False  # `President Trump`: a title before a name
    return _CAP_BEFORE.search(text, 0, m.start()) is not None or _CAP_AFTER.match(text, m.end()) is not None


def numbers_in(language: str, text: str) -> list[Quantity]:
    return arabic_numbers(text) if language == "ar" else english_numbers(text)


def english_forms(glossary) -> tuple[re.Pattern | None, dict[str, Entry]]:
    """One regex over the English forms (house form and variants, three characters or
    more, case as written) of the entries a translation must render, and form -> entry:
    the glossary names of an English source. Built once per glossary."""
    got = glossary.__dict__.get("_pair_en_forms")  # kept on the glossary: it dies with it
    if got is not None and got[0] == len(glossary.entries):
        return got[1], got[2]
    by_form: dict[str, Entry] = {}
    for e in glossary.entries:
        if protectable(e):
            for f in (e.en, *(v.lstrip("~") for v in e.en_variants)):
                if len(f) >= 3:
                    by_form.setdefault(f, e)
    rx = None
    if by_form:
        alts = "|".join(re.escape(f) for f in sorted(by_form, key=len, reverse=True))
        rx = re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")
    glossary.__dict__["_pair_en_forms"] = (len(glossary.entries), rx, by_form)
    return rx, by_form


def _nisba(form: str) -> list[str]:
    """Arabic adjectives of a place name: روسيا -> روسي روسية روسيون…, الصين -> صيني."""
    stem = form.removeprefix("ال")
    if " " in stem or len(stem) < 3:
        return []
    stem = stem[:-1] if stem[-1] in "اةى" else stem
    base = stem if stem.endswith("ي") else stem + "ي"  # روسيا -> روسي, الصين -> صيني
    return [base + end for end in ("", "ة", "ون", "ين", "ان", "تين", "تان")]


def accepted_arabic(entry: Entry, english: re.Pattern, glossary) -> re.Pattern:
    """Arabic that counts as rendering `entry`: its Arabic forms through the clitics, a
    person's surname, a place's adjective (روسيا -> الروسية), or its English (`WHO`,
    `Pfizer`) kept in Latin."""
    forms = {entry.ar, *(v.lstrip("~") for v in entry.ar_variants)}
    for f in tuple(forms):
        words = f.split()
        if entry.type == "person" and len(words) >= 2 and len(words[-1]) >= 3:
            forms.add(words[-1])
        if entry.type == "place":
            forms.update(_nisba(f))
    arabic = glossary.variant_re(tuple(sorted(f for f in forms if f)), arabic=True)
    en = f"(?i:{english.pattern})" if english.flags & re.I else english.pattern
    return re.compile(f"{arabic.pattern}|{en}" if arabic is not None else en)
