"""Pair mode at book length: the banded aligner on long generated pairs (made here, never
committed) and on small cases where a wrong band or a wrong widening would show.

The long pairs know their true alignment: sentence i of the source is translated by
sentence i of the English, except for planted merges (two source sentences, one English)
and omissions. Bounds on time are "does not hang" bounds, far above the expected; the
figures are benchmarks/bench_pairs.py's.
"""

from __future__ import annotations

import random
import time
import tracemalloc

import pytest

from mt_repair.pairs import Pair, check_pair
from mt_repair.pairs.align import Sentence, _increasing, align, expected_path

AR_WORDS = ("الحكومة", "وزير", "قال", "المدينة", "الشركة", "أعلن", "اليوم", "الأسبوع", "المجلس",
            "الرئيس", "الاقتصاد", "مشروع", "الجديد", "المحلية", "السكان", "التقرير", "الماضي", "العام")
EN_WORDS = ("government", "minister", "said", "city", "company", "announced", "today", "week",
            "council", "president", "economy", "project", "new", "local", "residents", "report")


def _sentence(rng: random.Random, words: tuple[str, ...], length: int, number: int | None) -> str:
    out: list[str] = []
    size = 0
    while size < length:
        out.append(rng.choice(words))
        size += len(out[-1]) + 1
    if number is not None:
        out.insert(rng.randrange(len(out)), str(number))
    text = " ".join(out)
    return text[0].upper() + text[1:] + "."


def generated_pair(n: int, seed: int, merges: int = 0, omissions: int = 0, numbers: float = 0.2):
    """(Arabic, English, truth): n source sentences in one paragraph each side; truth
    is the list of (source indices, target indices) beads."""
    rng = random.Random(seed)
    special = rng.sample(range(1, n - 2), merges + omissions)
    merged, omitted = set(special[:merges]), set(special[merges:])
    ar, en, truth = [], [], []
    i = 0
    while i < n:
        # an omitted sentence is long: a short one can look like a loose merge to a length
        # model (to the full table too), and this test is about the band, not the model
        length = rng.randint(180, 250) if i in omitted else rng.randint(60, 200)
        number = rng.randint(10, 99999) if rng.random() < numbers else None
        ar.append(_sentence(rng, AR_WORDS, length, number))
        en_len = int(length * 1.09 * rng.lognormvariate(0, 0.08))
        if i in omitted:
            truth.append(((i,), ()))
        elif i in merged and i + 1 < n and i + 1 not in special:
            second = rng.randint(60, 200)
            ar.append(_sentence(rng, AR_WORDS, second, None))
            en.append(_sentence(rng, EN_WORDS, int((length + second) * 1.09), number))
            truth.append(((i, i + 1), (len(en) - 1,)))
            i += 1
        else:
            en.append(_sentence(rng, EN_WORDS, en_len, number))
            truth.append(((i,), (len(en) - 1,)))
        i += 1
    return " ".join(ar) + "\n", " ".join(en) + "\n", truth


def _beads(pair: Pair) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in pair.beads]


def _timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def test_long_one_to_one_pair_aligns_i_to_i(settings):
    n = 3000
    ar, en, truth = generated_pair(n, seed=1)
    pair = Pair(ar, en, settings)
    assert len(pair.src) == len(pair.tgt) == n
    pair.anchors  # numbers and glossary names: not the aligner's time
    beads, seconds = _timed(lambda: _beads(pair))
    assert beads == [((i,), (i,)) for i in range(n)]
    assert seconds < 120  # about 2 s; the full table took minutes and gigabytes at this size


def test_aligner_memory_grows_with_the_text_not_its_square():
    n = 400
    src = _sents([60 + (7 * i) % 140 for i in range(n)], "ب")
    tgt = _sents([round((60 + (7 * i) % 140) * 1.09) for i in range(n)], "a")
    tracemalloc.start()
    try:
        beads = align(src, tgt)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(b.src, b.tgt) for b in beads] == [((i,), (i,)) for i in range(n)]
    assert peak < 5 * 2**20  # about 0.5 MB; the full table of 400 x 400 cells took 15 MB


def test_long_pair_with_merges_and_omissions(settings):
    ar, en, truth = generated_pair(2500, seed=2, merges=6, omissions=5)
    pair = Pair(ar, en, settings)
    pair.anchors
    beads, seconds = _timed(lambda: _beads(pair))
    assert seconds < 120
    assert beads == truth


def test_long_omission_without_anchors_widens_the_band(settings):
    """Twenty-five consecutive sentences missing and no number to re-center on: the
    expected path (lengths) runs far from the true one, the band must widen, and the
    result is the full table's. Lengths alone smear an omission a little (the full table
    too); before and after it the alignment is exact."""
    ar, en, _ = generated_pair(300, seed=3, numbers=0.0)
    en = ". ".join(s for k, s in enumerate(en.split(". ")) if not 150 <= k < 175)
    pair = Pair(ar, en, settings)
    assert len(pair.src) == 300 and len(pair.tgt) == 275
    beads = _beads(pair)
    assert beads == [(b.src, b.tgt) for b in align(pair.src, pair.tgt, band=10**6)]
    assert beads[:100] == [((i,), (i,)) for i in range(100)]
    assert beads[-100:] == [((i,), (i - 25,)) for i in range(200, 300)]
    assert sum(1 for s, t in beads if s and not t) >= 12


def test_whole_long_pair_is_checked(settings):
    """The pair rules on a long pair: they finish and find the planted number."""
    ar, en, _ = generated_pair(2000, seed=4)
    ar_sentences = ar.split(". ")
    ar_sentences[1000] += " ١٢٣٤٥"
    en_sentences = en.split(". ")
    en_sentences[1000] += " 54321"
    found, seconds = _timed(lambda: check_pair(". ".join(ar_sentences), ". ".join(en_sentences), settings))
    assert seconds < 180
    planted = "«54321» in the translation, but the source has «١٢٣٤٥»"
    assert [f for f in found if f.code == "PR002" and planted in f.message]


# -- small cases ----------------------------------------------------------------------------
def _sents(lengths: list[int], letter: str, paragraph: int = 1) -> list[Sentence]:
    return [Sentence(i, 0, 0, letter * n, paragraph, 1) for i, n in enumerate(lengths)]


SRC = [60, 120, 50, 90, 140, 70, 110, 80, 55, 130]


def _en(lengths: list[int]) -> list[Sentence]:
    return _sents([round(n * 1.09) for n in lengths], "a")


@pytest.mark.parametrize("band", [1, 6, 1000])
def test_deletion(band):
    tgt = _en(SRC[:4] + SRC[5:])
    beads = [(b.src, b.tgt) for b in align(_sents(SRC, "ب"), tgt, band=band)]
    assert beads == ([((i,), (i,)) for i in range(4)] + [((4,), ())]
                     + [((i,), (i - 1,)) for i in range(5, 10)])


@pytest.mark.parametrize("band", [1, 6, 1000])
def test_insertion(band):
    tgt = _en(SRC[:3] + [250] + SRC[3:])  # a sentence no source sentence's length explains
    beads = [(b.src, b.tgt) for b in align(_sents(SRC, "ب"), tgt, band=band)]
    assert beads == ([((i,), (i,)) for i in range(3)] + [((), (3,))]
                     + [((i,), (i + 1,)) for i in range(3, 10)])


@pytest.mark.parametrize("band", [1, 6, 1000])
def test_merge(band):
    tgt = _en(SRC[:6] + [SRC[6] + SRC[7]] + SRC[8:])
    beads = [(b.src, b.tgt) for b in align(_sents(SRC, "ب"), tgt, band=band)]
    assert beads == ([((i,), (i,)) for i in range(6)] + [((6, 7), (6,))]
                     + [((i,), (i - 1,)) for i in range(8, 10)])


def test_narrow_band_widens_to_what_the_full_table_finds():
    """Random pairs with omissions, additions and merges: the banded programme started
    at one sentence either side ends where the full table does."""
    rng = random.Random(7)
    for _ in range(25):
        n = rng.randint(20, 120)
        src_len = [rng.randint(20, 220) for _ in range(n)]
        tgt_len: list[int] = []
        k = 0
        while k < n:
            r = rng.random()
            if r < 0.05:
                k += rng.randint(1, 12)  # a run left out
                continue
            if r < 0.10 and k + 1 < n:
                tgt_len.append(round((src_len[k] + src_len[k + 1]) * 1.09))
                k += 2
                continue
            if r < 0.13:
                tgt_len.append(rng.randint(30, 150))  # added
            tgt_len.append(max(5, round(src_len[k] * 1.09 * rng.lognormvariate(0, 0.2))))
            k += 1
        src, tgt = _sents(src_len, "ب"), _sents(tgt_len or [50], "a")
        assert align(src, tgt, band=1) == align(src, tgt, band=10**6)


def test_anchor_chain_and_expected_path():
    # the longest chain increasing in both: a stray anchor (4, 9) and a sentence's second one go
    assert _increasing([(1, 1), (2, 2), (4, 9), (3, 3), (5, 5), (6, 6)]) == [(1, 1), (2, 2), (3, 3), (5, 5), (6, 6)]
    assert _increasing([(1, 1), (1, 2), (2, 3)]) in ([(1, 1), (2, 3)], [(1, 2), (2, 3)])
    assert _increasing([]) == []
    cs = [0, 10, 20, 30, 40]  # four source sentences of 10 characters
    ct = [0, 10, 20, 30, 40, 50, 60, 70, 80]  # eight target sentences of 10
    assert expected_path(cs, ct, []) == [0, 2, 4, 6, 8]  # the length diagonal
    assert expected_path(cs, ct, [(1, 6)]) == [0, 6, 7, 7, 8]  # through the knot
