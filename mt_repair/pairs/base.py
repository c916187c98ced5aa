"""What pair rules share: `PairRule` (metadata, like a mono Rule) and `Pair`, the two
texts split into sentences and aligned, with the numbers, names and anchors of each
sentence computed once. Findings always point into the target (English) text.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from functools import cached_property

from mt_repair.document import Document
from mt_repair.glossary import Entry
from mt_repair.pairs.align import Bead, Sentence, align, sentences
from mt_repair.pairs.numbers import Quantity, arabic_numbers, english_numbers
from mt_repair.text import AR_LETTER_RE, LATIN_LETTER_RE
from mt_repair.translate.terms import TermIndex, protectable
from mt_repair.types import Finding, Fix, Severity

CATEGORY = "pair"


@dataclass(frozen=True)
class PairRule:
    code: str
    name: str
    severity: Severity
    doc: str
    category: str = CATEGORY
    opt_in: bool = False  # runs only when selected by its code or name (slow, or needs an extra)

    def finding(self, start: int, end: int, message: str, fix: Fix | None = None,
                severity: Severity | None = None) -> Finding:
        return Finding(self.code, self.name, self.category, severity or self.severity, start, end, message, fix)

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

    # -- whether to check at all ---------------------------------------------------------
    @cached_property
    def applicable(self) -> bool:
        """An Arabic source and a target with sentences; anything else is not ours to judge."""
        return Document(self.source).language == "ar" and bool(self.src) and bool(self.tgt)

    @cached_property
    def target_doc(self) -> Document:
        return Document(self.target, self.target_path)

    @cached_property
    def target_is_english(self) -> bool:
        return self.target_doc.language == "en"

    @cached_property
    def identical_targets(self) -> set[int]:
        """Target sentences equal to their aligned source (and with Arabic letters)."""
        out = set()
        for b in self.beads:
            if b.src and b.tgt:
                t = self.target_text(b.tgt)
                if AR_LETTER_RE.search(t) and _norm(t) == _norm(self.source_text(b.src)):
                    out.update(b.tgt)
        return out

    @cached_property
    def arabic_targets(self) -> set[int]:
        """Target sentences that are mostly Arabic (untranslated: PR004/PR005's)."""
        return {t.index for t in self.tgt if self.arabic_share(t.text) > 0.5}

    def translated(self, bead: Bead) -> bool:
        """Both sides present and the target not left in Arabic: content rules apply."""
        return bool(bead.src) and bool(bead.tgt) and not all(j in self.arabic_targets for j in bead.tgt)

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

        return align(self.src, self.tgt, hits, anchored=[bool(a) for a in anchors])

    @cached_property
    def anchors(self) -> list[list[tuple[str, object]]]:
        names: dict[int, list[tuple[str, object]]] = {}
        for m in self.mentions:
            names.setdefault(m.sentence, []).append(("name", m.entry.en))
        out = []
        for s, nums in zip(self.src, self.src_numbers):
            a: list[tuple[str, object]] = [("num", q.value) for q in nums if q.reportable]
            a += [("latin", w.casefold()) for w in re.findall(r"[A-Za-z][A-Za-z]{2,}", s.text)]
            a += names.get(s.index, [])
            out.append(a)
        return out

    def _anchor_in(self, anchor, ti, text: str) -> bool:
        kind, value = anchor
        if kind == "num":
            return any(abs(q.value - value) < 1e-6 * max(1, abs(value)) for j in ti for q in self.tgt_numbers[j])
        if kind == "latin":
            return value in text.casefold()
        return self.accepted(self._entry_by_en[value]).search(text) is not None

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
        return [arabic_numbers(s.text) for s in self.src]

    @cached_property
    def tgt_numbers(self) -> list[list[Quantity]]:
        return [english_numbers(s.text) for s in self.tgt]

    @cached_property
    def mentions(self) -> list[Mention]:
        glossary = self.settings.glossary
        if glossary is None:
            return []
        index = TermIndex(glossary)
        out = []
        for s in self.src:
            for t in index.find(s.text):
                if t.kind == "glossary" and t.entry is not None and protectable(t.entry):
                    out.append(Mention(s.index, t.source, t.entry))
        return out

    @cached_property
    def _entry_by_en(self) -> dict[str, Entry]:
        return {m.entry.en: m.entry for m in self.mentions}

    def accepted(self, entry: Entry) -> re.Pattern:
        if entry.en not in self._accepted:
            self._accepted[entry.en] = accepted_pattern(entry)
        return self._accepted[entry.en]

    @staticmethod
    def arabic_share(text: str) -> float:
        ar = len(AR_LETTER_RE.findall(text))
        la = len(LATIN_LETTER_RE.findall(text))
        return ar / (ar + la) if ar + la else 0.0
