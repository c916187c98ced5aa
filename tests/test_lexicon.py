"""The word lists and hunspell behind the spelling checks."""

from __future__ import annotations

import pytest

from mt_repair import lexicon


def test_bulk_lookup_agrees_with_single_lookups():
    lex = lexicon.Lexicon()
    words = ["الرئيس", "وبالرئيس", "سلمتخ", "the", "Minister", "glimber", "الرئيس"]
    bulk = lex.known_among(words)
    single = {w for w in words if lexicon.Lexicon().is_word(w, deep=False)}
    assert bulk == single
    assert "سلمتخ" not in bulk and "glimber" not in bulk and "وبالرئيس" in bulk


def test_hunspell_verdicts_are_remembered_on_disk(tmp_path, monkeypatch):
    if lexicon._dictionary_files("en") is None:
        pytest.skip("hunspell-en-us is not installed")
    monkeypatch.setenv("MT_REPAIR_CACHE", str(tmp_path))
    first = lexicon.Speller("en", lexicon._dictionary_files("en")[1])
    assert first.spell("walked") is True and first.spell("glimber") is False
    assert first.path.read_text(encoding="utf-8").splitlines() == ["1\twalked", "0\tglimber"]

    def no_hunspell(lang):  # a second run must not load the dictionary for known verdicts
        raise AssertionError("hunspell loaded")

    monkeypatch.setattr(lexicon, "hunspell", no_hunspell)
    second = lexicon.Speller("en", lexicon._dictionary_files("en")[1])
    assert second.spell("walked") is True and second.spell("glimber") is False


def test_a_damaged_verdict_file_is_ignored_line_by_line(tmp_path, monkeypatch):
    if lexicon._dictionary_files("en") is None:
        pytest.skip("hunspell-en-us is not installed")
    monkeypatch.setenv("MT_REPAIR_CACHE", str(tmp_path))
    sp = lexicon.Speller("en", lexicon._dictionary_files("en")[1])
    sp.path.parent.mkdir(parents=True, exist_ok=True)
    sp.path.write_bytes(b"garbage line\n1\tglimber\n\xff\xfe\n")
    assert sp.spell("walked") is True  # undecodable file: ignored, hunspell answers
