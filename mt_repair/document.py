"""A text as the rules see it: the original string plus lazily computed views.

Spans are always code-point offsets into the text as read; nothing is normalised
before checking, so a finding points at exactly what the editor has on screen.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from collections import Counter
from operator import eq, itemgetter

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
_SKIP_RE = re.compile("|".join(_SKIP_PARTS), re.S)
_SKIP_NO_COMMENT_RE = re.compile("|".join(p for p in _SKIP_PARTS if not p.startswith("<!--")), re.S)
_PRAGMA_RE = re.compile(r"<!--\s*mt-repair:\s*ignore(?:\[([A-Za-z0-9_, -]*)\])?\s*-->")
_LINE_RE = re.compile(r"[^\n]*\n|[^\n]+")
_LETTERS_RE = re.compile(r"[^\W\d_]+")

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

    # -- repetition candidates ---------------------------------------------
    @cached_property
    def line_words(self) -> list[list[str]]:
        """Per line, its runs of letters, case-folded: cheap input for repetition filters."""
        findall, out = _LETTERS_RE.findall, []
        for _, _, body in self.lines:
            out.append(findall(body.casefold()))
        return out

    @cached_property
    def lines_with_repeated_pair(self) -> list[tuple[int, int, str]]:
        """Lines in which some pair of consecutive words occurs twice. A repeated phrase
        or sentence of two or more words always repeats its first pair, so the slower
        repetition patterns only need to look at these lines."""
        out = []
        for line, words in zip(self.lines, self.line_words):
            if len(words) >= 4:
                pairs = list(zip(words, words[1:]))
                if len(set(pairs)) < len(pairs):
                    out.append(line)
        return out

    @cached_property
    def lines_with_adjacent_repeat(self) -> list[tuple[int, int, str]]:
        """Lines in which a word directly follows itself (case-folded, ignoring
        punctuation between them): the only lines where a stutter can be."""
        return [line for line, words in zip(self.lines, self.line_words)
                if len(words) >= 2 and any(map(eq, words, words[1:]))]

    # -- tokens and scripts ------------------------------------------------
    @cached_property
    def tokens(self) -> list[tuple[int, int, str]]:
        """Word and number tokens as (start, end, text), outside skipped regions."""
        toks = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(self.text)]
        if self.skip_spans:  # drop the tokens inside skipped regions, span by span (few)
            starts = [t[0] for t in toks]
            keep = []
            prev = 0
            for s, e in self.skip_spans:
                i, j = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
                keep.append(toks[prev:i])
                prev = max(prev, j)
            keep.append(toks[prev:])
            toks = [t for part in keep for t in part]
        return toks

    @cached_property
    def token_counts(self) -> Counter:
        """Distinct token -> occurrences: rules that judge words judge each one once."""
        return Counter(map(itemgetter(2), self.tokens))

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
        """Per line, (Arabic, Latin) letter counts (see script_counts)."""
        return [script_counts(body) for _, _, body in self.lines]

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
