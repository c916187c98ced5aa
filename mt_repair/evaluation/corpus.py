"""Loading evaluation texts and cutting them into aligned segments.

A corpus is one file or a folder of files. Two corpora (original and reference, or
original and repaired) are aligned by relative file name; inside a pair of files, by
line when the reference has as many lines, else by sentence (split and aligned as pair
mode does), as MT metrics are meant to be computed: per segment, summed over the corpus.
A repair may drop or join lines (a duplicated paragraph removed, a residue line
deleted), so the repaired text is re-aligned to the original's lines or sentences
through a diff before it is scored.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from mt_repair.evaluation import EvalError


@dataclass(frozen=True)
class TextFile:
    """One input file: `name` is its path relative to the corpus root (the alignment key)."""

    name: str
    path: str
    text: str


def load_corpus(arg: str | Path, settings, what: str, output: str | Path | None = None) -> list[TextFile]:
    """Read a file, or every included file under a folder, sorted by name. The report
    folder `output`, when it lies inside, is skipped: a report is never read as input."""
    from mt_repair.textio import InputError, read_source

    p = Path(arg)
    if not p.exists():
        raise EvalError(f"{what} {p} does not exist")
    if p.is_dir():
        from mt_repair.workspace import Workspace

        paths = []  # as `check` walks a folder (workspace.py); the report folder is never input
        for entry in Workspace.fixed(settings).files([str(p)], skip=Path(output) if output else None):
            if entry.error:
                raise EvalError(f"{what} {entry.path}: {entry.error}")
            if entry.note is None:
                paths.append(Path(entry.path))
        if not paths:
            raise EvalError(f"{what} {p}: empty corpus, no file matches {', '.join(settings.include)} "
                            f"(outside the excluded, hidden and git-ignored files)")
        pairs = [(q.relative_to(p).as_posix(), q) for q in sorted(paths)]
    else:
        pairs = [(p.name, p)]
    out = []
    for name, q in pairs:
        try:
            text = read_source(q).text
        except InputError as exc:
            raise EvalError(f"{what} {q}: {exc}") from None
        out.append(TextFile(name, str(q), text))
    return out


def require_words(files: list[TextFile], what: str, arg) -> None:
    if not any(f.text.strip() for f in files):
        raise EvalError(f"{what} {arg}: empty corpus, no text to evaluate")


def pair_files(base: list[TextFile], other: list[TextFile], what: str, other_arg) -> list[TextFile]:
    """For each base file, the file of `other` with the same relative name."""
    if len(base) == 1 and len(other) == 1 and not Path(other_arg).is_dir():
        return list(other)
    if not Path(other_arg).is_dir():
        raise EvalError(f"{what} {other_arg} is a file, but the texts are a folder: give a folder "
                        f"with the same file names")
    by_name = {f.name: f for f in other}
    out = []
    for f in base:
        match = by_name.get(f.name)
        if match is None:
            raise EvalError(f"missing {what} file for {f.path}: expected {Path(other_arg) / f.name}")
        out.append(match)
    return out


def align_lines(before: list[str], after: list[str]) -> list[str]:
    """Map `after` lines onto `before` lines: one string per before line.

    Lines a repair dropped become empty; lines it joined or split are put on the first
    before line of the changed block; inserted lines go with the line before them.
    """
    out = [""] * len(before)
    sm = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            out[i1:i2] = after[j1:j2]
        elif tag == "replace":
            out[i1] = " ".join(after[j1:j2])
        elif tag == "insert":
            k = max(i1 - 1, 0)
            if out:
                out[k] = " ".join(x for x in (out[k], *after[j1:j2]) if x)
        # delete: the before lines keep their empty string
    return out


@dataclass(frozen=True)
class Segments:
    """Aligned segments for scoring. `unit` is 'line', 'sentence' or 'document', or
    'line and sentence' when files differ; `files_by_unit` counts files per unit."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    reference: tuple[str, ...]
    unit: str
    origin: tuple[tuple[str, int], ...]  # (path, 1-based line or 0 for a document) per segment
    files_by_unit: tuple[tuple[str, int], ...] = ()


def one_line(text: str) -> str:
    return " ".join(text.split())


Row = tuple[str, str, str, int]  # before, after, reference, line of the original


def segments(triples: list[tuple[TextFile, str, TextFile]], unit: str, track=None) -> Segments:
    """Cut (original file, repaired text, reference file) triples into aligned segments.

    unit 'line': the original and its reference must have the same number of lines;
    'sentence': both are split into sentences and aligned (`sentence_rows`); 'document':
    each file is one segment (slow for TER, whose cost grows with the square of a
    segment's length and worse with its shifts, and too few segments for a test);
    'auto': lines for a file whose reference has as many lines, sentences for the
    others. The repaired text is cut along the original's lines or sentences
    (`project`). A segment whose reference is empty joins a neighbour
    (`_attach_unreferenced`): chrF ignores a segment with an empty reference, so text
    the reference does not have would otherwise cost nothing.
    """
    track = track or (lambda items, total=None, description="": items)
    bs, as_, rs, origin = [], [], [], []
    used: dict[str, int] = {}
    for b, after, r in track(triples, description="aligning segments"):
        bl, rl = b.text.splitlines(), r.text.splitlines()
        kind = unit if unit != "auto" else ("line" if len(bl) == len(rl) else "sentence")
        if kind == "document":
            rows = [(one_line(b.text), one_line(after), one_line(r.text), 0)]
        elif kind == "line":
            if len(bl) != len(rl):
                k = min(len(bl), len(rl)) + 1
                longer = b.path if len(bl) > len(rl) else r.path
                raise EvalError(f"mismatched line counts: {b.path} has {len(bl)} lines, {r.path} has {len(rl)}; "
                                f"{longer} line {k} has no counterpart (use --segments sentence to align "
                                f"sentences)")
            spans = _line_spans(b.text)
            xs, ys, zs = _span_texts(b.text, spans), project(b.text, spans, after), \
                _span_texts(r.text, _line_spans(r.text))
            rows = [(x, y, z, i) for i, (x, y, z) in enumerate(zip(xs, ys, zs), 1) if x or y or z]
        else:
            rows = sentence_rows(b.text, after, r.text)
        used[kind] = used.get(kind, 0) + 1
        for x, y, z, line in _attach_unreferenced(rows):
            bs.append(x)
            as_.append(y)
            rs.append(z)
            origin.append((b.path, line))
    if not rs or not any(s for s in rs):
        raise EvalError("empty corpus: the references have no text to score against")
    order = [k for k in ("line", "sentence", "document") if k in used]
    return Segments(tuple(bs), tuple(as_), tuple(rs), " and ".join(order), tuple(origin),
                    tuple((k, used[k]) for k in order))


def _attach_unreferenced(rows: list[Row]) -> list[Row]:
    """Each row without reference text joins a neighbouring row that has some: the one
    whose reference shares more of its words (a duplicated sentence joins its copy),
    else the one before it (residue joins the text it follows)."""
    ref_rows = [k for k, row in enumerate(rows) if row[2]]
    if not ref_rows:
        if not rows:
            return []
        # a file whose reference is empty: its text still counts, against nothing
        return [(_join(*(r[0] for r in rows)), _join(*(r[1] for r in rows)), "", rows[0][3])]
    home = {}
    for k, row in enumerate(rows):
        if row[2]:
            continue
        i = bisect.bisect_left(ref_rows, k)
        prev, nxt = (ref_rows[i - 1] if i else None), (ref_rows[i] if i < len(ref_rows) else None)
        if prev is None or (nxt is not None and
                            _dice(_content(row[0]), _content(rows[nxt][2])) >
                            _dice(_content(row[0]), _content(rows[prev][2]))):
            home[k] = nxt
        else:
            home[k] = prev
    groups: dict[int, list[int]] = {k: [k] for k in ref_rows}
    for k, h in home.items():
        groups[h].append(k)
    out = []
    for k in ref_rows:
        members = sorted(groups[k])
        out.append((_join(*(rows[m][0] for m in members)), _join(*(rows[m][1] for m in members)), rows[k][2],
                    rows[members[0]][3]))
    return out


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


_WORD_RE = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD_RE.findall(text)]


def sentence_rows(before: str, after: str, reference: str) -> list[Row]:
    """Sentences of `before` aligned with those of `reference`, and the repaired text
    mapped onto the original's sentences (a repair drops and joins sentences as it does
    lines). One row per bead: the sentences of each side joined.

    Sentences equal but for spacing, punctuation and case are matched first (a diff of
    the two sentence lists). A stretch between them is aligned by word overlap (a small
    dynamic programme, `_align_similar`) when it is short, and by pairs.align (length
    ratio and shared words, linear in the stretch) when it is long. pairs.align's costs
    are made for translations, where little is shared and pairing two unrelated
    sentences costs almost nothing: on an output and its reference it would pair a
    residue line with the reference's next sentence rather than skip it, which is why
    short stretches, nearly all of them, use word overlap instead."""
    from mt_repair.pairs.align import sentences

    hs, rs = sentences(before), sentences(reference)
    beads: list[tuple[list[int], list[int]]] = []
    sm = difflib.SequenceMatcher(None, [_key(s.text) for s in hs], [_key(s.text) for s in rs], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            beads.extend(([i], [j]) for i, j in zip(range(i1, i2), range(j1, j2)))
        elif i1 == i2 or j1 == j2:
            beads.extend(([i], []) for i in range(i1, i2))
            beads.extend(([], [j]) for j in range(j1, j2))
        elif (i2 - i1) * (j2 - j1) <= SIMILAR_CELLS:
            beads.extend(_align_similar(hs[i1:i2], rs[j1:j2], i1, j1))
        else:
            beads.extend(_align_gap(hs[i1:i2], rs[j1:j2], i1, j1))
    spans = [(x.start, x.end) for x in hs]
    htexts, atexts = _span_texts(before, spans), project(before, spans, after)
    rtexts = _span_texts(reference, [(x.start, x.end) for x in rs])
    rows = []
    last_line = hs[0].line if hs else 1
    for src, tgt in beads:
        if src:
            last_line = hs[src[0]].line
        rows.append((_join(*(htexts[i] for i in src)), _join(*(atexts[i] for i in src)),
                     _join(*(rtexts[j] for j in tgt)), last_line))
    return rows


_TOKEN_RE = re.compile(r"\S+")


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        spans.append((pos, pos + len(line)))
        pos += len(line)
    return spans


def _owners(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """Each whitespace-separated token of `text` with the span it starts in; a token
    between spans (Markdown marks, a line without letters) belongs to the span before
    it, or to the first span. Scored text is tokens joined by one space: a metric sees
    no difference, and before and after stay comparable."""
    starts = [a for a, _ in spans]
    return [(m.group(), max(0, bisect.bisect_right(starts, m.start()) - 1)) for m in _TOKEN_RE.finditer(text)]


def _span_texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    out: list[list[str]] = [[] for _ in spans]
    if spans:
        for tok, k in _owners(text, spans):
            out[k].append(tok)
    return [" ".join(x) for x in out]


def project(before: str, spans: list[tuple[int, int]], after: str) -> list[str]:
    """The repaired text cut along the original's spans (lines or sentences): a diff
    gives each repaired word the span of the original word it stands for (inserted
    words go with the word before them). Lines are diffed first, then the words of the
    lines that differ, so a long text costs little and frequent words never mislead
    the match. Unlike a diff of whole lines or sentences, a repair that joins or
    splits sentences, or deletes a line, moves no text into a neighbouring segment."""
    if after == before or not spans:
        return _span_texts(before, spans)
    out: list[list[str]] = [[] for _ in spans]
    owned = _owners(before, spans)
    # tokens per line of each side
    b_lines, a_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
    b_tok: list[list[tuple[str, int]]] = []
    k = 0
    for line in b_lines:
        n = len(_TOKEN_RE.findall(line))
        b_tok.append(owned[k:k + n])
        k += n
    a_tok = [_TOKEN_RE.findall(line) for line in a_lines]
    last = 0  # the owner of the last original word passed: where inserted words go
    sm = difflib.SequenceMatcher(None, b_lines, a_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        bt = [t for line in b_tok[i1:i2] for t in line]
        at = [t for line in a_tok[j1:j2] for t in line]
        if tag == "equal":
            pairs = [(tok, owner) for tok, owner in bt]
        else:
            pairs = _map_words(bt, at, last)
        for tok, owner in pairs:
            out[owner].append(tok)
        if bt:
            last = bt[-1][1]
    return [" ".join(x) for x in out]


def _map_words(bt: list[tuple[str, int]], at: list[str], last: int) -> list[tuple[str, int]]:
    """Repaired words `at` with the owners of the original words `bt` they replace."""
    if not bt:
        return [(tok, last) for tok in at]
    owners = [o for _, o in bt]
    out = []
    sm = difflib.SequenceMatcher(None, [t for t, _ in bt], at, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        for k in range(j1, j2):
            if tag == "equal":
                i = i1 + k - j1
            elif tag == "replace":
                i = i1 + (k - j1) * (i2 - i1) // (j2 - j1)
            else:  # insert: with the word before, or the block's first word
                i = max(i1 - 1, 0)
            out.append((at[k], owners[i]))
    return out


def _key(text: str) -> str:
    return " ".join(_words(text))


SIMILAR_CELLS = 2500  # stretches up to about 50 x 50 sentences: word overlap; longer: pairs.align
SKIP = 1.0  # a sentence left without a counterpart
# beads (output sentences, reference sentences, prior): splits and merges cost a little
_SIMILAR_BEADS = ((1, 1, 0.0), (2, 1, 0.3), (1, 2, 0.3), (3, 1, 0.6), (1, 3, 0.6))


def _content(text: str):
    from collections import Counter

    words = _words(text)
    return Counter([w for w in words if len(w) >= 3 or w.isdigit()] or words)


def _dice(a, b) -> float:
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def _covered(part, whole, share: float = 0.3) -> bool:
    total = sum(part.values())
    return total > 0 and sum((part & whole).values()) >= share * total


def _align_similar(hs, rs, i0: int, j0: int) -> list[tuple[list[int], list[int]]]:
    """Monotone alignment of a short stretch: a pair costs its prior plus 2 x (1 - Dice
    overlap of its words of 3+ letters), a sentence left alone SKIP. Two unrelated
    sentences (overlap near 0) cost as much paired as skipped; a real pair, even a
    loose translation of the same sentence, costs less. A 2:1 or 3:1 bead needs 30% of
    each merged sentence's words on the other side: an unrelated sentence (a residue
    line, an echo) is skipped and joins the neighbour it shares most with, not merged
    into whatever bead is nearest."""
    hw, rw = [_content(s.text) for s in hs], [_content(s.text) for s in rs]
    n, m = len(hs), len(rs)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == inf:
                continue
            steps = [(1, 0, SKIP), (0, 1, SKIP)]
            for a, b, prior in _SIMILAR_BEADS:
                if i + a <= n and j + b <= m:
                    ha = hw[i] if a == 1 else sum(hw[i:i + a], start=type(hw[i])())
                    rb = rw[j] if b == 1 else sum(rw[j:j + b], start=type(rw[j])())
                    # a merge only where every merged sentence has its words on the other side
                    if all(_covered(x, rb) for x in hw[i:i + a]) if a > 1 else \
                            all(_covered(x, ha) for x in rw[j:j + b]) if b > 1 else True:
                        steps.append((a, b, prior + 2 * (1 - _dice(ha, rb))))
            for a, b, cost in steps:
                # on a tie the later way in wins: a sentence pairs before its echo is skipped, so
                # a duplicated sentence joins its first copy's segment, whichever copy a repair keeps
                if i + a <= n and j + b <= m and here + cost <= best[i + a][j + b]:
                    best[i + a][j + b] = here + cost
                    back[i + a][j + b] = (a, b)
    out = []
    i, j = n, m
    while i or j:
        a, b = back[i][j]
        out.append((list(range(i0 + i - a, i0 + i)), list(range(j0 + j - b, j0 + j))))
        i, j = i - a, j - b
    return out[::-1]


def _align_gap(hs, rs, i0: int, j0: int) -> list[tuple[list[int], list[int]]]:
    """pairs.align on a stretch of both sides, with words of 4+ characters (or with a
    digit) as the shared anchors: function words would tie a sentence to any other."""
    from dataclasses import replace

    from mt_repair.pairs.align import align

    hs = [replace(s, index=k) for k, s in enumerate(hs)]
    rs = [replace(s, index=k) for k, s in enumerate(rs)]
    anchors = [list(dict.fromkeys(w for w in _words(s.text) if len(w) >= 4 or any(c.isdigit() for c in w)))[:16]
               for s in hs]
    ref_words = [frozenset(_words(s.text)) for s in rs]

    def hits(i: int, j: int) -> int:
        words = ref_words[j]
        return sum(1 << k for k, w in enumerate(anchors[i]) if w in words)

    return [([i0 + i for i in b.src], [j0 + j for j in b.tgt])
            for b in align(hs, rs, hits, [bool(a) for a in anchors])]
