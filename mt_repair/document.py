"""A text as the rules see it: the original string plus lazily computed views.

Spans are always code-point offsets into the text as read; nothing is normalised
before checking, so a finding points at exactly what the editor has on screen.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from mt_repair.text import AR_LETTER_RE, LATIN_LETTER_RE, TOKEN_RE

# Regions no rule looks inside: code, URLs, e-mail addresses, HTML comments.
_SKIP_RE = re.compile(
    r"```.*?(?:```|\Z)"  # fenced code
    r"|`[^`\n]+`"  # inline code
    r"|<!--.*?-->"  # HTML comments (pragmas live here)
    r"|\b(?:https?://|www\.)[^\s<>\"'«»]+"  # URLs
    r"|\b[\w.+-]+@[\w-]+\.[\w.-]+\b",  # e-mail addresses
    re.S,
)
_PRAGMA_RE = re.compile(r"<!--\s*mt-repair:\s*ignore(?:\[([A-Za-z0-9_, -]*)\])?\s*-->")
_LINE_RE = re.compile(r"[^\n]*\n|[^\n]+")


class Document:
    """Immutable view of one text. Build once, share between all rules."""

    def __init__(self, text: str, path: str = "<text>", language: str | None = None):
        self.text = text
        self.path = path
        self._language = language

    # -- positions ---------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an offset."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def line_span(self, line_no: int) -> tuple[int, int]:
        """Offsets of a 1-based line, without its line ending."""
        start = self.line_starts[line_no - 1]
        end = self.line_starts[line_no] - 1 if line_no < len(self.line_starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    @cached_property
    def lines(self) -> list[tuple[int, int, str]]:
        """(start, end, text) for every line, line ending excluded."""
        out = []
        for m in _LINE_RE.finditer(self.text):
            s, e = m.span()
            body = m.group()
            if body.endswith("\n"):
                body = body[:-1]
                if body.endswith("\r"):
                    body = body[:-1]
            out.append((s, s + len(body), body))
        return out

    # -- tokens and scripts ------------------------------------------------
    @cached_property
    def tokens(self) -> list[tuple[int, int, str]]:
        """Word and number tokens as (start, end, text), outside skipped regions."""
        toks = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(self.text)]
        if self.skip_spans:
            toks = [t for t in toks if not self.in_skip(t[0])]
        return toks

    @cached_property
    def skip_spans(self) -> list[tuple[int, int]]:
        if "`" not in self.text and "<!--" not in self.text and "://" not in self.text \
                and "www." not in self.text and "@" not in self.text:
            return []
        return [m.span() for m in _SKIP_RE.finditer(self.text)]

    @cached_property
    def _skip_starts(self) -> list[int]:
        return [s for s, _ in self.skip_spans]

    def in_skip(self, offset: int) -> bool:
        if not self.skip_spans:
            return False
        i = bisect.bisect_right(self._skip_starts, offset) - 1
        return i >= 0 and offset < self.skip_spans[i][1]

    def overlaps_skip(self, start: int, end: int) -> bool:
        if not self.skip_spans:
            return False
        i = bisect.bisect_left(self._skip_starts, end) - 1
        return i >= 0 and self.skip_spans[i][1] > start

    @cached_property
    def language(self) -> str:
        """'ar' when Arabic letters outnumber Latin letters overall, else 'en'."""
        if self._language:
            return self._language
        ar = len(AR_LETTER_RE.findall(self.text))
        la = len(LATIN_LETTER_RE.findall(self.text))
        return "ar" if ar >= la and ar > 0 else "en"

    @cached_property
    def arabic_lines(self) -> list[bool]:
        """Per line: is it Arabic text? A line leans to the document's language:
        in an Arabic document a line is English only when Latin letters outnumber
        Arabic ones three to one (`المصدر: Reuters` stays Arabic), and vice versa."""
        default = self.language == "ar"
        out = []
        for _, _, body in self.lines:
            ar = len(AR_LETTER_RE.findall(body))
            la = len(LATIN_LETTER_RE.findall(body))
            if ar == la == 0:
                out.append(default)
            elif default:
                out.append(3 * ar >= la)
            else:
                out.append(ar > 3 * la)
        return out

    def is_arabic_at(self, offset: int) -> bool:
        line, _ = self.line_col(offset)
        return self.arabic_lines[line - 1] if line - 1 < len(self.arabic_lines) else self.language == "ar"

    # -- inline ignores ----------------------------------------------------
    @cached_property
    def ignores(self) -> dict[int, frozenset[str] | None]:
        """Line number -> codes ignored on it (None: all codes).

        `<!-- mt-repair: ignore[TM001] -->` on a line with text ignores that line;
        alone on its own line it ignores the next line.
        """
        out: dict[int, frozenset[str] | None] = {}
        if "mt-repair" not in self.text:
            return out
        for m in _PRAGMA_RE.finditer(self.text):
            line, _ = self.line_col(m.start())
            s, e = self.line_span(line)
            rest = (self.text[s:m.start()] + self.text[m.end():e]).strip()
            target = line if rest else line + 1
            codes = None
            if m.group(1) is not None:
                codes = frozenset(c.strip().upper() for c in m.group(1).split(",") if c.strip())
            prev = out.get(target, frozenset())
            out[target] = None if codes is None or prev is None else prev | codes
        return out
