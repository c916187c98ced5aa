"""Where an archive's articles come from, and how it is cut into batches.

Three kinds of input: a folder of article files (recursively, as `check` walks it:
mt_repair.workspace's include/exclude globs, hidden files and .gitignore), JSONL (one object per line: `id`, `text`, optional
`source`, `path`, `section`) and Parquet (the same columns). The client only plans: it
lists a folder, measures a JSONL file, reads Parquet footers. The workers read the
articles themselves, batch by batch, so no million-article archive passes through one
process; they therefore need the input at the same path (one machine, or a shared file
system) — which is why batches hold absolute paths.

A batch is about `batch_size` articles: exactly that many files or Parquet rows, and a
byte range of a JSONL file sized from its average line (as `dask.bag.read_text`'s
blocksize does; a line belongs to the range it starts in).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
COLUMNS = ("id", "text", "source", "path", "section")  # what is read; only id and text are required
NO_SECTION = "(none)"


class InputProblem(Exception):
    """An input the archive run cannot start with; the message is shown as is (exit 2)."""


@dataclass(frozen=True)
class Article:
    id: str
    path: str  # as reported: relative to the input folder, or the `path` column, or the id
    section: str
    text: str | None = None
    source: str | None = None
    error: str | None = None  # why it cannot be checked (then text is None)
    check_path: str = ""  # the path given to the checker (per-file-ignores); the file's own for folders
    encoding: str = "utf-8"  # folders: to write a fixed copy in the file's own encoding
    bom: bytes = b""


def section_of(path: str) -> str:
    """The first folder of a relative path: `world/2024/x.md` -> `world`."""
    head, sep, _ = path.replace("\\", "/").lstrip("/").partition("/")
    return head if sep and head else NO_SECTION


# -- batches (plain frozen dataclasses: pickled to the workers) ---------------------------
@dataclass(frozen=True)
class FolderBatch:
    root: str  # absolute
    files: tuple[str, ...]  # posix paths relative to root
    max_bytes: int
    source_language: str = "ar"  # the settings' `source-language`: which of X.ar/X.en is the source

    @property
    def label(self) -> str:
        return f"{self.root}: {self.files[0]} … {self.files[-1]}"

    def articles(self) -> Iterator[Article]:
        from mt_repair.pairs import source_for
        from mt_repair.textio import InputError, read_source

        for rel in self.files:
            full = os.path.join(self.root, rel)
            try:
                src = read_source(full, self.max_bytes)
            except InputError as exc:
                yield Article(rel, rel, section_of(rel), error=str(exc), check_path=full)
                continue
            source = None
            pair = source_for(full, self.source_language)  # X.en.md beside X.ar.md (or the other way)
            if pair is not None:
                try:
                    source = read_source(pair, self.max_bytes).text
                except InputError:
                    pass  # the source file gets its own error when it is read as an article
            yield Article(rel, rel, section_of(rel), src.text, source, check_path=full,
                          encoding=src.encoding, bom=src.bom)


@dataclass(frozen=True)
class JsonlBatch:
    path: str  # absolute
    start: int  # byte range; a line belongs to the range it starts in
    end: int

    @property
    def label(self) -> str:
        return f"{self.path}: bytes {self.start}–{self.end}"

    def articles(self) -> Iterator[Article]:
        with open(self.path, "rb") as fh:
            if self.start > 0:
                fh.seek(self.start - 1)
                if fh.read(1) != b"\n":
                    fh.readline()  # the rest of a line that started in the previous range
            while True:
                offset = fh.tell()
                if offset >= self.end:
                    return
                raw = fh.readline()
                if not raw:
                    return
                if raw.strip():
                    yield _jsonl_article(raw, f"{os.path.basename(self.path)}@{offset}")


def _jsonl_article(raw: bytes, where: str) -> Article:
    try:
        obj = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as exc:
        return Article(where, where, NO_SECTION, error=f"not a JSON object: {exc}")
    if not isinstance(obj, dict):
        return Article(where, where, NO_SECTION, error="not a JSON object")
    return record_article(obj, where)


def record_article(obj: dict, where: str) -> Article:
    """One JSONL object or Parquet row as an article; `where` names it when its id is missing."""
    ident = obj.get("id")
    if isinstance(ident, bool) or not isinstance(ident, (str, int)) or ident == "":
        return Article(where, where, NO_SECTION, error="no `id` (a string or an integer)")
    ident = str(ident)
    path = obj.get("path")
    path = path if isinstance(path, str) and path else ident
    section = obj.get("section")
    section = section if isinstance(section, str) and section else section_of(path)
    text, source = obj.get("text"), obj.get("source")
    if not isinstance(text, str):
        return Article(ident, path, section, error="no `text` (a string)")
    if source is not None and not isinstance(source, str):
        return Article(ident, path, section, error="`source` is not a string")
    return Article(ident, path, section, text, source or None, check_path=path)


@dataclass(frozen=True)
class ParquetBatch:
    path: str  # absolute
    row_group: int
    skip: int  # rows into the row group
    count: int
    columns: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.path}: row group {self.row_group}, rows {self.skip}–{self.skip + self.count}"

    def articles(self) -> Iterator[Article]:
        import pyarrow.parquet as pq

        # pyarrow reads a row group front to back; a task that checks the middle of a large
        # one decodes (not checks) the rows before it. Row groups of a few thousand
        # articles keep that small (see the README).
        pf = pq.ParquetFile(self.path)
        seen, want_end = 0, self.skip + self.count
        name = os.path.basename(self.path)
        for rb in pf.iter_batches(batch_size=max(self.count, 1024), row_groups=[self.row_group],
                                  columns=list(self.columns)):
            lo, hi = max(self.skip - seen, 0), min(want_end - seen, rb.num_rows)
            if lo < hi:
                for k, row in enumerate(rb.slice(lo, hi - lo).to_pylist()):
                    yield record_article(row, f"{name}:rg{self.row_group}:row{seen + lo + k}")
            seen += rb.num_rows
            if seen >= want_end:
                return


Batch = FolderBatch | JsonlBatch | ParquetBatch


# -- planning (client side) ------------------------------------------------------------
def plan(inputs: list[str], settings, batch_size: int, max_bytes: int) -> tuple[list[Batch], list[dict]]:
    """The batches for every input, in input order, and the files left out (as error
    records). Raises InputProblem for an input that is missing, of an unknown kind, or
    not JSONL/Parquet with `id` and `text`."""
    batches: list[Batch] = []
    skipped: list[dict] = []
    for raw in inputs:
        p = Path(raw)
        if not p.exists():
            raise InputProblem(f"{raw}: no such file or folder")
        if p.is_dir():
            batches.extend(_plan_folder(p, settings, batch_size, max_bytes, skipped))
        elif p.name.lower().endswith(JSONL_SUFFIXES):
            batches.extend(_plan_jsonl(p, batch_size))
        elif p.name.lower().endswith(PARQUET_SUFFIXES):
            batches.extend(_plan_parquet(p, batch_size))
        elif _matches(p.name, settings.include):
            batches.append(FolderBatch(str(p.resolve().parent), (p.name,), max_bytes, settings.source_language))
        else:
            raise InputProblem(f"{raw}: not a folder, a .jsonl or .parquet file, or an article "
                               f"({' '.join(settings.include)})")
    return batches, skipped


def _plan_folder(folder: Path, settings, batch_size: int, max_bytes: int, skipped: list) -> list[FolderBatch]:
    """The folder's articles as `check` walks it (mt_repair.workspace: include/exclude globs
    relative to the config's folder, hidden files and what .gitignore ignores left out),
    sorted by relative path. Only regular files: a FIFO would block a worker. A folder
    that cannot be read stops the run (exit 2)."""
    from mt_repair.workspace import Workspace

    root = str(folder.resolve())
    rels = []
    for entry in Workspace.fixed(settings).files([root]):  # the settings resolved once, on the client
        if entry.error:
            raise InputProblem(f"{entry.path}: {entry.error}")
        rel = os.path.relpath(entry.path, root).replace(os.sep, "/")
        if entry.note:
            skipped.append({"id": rel, "path": rel, "error": entry.note})
        else:
            rels.append(rel)
    rels.sort()
    return [FolderBatch(root, tuple(rels[i:i + batch_size]), max_bytes, settings.source_language)
            for i in range(0, len(rels), batch_size)]


def _matches(name: str, globs) -> bool:
    """A single file named as an input: matched by name, as `check` matches a named file's globs."""
    from mt_repair.workspace import first_match

    return first_match(tuple(globs), name) is not None


def _plan_jsonl(path: Path, batch_size: int) -> list[JsonlBatch]:
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(1 << 20)
            parts = head.split(b"\n")
            if len(head) < size:
                parts.pop()  # cut at 1 MB: the last piece is not a whole line
            lines = [ln for ln in parts if ln.strip()]
            if not lines and head.strip():  # one line longer than 1 MB: read it whole
                fh.seek(0)
                lines = [fh.readline()]
    except OSError as exc:
        raise InputProblem(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not lines:
        return []  # empty: nothing to check
    first = _jsonl_article(lines[0], f"{path.name}@0")
    if first.error:
        raise InputProblem(f"{path}: first line: {first.error}; expected JSONL with `id` and `text`")
    avg = max(1, sum(len(ln) + 1 for ln in lines) // len(lines))
    block = max(1024, avg * batch_size)
    root = str(path.resolve())
    return [JsonlBatch(root, s, min(s + block, size)) for s in range(0, size, block)]


def _plan_parquet(path: Path, batch_size: int) -> list[ParquetBatch]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputProblem("Parquet input needs pyarrow: pip install 'mt-repair[archive]'") from None
    try:
        meta = pq.ParquetFile(path).metadata
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError… for a file that is not Parquet
        raise InputProblem(f"{path}: not a readable Parquet file: {exc}") from None
    names = set(meta.schema.names)
    missing = [c for c in ("id", "text") if c not in names]
    if missing:
        raise InputProblem(f"{path}: no column {' or '.join(missing)} (has: {', '.join(sorted(names))})")
    columns = tuple(c for c in COLUMNS if c in names)
    root = str(path.resolve())
    out = []
    for g in range(meta.num_row_groups):
        n = meta.row_group(g).num_rows
        out.extend(ParquetBatch(root, g, s, min(batch_size, n - s), columns) for s in range(0, n, batch_size))
    return out
