"""Findings on real MT output against the human reference of the same segments.

Reads a folder laid out as `../shared/data/mt-outputs/<testset>.<src>-<tgt>/`: one
segment per line in `source.*`, `reference.*` and one file per system, `lines.tsv`
giving each line's origin and `systems.tsv` each system's tier. Segments are grouped
into documents by origin (so article-level rules see an article), every file is checked
the same way, and each finding is keyed by (line, code, message) so that it can be
judged once and looked up again (see tests/data/mt_outputs_judged.tsv).

What the checker reports on a human reference is a false alarm or a defect of the
reference; what it reports only on a system's output points at a real MT error.

Pair mode: every file is checked as the translation of the folder's source (Arabic for
`*.ara-eng`, English for `*.eng-ara`), group by group, by the one checker a
user runs (`check --source --target`, `linter.check_text(..., source=...)`): mono and
pair findings are merged before `finalize`, so one artifact counts once (PR001 and TM003
on one misspelt glossary name), as the user sees it. Segments are lines on both sides
(the aligner anchors on line breaks when both sides have as many); the `(line N)` a
pair message cites is rewritten to the file's line.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from mt_repair.document import Document
from mt_repair.linter import check_text
from mt_repair.types import Severity


@dataclass(frozen=True)
class LineFinding:
    """One finding on a line of a line-aligned file."""

    line: int  # 1-based
    code: str
    severity: Severity
    message: str
    text: str  # the flagged text


@dataclass(frozen=True)
class FileReport:
    name: str  # file name in the folder
    role: str  # "reference" or the system's tier ("strong", "mid", "weak")
    words: int
    findings: tuple[LineFinding, ...]

    def warnings(self) -> list[LineFinding]:
        return [f for f in self.findings if f.severity >= Severity.WARNING]

    def per_1000(self, findings=None) -> float:
        n = len(self.warnings() if findings is None else findings)
        return 1000 * n / self.words if self.words else 0.0

    def by_rule(self) -> Counter:
        return Counter(f.code for f in self.warnings())


def systems(folder: Path) -> dict[str, str]:
    """System file name -> tier, from systems.tsv."""
    with open(folder / "systems.tsv", encoding="utf-8", newline="") as fh:
        return {row["file"]: row["tier"] for row in csv.DictReader(fh, delimiter="\t")}


def target_language(folder: Path) -> str:
    """'en' for `*.ara-eng`, 'ar' for `*.eng-ara`."""
    return "en" if folder.name.endswith("-eng") else "ar"


def reference_file(folder: Path) -> Path:
    return folder / f"reference.{target_language(folder)}.txt"


def source_file(folder: Path) -> Path:
    return folder / f"source.{'ar' if target_language(folder) == 'en' else 'en'}.txt"


def _read_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


_LINE_REF = re.compile(r"\(line (\d+)\)")


def _joined(lines: list[str], group: list[int]) -> str:
    return "\n".join(lines[i] for i in group) + "\n"


def documents(folder: Path) -> list[list[int]]:
    """0-based line numbers grouped by origin (lines.tsv's source_url), in order."""
    groups: dict[str, list[int]] = {}
    with open(folder / "lines.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            groups.setdefault(row["source_url"], []).append(int(row["line"]) - 1)
    return list(groups.values())


def check_file(path: Path, groups: list[list[int]], settings, role: str,
               source: list[str] | None = None) -> FileReport:
    """The file's findings; with `source` (its lines), checked as its translation (mono
    and pair rules in one check, as `check --source --target` does)."""
    lines = _read_lines(path)
    words = 0
    found: list[LineFinding] = []
    for group in groups:
        text = _joined(lines, group)
        doc = Document(text)
        words += len(doc.tokens)

        def file_line(m, group=group):  # line k of the joined text is segment k of the group
            k = int(m.group(1))
            return f"(line {group[k - 1] + 1})" if 0 < k <= len(group) else m.group()

        src = None if source is None else _joined(source, group)
        for f in check_text(text, settings, path.name, source=src, source_path="source"):
            line_in_doc, _ = doc.line_col(f.start)
            message = _LINE_REF.sub(file_line, f.message) if src is not None else f.message
            found.append(LineFinding(group[line_in_doc - 1] + 1, f.code, f.severity, message,
                                     text[f.start:f.end]))
    found.sort(key=lambda f: (f.line, f.code, f.message))
    return FileReport(path.name, role, words, tuple(found))


def check_folder(folder: Path, settings, pairs: bool = True) -> list[FileReport]:
    """The reference first, then each system in systems.tsv's order; with `pairs`, each
    checked as the translation of the folder's source (mono and pair rules together)."""
    groups = documents(folder)
    source = _read_lines(source_file(folder)) if pairs else None  # pairs both ways (ara-eng, eng-ara)
    reports = [check_file(reference_file(folder), groups, settings, "reference", source)]
    for name, tier in systems(folder).items():
        reports.append(check_file(folder / name, groups, settings, tier, source))
    return reports


def judged(path: Path) -> dict[tuple[str, str, int, str, str], tuple[str, str]]:
    """(folder, file, line, code, message) -> (verdict, reason) from a judged TSV."""
    out = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        if not row or row.startswith("#"):
            continue
        folder, name, line, code, message, verdict, reason = row.split("\t")
        out[(folder, name, int(line), code, message)] = (verdict, reason)
    return out


def key(folder: Path, report: FileReport, f: LineFinding) -> tuple[str, str, int, str, str]:
    return (folder.name, report.name, f.line, f.code, f.message)
