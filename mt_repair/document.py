"""A text as the rules see it: the original string plus lazily computed views.

Spans are always code-point offsets into the text as read; nothing is normalised
before checking, so a finding points at exactly what the editor has on screen.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Sequence
from functools import cached_property
from collections import Counter
from operator import eq, itemgetter

from mt_repair.lazyre import lazy_re
from mt_repair.text import TOKEN_RE

# Regions no rule looks inside: code, URLs, e-mail addresses, HTML comments.
# Each branch must stay linear: a branch that scans far and then fails, retried at every
# position, is quadratic (`<!--` x 40,000 took 54 s; see skip_spans).
_SKIP_PARTS = (
    r"```.*?(?:```|\Z)",  # fenced code
    r"`[^`\n]+`",  # inline code
    r"<!--.*?(?:-->|\Z)",  # HTML comments (pragmas live here); unclosed: see skip_spans
    r"\b(?:https?://|www\.)[^\s<>\"'«»]+",  # URLs
    # e-mail addresses; the local part is at most 64 characters (RFC 5321), which also
    # bounds the scan from each word of a long `a.a.a.…` (unbounded, that was quadratic)
    r"\b[\w.+-]{1,64}@[\w-]+\.[\w.-]+\b",
)
_SKIP_RE = lazy_re("|".join(_SKIP_PARTS), re.S)
_SKIP_NO_COMMENT_RE = lazy_re("|".join(p for p in _SKIP_PARTS if not p.startswith("<!--")), re.S)
_PRAGMA_RE = lazy_re(r"<!--\s*mt-repair:\s*ignore(?:\[([A-Za-z0-9_, -]*)\])?\s*-->")
_LINE_RE = lazy_re(r"[^\n]*\n|[^\n]+")
_LETTERS_RE = lazy_re(r"[^\W\d_]+")

# Counting letters per script with bytes.translate is ~10x faster than a regex: in
# UTF-8 the Arabic block U+0600-U+06FF is lead bytes D8-DB, ASCII letters are 41-5A/61-7A,
# and U+00C0-U+024F (accented Latin) is lead bytes C3-C9. Counts include Arabic digits
# and punctuation; they only decide which script dominates a line.
_NOT_AR_LEAD = bytes(b for b in range(256) if not 0xD8 <= b <= 0xDB)
_NOT_LATIN = bytes(b for b in range(256) if not (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A or 0xC3 <= b <= 0xC9))


def _count_spaces(s: str) -> int:
    return len(s) - len("".join(s.split()))


def script_counts(text: str) -> tuple[int, int]:
    """(Arabic, Latin) letter counts, approximately (see above)."""
    raw = text.encode("utf-8", "surrogatepass")
    return len(raw.translate(None, _NOT_AR_LEAD)), len(raw.translate(None, _NOT_LATIN))


# From this many characters on (a big file), Document keeps compact views: tokens as a
# TokenList (8 bytes a token instead of ~60 for a tuple and its string; ~10% slower to
# walk) and the words of each line made anew on each use instead of kept (~9 bytes a
# byte). An article keeps the faster lists.
COMPACT_CHARS = 1_000_000


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
        """(start, end, text) for every line, line ending excluded. For a big file a
        LineList (see COMPACT_CHARS): offsets kept, each line's text made as it is read."""
        if len(self.text) >= COMPACT_CHARS:
            return LineList.of(self.text, self.line_starts)
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

    # -- repetition candidates ---------------------------------------------
    @property
    def line_words(self):
        """Per line, its runs of letters, case-folded: cheap input for repetition filters.
        For a big file an iterator made anew on each use (see COMPACT_CHARS)."""
        if len(self.text) < COMPACT_CHARS:
            return self._line_words
        return map(_LETTERS_RE.findall, map(str.casefold, map(itemgetter(2), self.lines)))

    @cached_property
    def _line_words(self) -> list[list[str]]:
        findall = _LETTERS_RE.findall
        return [findall(body.casefold()) for _, _, body in self.lines]

    @cached_property
    def _repeat_lines(self) -> tuple[list, list]:
        pairs_out, adjacent_out = [], []
        for line, words in zip(self.lines, self.line_words):
            n = len(words)
            if n >= 4:
                pairs = list(zip(words, words[1:]))
                if len(set(pairs)) < len(pairs):
                    pairs_out.append(line)
            if n >= 2 and any(map(eq, words, words[1:])):
                adjacent_out.append(line)
        return pairs_out, adjacent_out

    @property
    def lines_with_repeated_pair(self) -> list[tuple[int, int, str]]:
        """Lines in which some pair of consecutive words occurs twice. A repeated phrase
        or sentence of two or more words always repeats its first pair, so the slower
        repetition patterns only need to look at these lines."""
        return self._repeat_lines[0]

    @property
    def lines_with_adjacent_repeat(self) -> list[tuple[int, int, str]]:
        """Lines in which a word directly follows itself (case-folded, ignoring
        punctuation between them): the only lines where a stutter can be."""
        return self._repeat_lines[1]

    # -- tokens and scripts ------------------------------------------------
    @cached_property
    def tokens(self) -> "list[tuple[int, int, str]] | TokenList":
        """Word and number tokens as (start, end, text), outside skipped regions."""
        starts, ends = array("I"), array("I")
        add_start, add_end = starts.append, ends.append
        for m in TOKEN_RE.finditer(self.text):
            s, e = m.span()
            add_start(s)
            add_end(e)
        if self.skip_spans:  # drop the tokens inside skipped regions, span by span (few)
            keep_s, keep_e = array("I"), array("I")
            prev = 0
            for s, e in self.skip_spans:
                i, j = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
                keep_s.extend(starts[prev:i])
                keep_e.extend(ends[prev:i])
                prev = max(prev, j)
            keep_s.extend(starts[prev:])
            keep_e.extend(ends[prev:])
            starts, ends = keep_s, keep_e
        if len(self.text) < COMPACT_CHARS:  # an article: tuples in a list read fastest
            text = self.text
            return [(s, e, text[s:e]) for s, e in zip(starts, ends)]
        return TokenList(self.text, starts, ends)

    @cached_property
    def token_counts(self) -> Counter:
        """Distinct token -> occurrences: rules that judge words judge each one once."""
        toks = self.tokens
        return Counter(toks.texts() if isinstance(toks, TokenList) else map(itemgetter(2), toks))

    @cached_property
    def skip_spans(self) -> list[tuple[int, int]]:
        if "`" not in self.text and "<!--" not in self.text and "://" not in self.text \
                and "www." not in self.text and "@" not in self.text:
            return []
        text, spans = self.text, []
        for m in _SKIP_RE.finditer(text):
            s, e = m.span()
            if text.startswith("<!--", s) and (e - s < 7 or not text.endswith("-->", s, e)):
                # An unclosed comment is no skip region, and no `<!--` after it can close
                # either: go on without the comment branch (else each `<!--` scans to the end).
                spans.extend(n.span() for n in _SKIP_NO_COMMENT_RE.finditer(text, s + 1))
                break
            spans.append((s, e))
        return spans

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
        ar, la = script_counts(self.text)
        return "ar" if ar >= la and ar > 0 else "en"

    @cached_property
    def line_scripts(self) -> list[tuple[int, int]]:
        """Per line, (Arabic, Latin) letter counts (see script_counts). For a big file
        two arrays read as pairs (~64 bytes a line less)."""
        if len(self.text) < COMPACT_CHARS:
            return [script_counts(body) for _, _, body in self.lines]
        ar, la = array("Q"), array("Q")
        for a, b in map(script_counts, map(itemgetter(2), self.lines)):
            ar.append(a)
            la.append(b)
        return PairList(ar, la)

    @cached_property
    def arabic_lines(self) -> list[bool]:
        """Per line: is it Arabic text? A line leans to the document's language:
        in an Arabic document a line is English only when Latin letters outnumber
        Arabic ones three to one (`المصدر: Reuters` stays Arabic), and vice versa."""
        default = self.language == "ar"
        out = []
        for ar, la in self.line_scripts:
            if ar == la == 0:
                out.append(default)
            elif default:
                out.append(3 * ar >= la)
            else:
                out.append(ar > 3 * la)
        return out

    @cached_property
    def mixed_lines(self) -> list[tuple[int, int, str]]:
        """Lines holding both Arabic and Latin letters: where scripts can be glued."""
        return [line for line, (ar, la) in zip(self.lines, self.line_scripts) if ar and la]

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
        visible: dict[int, int] = {}  # line -> its non-space characters, counted once a line
        for m in _PRAGMA_RE.finditer(self.text):
            line, _ = self.line_col(m.start())
            if line not in visible:
                s, e = self.line_span(line)
                visible[line] = e - s - _count_spaces(self.text[s:e])
            rest = visible[line] - (len(m.group()) - _count_spaces(m.group()))  # text besides this pragma
            target = line if rest else line + 1
            codes = None
            if m.group(1) is not None:
                codes = frozenset(c.strip().upper() for c in m.group(1).split(",") if c.strip())
            prev = out.get(target, frozenset())
            out[target] = None if codes is None or prev is None else prev | codes
        return out


class SpanList(Sequence):
    """Spans of a text as (start, end, text), stored as two arrays of offsets: the tuples
    are made as they are read. Iterating, indexing, slicing (a list) and comparing act as
    on a list."""

    __slots__ = ("_text", "_starts", "_ends")

    def __init__(self, text: str, starts: array, ends: array):
        self._text, self._starts, self._ends = text, starts, ends

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, i):
        text = self._text
        if isinstance(i, slice):
            return [(s, e, text[s:e]) for s, e in zip(self._starts[i], self._ends[i])]
        s, e = self._starts[i], self._ends[i]
        return s, e, text[s:e]

    def __iter__(self):
        return zip(self._starts, self._ends, self.texts())  # C-level: no Python frame a span

    def texts(self):
        """The span strings alone, in order."""
        return map(self._text.__getitem__, map(slice, self._starts, self._ends))

    def __eq__(self, other) -> bool:
        if isinstance(other, (list, tuple, SpanList)):
            return len(self) == len(other) and all(map(eq, self, other))
        return NotImplemented

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self)!r})"


class TokenList(SpanList):
    """The tokens of a text (8 bytes a token instead of a tuple and a string, ~50)."""

    __slots__ = ()


class LineList(SpanList):
    """The lines of a text, line ending excluded (8 bytes a line instead of a tuple and a
    copy of the line, ~2 bytes an input byte)."""

    __slots__ = ()

    @classmethod
    def of(cls, text: str, line_starts: list[int]) -> "LineList":
        starts, ends = array("Q"), array("Q")
        n = len(text)
        for s in line_starts:
            if s >= n:
                break  # after a final line break: no line
            e = text.find("\n", s)
            if e == -1:
                e = n  # the last line, without a line break: a lone \r at its end stays
            elif e > s and text[e - 1] == "\r":
                e -= 1
            starts.append(s)
            ends.append(e)
        return cls(text, starts, ends)


class PairList(Sequence):
    """Two arrays read as a list of pairs."""

    __slots__ = ("_a", "_b")

    def __init__(self, a: array, b: array):
        self._a, self._b = a, b

    def __len__(self) -> int:
        return len(self._a)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(zip(self._a[i], self._b[i]))
        return self._a[i], self._b[i]

    def __iter__(self):
        return zip(self._a, self._b)

    def __eq__(self, other) -> bool:
        if isinstance(other, (list, tuple, PairList)):
            return len(self) == len(other) and all(map(eq, self, other))
        return NotImplemented

    def __repr__(self) -> str:
        return f"PairList({list(self)!r})"
