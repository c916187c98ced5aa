"""Cut an article into sentences to translate and the literal text around them.

The Markdown structure is literal and survives translation unchanged: blank lines,
heading marks, list and quote markers, indentation, fenced code, HTML comments (the
`mt-repair: ignore` pragmas), table pipes and lines without letters. Everything else
is split into sentences. `Layout.render(layout.sources)` gives back the input exactly,
so a translation only ever replaces the sentences themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mt_repair.text import AR_LETTER, LATIN_LETTER

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# heading, quote, list marker (Western or Arabic-Indic numbers), then the text
_PREFIX = re.compile(r"^(\s*(?:#{1,6}[ \t]+|(?:>[ \t]?)+|(?:[-*+•]|[0-9\u0660-\u0669]{1,3}[.)])[ \t]+)?)")
_TRAILING_COMMENT = re.compile(r"[ \t]*<!--.*?-->[ \t]*$")
_LETTER = re.compile(f"[{AR_LETTER}{LATIN_LETTER}]")
# a sentence ends at . ! ? ؟ … (and closing quotes or brackets) before whitespace
_END = re.compile(r"[.!?\u061F\u2026]+[\"'»”’)\]]*(?=[ \t]+\S)")
# `د.` `م.` `U.S.` and the like end no sentence
_ABBREV = re.compile(rf"(?:^|[\s(«\"])(?:[{AR_LETTER}]|[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|No|(?:[A-Z]\.)+[A-Z])\.$")


@dataclass(frozen=True)
class Segment:
    """One unit to translate: text[start:end] of the article, on 1-based line `line`."""

    index: int
    line: int
    start: int
    end: int
    text: str
    paragraph: int  # running number of the block of lines it belongs to
    heading: bool = False


@dataclass
class Layout:
    """The article as literal strings and segment slots, in order."""

    parts: list = field(default_factory=list)  # str (literal) or int (segment index)
    segments: list[Segment] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return [s.text for s in self.segments]

    def render(self, translations: list[str]) -> str:
        if len(translations) != len(self.segments):
            raise ValueError(f"{len(translations)} translations for {len(self.segments)} segments")
        return "".join(p if isinstance(p, str) else translations[p] for p in self.parts)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of one line of prose, whitespace trimmed."""
    spans, start = [], 0
    for m in _END.finditer(text):
        # the few characters before the stop, not the whole line before it (a line can be a book)
        if m.group().startswith(".") and _ABBREV.search(text, max(0, m.start() - 40), m.start() + 1):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def split_article(text: str) -> Layout:
    """Split Markdown/plain text into a Layout; see the module docstring."""
    layout = Layout()
    literal: list[str] = []
    in_fence = in_comment = False
    paragraph, was_blank = 0, True
    offset = 0
    for line_no, raw in enumerate(text.splitlines(keepends=True), 1):
        body = raw.rstrip("\r\n")
        ending = raw[len(body):]
        line_start = offset
        offset += len(raw)
        blank = not body.strip()
        if not blank and was_blank:
            paragraph += 1
        was_blank = blank
        if in_fence or _FENCE.match(body):
            if _FENCE.match(body):
                in_fence = not in_fence
            literal.append(raw)
            continue
        if in_comment:
            in_comment = "-->" not in body
            literal.append(raw)
            continue
        if body.lstrip().startswith("<!--") and "-->" not in body:
            in_comment = True
            literal.append(raw)
            continue
        if blank or _COMMENT_LINE.match(body) or _TABLE_RULE.match(body) or not _LETTER.search(body):
            literal.append(raw)
            continue
        if body.lstrip().startswith("|"):
            _add_table_row(layout, literal, body, line_start, line_no, paragraph)
            literal.append(ending)
            continue
        prefix = _PREFIX.match(body).group(1)
        tail_m = _TRAILING_COMMENT.search(body, len(prefix))
        content_end = tail_m.start() if tail_m else len(body)
        literal.append(prefix)
        content = body[len(prefix):content_end]
        heading = prefix.lstrip().startswith("#")
        spans = [(0, len(content))] if heading else split_sentences(content)
        pos = 0
        for s, e in spans:
            literal.append(content[pos:s])
            _flush(layout, literal)
            start = line_start + len(prefix) + s
            layout.parts.append(len(layout.segments))
            layout.segments.append(Segment(len(layout.segments), line_no, start,
                                           line_start + len(prefix) + e, content[s:e], paragraph, heading))
            pos = e
        literal.append(content[pos:] + body[content_end:] + ending)
    _flush(layout, literal)
    return layout


def _add_table_row(layout: Layout, literal: list[str], body: str, line_start: int, line_no: int,
                   paragraph: int) -> None:
    pos = 0
    for m in re.finditer(r"[^|]+", body):
        s, e = m.start(), m.end()
        while s < e and body[s].isspace():
            s += 1
        while e > s and body[e - 1].isspace():
            e -= 1
        if s == e or not _LETTER.search(body[s:e]):
            continue
        literal.append(body[pos:s])
        _flush(layout, literal)
        layout.parts.append(len(layout.segments))
        layout.segments.append(Segment(len(layout.segments), line_no, line_start + s, line_start + e,
                                       body[s:e], paragraph))
        pos = e
    literal.append(body[pos:])


def _flush(layout: Layout, literal: list[str]) -> None:
    if literal:
        joined = "".join(literal)
        if joined:
            layout.parts.append(joined)
        literal.clear()
