"""The sound-class index and distance helpers PR011 stands on (pairs/translit.py)."""

from __future__ import annotations

import itertools
import random

from mt_repair.pairs.translit import KnownWords, levenshtein, within


def _index(freqs: dict[str, float]) -> KnownWords:
    return KnownWords(("\n".join(KnownWords.build_lines(freqs)) + "\n").encode("ascii"))


def test_bisection_finds_every_skeleton_as_a_dict_would():
    rng = random.Random(7)
    words = {"".join(rng.choice("bcdfgklmnprstvaeiou") for _ in range(rng.randint(3, 9))) for _ in range(3000)}
    freqs = {w: 10 ** -rng.uniform(3, 8) for w in sorted(words)}
    freqs = dict(sorted(freqs.items(), key=lambda kv: -kv[1]))  # wordfreq's order: most frequent first
    expected: dict[str, list[str]] = {}
    for line in KnownWords.build_lines(freqs):
        skel, word, _ = line.split("\t")
        expected.setdefault(skel, []).append(word)
    index = _index(freqs)
    for skel, found in expected.items():
        assert [w for w, _ in index.get(skel)] == found, skel
    for absent in ("", "ZZZZZ", "A", "BBBBBBBBBBB"):
        if absent not in expected:
            assert index.get(absent) == []


def test_a_skeletons_words_keep_the_lists_order():
    """wordfreq lists the most frequent first; sorting by skeleton keeps that order within one."""
    index = _index({"plasma": 1e-5, "virus": 1e-6, "plasm": 1e-7, "blasm": 1e-8})
    assert [w for w, _ in index.get("BLSM")] == ["plasma", "plasm", "blasm"]
    assert index.get("BLSM")[0][1] == 4.0  # Zipf


def test_within_agrees_with_levenshtein():
    for a, b in itertools.product(["", "K", "KT", "BLSM", "BLSMT", "TBLSM", "KSRBNKLS", "SKRBNKLS", "MKRLTR"],
                                  repeat=2):
        for k in (0, 1, 2):
            assert within(a, b, k) == (levenshtein(a, b) <= k), (a, b, k)
    rng = random.Random(3)
    for _ in range(20000):
        a = "".join(rng.choice("BKST") for _ in range(rng.randint(0, 7)))
        b = "".join(rng.choice("BKST") for _ in range(rng.randint(0, 7)))
        k = rng.randint(0, 2)
        assert within(a, b, k) == (levenshtein(a, b) <= k), (a, b, k)
