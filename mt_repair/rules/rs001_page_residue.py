"""RS001 page-residue: page furniture scraped together with the article.

What: share, print, follow and font-size buttons, "read also" and "related" headings with
the link lists under them, tag lists, app and newsletter promotions, video-player notices,
page timestamps (`Updated 12 March 2023`, `نُشر في: الأحد 12 مارس 2023`, `3 hours ago`),
gallery counters (`3 / 7`, `Image 3 of 12`), photo credits and captions (`Photo: Reuters`,
`(AP Photo/…)`, `[File: …/Reuters]`, `Getty Images`), short links alone on a line
(`bit.ly/…`), embedded-tweet residue (`pic.twitter.com/…`, `— Name (@handle) May 1, 2024`),
copyright lines and advertisement labels, in Arabic and English and in the Arabic that MT
makes of English furniture, also when glued into one line
(`انتقل إلى اختصارات الوصولشارك هذا المقالمحادثة`), and a Latin block heading with its
Arabic headlines flattened onto its line, glued or spaced (`Relatedالمخابرات…`,
`Related المخابرات…`; the switch of script tells it from `Related to the talks`).
Patterns are whole lines or anchored at a line's start or a paragraph's end: the same
words inside running prose are not residue (`LONDON (Reuters) -`, `Published in 2019,
the report…`). Patterns live in `mt_repair/data/residue.tsv`; add your own with
`residue-patterns` in the config.
Why: it is not part of the article, yet it gets translated, published and counted.
Example: a line `شارك` or `إقرأ أيضاً:` between paragraphs. A heading with the list
under it is one finding (`related-news block, heading and 9 items`).
Fix: safe for a line that is exactly a known button or label; unsafe for blocks,
captions and pattern matches (a caption can carry information the editor wants).
"""

import bisect
import re
from functools import lru_cache
from pathlib import Path

from mt_repair.lazyre import lazy_re
from mt_repair.rules.base import SAFE, UNSAFE, WARNING, Rule, quote
from mt_repair.types import Edit, Fix
from mt_repair.userpatterns import AnyOf, UserRegex

RULE = Rule("RS001", "page-residue", "residue", WARNING, __doc__)

DATA = Path(__file__).resolve().parent.parent / "data" / "residue.tsv"
_STRIP = " \t\u00A0:：.•·-–|"
TAIL_WINDOW = 120  # a `tail` pattern is looked for in a paragraph's last characters only
_REGEX_KINDS = ("regex", "tail", "inline")
_LIST_ITEM = lazy_re(r"^\s*(?:[•·▪►\-*–]|\d+[.)])\s+\S")


@lru_cache(maxsize=None)
def load_patterns(extra: tuple[tuple[str, str, str, str], ...] = ()):
    rows = []
    for raw in DATA.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            kind, pattern, what, fix = raw.split("\t")
            rows.append((kind, pattern, what, fix, False))
    rows.extend((*row, True) for row in extra)  # the config's, checked by config.residue_patterns
    lines, headers, prefixes, regexes, tails, inlines = {}, {}, [], [], [], []
    for kind, pattern, what, fix, user in rows:
        safety = SAFE if fix == "safe" else UNSAFE
        key = pattern.strip(_STRIP).casefold()
        # a user's regex runs on `regex` with a timeout (userpatterns), never unbounded on `re`
        compiled = (UserRegex(pattern) if user else lazy_re(pattern, re.I)) if kind in _REGEX_KINDS else None
        if kind == "line":
            lines[key] = (what, safety)
        elif kind == "header":
            headers[key] = (what, safety)
        elif kind == "prefix":
            prefixes.append((pattern.casefold(), what, safety))
        elif kind == "regex":
            regexes.append((compiled, what, safety))
        elif kind == "tail":
            tails.append((compiled, what, safety))
        elif kind == "inline":
            inlines.append((compiled, what, safety))
        else:
            raise ValueError(f"residue pattern kind {kind!r} is not line/header/prefix/regex/tail/inline")
    return lines, headers, prefixes, regexes, tails, inlines


_TOKEN = lazy_re(r"\\.|[()\[\]|]", re.S)  # what gives a pattern its structure


class _Structure:
    """Where a pattern's groups and classes close, and each group's top-level `|`."""

    def __init__(self, text: str):
        self.text = text
        self.close: dict[int, int] = {}  # index of `(` or `[` -> index of its `)` or `]`
        self.bars: dict[int, list[int]] = {-1: []}  # index of `(` (-1: the pattern) -> its `|`
        stack, klass = [-1], None
        for m in _TOKEN.finditer(text):
            c, i = m.group(), m.start()
            if klass is not None:  # inside [...] only its `]` counts (not first, nor after `[^`)
                if c == "]" and i > klass + 1 and not (i == klass + 2 and text[klass + 1] == "^"):
                    self.close[klass], klass = i, None
            elif c == "[":
                klass = i
            elif c == "(":
                stack.append(i)
                self.bars[i] = []
            elif c == ")":
                if len(stack) == 1:
                    raise ValueError("unbalanced")
                self.close[stack.pop()] = i
            elif c == "|":
                self.bars[stack[-1]].append(i)
        if klass is not None or len(stack) != 1:
            raise ValueError("unbalanced")

    def branches(self, owner: int, a: int, b: int) -> list[tuple[int, int]]:
        edges = [a, *(i + 1 for i in self.bars[owner]), b + 1]
        return [(edges[k], edges[k + 1] - 1) for k in range(len(edges) - 1)]


def _escaped(text: str, j: int) -> tuple[str | None, int]:
    """The literal a `\\` escape at text[j] stands for (None for a class such as
    `\\s` or anything this reader does not know), and the index after it."""
    c = text[j + 1:j + 2]
    if c in ("u", "x"):
        n = 4 if c == "u" else 2
        return chr(int(text[j + 2:j + 2 + n], 16)), j + 2 + n
    return (c if c and c in "()[]-./\\^|*+?{}$:@#&~'\"<> " else None), j + 2


def _class_chars(body: str) -> set[str] | None:
    chars, j = [], 0
    while j < len(body):
        if body[j] == "\\":
            c, j = _escaped(body, j)
            if c is None:
                return None
        else:
            c, j = body[j], j + 1
        if j + 1 < len(body) and body[j] == "-":  # a range
            if body[j + 1] == "\\":
                hi, k = _escaped(body, j + 1)
            else:
                hi, k = body[j + 1], j + 2
            if hi is None or not 0 <= ord(hi) - ord(c) <= 64:
                return None
            chars.extend(map(chr, range(ord(c), ord(hi) + 1)))
            j = k
        else:
            chars.append(c)
    return set(chars)


def _sequence_first(st: _Structure, a: int, b: int) -> set[str] | None:
    """The characters a match of text[a:b] (a branch without `|`) can start with: its first
    item's, and the next item's too while the items may be empty (`?`, `*`, `{0,n}`);
    None when an item is not a plain literal, class or group (then any line may match)."""
    text = st.text
    if a >= b:
        return None
    c = text[a]
    if c == "(":
        end = st.close[a]
        if text.startswith("(?:", a):
            chars = _alternation_first(st, a, a + 3, end)
        elif text[a + 1] != "?":
            chars = _alternation_first(st, a, a + 1, end)
        else:
            return None  # a look-around or inline flags
    elif c == "[":
        end = st.close[a]
        chars = None if text[a + 1] == "^" else _class_chars(text[a + 1:end])
    elif c == "\\":
        lit, end = _escaped(text, a)
        chars, end = ({lit} if lit is not None else None), end - 1
    elif c in ".^$|)*+?{":
        return None
    else:
        chars, end = {c}, a
    if chars is None:
        return None
    q = end + 1
    if text[q:q + 1] in ("?", "*") and q < b:
        q += 1
    elif text[q:q + 1] == "{" and text[q + 1:q + 2] in ("0", ","):
        q = text.index("}", q) + 1
    else:
        return chars  # the item takes at least one character
    if text[q:q + 1] in ("?", "+") and q < b:  # lazy or possessive
        q += 1
    later = _sequence_first(st, q, b)
    return None if later is None else chars | later


def _alternation_first(st: _Structure, owner: int, a: int, b: int) -> set[str] | None:
    out: set[str] = set()
    for x, y in st.branches(owner, a, b):
        chars = _sequence_first(st, x, y)
        if chars is None:
            return None
        out |= chars
    return out


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a line must start with for `pattern` (a house pattern, compiled
    with re.I and `search`ed) to match it, ASCII letters lower-cased; None when every
    branch is not `^`-anchored or the set cannot be read from the pattern's text. Read
    from the text instead of compiling: compiling all of them took ~10 ms of every run."""
    try:
        st = _Structure(pattern)
        chars: set[str] | None = set()
        for a, b in st.branches(-1, 0, len(pattern)):
            if not pattern.startswith("^", a):
                return None
            branch = _sequence_first(st, a + 1, b)
            if branch is None:
                return None
            chars |= branch
    except (ValueError, IndexError, KeyError):
        return None
    if any(not c.isascii() and c.lower() != c.upper() for c in chars):
        return None  # a cased letter outside ASCII has case partners re.I knows and we do not
    return frozenset(c.lower() for c in chars)


class _LineStart:
    """The house `regex` patterns that can match a line starting with a given character,
    in file order: the patterns with a readable first-character set go under each of its
    characters, the rest are candidates for every line. Patterns compile only when first
    asked (a one-line check compiles a handful, not 33)."""

    def __init__(self, regexes):
        self._all = tuple(regexes)
        self._by_char: dict[str, list[int]] = {}
        self._wild: list[int] = []
        for k, (rx, _, _) in enumerate(self._all):
            chars = None if isinstance(rx, UserRegex) else first_chars(rx.pattern)
            if chars is None:
                self._wild.append(k)
            else:
                for c in chars:
                    self._by_char.setdefault(c, []).append(k)
        self._cache: dict[str, tuple] = {}

    def candidates(self, body: str):
        c = body[:1]
        if c.isascii():
            c = c.lower()
        elif c.lower() != c.upper():  # a cased non-ASCII letter: any pattern may match
            return self._all
        found = self._cache.get(c)
        if found is None:
            found = self._cache[c] = tuple(self._all[k] for k in sorted(self._wild + self._by_char.get(c, [])))
        return found


@lru_cache(maxsize=None)
def _prefilters(extra: tuple[tuple[str, str, str, str], ...] = ()):
    """Cheap tests that pass over a clean line: the line prefixes as one tuple, and the
    `regex` patterns that can match at a line's start, chosen by its first character."""
    _, _, prefixes, regexes, _, _ = load_patterns(extra)
    return tuple(p for p, _, _ in prefixes), _LineStart(regexes)


def _any_of(patterns):
    """One regex matching where any of `patterns` matches (all compiled with re.I), to
    ask once whether a line needs the patterns one by one; None if they do not combine
    (a backreference would point at another pattern's group)."""
    users = [rx for rx, _, _ in patterns if isinstance(rx, UserRegex)]
    sources = [rx.pattern for rx, _, _ in patterns if not isinstance(rx, UserRegex)]
    if not sources:
        return AnyOf(None, users) if users else None
    if any(re.search(r"\\[1-9]|\(\?P=", p) for p in sources):
        return None
    try:
        house = re.compile("|".join(f"(?:{p})" for p in sources), re.I)
    except re.error:
        return None
    return AnyOf(house, users) if users else house


@lru_cache(maxsize=None)
def _tail_inline_prefilters(extra: tuple[tuple[str, str, str, str], ...] = ()):
    _, _, _, _, tails, inlines = load_patterns(extra)
    return _any_of(tails), _any_of(inlines)


@lru_cache(maxsize=None)
def _latin_header_before_arabic(extra: tuple[tuple[str, str, str, str], ...] = ()):
    """A Latin block heading (`Related`, `Read also`, `Most read`…: the `header` patterns
    written in Latin letters) followed on its line by Arabic text, glued or spaced: the
    heading and its links flattened into one line by the scraper. The change of script
    right after the heading tells it from prose (`Related to the talks…`). Returns the
    regex (group 1 is the heading) and heading -> (what, safety); None if there is none."""
    _, headers, _, _, _, _ = load_patterns(extra)
    latin = {k: v for k, v in headers.items() if re.fullmatch(r"[a-z]+(?: [a-z]+)*", k)}
    if not latin:
        return None
    words = sorted(latin, key=len, reverse=True)  # `Related articles` before `Related`
    alternation = "|".join(r"\s+".join(map(re.escape, k.split())) for k in words)
    rx = re.compile(rf"({alternation})[\s:：.•·|\-–]*(?=[\u0600-\u06FF])", re.I)
    return rx, latin


def _in_code_or_comment(doc, start, end):
    """Does [start, end) touch fenced or inline code or an HTML comment? (A URL on a
    residue line does not protect it: `Follow us on https://…` is residue.)"""
    if not doc.overlaps_skip(start, end):
        return False
    text, spans = doc.text, doc.skip_spans
    # only the spans that overlap, walking back from the last one starting before `end`
    # (sorted and disjoint): not every span of the document for every residue line
    i = bisect.bisect_left(doc._skip_starts, end) - 1
    while i >= 0 and spans[i][1] > start:
        if text[spans[i][0]] in "`<":
            return True
        i -= 1
    return False


def _line_end_with_newline(doc, i):
    """Deleting line i: take its line break too (or the one before, at the end)."""
    starts = doc.line_starts
    start = starts[i]
    if i + 1 < len(starts):
        return start, starts[i + 1]
    return (start - 1 if start > 0 else start), len(doc.text)


def check(doc, settings):
    lines_, headers, prefixes, regexes, tails, inlines = load_patterns(settings.residue_patterns)
    any_prefix, line_start = _prefilters(settings.residue_patterns)
    any_tail, any_inline = _tail_inline_prefilters(settings.residue_patterns)
    glued_header = False  # built on the first line starting with ASCII
    lines = doc.lines
    in_block = None  # (what) while inside a links block after a header
    block = []  # the header and item lines of the current block: one finding for all
    for i, (ls, le, line) in enumerate(lines):
        body = line.strip()
        if not body:
            continue
        if block and not (in_block and _LIST_ITEM.match(line)):
            yield from _block_findings(doc, block)
            block = []
        key = body.strip(_STRIP).casefold()
        hit = None
        if key in lines_:
            hit = lines_[key]
            in_block = None
        elif key in headers:
            hit = headers[key]
            in_block = hit[0]
        elif in_block and _LIST_ITEM.match(line):
            hit = (in_block + " item", UNSAFE)
        else:
            in_block = None
            folded = body.casefold()
            for prefix, what, safety in (prefixes if folded.startswith(any_prefix) else ()):
                if folded.startswith(prefix) and folded != prefix:
                    hit = (what, safety)
                    break
            else:
                for rx, what, safety in line_start.candidates(body):
                    if rx.search(body):
                        hit = (what, safety)
                        break
            if hit is None and body[:1].isascii() and glued_header is False:
                glued_header = _latin_header_before_arabic(settings.residue_patterns)
            if hit is None and body[:1].isascii() and glued_header is not None:
                m = glued_header[0].match(body)
                if m:
                    what, safety = glued_header[1][" ".join(m.group(1).split()).casefold()]
                    hit = (f"{what} flattened into one line", safety)
                    in_block = what  # list lines after it belong to the same block
        if hit:
            s = ls + (len(line) - len(line.lstrip()))
            e = ls + len(line.rstrip())
            if _in_code_or_comment(doc, s, e):
                continue
            if in_block:  # a block's header or item: reported with the whole block
                block.append((i, s, e, hit, body))
                continue
            ds, de = _line_end_with_newline(doc, i)
            yield RULE.finding(s, e, f"page residue ({hit[0]}): {quote(body, 50)}", Fix.delete(ds, de, hit[1]))
            continue
        found = []
        tail_start = max(0, len(line) - TAIL_WINDOW)
        for rx, what, safety in (tails if any_tail is None or any_tail.search(line, tail_start) else ()):
            m = rx.search(line, tail_start)
            if m:
                found.append((m, what, safety))
        for rx, what, safety in (inlines if any_inline is None or any_inline.search(line) else ()):
            found.extend((m, what, safety) for m in rx.finditer(line))
        for m, what, safety in found:  # (`block` is empty here: flushed above)
            if _in_code_or_comment(doc, ls + m.start(), ls + m.end()):
                continue
            yield RULE.finding(ls + m.start(), ls + m.end(),
                               f"page residue ({what}): {quote(m.group(), 30)}",
                               Fix.delete(ls + m.start(), ls + m.end(), safety))
    if block:
        yield from _block_findings(doc, block)


def _block_findings(doc, block):
    """A related/read-also block (header, then its list lines): one finding whose fix
    deletes all its lines (the same bytes as one deletion per line). A header safer to
    delete than its items keeps its own finding, so its safe fix is not made unsafe."""
    runs = [block]
    if len(block) > 1 and block[0][3][1] != block[1][3][1]:
        runs = [block[:1], block[1:]]
    for run in runs:
        _, s, _, hit, body = run[0]
        _, _, e, last, _ = run[-1]
        spans = []  # each line with its line break; blank lines between are left as they are
        for k, *_ in run:
            ds, de = _line_end_with_newline(doc, k)
            if spans and ds <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(de, spans[-1][1]))
            else:
                spans.append((ds, de))
        safety = min(h[1] for _, _, _, h, _ in run)
        if len(run) == 1:
            what = hit[0]
        elif run is block:
            what = f"{hit[0]}, heading and {len(run) - 1} items"
        else:
            what = f"{last[0].removesuffix(' item')}, {len(run)} items"
        yield RULE.finding(s, e, f"page residue ({what}): {quote(body, 50)}",
                           Fix(tuple(Edit(a, b) for a, b in spans), safety))
