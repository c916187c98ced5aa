"""The `full` reporter with Arabic: the gutter stays left, Arabic is isolated (logical) or put in
display order (visual), fixes say what they change. Checked on the rendered text."""

from __future__ import annotations

import io
import unicodedata

import pytest
from rich.console import Console

from mt_repair.reporters import FileResult
from mt_repair.reporters.full import FSI, LRM, PDI, bidi_mode, render_full, to_visual
from mt_repair.types import Applicability, Finding, Fix, Severity

GLUED = 'قالت وكالة "تاس" إن الطائرة أقلعت في حوالي الساعة2:02 صباحا (2302 بتوقيت غرينتش).\n'
RESIDUE = "شارك\nقال الوزير إن المحادثات مستمرة.\n"
LONG = "في حال واجهت مشكلة في مشاهدة الفيديو، إضغط على رابط المصدر للمشاهدة على الموقع الرسمي\n"


def finding(code, start, end, message, fix=None, severity=Severity.WARNING):
    return Finding(code, "x", "x", severity, start, end, message, fix)


def glued() -> FileResult:
    s = GLUED.index("الساعة2")
    cut = s + len("الساعة")
    return FileResult("a.ar.md", GLUED, [finding("PN005", s, s + len("الساعة2:02"),
                                                  "number glued to a word in «الساعة2:02»",
                                                  Fix.replace(cut, cut, " "))])


def residue() -> FileResult:
    return FileResult("r.ar.md", RESIDUE, [finding("RS001", 0, 4, "page residue (share button): «شارك»",
                                                   Fix.delete(0, 5))])


def render(results, mode="logical", monkeypatch=None, color=False, **kw) -> str:
    if monkeypatch is not None:
        monkeypatch.setenv("MT_REPAIR_BIDI", mode)
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, highlight=False, soft_wrap=True,
                      width=200)
    render_full(results, console, **kw)
    return buf.getvalue()


def plain(s: str) -> str:
    """Presentation forms back to letters, so visual output can be compared with text."""
    return unicodedata.normalize("NFKC", s)


def test_logical_keeps_gutter_left_and_isolates_arabic(monkeypatch):
    out = render([glued()], "logical", monkeypatch).splitlines()
    head, source, fix = out[0], out[1], out[2]
    assert head.startswith(LRM + "a.ar.md:1:")
    assert f"«{FSI}الساعة2:02{PDI}»" in head
    # the gutter first, then the whole excerpt in one isolate: the markers move with the Arabic
    assert source.startswith(LRM + "     1 │ " + FSI)
    assert source.endswith(PDI) and source.count(FSI) == 1
    assert "⟦الساعة2:02⟧" in source
    assert fix.startswith(LRM + "       = fix: ")


def test_insert_says_where_and_shows_before_after(monkeypatch):
    fix = render([glued()], "logical", monkeypatch).splitlines()[2]
    assert f"insert a space after «{FSI}الساعة{PDI}»" in fix
    assert f"{FSI}الساعة2:02{PDI} → {FSI}الساعة 2:02{PDI}" in fix
    assert "⟦ ⟧" not in fix


def test_deleted_newline_is_visible_not_a_lone_marker(monkeypatch):
    out = render([residue()], "logical", monkeypatch)
    assert "delete «" + FSI + "شارك⏎" + PDI + "»" in out
    assert all(line.strip(LRM + FSI + PDI + " ") not in ("⟧", "»") for line in out.splitlines())
    assert "\n⟧" not in out and "\n»" not in out


def test_long_previews_are_cut_with_an_ellipsis(monkeypatch):
    r = FileResult("l.ar.md", LONG, [finding("RS001", 0, len(LONG) - 1, "page residue (video player notice)",
                                             Fix.delete(0, len(LONG), Applicability.UNSAFE))])
    fix = render([r], "logical", monkeypatch).splitlines()[2]
    shown = fix.split("«", 1)[1].rsplit("»", 1)[0].strip(FSI + PDI)
    assert shown.endswith("…") and len(shown) == 61
    assert LONG.startswith(shown[:-1])


def test_long_line_context_is_cut_with_an_ellipsis(monkeypatch):
    text = "كلمة " * 30 + "الساعة2:02 " + "كلمة " * 30 + "\n"
    s = text.index("الساعة2")
    r = FileResult("c.ar.md", text, [finding("PN005", s, s + 10, "glued")])
    source = render([r], "logical", monkeypatch).splitlines()[1]
    assert source.startswith(LRM + "     1 │ " + FSI + "…") and source.endswith("…" + PDI)


def test_visual_order_reads_right_to_left_with_numbers_kept(monkeypatch):
    out = render([glued()], "visual", monkeypatch).splitlines()
    assert not any(c in "".join(out) for c in (FSI, PDI, LRM))
    head, source, fix = (plain(x) for x in out[:3])
    assert source.startswith("     1 │ ")
    # «الساعة2:02» displayed right to left: the number on the left, the word reversed
    assert "⟦2:02" + "الساعة"[::-1] + "⟧" in source
    assert "(" + "بتوقيت غرينتش"[::-1] + " 2302)" in source  # brackets mirrored, number kept
    assert ("الساعة"[::-1]) in head and "2:02" in head
    assert "2:02 " + "الساعة"[::-1] in fix  # the after side, with the inserted space


def test_to_visual_keeps_marks_on_their_letter_and_latin_in_place():
    assert to_visual("said in English") == "said in English"
    v = plain(to_visual("قالَ Rubio أمس"))
    assert v == "سمأ Rubio " + "ل\u064eاق"  # reversed, the fatha still after its lam


def test_no_color_means_no_escape_codes(monkeypatch):
    monkeypatch.setenv("MT_REPAIR_BIDI", "logical")
    coloured = render([glued()], color=True)
    assert "\x1b[" in coloured
    assert "\x1b[" not in render([glued()], color=False)


def test_no_source_prints_only_heads_and_summary(monkeypatch):
    out = render([glued()], "logical", monkeypatch, show_source=False)
    assert "│" not in out and "= fix" not in out
    assert len(out.splitlines()) == 2


def test_english_text_is_left_alone(monkeypatch):
    text = "The minister said.The talks go on.\n"
    r = FileResult("e.en.md", text, [finding("PN002", 17, 18, "no space after «.»", Fix.replace(18, 18, " "))])
    out = render([r], "logical", monkeypatch)
    assert FSI not in out and PDI not in out
    assert "insert a space after «said.»: said.The → said. The" in out


@pytest.mark.parametrize("env,terminal,expected", [
    ({}, False, "logical"),
    ({}, True, "visual"),
    ({"VTE_VERSION": "7200"}, True, "logical"),
    ({"KONSOLE_VERSION": "230800"}, True, "logical"),
    ({"MT_REPAIR_BIDI": "visual"}, False, "visual"),
    ({"MT_REPAIR_BIDI": "logical"}, True, "logical"),
])
def test_bidi_mode(monkeypatch, env, terminal, expected):
    for k in ("MT_REPAIR_BIDI", "VTE_VERSION", "KONSOLE_VERSION", "MLTERM", "TERM_PROGRAM"):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    console = Console(file=io.StringIO(), force_terminal=terminal)
    assert bidi_mode(console) == expected
