"""Loading evaluation texts and cutting them into aligned segments.

A corpus is one file or a folder of files. Two corpora (original and reference, or
original and repaired) are aligned by relative file name; inside a pair of files, by
line or by whole document. A repair may drop or join lines (a duplicated paragraph
removed, a residue line deleted), so the repaired text is re-aligned to the original's
lines through a line diff before it is scored line by line.
"""

from __future__ import annotations

import difflib
import fnmatch
import os
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
    skip = Path(output).resolve() if output else None
    if p.is_dir():
        paths = []
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not _excluded(d, settings) and (Path(root) / d).resolve() != skip)
            for name in sorted(files):
                if not _excluded(name, settings) and any(fnmatch.fnmatch(name, g) for g in settings.include):
                    paths.append(Path(root) / name)
        if not paths:
            raise EvalError(f"{what} {p}: empty corpus, no file matches {', '.join(settings.include)}")
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


def _excluded(name: str, settings) -> bool:
    return any(fnmatch.fnmatch(name, g) for g in settings.exclude)


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
    """Aligned segments for scoring; `unit` is 'line' or 'document'."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    reference: tuple[str, ...]
    unit: str
    origin: tuple[tuple[str, int], ...]  # (path, 1-based line or 0 for a document) per segment


def one_line(text: str) -> str:
    return " ".join(text.split())


def segments(triples: list[tuple[TextFile, str, TextFile]], unit: str) -> Segments:
    """Cut (original file, repaired text, reference file) triples into segments.

    unit 'line': the original and its reference must have the same number of lines;
    'document': each file is one segment; 'auto': lines when every pair has matching
    line counts, else documents.
    """
    if unit == "auto":
        unit = "line" if all(len(b.text.splitlines()) == len(r.text.splitlines()) for b, _, r in triples) \
            else "document"
    bs, as_, rs, origin = [], [], [], []
    for b, after, r in triples:
        if unit == "document":
            bs.append(one_line(b.text))
            as_.append(one_line(after))
            rs.append(one_line(r.text))
            origin.append((b.path, 0))
            continue
        bl, rl = b.text.splitlines(), r.text.splitlines()
        if len(bl) != len(rl):
            k = min(len(bl), len(rl)) + 1
            longer = b.path if len(bl) > len(rl) else r.path
            raise EvalError(f"mismatched line counts: {b.path} has {len(bl)} lines, {r.path} has {len(rl)}; "
                            f"{longer} line {k} has no counterpart (use --segments document to score "
                            f"whole files)")
        al = align_lines(bl, after.splitlines())
        for i, (x, y, z) in enumerate(zip(bl, al, rl), 1):
            if x.strip() or y.strip() or z.strip():
                bs.append(x.strip())
                as_.append(y.strip())
                rs.append(z.strip())
                origin.append((b.path, i))
    if not rs or not any(s for s in rs):
        raise EvalError("empty corpus: the references have no text to score against")
    return Segments(tuple(bs), tuple(as_), tuple(rs), unit, tuple(origin))
