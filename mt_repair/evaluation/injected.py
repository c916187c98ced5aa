"""The values the injector trades in, and the helpers its artifact kinds share."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from mt_repair.text import AR_LETTER, AR_MARK, AR_WORD, LATIN_LETTER

# -- values -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """One artifact, as offsets into the text an injector returns (later: the document)."""

    start: int
    end: int
    category: str
    kind: str
    note: str
    fix: str = "safe"  # safe | unsafe | none: what repair can undo it exactly

    def shifted(self, by: int) -> "Mark":
        return Mark(self.start + by, self.end + by, self.category, self.kind, self.note, self.fix)


@dataclass(frozen=True)
class Injection:
    text: str  # the new line; may hold a line break (an inserted line)
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class LineMap:
    """Where clean line i went: its span in the clean and in the corrupted document."""

    clean_start: int
    clean_end: int
    start: int
    end: int
    touched: bool


@dataclass(frozen=True)
class InjectedDoc:
    name: str
    clean: str
    corrupted: str
    marks: tuple[Mark, ...]
    lines: tuple[LineMap, ...]
    new_lines: tuple[str, ...] = ()  # per clean line: its corrupted text
    line_fixes: tuple[str | None, ...] = ()  # per clean line: the weakest repair that undoes it

    def only(self, fixes: tuple[str, ...]) -> str:
        """The corrupted text with only the artifacts a repair of level `fixes` can undo."""
        clean = self.clean.split("\n")[:-1]
        return "\n".join(new if fix in fixes else old
                         for old, new, fix in zip(clean, self.new_lines, self.line_fixes)) + "\n"

    def map_span(self, start: int, end: int) -> tuple[int, int] | None:
        """A clean span on untouched lines, in corrupted offsets (None when it cannot map)."""
        a, b = self._line_of(start), self._line_of(max(start, end - 1))
        if a is None or b is None or any(self.lines[i].touched for i in range(a, b + 1)):
            return None
        la, lb = self.lines[a], self.lines[b]
        return start - la.clean_start + la.start, end - lb.clean_start + lb.start

    def _line_of(self, offset: int) -> int | None:
        for i, lm in enumerate(self.lines):
            if lm.clean_start <= offset <= lm.clean_end:
                return i
        return None


@dataclass
class Context:
    """What an injector may look at besides its line."""

    rng: random.Random
    glossary: object
    lexicon: object
    matcher: object  # evaluation.terms.TermMatcher
    lines: list[str]
    index: int
    used: set[str] = field(default_factory=set)  # kinds used in this document
    skip: frozenset = frozenset()  # lines with baseline findings: not copied into headlines
    words: Counter = field(default_factory=Counter)  # Arabic stems / English words in the document


@dataclass(frozen=True)
class Kind:
    name: str
    category: str
    language: str
    make: Callable[[str, Context], Injection | None]
    doc: str
    once_per_doc: bool = False


# -- helpers --------------------------------------------------------------------------------

AR_WORD_RE = re.compile(AR_WORD)
AR_PLAIN_RE = re.compile(f"(?<![{AR_LETTER}{AR_MARK}])[{AR_LETTER}]+(?![{AR_LETTER}{AR_MARK}])")  # no marks
EN_WORD_RE = re.compile(rf"(?<![{LATIN_LETTER}'\-])[a-z]+(?![{LATIN_LETTER}'\-])")
ANY_EN_WORD_RE = re.compile(rf"(?<![{LATIN_LETTER}'\-])[A-Za-z]+(?![{LATIN_LETTER}'\-])")
LATIN_RUN = f"[{LATIN_LETTER}]+"


def pick(rng: random.Random, items):
    return items[rng.randrange(len(items))] if items else None


def splice(line: str, s: int, e: int, new: str, category: str, kind: str, note: str,
            fix: str = "safe", mark: tuple[int, int] | None = None) -> Injection:
    """Replace line[s:e] by `new`; the mark covers `new` (or `mark`, relative to s)."""
    ms, me = (s, s + len(new)) if mark is None else (s + mark[0], s + mark[1])
    return Injection(line[:s] + new + line[e:], (Mark(ms, me, category, kind, note, fix),))


def tokens_of(rx, line, min_len=2):
    return [(m.start(), m.end(), m.group()) for m in rx.finditer(line) if len(m.group()) >= min_len]


def runs_of(words, line, n):
    """Runs of n consecutive words separated by single spaces."""
    out = []
    for i in range(len(words) - n + 1):
        chunk = words[i:i + n]
        if all(line[chunk[k][1]:chunk[k + 1][0]] == " " for k in range(n - 1)):
            out.append(chunk)
    return out


def add_line(line: str, new_line: str, category: str, kind: str, note: str, fix: str) -> Injection:
    s = len(line) + 1
    return Injection(line + "\n" + new_line, (Mark(s, s + len(new_line), category, kind, note, fix),))


SENTENCE_END = re.compile(r"[.!?؟]$")


def last_sentence(line: str) -> int | None:
    """Start of the line's last sentence, when the line ends a sentence."""
    if not SENTENCE_END.search(line):
        return None
    cut = 0
    for m in re.finditer(r"[.!?؟]+ (?=\S)", line[:-1]):
        cut = m.end()
    return cut


PLAIN_TOKEN = re.compile(rf"(?:[{AR_LETTER}{AR_MARK}]+|[{LATIN_LETTER}]+|[0-9]+)")


def headline(rng: random.Random, ctx: Context, lo=4, hi=7) -> str | None:
    """The first words of another line of the document (one without baseline findings),
    as the title of a related link: plain words only, up to the first one that is not."""
    heads = []
    for i, x in enumerate(ctx.lines):
        if i == ctx.index or i in ctx.skip:
            continue
        words = []
        for tok in x.split():
            core = tok.rstrip("،,.:;؛")
            if not PLAIN_TOKEN.fullmatch(core):
                break
            words.append(core)
            if core != tok:
                break
        if len(words) >= lo:
            heads.append(words)
    words = pick(rng, heads)
    return " ".join(words[:rng.randint(lo, hi)]) if words else None


def shuffle_word(rng: random.Random, word: str, lexicon) -> str | None:
    for _ in range(12):
        letters = list(word)
        rng.shuffle(letters)
        new = "".join(letters)
        if new != word and new.lower() != word.lower() and not lexicon.is_word(new, deep=True):
            return new
    return None


def mojibake(text: str) -> str:
    """UTF-8 bytes read as Windows-1252; bytes cp1252 leaves undefined read as Latin-1."""
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def canonical(ctx: Context, line: str, language: str, types=None, clitics=False):
    """Glossary house forms in the line: (start, end, entry)."""
    out = []
    for s, e, entry, house in ctx.matcher.occurrences(line, language):
        if not house or (types and entry.type not in types):
            continue
        if language == "ar" and not clitics and s > 0 and re.match(f"[{AR_LETTER}]", line[s - 1]):
            continue
        out.append((s, e, entry))
    return out


def real_variants(entry, language):
    forms = entry.ar_variants if language == "ar" else entry.en_variants
    return [v for v in forms if v not in entry.style_variants]
