"""Sentence alignment of an Arabic source and its English translation.

Sentences come from the translate segmenter, so Markdown structure (headings, list
items) splits both sides the same way. Alignment is a Gale–Church style dynamic
programme over beads 1:1, 1:2, 2:1, 2:2, 1:3, 3:1, 1:4, 4:1, 1:0 and 0:1, scored by how far the
length ratio strays from the one measured on NTREX-128 (English characters are about
1.09 times the Arabic, log-ratio sd 0.19), with a bonus for shared anchors (numbers,
Latin words, glossary names). When both sides have the same number of paragraphs,
each paragraph is aligned on its own: translate keeps paragraphs, and a paragraph
boundary is the strongest anchor there is.

The programme is banded, as long-document aligners are (Gale–Church in practice,
vecalign): only cells within `BAND` target sentences of an expected path are filled,
so time and memory grow with the document, not its square. The expected path follows
the cumulative length ratio between anchor points: the line breaks when both sides
have as many lines, else the numbers and Latin words found exactly once on each side
(their longest chain increasing on both). The band doubles until two bands in a row
give the same path and it touches neither band's edge, or the band is the full table:
a long omission costs time rather than alignment. On the tests' random pairs with
runs of up to twelve sentences left out, about 1 in 600 ends otherwise than the full
table; on NTREX-128 and the real MT outputs the beads are the full table's.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass

from mt_repair.translate.segment import split_article

LOG_RATIO_MEAN = 0.068  # log(len(en) / len(ar)), NTREX-128, lines over 20 characters
LOG_RATIO_SD = 0.187
SKIP_COST = 6.0  # a sentence with no counterpart (1:0 or 0:1)
LOPSIDED_Z = 2.0  # a merged bead whose length ratio is this far off is checked for a lone sentence
_BEADS = ((1, 1, 0.0), (2, 1, 2.3), (1, 2, 2.3), (2, 2, 3.5), (3, 1, 4.0), (1, 3, 4.0), (4, 1, 5.0), (1, 4, 5.0),
          (1, 0, SKIP_COST), (0, 1, SKIP_COST))
# Cells are filled by looking back at their predecessors; ordered as the predecessors come
# in row-major order, so that ties resolve as in a forward pass over the full table.
_PULL = tuple(sorted(_BEADS, key=lambda b: (-b[0], -b[1])))
BAND = 6  # half-width of the first band, in target sentences around the expected path


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


def align(src: list[Sentence], tgt: list[Sentence], hits=None, anchored=None, band: int = BAND,
          mean: float = LOG_RATIO_MEAN) -> list[Bead]:
    """Beads covering every sentence of both sides, in order. `hits(i, j)` says which
    anchors of source sentence i target sentence j has (bit k: its k-th anchor);
    `anchored[i]` whether source sentence i has any (the others are never asked about).
    `mean`: the expected log(len(target) / len(source)) (-LOG_RATIO_MEAN for English
    into Arabic)."""
    if hits is None or anchored is None:
        hits, anchored = _no_hits, [False] * len(src)
    shared = Shared(hits, anchored, mean)
    src_pars = _paragraphs(src)
    tgt_pars = _paragraphs(tgt)
    if len(src_pars) == len(tgt_pars) and len(src_pars) > 1:
        beads: list[Bead] = []
        for sp, tp in zip(src_pars, tgt_pars):
            beads.extend(_align(src, tgt, sp, tp, shared, band))
        return beads
    return _align(src, tgt, [s.index for s in src], [t.index for t in tgt], shared, band)


def _no_hits(i: int, j: int) -> int:
    return 0


class Shared:
    """Anchors a group of source sentences has in a group of target sentences; an anchor
    counts once however many of the target sentences have it."""

    def __init__(self, hits, anchored, mean: float = LOG_RATIO_MEAN):
        self.anchored = anchored
        self.mean = mean  # the length prior's expected log ratio, target over source
        self._hits = hits
        self._cache: dict[tuple[int, int], int] = {}

    def hits(self, i: int, j: int) -> int:
        got = self._cache.get((i, j))
        if got is None:
            got = self._cache[(i, j)] = self._hits(i, j)
        return got

    def __call__(self, si, ti) -> int:
        total = 0
        for i in si:
            if self.anchored[i]:
                bits = 0
                for j in ti:
                    bits |= self.hits(i, j)
                total += bits.bit_count()
        return total


def _paragraphs(sents: list[Sentence]) -> list[list[int]]:
    out: dict[int, list[int]] = {}
    for s in sents:
        out.setdefault(s.paragraph, []).append(s.index)
    return list(out.values())


def _align(src, tgt, si: list[int], ti: list[int], shared: Shared, band: int) -> list[Bead]:
    m = len(ti)
    cs = _prefix([len(src[i].text) for i in si])
    ct = _prefix([len(tgt[j].text) for j in ti])
    center = expected_path(cs, ct, _knots(src, tgt, si, ti))
    width, steps, settled = max(1, band), None, False
    while True:
        lo, hi = _band(center, width, m)
        wider, touched = _fill(si, ti, cs, ct, lo, hi, shared)
        if (settled and wider == steps and not touched) or width >= m:  # width m: the full table
            steps = wider
            break
        # the best path leans on the band's edge, or a wider band may still change it: widen,
        # until two bands in a row give the same path clear of their edges, or the full table
        steps, settled, width = wider, not touched, width * 2
    beads = []
    i, j = 0, 0
    for a, b in steps:
        beads.append(Bead(tuple(si[i:i + a]), tuple(ti[j:j + b])))
        i, j = i + a, j + b
    return [b for bead in beads for b in _split_lopsided(bead, src, tgt, shared)]


def _prefix(lengths: list[int]) -> list[int]:
    out = [0]
    for x in lengths:
        out.append(out[-1] + x)
    return out


def _fill(si, ti, cs, ct, lo, hi, shared: Shared):
    """The banded programme: row i holds cells lo[i]..hi[i], each the cheapest way to
    align the first i source and j target sentences. Returns the best path as (a, b)
    steps from (0, 0) and whether it touches an edge the band imposed."""
    n, m = len(si), len(ti)
    inf = math.inf
    log, sqrt = math.log, math.sqrt
    mean = shared.mean
    anchored = [k for k in range(n) if shared.anchored[si[k]]]
    found: dict[int, list[tuple[int, int]]] = {}  # source k -> (j, anchor bits) where it has any

    def found_in_band(k: int) -> list[tuple[int, int]]:
        if k not in found:  # the columns any bead holding source k can span
            j0, j1 = lo[max(0, k - 3)], hi[min(n, k + 4)]
            found[k] = [(j, bits) for j in range(j0, j1) if (bits := shared.hits(si[k], ti[j]))]
            found.pop(k - 8, None)  # rows past it no longer need it
        return found[k]

    rows: list[list[float]] = []
    backs: list[bytearray] = []
    skip_pick = len(_PULL)  # (0, 1) comes last in _PULL
    for i in range(n + 1):
        L, H = lo[i], hi[i]
        preds = []  # beads that reach row i from an earlier row, in tie-breaking order
        for k, (a, b, prior) in enumerate(_PULL):
            if a and i - a >= 0:
                mine = ()
                if b:
                    mine = [f for x in anchored[bisect_left(anchored, i - a):bisect_left(anchored, i)]
                            if (f := found_in_band(x))]
                preds.append((k + 1, b, prior, rows[i - a], lo[i - a], hi[i - a], cs[i] - cs[i - a], mine))
        row = [inf] * (H - L + 1)
        back = bytearray(H - L + 1)
        for j in range(L, H + 1):
            top = inf
            pick = 0
            for k, b, prior, prow, pl, ph, ls, mine in preds:
                pj = j - b
                if pj < pl or pj > ph:
                    continue
                here = prow[pj - pl]
                if here == inf:
                    continue
                if b:
                    # a length cost is never negative, an anchor bonus at most 6: skip what cannot win
                    if here + prior - (6.0 if mine else 0.0) > top + 1e-9:
                        continue
                    lt = ct[j] - ct[pj]
                    if ls == 0 or lt == 0:
                        cost = prior + SKIP_COST
                    else:  # length_cost(ls, lt), inline: this loop is the aligner's time
                        sd = LOG_RATIO_SD * sqrt(1 + 80 / (ls + lt))
                        z = (log(lt / ls) - mean) / sd
                        cost = prior + z * z / 2
                    if mine and here + cost - 6.0 <= top + 1e-9:
                        count = 0
                        for f in mine:
                            bits = 0
                            for jj, got in f:
                                if pj <= jj < j:
                                    bits |= got
                            count += bits.bit_count()
                        cost -= 1.5 * min(count, 4)
                else:
                    cost = prior
                if here + cost < top:
                    top = here + cost
                    pick = k
            if j > L:
                here = row[j - 1 - L]
                if here + SKIP_COST < top:
                    top = here + SKIP_COST
                    pick = skip_pick
            if i == 0 and j == 0:
                top = 0.0
            row[j - L] = top
            back[j - L] = pick
        rows.append(row)
        backs.append(back)
    steps = []
    touched = False
    i, j = n, m
    while i or j:
        a, b, _ = _PULL[backs[i][j - lo[i]] - 1]
        i, j = i - a, j - b
        if (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m):
            touched = True
        steps.append((a, b))
    steps.reverse()
    return steps, touched


def _band(center: list[int], width: int, m: int) -> tuple[list[int], list[int]]:
    """Rows' cell ranges around the expected path; each row reachable from the one above."""
    lo = [max(0, c - width) for c in center]
    hi = [min(m, c + width) for c in center]
    for i in range(1, len(lo)):
        lo[i] = max(lo[i], lo[i - 1])
        hi[i] = max(hi[i], hi[i - 1])
        lo[i] = min(lo[i], hi[i - 1])
    lo[0], hi[-1] = 0, m
    return lo, hi


def expected_path(cs: list[int], ct: list[int], knots: list[tuple[int, int]]) -> list[int]:
    """For each row i (0..n), the target position j the alignment is expected to pass:
    between knots (i, j) the source's cumulative length mapped linearly onto the target's."""
    n, m = len(cs) - 1, len(ct) - 1
    points = [(0, 0)] + [(i, j) for i, j in knots if 0 < i < n and 0 < j < m] + [(n, m)]
    center = []
    for (i0, j0), (i1, j1) in zip(points, points[1:]):
        span_s = cs[i1] - cs[i0]
        span_t = ct[j1] - ct[j0]
        for i in range(i0, i1):
            f = (cs[i] - cs[i0]) / span_s if span_s else (i - i0) / (i1 - i0)
            p = ct[j0] + f * span_t
            j = bisect_left(ct, p, j0, j1 + 1)
            if j > j0 and (j > j1 or p - ct[j - 1] < ct[j] - p):
                j -= 1
            center.append(min(max(j, j0), j1))
    center.append(m)
    return center


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.", ",٬")
_KEY_RE = re.compile(r"[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*|[A-Za-z]{3,}")


def _keys(text: str) -> set[str]:
    out = set()
    for k in _KEY_RE.findall(text):
        if k[0].isdigit():
            k = k.translate(_DIGITS)
            if len(k) >= 2:
                out.add(k)
        else:
            out.add(k.casefold())
    return out


def _knots(src, tgt, si: list[int], ti: list[int]) -> list[tuple[int, int]]:
    """Points (i, j) the path is expected to pass (local indices, in order): where the
    lines begin when both sides have as many lines, else the sentences that share a
    number or Latin word found once on each side, their longest increasing chain."""
    src_lines = [k for k in range(len(si)) if k == 0 or src[si[k]].line != src[si[k - 1]].line]
    tgt_lines = [k for k in range(len(ti)) if k == 0 or tgt[ti[k]].line != tgt[ti[k - 1]].line]
    if len(src_lines) == len(tgt_lines) and len(src_lines) > 1:
        return list(zip(src_lines, tgt_lines))
    once_s = _once([_keys(src[i].text) for i in si])
    once_t = _once([_keys(tgt[j].text) for j in ti])
    pairs = sorted((i, once_t[k]) for k, i in once_s.items() if k in once_t)
    return _increasing(pairs)


def _once(keys: list[set[str]]) -> dict[str, int]:
    seen: dict[str, int] = {}
    for n, ks in enumerate(keys):
        for k in ks:
            seen[k] = -1 if k in seen else n
    return {k: n for k, n in seen.items() if n >= 0}


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of pairs increasing strictly in both i and j."""
    pairs = sorted(pairs, key=lambda p: (p[0], -p[1]))  # one i's pairs cannot chain with each other
    tails: list[int] = []  # j at the end of the best chain of each length
    ends: list[int] = []  # its index in pairs
    prev = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        if k:
            prev[n] = ends[k - 1]
        if k == len(tails):
            tails.append(j)
            ends.append(n)
        else:
            tails[k], ends[k] = j, n
    out = []
    k = ends[-1] if ends else -1
    while k >= 0:
        out.append(pairs[k])
        k = prev[k]
    return out[::-1]


def _z(ls: int, lt: int, mean: float = LOG_RATIO_MEAN) -> float:
    sd = LOG_RATIO_SD * math.sqrt(1 + 80 / (ls + lt))
    return (math.log(lt / ls) - mean) / sd


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

    def z(a: int, b: int) -> float:  # always as target over source
        return _z(a, b, shared.mean) if many is bead.src else _z(b, a, shared.mean)

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
