"""GB003: a non-word one letter off a common word is a warning; other unknown words stay info."""

from __future__ import annotations

import pytest

from mt_repair.config import Settings
from mt_repair.linter import check_text
from mt_repair.rules.gb003_unknown_word import near_misses
from mt_repair.types import Severity, replace


def _gb003(text):
    return check_text(text, replace(Settings(), select=("GB003",)))


@pytest.mark.parametrize("word, expected", [
    ("genoms", ["genome"]),          # a letter changed
    ("beteen", ["between"]),         # a letter dropped
    ("philosophys", ["philosophy"]),  # `+s` where English writes `-ies`
    ("viruss", ["virus", "viruses"]),  # `+s` where English writes `-es`
    ("lymphs", []),                  # a plain plural: English, even if the lists lack it
    ("sytokin", []),                 # a term spelled anew: nothing common is one letter off
    ("rassa", []),                   # five letters: too short to say
])
def test_near_misses(word, expected):
    assert near_misses(word) == expected


def test_near_miss_is_a_warning_without_a_fix():
    # the close word is named, never offered: MT garbles terms (`hostagers` stood for hosts)
    [f] = _gb003("Researchers compared the genoms of two strains.")
    assert f.severity == Severity.WARNING and f.fix is None
    assert "«genome»" in f.message


def test_every_close_word_is_named():
    [f] = _gb003("Several viruss circulate in bats.")
    assert f.severity == Severity.WARNING
    assert "«virus»" in f.message and "«viruses»" in f.message


def test_other_unknown_words_stay_info():
    found = _gb003("Levels of sytokin rose and the lymphs swelled.")
    assert [f.severity for f in found] == [Severity.INFO, Severity.INFO]


def test_names_and_repeated_words_are_left_alone():
    assert _gb003("Genoms met reporters. The viruss and the viruss.") == []
