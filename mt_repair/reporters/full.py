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

from mt_repair.reporters import FileResult, location, summary_line
from mt_repair.text import INVISIBLE_RE
from mt_repair.types import Applicability

CONTEXT = 50  # characters of context shown on each side of a long line's span
PREVIEW = 60  # longest deleted or replaced text shown in a fix line
STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}

LRM, FSI, PDI = "\u200e", "\u2068", "\u2069"
_AR = "\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_HAS_AR = re.compile(f"[{_AR}]")
_QUOTED = re.compile(r"«([^«»\n]*)»")
_AR_RUN = re.compile(f"[{_AR}](?:[^A-Za-z\n«»⟦⟧]*[{_AR}])?(?:[{_DIGIT}.:,٫٬/-]*[{_DIGIT}])?")
_LTR_ISLAND = re.compile(f"[A-Za-z{_DIGIT}](?:[^{_AR}\n]*[A-Za-z{_DIGIT}])?")
_MIRROR = dict(zip("()[]{}<>«»‹›⟦⟧⟨⟩", ")(][}{><»«›‹⟧⟦⟩⟨"))
_OPEN, _CLOSE = "\ue000", "\ue001"  # span markers while reordering (private use: never in the text)
_BIDI_TERMINALS = ("KONSOLE_VERSION", "MLTERM")


def bidi_mode(console) -> str:
    """'logical' (isolates; the terminal does bidi) or 'visual' (reordered here)."""
    forced = os.environ.get("MT_REPAIR_BIDI", "").strip().lower()
    if forced in ("logical", "visual"):
        return forced
    if not console.is_terminal:
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
    import regex

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
    m = re.search(f"[A-Za-z{_AR}]", s)
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
    """The source excerpt as (text, role) pieces: roles 'ctx', 'mark' and 'span'."""
    whole = before + span + after
    if not _HAS_AR.search(whole):
        return [(before, "ctx"), ("⟦", "mark"), (span, "span"), ("⟧", "mark"), (after, "ctx")]
    if bidi.mode == "logical":
        # One isolate around it all: the Arabic reads right to left, ⟦ ⟧ mirror with it.
        return [(FSI + before, "ctx"), ("⟦", "mark"), (span, "span"), ("⟧", "mark"), (after + PDI, "ctx")]
    vis = to_visual(before + _OPEN + span + _CLOSE + after)
    i, j = sorted((vis.index(_OPEN), vis.index(_CLOSE)))
    inner = vis[i + 1:j].replace(_OPEN, "").replace(_CLOSE, "")
    return [(vis[:i], "ctx"), ("⟦", "mark"), (inner, "span"), ("⟧", "mark"), (vis[j + 1:], "ctx")]


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


def render_full(results: list[FileResult], console, fixing: bool = False, show_source: bool = True) -> None:
    from rich.text import Text

    plain = bool(getattr(console, "no_color", False))  # NO_COLOR: no colour, no bold, no reverse

    def st(style: str) -> str:
        return "" if plain else style

    bidi = _Bidi(bidi_mode(console))
    lead = bidi.line()
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
                                 (f.code, st(STYLE[sev])), f" [{sev}] ", bidi.message(_visible(f.message)))
            console.print(head, soft_wrap=True)
            if not show_source:
                continue
            ls, le = r.doc.line_span(loc["line"])
            s, e = f.start, min(f.end, le)
            a = max(ls, s - CONTEXT)
            b = min(le, max(e, s + 1) + CONTEXT)
            span = _visible(r.text[s:e]) + ("⏎" if f.end > le else "")
            pieces = _excerpt(bidi, ("…" if a > ls else "") + _visible(r.text[a:s]), span or "∅",
                              _visible(r.text[e:b]) + ("…" if b < le else ""))
            line = Text(lead)
            line.append(f"  {loc['line']:>4} │ ", style=st("dim"))
            roles = {"ctx": "", "mark": st("bold magenta"), "span": st("reverse " + STYLE[sev])}
            for text, role in pieces:
                line.append(text, style=roles[role])
            console.print(line, soft_wrap=True)
            if f.fix is not None:
                label = {Applicability.SAFE: "fix", Applicability.UNSAFE: "unsafe fix",
                         Applicability.DISPLAY_ONLY: "suggestion"}[f.fix.applicability]
                shown = "; ".join(describe_edit(r.text, x, bidi) for x in f.fix.edits[:3])
                more = f" (and {len(f.fix.edits) - 3} more)" if len(f.fix.edits) > 3 else ""
                console.print(Text(f"{lead}       = {label}: {shown}{more}", style=st("dim green")), soft_wrap=True)
    if not getattr(console, "quiet_summary", False):  # `check -q` (set by cli.report): findings only
        console.print(lead + summary_line(results, fixing), style=st("bold"))
