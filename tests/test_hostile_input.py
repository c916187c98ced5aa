"""Every rule on adversarial text: one huge line of a repeated token, long words, runs of
marks, random Unicode. Each must finish and return findings with valid spans.

No timing is asserted (timings belong to benchmarks/). The inputs are ~40 KB each: a rule
in linear time takes milliseconds on them, while a regex that backtracks catastrophically
or a scan that is quadratic in the line length (slicing the rest of the line for every
match) takes seconds to hours, which makes this test conspicuously slow or hang. Each
shape below once did that to some rule (SC008 `!?!?`, PN009 `I ' m`, RP001 `ab ab,`, RP002
one long word, SC001/SC005 many runs on one line).
"""

from __future__ import annotations

import random

import pytest

from mt_repair.config import Settings
from mt_repair.document import Document
from mt_repair.rules import REGISTRY

SIZE = 40_000
BIG = 150_000  # shapes every rule passes over cheaply once fixed; at this size the old bugs took minutes


def _repeat(token: str, size: int = SIZE) -> str:
    return (token * (size // len(token) + 1))[:size]


def _random_unicode(size: int = SIZE) -> str:
    rng = random.Random(9)
    points = [c for c in range(0x20, 0x2000) if chr(c).isprintable()] + list(range(0x600, 0x700)) * 3
    return "".join(chr(rng.choice(points)) for _ in range(size))


HOSTILE = {
    "the": _repeat("the "),
    "arabic-word": _repeat("كبير "),
    "mixed-scripts": _repeat("aب "),
    "latin-in-arabic": _repeat("ب a ب ", 10_000),
    "marks": _repeat("!?", BIG),
    "spaced-dots": _repeat(". "),
    "arabic-commas": _repeat("،"),
    "apostrophes": _repeat("I ' m "),
    "word-comma": _repeat("ab ab, "),
    "list": _repeat("a, "),
    "long-word": _repeat("ab12"),
    "long-arabic-word": _repeat("بٌ"),
    "long-latin-word": "ب " + "a" * BIG + "_",
    "hyphens": _repeat("_-", BIG),
    "entities": _repeat("& gt ; "),
    "ampersands": _repeat("&", BIG),
    "brackets": _repeat("[[(("),
    "quotes": _repeat("« "),
    "dotted-digits": _repeat("1.1."),
    "arabic-digits": _repeat("١٫٢ 3 "),
    "grouped-digits": _repeat("1 000 "),
    "random": _random_unicode(),
}


@pytest.fixture(scope="module")
def hostile_settings():
    return Settings()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_rules_survive_hostile_input(name, hostile_settings):
    text = HOSTILE[name]
    doc = Document(text)  # shared between rules, as the linter shares it
    for code, (_, check) in REGISTRY.items():
        for f in check(doc, hostile_settings):
            assert f.code == code
            assert 0 <= f.start <= f.end <= len(text), (code, f.start, f.end)
            if f.fix is not None:
                for e in f.fix.edits:
                    assert 0 <= e.start <= e.end <= len(text), (code, e)
