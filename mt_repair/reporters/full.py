"""Human output with rich: each finding with its line, the span marked, invisibles named.

Arabic in a terminal: the gutter (path:line:col, code, line number) always stays on the
left. Two ways to show the Arabic itself, chosen per run (`bidi_mode`):
- logical (files, pipes, terminals known to do bidi: VTE, Konsole, mlterm, mintty, Apple
  Terminal): the text stays in reading order, each Arabic piece wrapped in Unicode isolates
  (FSI … PDI), and every line starts with LRM, so the terminal lays the Arabic out right to
  left without flipping the line or moving the markers;
- visual (other terminals, which show code points left to right, Arabic reversed): each
  Arabic piece is shaped (arabic-reshaper, when installed) and put in display order here,
  numbers and Latin words inside it kept left to right, brackets mirrored.
`MT_REPAIR_BIDI=logical|visual` overrides the choice.
"""

from __future__ import annotations

import os
import re

import regex

from mt_repair.reporters import FileResult, location, summary_line
from mt_repair.text import INVISIBLE_RE
from mt_repair.types import Applicability

CONTEXT = 50  # characters of context shown on each side of a long line's span
PREVIEW = 60  # longest deleted or replaced text shown in a fix line
STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}

LRM, FSI, PDI = "\u200e", "\u2068", "\u2069"
# Directions from Unicode's bidi classes (UAX #9), not hand-typed ranges: strong right-to-left
# (AL: Arabic letters in any block, presentation forms too; R: Hebrew…) and strong left-to-right
# (L: Latin, accented or not, Cyrillic…; private-use characters are L by default, and the span
# markers below are private use, so they are taken out).
_AR = r"\p{bc=AL}\p{bc=R}"
_LTR = r"[\p{bc=L}--\p{Co}]"
_DIGIT = r"\p{Nd}"
_HAS_AR = regex.compile(f"[{_AR}]")
_QUOTED = re.compile(r"«([^«»\n]*)»")
_AR_RUN = regex.compile(f"(?V1)[{_AR}](?:[^{_LTR}\n«»⟦⟧]*[{_AR}])?(?:[{_DIGIT}.:,٫٬/-]*[{_DIGIT}])?")
_LTR_ISLAND = regex.compile(f"(?V1)[{_LTR}{_DIGIT}](?:[^{_AR}\n]*[{_LTR}{_DIGIT}])?")
_STRONG = regex.compile(f"(?V1)[{_LTR}{_AR}]")
_MIRROR = dict(zip("()[]{}<>«»‹›⟦⟧⟨⟩", ")(][}{><»«›‹⟧⟦⟩⟨"))
_OPEN, _CLOSE = "\ue000", "\ue001"  # span markers while reordering (private use: never in the text)
_CUT_OPEN, _CUT_CLOSE = "\ue002", "\ue003"  # the span goes on past a row's edge: no bracket there
_WORD = re.compile(r"\S+\s*|\s+")
# a quoted Arabic piece («FSI…PDI»:) moves to the next row whole when it fits in one
_TOKEN = re.compile(f"[^\\s{FSI}]*{FSI}[^{FSI}{PDI}]*{PDI}\\S*\\s*|\\S+\\s*|\\s+")
GUTTER = 9  # cells of "  1234 │ " before the excerpt
_BIDI_TERMINALS = ("KONSOLE_VERSION", "MLTERM")


def bidi_mode(console, tty: bool | None = None) -> str:
    """'logical' (isolates; the terminal does bidi) or 'visual' (reordered here). `tty`: whether
    the output really is a terminal (default: the console's guess, which --color always forces)."""
    forced = os.environ.get("MT_REPAIR_BIDI", "").strip().lower()
    if forced in ("logical", "visual"):
        return forced
    if not (console.is_terminal if tty is None else tty):
        return "logical"  # a file or a pipe keeps the text as it is
    vte = os.environ.get("VTE_VERSION", "")
    if vte.isdigit() and int(vte) >= 5800 or any(os.environ.get(k) for k in _BIDI_TERMINALS):
        return "logical"
    if os.environ.get("TERM_PROGRAM") in ("mintty", "Apple_Terminal"):
        return "logical"
    return "visual"


def _visible(s: str) -> str:
    s = INVISIBLE_RE.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", s)
    return s.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎").replace("\t", "⇥")


def _clip(s: str, n: int = PREVIEW) -> str:
    return s if len(s) <= n else s[:n] + "…"


# -- bidi -------------------------------------------------------------------------------------


def _reshape(s: str) -> str:
    try:
        import arabic_reshaper
    except ImportError:  # unshaped letters are still readable
        return s
    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False}).reshape(s)


def _reverse(s: str) -> str:
    """Characters in reverse order, a base letter kept before its marks, brackets mirrored."""
    return "".join(_MIRROR.get(g, g) for g in reversed(regex.findall(r"\X", s)))


def _visual_rtl(s: str) -> str:
    """Display order of right-to-left text: reversed, with number and Latin islands kept."""
    out, pos = [], 0
    for m in _LTR_ISLAND.finditer(s):
        out.append(_reverse(s[pos:m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(_reverse(s[pos:]))
    return "".join(reversed(out))


def _first_strong_rtl(s: str) -> bool:
    m = _STRONG.search(s)
    return bool(m) and bool(_HAS_AR.match(m.group()))


def to_visual(s: str) -> str:
    """The display order of a logical string, for a terminal that does no bidi."""
    if not _HAS_AR.search(s):
        return s
    s = _reshape(s)
    if _first_strong_rtl(s):
        return _visual_rtl(s)
    return _AR_RUN.sub(lambda m: _visual_rtl(m.group()), s)


class _Bidi:
    def __init__(self, mode: str):
        self.mode = mode

    def piece(self, s: str) -> str:
        """A piece of the article's text, shown inside an LTR line."""
        if not _HAS_AR.search(s):
            return s
        return FSI + s + PDI if self.mode == "logical" else to_visual(s)

    def message(self, s: str) -> str:
        """A rule's message: each «quoted» piece and each bare Arabic run isolated."""
        parts, pos = [], 0
        for m in _QUOTED.finditer(s):
            parts.append(_AR_RUN.sub(lambda r: self.piece(r.group()), s[pos:m.start()]))
            parts.append("«" + self.piece(m.group(1)) + "»")
            pos = m.end()
        parts.append(_AR_RUN.sub(lambda r: self.piece(r.group()), s[pos:]))
        return "".join(parts)

    def line(self) -> str:
        return LRM if self.mode == "logical" else ""


def _excerpt(bidi: _Bidi, before: str, span: str, after: str) -> list[tuple[str, str]]:
    """The source excerpt as (text, role) pieces: roles 'ctx', 'mark' and 'span' (logical
    mode and text without Arabic; visual mode goes through `_visual_rows`)."""
    whole = before + span + after
    if not _HAS_AR.search(whole):
        return [(before, "ctx"), ("⟦", "mark"), (span, "span"), ("⟧", "mark"), (after, "ctx")]
    # One isolate around it all: the Arabic reads right to left, ⟦ ⟧ mirror with it.
    return [(FSI + before, "ctx"), ("⟦", "mark"), (span, "span"), ("⟧", "mark"), (after + PDI, "ctx")]


# -- visual rows ------------------------------------------------------------------------------
# A terminal without bidi wraps a long line where the columns run out; in display order that
# puts the end of an Arabic sentence on the first row. As UAX #9 does, break the text into
# rows first (in reading order), then put each row in display order.


def _cells(s: str) -> int:
    from rich.cells import cell_len

    return cell_len(s)


def _break(text: str, first: int, rest: int) -> list[str]:
    """`text` (logical order) broken at spaces into rows of at most `first` cells, then
    `rest`; a word longer than a row is cut between graphemes."""
    rows, row, used, room = [], "", 0, max(first, 0)
    rest = max(rest, 8)
    tokens = [t for tok in _TOKEN.findall(text)
              for t in (_WORD.findall(tok) if FSI in tok and _cells(tok.rstrip()) > rest else (tok,))]
    for tok in tokens:
        w = _cells(tok.rstrip())
        if used + w > room and (row.strip() or w <= rest):  # (w <= rest: a short first row may stay empty)
            rows.append(row.rstrip())
            row, used, room = "", 0, rest
            if not tok.strip():
                continue
        if w > room:  # longer than a row: cut it
            for g in regex.findall(r"\X", tok):
                if row.strip() and used + _cells(g) > room:
                    rows.append(row.rstrip())
                    row, used, room = "", 0, rest
                row += g
                used += _cells(g)
            continue
        row += tok
        used += _cells(tok)
    if row.strip() or not rows:
        rows.append(row.rstrip())
    return rows


def _display(seg: str, rtl: bool) -> str:
    seg = _reshape(seg)
    return _visual_rtl(seg) if rtl else _AR_RUN.sub(lambda m: _visual_rtl(m.group()), seg)


def _visual_rows(text: str, first: int, rest: int) -> list[str]:
    """`text` (a left-to-right line in logical order, Arabic inside FSI…PDI isolates, the span
    between _OPEN and _CLOSE) as rows in display order: each isolate keeps the direction of
    its whole content on every row it reaches, and a span cut by a row's edge gets a
    _CUT_OPEN/_CUT_CLOSE marker there."""
    rtl_of, depth_dirs, opened = [], [], 0  # the direction of each isolate, in order of opening
    for m in re.finditer(f"[{FSI}{PDI}]", text):
        if m.group() == FSI:
            end = text.find(PDI, m.end())
            rtl_of.append(_first_strong_rtl(text[m.end():end if end >= 0 else len(text)]))
    out, in_span = [], False
    for row in _break(text, first, rest):
        if in_span:
            row = _CUT_OPEN + row
        for ch in row:
            if ch in (_OPEN, _CLOSE):
                in_span = ch == _OPEN
        if in_span:
            row += _CUT_CLOSE
        parts, pos = [], 0
        for m in re.finditer(f"[{FSI}{PDI}]", row):
            parts.append(_display(row[pos:m.start()], depth_dirs[-1] if depth_dirs else False))
            if m.group() == FSI:
                depth_dirs.append(rtl_of[opened] if opened < len(rtl_of) else False)
                opened += 1
            elif depth_dirs:
                depth_dirs.pop()
            pos = m.end()
        parts.append(_display(row[pos:], depth_dirs[-1] if depth_dirs else False))
        out.append("".join(parts))
    return out


def _unmarked(row: str) -> str:
    """A visual row as shown: span markers become a bracket where the span really ends."""
    return row.replace(_CUT_OPEN, "").replace(_CUT_CLOSE, "")


def _row_pieces(row: str) -> list[tuple[str, str]]:
    """A visual excerpt row as (text, role) pieces: between its two markers the span, a
    bracket where the span really starts or ends (⟦ on the left, ⟧ on the right)."""
    at = [i for i, ch in enumerate(row) if ch in (_OPEN, _CLOSE, _CUT_OPEN, _CUT_CLOSE)]
    if len(at) < 2:
        return [(row.replace(_OPEN, "").replace(_CLOSE, ""), "ctx")]
    i, j = at[0], at[-1]
    strip = str.maketrans("", "", _OPEN + _CLOSE + _CUT_OPEN + _CUT_CLOSE)
    pieces = [(row[:i], "ctx")]
    if row[i] in (_OPEN, _CLOSE):
        pieces.append(("⟦", "mark"))
    pieces.append((row[i + 1:j].translate(strip), "span"))
    if row[j] in (_OPEN, _CLOSE):
        pieces.append(("⟧", "mark"))
    pieces.append((row[j + 1:], "ctx"))
    return [(t, role) for t, role in pieces if t]


# -- fixes ------------------------------------------------------------------------------------


def _name(s: str, bidi: _Bidi) -> str:
    if s == " ":
        return "a space"
    if s in ("\n", "\r\n"):
        return "a line break"
    return "«" + bidi.piece(_clip(_visible(s))) + "»"


def _word_window(text: str, start: int, end: int, reach: int = 24) -> tuple[int, int]:
    """[start, end) widened to whole words on its line, at most `reach` characters each side."""
    a = start
    while a > 0 and start - a < reach and text[a - 1] not in " \n\r\t":
        a -= 1
    b = end
    while b < len(text) and b - end < reach and text[b] not in " \n\r\t":
        b += 1
    if a == start and a > 0 and text[a - 1] == " ":  # an edit at a word's start: show the word before too
        a -= 1
        while a > 0 and start - a < reach and text[a - 1] not in " \n\r\t":
            a -= 1
    return a, b


def describe_edit(text: str, e, bidi: _Bidi) -> str:
    old, new = text[e.start:e.end], e.replacement
    a, b = _word_window(text, e.start, e.end)
    before = text[a:b]
    after = text[a:e.start] + new + text[e.end:b]
    small = len(old) <= 3 and len(new) <= 3 and "\n" not in old + new
    if not old:  # insertion: say where
        word = text[a:e.start].split()
        where = (f"after «{bidi.piece(_visible(word[-1]))}»" if word else
                 f"before «{bidi.piece(_visible(text[e.end:b]))}»" if b > e.end else "here")
        head = f"insert {_name(new, bidi)} {where}"
    elif not new:
        head = f"delete {_name(old, bidi)}"
        if not small:
            return head
    elif small:
        head = f"replace {_name(old, bidi)} with {_name(new, bidi)}"
    else:
        return f"replace {_name(old, bidi)} → {_name(new, bidi)}"
    return f"{head}: {bidi.piece(_visible(before))} → {bidi.piece(_visible(after))}"


# -- rendering --------------------------------------------------------------------------------


def render_full(results: list[FileResult], console, fixing: bool = False, show_source: bool = True,
                tty: bool | None = None) -> None:
    from rich.text import Text

    plain = bool(getattr(console, "no_color", False))  # NO_COLOR: no colour, no bold, no reverse

    def st(style: str) -> str:
        return "" if plain else style

    bidi = _Bidi(bidi_mode(console, tty))
    visual = bidi.mode == "visual"
    if visual:  # lines are built in reading order with isolates, then broken into rows here
        bidi = _Bidi("logical")
    width = console.width
    lead = "" if visual else bidi.line()
    for r in results:
        if r.error:
            console.print(Text.assemble(lead, (r.path, st("bold")), ": ", ("error", st("bold red")), f": {r.error}"))
            continue
        if r.note:
            console.print(Text.assemble(lead, (r.path, st("bold")), f": {r.note}"), style=st("dim"))
        for f in r.findings:
            loc = location(r, f)
            sev = str(f.severity)
            head = Text.assemble(lead, (f"{r.path}:{loc['line']}:{loc['column']}", st("bold")), ": ",
                                 (f.code, st(STYLE[sev])), f" [{sev}] ")
            message = bidi.message(_visible(f.message))
            if not visual:
                console.print(head + message, soft_wrap=True)
            else:
                rows = _visual_rows(message, width - head.cell_len, width - 8)
                console.print(head + rows[0], soft_wrap=True)
                for row in rows[1:]:
                    console.print(" " * 8 + row, soft_wrap=True)
            if not show_source:
                continue
            ls, le = r.doc.line_span(loc["line"])
            s, e = f.start, min(f.end, le)
            a = max(ls, s - CONTEXT)
            b = min(le, max(e, s + 1) + CONTEXT)
            span = _visible(r.text[s:e]) + ("⏎" if f.end > le else "")
            pieces = _excerpt(bidi, ("…" if a > ls else "") + _visible(r.text[a:s]), span or "∅",
                              _visible(r.text[e:b]) + ("…" if b < le else ""))
            roles = {"ctx": "", "mark": st("bold magenta"), "span": st("reverse " + STYLE[sev])}
            if visual:
                logical = "".join(_OPEN if t == "⟦" and role == "mark" else _CLOSE if role == "mark" else t
                                  for t, role in pieces)
                rows = _visual_rows(logical, width - GUTTER, width - GUTTER)
                if len(rows) > 1 and _first_strong_rtl(logical):  # an RTL paragraph: rows start on the right
                    rows = [" " * max(0, width - GUTTER - _cells(_unmarked(row))) + row for row in rows]
                rows = [_row_pieces(row) for row in rows]
            else:
                rows = [pieces]
            for n, row in enumerate(rows):
                line = Text(lead)
                line.append(f"  {loc['line']:>4} │ " if n == 0 else "       │ ", style=st("dim"))
                for text, role in row:
                    line.append(text, style=roles[role])
                console.print(line, soft_wrap=True)
            if f.fix is not None:
                label = {Applicability.SAFE: "fix", Applicability.UNSAFE: "unsafe fix",
                         Applicability.DISPLAY_ONLY: "suggestion"}[f.fix.applicability]
                shown = "; ".join(describe_edit(r.text, x, bidi) for x in f.fix.edits[:3])
                more = f" (and {len(f.fix.edits) - 3} more)" if len(f.fix.edits) > 3 else ""
                said = f"       = {label}: {shown}{more}"
                rows = _visual_rows(said, width, width - GUTTER) if visual else [lead + said]
                for n, row in enumerate(rows):
                    console.print(Text(("" if n == 0 else " " * GUTTER) + row, style=st("dim green")), soft_wrap=True)
    if not getattr(console, "quiet_summary", False):  # `check -q` (set by cli.report): findings only
        console.print(lead + summary_line(results, fixing), style=st("bold"))
