"""Visual mode (terminals without bidi): long lines are broken into rows in reading order
first, then each row is put in display order (as UAX #9 does), so a long Arabic line reads
top to bottom and right to left instead of starting with its end. Checked on rendered text."""

from __future__ import annotations

import io
import unicodedata

import pytest
from rich.cells import cell_len
from rich.console import Console

from mt_repair.reporters import FileResult
from mt_repair.reporters.full import render_full
from mt_repair.types import Finding, Fix, Severity

WORDS = ("في حال واجهت مشكلة في مشاهدة الفيديو إضغط على رابط المصدر للمشاهدة على الموقع الرسمي "
         "وقال الوزير إن المحادثات مستمرة بين الطرفين منذ أسابيع طويلة").split()
LINE = " ".join(WORDS)


def render(results, width: int, mode: str = "visual", monkeypatch=None) -> list[str]:
    monkeypatch.setenv("MT_REPAIR_BIDI", mode)
    buf = io.StringIO()
    console = Console(file=buf, no_color=True, highlight=False, soft_wrap=True, width=width)
    render_full(results, console)
    return buf.getvalue().splitlines()


def span_of(words: tuple[int, int]) -> tuple[int, int]:
    start = len(" ".join(WORDS[:words[0]])) + (1 if words[0] else 0)
    return start, start + len(" ".join(WORDS[words[0]:words[1]]))


def result(words=(5, 7), fix=None, message="page residue: «في حال واجهت»") -> FileResult:
    s, e = span_of(words)
    return FileResult("a.md", LINE + "\n", [Finding("RS001", "x", "x", Severity.WARNING, s, e, message, fix)])


def logical(row: str) -> str:
    """A visual row of Arabic back in reading order (its characters reversed, letters unshaped)."""
    return unicodedata.normalize("NFKC", row[::-1]).strip()


def excerpt_rows(lines: list[str]) -> list[str]:
    return [ln.split("│ ", 1)[1] for ln in lines if "│ " in ln]


@pytest.mark.parametrize("width", [40, 56, 72])
def test_rows_read_top_to_bottom_in_reading_order(monkeypatch, width):
    rows = excerpt_rows(render([result((0, 40))], width, monkeypatch=monkeypatch))  # whole line: no cut
    assert len(rows) > 1
    text = " ".join(logical(r.replace("⟦", "").replace("⟧", "")) for r in rows)
    assert text == LINE  # nothing lost, nothing reordered across rows
    assert logical(rows[0]).lstrip("⟧⟦").startswith("في حال")  # the first row holds the beginning


@pytest.mark.parametrize("width", [36, 48, 80])
def test_every_row_fits_the_terminal(monkeypatch, width):
    fix = Fix.delete(*span_of((10, 20)))
    lines = render([result((10, 20), fix)], width, monkeypatch=monkeypatch)
    arabic = [ln for ln in lines if any("\u0600" <= ch <= "\ufeff" for ch in ln)]  # the terminal wraps English
    assert len(arabic) > 3 and all(cell_len(ln) <= width for ln in arabic), [ln for ln in arabic if cell_len(ln) > width]


def test_rtl_rows_are_right_aligned(monkeypatch):
    rows = excerpt_rows(render([result((0, 40))], 50, monkeypatch=monkeypatch))
    assert len(rows) > 2
    assert len({cell_len(r) for r in rows}) == 1  # each row ends at the right edge, as RTL text does


def test_span_cut_across_rows_keeps_one_pair_of_brackets(monkeypatch):
    rows = excerpt_rows(render([result((6, 16))], 44, monkeypatch=monkeypatch))
    assert sum(r.count("⟦") for r in rows) == 1 and sum(r.count("⟧") for r in rows) == 1
    # the span starts on a row's right (RTL): that row shows its bracket there, the last on its left
    first = next(r for r in rows if "⟧" in r)
    last = next(r for r in rows if "⟦" in r)
    assert rows.index(first) < rows.index(last)
    shown = " ".join(logical(r.replace("⟦", "").replace("⟧", "")) for r in rows)
    assert shown.strip(".…") in LINE and len(shown) > 100  # NFKC writes … as "..."; the context is cut at 50 characters each side


def test_short_quoted_arabic_is_never_split_across_rows(monkeypatch):
    message = "«المحادثات مستمرة» is spelled «المحادثات مستمره» in the house glossary (house style)"
    lines = render([result(message=message)], 44, monkeypatch=monkeypatch)
    head = [ln for ln in lines if "│" not in ln and "=" not in ln][:4]
    quoted = [q for ln in head for q in ln.split("«")[1:]]
    assert len(quoted) == 2 and all("»" in q for q in quoted)


def test_english_rows_stay_left_to_right(monkeypatch):
    words = ("The minister said that the talks between the two sides had been going on for weeks and "
             "would go on").split()
    text = " ".join(words)
    r = FileResult("e.md", text + "\n", [Finding("PN001", "x", "x", Severity.WARNING, 4, 12, "msg", None)])
    rows = excerpt_rows(render([r], 40, monkeypatch=monkeypatch))
    shown = " ".join(rows).replace("⟦", "").replace("⟧", "")
    assert len(rows) > 1 and shown.endswith("…") and text.startswith(shown.rstrip("…"))


def test_logical_mode_leaves_wrapping_to_the_terminal(monkeypatch):
    lines = render([result((0, 40))], 40, mode="logical", monkeypatch=monkeypatch)
    assert len(excerpt_rows(lines)) == 1


def test_short_lines_render_as_before(monkeypatch):
    short = "قال الوزير إن المحادثات مستمرة.\n"
    r = FileResult("a.md", short, [Finding("RS001", "x", "x", Severity.WARNING, 4, 10, "residue", None)])
    rows = excerpt_rows(render([r], 80, monkeypatch=monkeypatch))
    assert len(rows) == 1 and logical(rows[0]).replace("⟧", "[").replace("⟦", "]") == "قال [الوزير] إن المحادثات مستمرة."


@pytest.mark.parametrize("text, shown", [
    ("قال إن café مغلق", "قلغم café نإ لاق"),  # accented Latin is left-to-right (was `écaf`)
    ("زار موسكو Москва أمس", "سمأ Москва وكسوم راز"),  # Cyrillic too (bidi class L, not A-Za-z)
    ("قال ٣ أشخاص", "صاخشأ ٣ لاق"),
    ("שלום עולם", "םלוע םולש"),  # Hebrew is right-to-left as well (bidi class R)
])
def test_directions_come_from_bidi_classes(text, shown):
    from mt_repair.reporters.full import to_visual

    assert unicodedata.normalize("NFKC", to_visual(text)) == shown
