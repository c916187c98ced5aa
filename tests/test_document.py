"""Document: the views of a text that rules share."""

from __future__ import annotations

import pytest

from mt_repair.document import Document, script_counts
from mt_repair.text import TOKEN_RE


@pytest.mark.parametrize("text", [
    "see https://x.org/a b c `code here` d e@f.com g <!-- c --> h",
    "```\nfenced\n``` after www.example.com/x and `a` `b`",
    "no skipped region at all",
    "`a``b` https://a.b/c",
])
def test_tokens_skip_code_urls_mail_and_comments(text):
    doc = Document(text)
    everything = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
    assert doc.tokens == [t for t in everything if not doc.in_skip(t[0])]


def test_script_counts_and_line_language():
    assert script_counts("قال Reuters") == (3, 7)
    doc = Document("وقال المتحدث باسم الوزارة للصحفيين: Reuters\nThe talks ended\n")
    assert doc.language == "ar"
    assert doc.arabic_lines[:2] == [True, False]  # English only where Latin outnumbers 3:1


def test_repetition_candidate_lines():
    doc = Document("a b c a b\nno repeats here at all\nthe the end\n")
    assert [line for _, _, line in doc.lines_with_repeated_pair] == ["a b c a b"]
    assert [line for _, _, line in doc.lines_with_adjacent_repeat] == ["the the end"]
