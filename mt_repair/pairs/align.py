"""Sentence alignment of an Arabic source and its English translation.

Sentences come from the translate segmenter, so Markdown structure (headings, list
items) splits both sides the same way. Alignment is a Gale–Church style dynamic
programme over beads 1:1, 1:2, 2:1, 2:2, 1:3, 3:1, 1:4, 4:1, 1:0 and 0:1, scored by how far the
length ratio strays from the one measured on NTREX-128 (English characters are about
1.09 times the Arabic, log-ratio sd 0.19), with a bonus for shared anchors (numbers,
Latin words, glossary names). When both sides have the same number of paragraphs,
each paragraph is aligned on its own: translate keeps paragraphs, and a paragraph
boundary is the strongest anchor there is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from mt_repair.translate.segment import split_article

LOG_RATIO_MEAN = 0.068  # log(len(en) / len(ar)), NTREX-128, lines over 20 characters
LOG_RATIO_SD = 0.187
SKIP_COST = 6.0  # a sentence with no counterpart (1:0 or 0:1)
LOPSIDED_Z = 2.0  # a merged bead whose length ratio is this far off is checked for a lone sentence
_BEADS = ((1, 1, 0.0), (2, 1, 2.3), (1, 2, 2.3), (2, 2, 3.5), (3, 1, 4.0), (1, 3, 4.0), (4, 1, 5.0), (1, 4, 5.0),
          (1, 0, SKIP_COST), (0, 1, SKIP_COST))


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    line: int
    heading: bool = False


@dataclass(frozen=True)
class Bead:
    src: tuple[int, ...]
    tgt: tuple[int, ...]


def sentences(text: str) -> list[Sentence]:
    return [Sentence(s.index, s.start, s.end, s.text, s.paragraph, s.line, s.heading)
            for s in split_article(text).segments]


def length_cost(ls: int, lt: int) -> float:
    """Squared z-score of the log length ratio; short sentences vary more."""
    if ls == 0 or lt == 0:
        return SKIP_COST
    sd = LOG_RATIO_SD * math.sqrt(1 + 80 / (ls + lt))
    z = (math.log(lt / ls) - LOG_RATIO_MEAN) / sd
    return z * z / 2


def align(src: list[Sentence], tgt: list[Sentence], shared=lambda s, t: 0) -> list[Bead]:
    """Beads covering every sentence of both sides, in order. `shared(src_ids, tgt_ids)`
    counts anchors the two sides have in common."""
    src_pars = _paragraphs(src)
    tgt_pars = _paragraphs(tgt)
    if len(src_pars) == len(tgt_pars) and len(src_pars) > 1:
        beads: list[Bead] = []
        for sp, tp in zip(src_pars, tgt_pars):
            beads.extend(_align(src, tgt, sp, tp, shared))
        return beads
    return _align(src, tgt, [s.index for s in src], [t.index for t in tgt], shared)


def _paragraphs(sents: list[Sentence]) -> list[list[int]]:
    out: dict[int, list[int]] = {}
    for s in sents:
        out.setdefault(s.paragraph, []).append(s.index)
    return list(out.values())


def _align(src, tgt, si: list[int], ti: list[int], shared) -> list[Bead]:
    n, m = len(si), len(ti)
    ls = [len(src[i].text) for i in si]
    lt = [len(tgt[j].text) for j in ti]
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == inf:
                continue
            for a, b, prior in _BEADS:
                if i + a > n or j + b > m:
                    continue
                if a and b:
                    cost = prior + length_cost(sum(ls[i:i + a]), sum(lt[j:j + b]))
                    cost -= 1.5 * min(shared(tuple(si[i:i + a]), tuple(ti[j:j + b])), 4)
                else:
                    cost = prior
                if here + cost < best[i + a][j + b]:
                    best[i + a][j + b] = here + cost
                    back[i + a][j + b] = (a, b)
    beads = []
    i, j = n, m
    while i or j:
        a, b = back[i][j]
        beads.append(Bead(tuple(si[i - a:i]), tuple(ti[j - b:j])))
        i, j = i - a, j - b
    beads.reverse()
    return [b for bead in beads for b in _split_lopsided(bead, src, tgt, shared)]


def _z(ls: int, lt: int) -> float:
    sd = LOG_RATIO_SD * math.sqrt(1 + 80 / (ls + lt))
    return (math.log(lt / ls) - LOG_RATIO_MEAN) / sd


def _split_lopsided(bead: Bead, src, tgt, shared) -> list[Bead]:
    """A 2:1 (1:2) bead whose lengths only fit without one of the two sentences is a
    1:1 bead plus an omitted (added) sentence: the length prior alone cannot tell a
    merge from a short omission, the ratio inside the bead can."""
    many, one = (bead.src, bead.tgt) if len(bead.src) == 2 and len(bead.tgt) == 1 else (bead.tgt, bead.src)
    if sorted((len(bead.src), len(bead.tgt))) != [1, 2]:
        return [bead]
    side = src if many is bead.src else tgt
    other = tgt if many is bead.src else src
    l1, l2 = (len(side[i].text) for i in many)
    lo = len(other[one[0]].text)

    def z(a: int, b: int) -> float:  # always as English over Arabic
        return _z(a, b) if many is bead.src else _z(b, a)

    if abs(z(l1 + l2, lo)) < LOPSIDED_Z:
        return [bead]
    options = []
    for keep, drop in ((0, 1), (1, 0)):
        if len(side[many[drop]].text) >= 40 and abs(z((l1, l2)[keep], lo)) < 1.5:
            kept = (many[keep],)
            anchors = shared(kept, one) if many is bead.src else shared(one, kept)
            options.append((-anchors, abs(z((l1, l2)[keep], lo)), keep, drop))
    if not options:
        return [bead]
    _, _, keep, drop = min(options)  # the sentence the other side shares anchors with stays
    pair = Bead((many[keep],), one) if many is bead.src else Bead(one, (many[keep],))
    lone = Bead((many[drop],), ()) if many is bead.src else Bead((), (many[drop],))
    return [lone, pair] if drop < keep else [pair, lone]
